import { Given } from '@cucumber/cucumber';

// The other steps of the feature are deliberately left undefined.

Given('an implemented step', function () {
  // no-op
});

Given('a step that will be skipped', function () {
  // no-op
});
