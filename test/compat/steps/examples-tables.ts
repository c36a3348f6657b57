import assert from 'node:assert';
import { Given, Then, When } from '@cucumber/cucumber';

interface CucumberWorld {
  count: number;
  friends: number;
}

Given('there are {int} cucumbers', function (this: CucumberWorld, initialCount: number) {
  this.count = initialCount;
});

Given('there are {int} friends', function (this: CucumberWorld, initialFriends: number) {
  this.friends = initialFriends;
});

When('I eat {int} cucumbers', function (this: CucumberWorld, eatCount: number) {
  this.count -= eatCount;
});

Then('I should have {int} cucumbers', function (this: CucumberWorld, expectedCount: number) {
  assert.strictEqual(this.count, expectedCount);
});

Then('each person can eat {int} cucumbers', function (this: CucumberWorld, expectedShare: number) {
  const share = Math.floor(this.count / (1 + this.friends));
  assert.strictEqual(share, expectedShare);
});
