import { Given } from '@cucumber/cucumber';

// "an undefined step" is deliberately left undefined; "an ambiguous step" matches two definitions.

Given(/^a step$/, function () {
  // no-op
});

Given(/^a failing step$/, function () {
  throw new Error('whoops');
});

Given(/^a pending step$/, function () {
  return 'pending';
});

Given(/^a skipped step$/, function () {
  return 'skipped';
});

Given(/^an ambiguous (.*?)$/, function (_what: string) {
  // first one
});

Given(/^(.*?) ambiguous step$/, function (_what: string) {
  // second one
});
