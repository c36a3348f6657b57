import { Given } from '@cucumber/cucumber';

Given('I have {int} cukes in my belly', function (_cukeCount: number) {
  // no-op
});
