import { Given } from '@cucumber/cucumber';

// Both match "a step with multiple definitions".

Given(/^a (.*?) with (.*?)$/, function (_thing: string, _what: string) {
  // first one
});

Given(/^a step with (.*?)$/, function (_what: string) {
  // second one
});
