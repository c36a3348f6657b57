import assert from 'node:assert';
import { Given, Then, When } from '@cucumber/cucumber';

// Example values that are not integers leave the substituted step text undefined.

interface CucumberWorld {
  count: number;
}

Given('there are {int} cucumbers', function (this: CucumberWorld, initialCount: number) {
  this.count = initialCount;
});

When('I eat {int} cucumbers', function (this: CucumberWorld, eatCount: number) {
  this.count -= eatCount;
});

Then('I should have {int} cucumbers', function (this: CucumberWorld, expectedCount: number) {
  assert.strictEqual(this.count, expectedCount);
});
