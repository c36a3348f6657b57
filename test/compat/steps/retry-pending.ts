import { Given } from '@cucumber/cucumber';

Given('a pending step', function () {
  return 'pending';
});
