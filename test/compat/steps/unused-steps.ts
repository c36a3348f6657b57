import { Given } from '@cucumber/cucumber';

Given('a step that is used', function () {
  // no-op
});

// No step of the feature matches this one.
Given('a step that is not used', function () {
  // no-op
});
