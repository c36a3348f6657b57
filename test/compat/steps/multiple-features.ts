import { Given } from '@cucumber/cucumber';

Given('an order for {string}', function (_item: string) {
  // no-op
});
