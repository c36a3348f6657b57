import { Given } from '@cucumber/cucumber';

Given('an ambiguous step', function () {
  // first one
});

Given('an ambiguous step', function () {
  // second one
});
