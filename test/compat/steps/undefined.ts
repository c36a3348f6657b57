import { Given } from '@cucumber/cucumber';

// "a step that is yet to be defined" and "a list of 8 things" are deliberately left undefined.

Given('an implemented step', function () {
  // no-op
});

Given('a step that will be skipped', function () {
  // no-op
});
