import { Given } from '@cucumber/cucumber';

Given('I have {int} <![CDATA[cukes]]> in my belly', function (_cukeCount: number) {
  // no-op
});
