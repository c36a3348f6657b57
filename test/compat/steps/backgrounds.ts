import { Given, Then, When } from '@cucumber/cucumber';

Given('an order for {string}', function (_item: string) {
  // no-op
});

When('an action', function () {
  // no-op
});

Then('an outcome', function () {
  // no-op
});
