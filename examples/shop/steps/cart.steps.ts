import assert from 'node:assert/strict';
import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import { Cart } from '../src/cart.js';

interface ShopWorld {
  cart: Cart;
  error?: Error;
}

Given('an empty cart', function (this: ShopWorld) {
  this.cart = new Cart();
});

When('I add {int} of {string} at {float}', function (this: ShopWorld, quantity: number, sku: string, price: number) {
  this.cart.add(sku, price, quantity);
});

When('I add these items:', function (this: ShopWorld, table: DataTable) {
  for (const row of table.hashes()) this.cart.add(row.sku!, Number(row.price), Number(row.quantity));
});

When('I try to add {int} of {string} at {float}', function (this: ShopWorld, quantity: number, sku: string, price: number) {
  try {
    this.cart.add(sku, price, quantity);
  } catch (error) {
    this.error = error as Error;
  }
});

Then('the cart holds {int} items', function (this: ShopWorld, count: number) {
  assert.equal(this.cart.itemCount(), count);
});

Then('the total is {float}', function (this: ShopWorld, total: number) {
  assert.equal((this.cart.totalCents() / 100).toFixed(2), total.toFixed(2));
});

Then('I am told {string}', function (this: ShopWorld, message: string) {
  assert.ok(this.error, 'expected an error, but the cart accepted the item');
  assert.match(this.error.message, new RegExp(message));
});
