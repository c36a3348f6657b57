import { Given } from '@cucumber/cucumber';

Given('a step that does not skip', function () {
  // no-op
});

Given('a step that is skipped', function () {
  // no-op
});

Given('I skip a step', function () {
  return 'skipped';
});
