import assert from 'node:assert';
import { Given, Then, When } from '@cucumber/cucumber';

interface ShopWorld {
  money: number;
  stock: string[];
  chocolate?: string;
}

Given('the customer has {int} cents', function (this: ShopWorld, money: number) {
  this.money = money;
});

Given('there are chocolate bars in stock', function (this: ShopWorld) {
  this.stock = ['Mars'];
});

Given('there are no chocolate bars in stock', function (this: ShopWorld) {
  this.stock = [];
});

When('the customer tries to buy a {int} cent chocolate bar', function (this: ShopWorld, price: number) {
  if (this.money >= price) {
    this.chocolate = this.stock.pop();
  }
});

Then('the sale should not happen', function (this: ShopWorld) {
  assert.strictEqual(this.chocolate, undefined);
});

Then('the sale should happen', function (this: ShopWorld) {
  assert.ok(this.chocolate);
});
