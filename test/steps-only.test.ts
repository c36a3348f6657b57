import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { definesStepsOnly } from '../src/impact/steps-only.js';

const stepsOnly = [
  [
    'a TypeScript step file that imports its World only as a type',
    `import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import type { ShopWorld } from '../support/world.js';

Given('an empty cart', function (this: ShopWorld) {
  assert.equal(this.itemCount(), 0);
});

When('I add {int} {string} at {int}', function (this: ShopWorld, quantity: number, sku: string, price: number) {
  this.addToCart(sku, quantity, price);
})`,
  ],
  [
    'CommonJS with require, module state and helpers',
    `'use strict'
const { Given, When, Then } = require('@cucumber/cucumber')
const assert = require('assert').strict
const { Cart } = require('../../src/cart')
let last = null
const PRICES = { apple: 3, pear: [5, 6] }
function priceOf(sku) { return PRICES[sku] ?? lookUp(sku) }
When(/^I add (\\d+) "([^"]*)"$/, async function (n, sku) {
  last = await this.cart.add(sku, Number(n), priceOf(sku))
})
Then('the last line is {string}', (sku) => assert.equal(last.sku, sku))
module.exports = { priceOf }`,
  ],
  [
    'types, enums, options objects and generic step calls',
    `import { Given, When, type DataTable } from '@cucumber/cucumber';
import * as api from '../src/api.js';
export interface Row { name: string; age: number }
type Rows = Row[] |
  undefined
enum Colour { Red = 'red', Blue = 'blue' }
const pattern = /^a (red|blue) box$/;
export const timeoutMs = 10 * 1000, label = \`box\`;
declare global {
  interface Window { x: number }
}
export async function build(rows: Rows): Promise<void> {
  await api.post(rows);
}
Given<{ rows: Row[] }>('the people:', { timeout: timeoutMs }, async function (table: DataTable) {
  this.rows = table.hashes() as unknown as Row[];
});
When(pattern, (colour: string) => {
  void api.paint(Colour.Red, colour);
});
export default { build };`,
  ],
  ['a file with only types', `export type Id = string;\nexport interface W { id: Id }\n`],
  ['names that are also Object.prototype keys', `import { Then } from '@cucumber/cucumber';\nconst constructor = { toString: 1 };\nThen('x', function () { return this.constructor.name + constructor.toString; });\n`],
  [
    'tsc CommonJS output',
    `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.helper = void 0;
const cucumber_1 = require("@cucumber/cucumber");
const helper = (n) => n + 1;
exports.helper = helper;`,
  ],
] as const;

const notStepsOnly = [
  ['registers a World', `import { setWorldConstructor, World } from '@cucumber/cucumber';\nclass ShopWorld extends World {}\nsetWorldConstructor(ShopWorld);\n`],
  ['a step file that also registers a World', `import { Given, setWorldConstructor } from '@cucumber/cucumber';\nGiven('x', () => {});\nsetWorldConstructor(class {});\n`],
  ['hooks', `import { Before } from '@cucumber/cucumber';\nBefore(function () { this.x = 1; });\n`],
  ['a default timeout', `import { Given, setDefaultTimeout } from '@cucumber/cucumber';\nsetDefaultTimeout(60 * 1000);\nGiven('x', () => {});\n`],
  ['a parameter type', `import { defineParameterType } from '@cucumber/cucumber';\ndefineParameterType({ name: 'colour', regexp: /red|blue/ });\n`],
  ['a plugin registered at load', `import chai from 'chai';\nimport chaiAsPromised from 'chai-as-promised';\nimport { Then } from '@cucumber/cucumber';\nchai.use(chaiAsPromised);\nThen('x', () => {});\n`],
  ['a side-effect import', `import 'dotenv/config';\nimport { Given } from '@cucumber/cucumber';\nGiven('x', () => {});\n`],
  ['a call in a constant', `import { Given } from '@cucumber/cucumber';\nconst client = createClient({ url: process.env.URL });\nGiven('x', () => client.ping());\n`],
  ['a call hidden in an object literal', `const config = { db: connect() };\n`],
  ['a constructed object', `const browser = new Browser();\n`],
  ['top-level await', `const page = await launch();\n`],
  ['a top-level if', `import { Given } from '@cucumber/cucumber';\nif (process.env.CI) Given('x', () => {});\n`],
  ['an assignment to a global', `globalThis.fetch = myFetch;\n`],
  ['a chained call after require', `const should = require('chai').should();\n`],
  ['a call on the next line (no automatic semicolon)', `const f = g\n(h)\n`],
  ['a tagged template', "const q = sql`select 1`;\n"],
  ['a call inside a template', 'const s = `${load()}`;\n'],
  ['a class with static state', `export class Pool { static shared = open(); }\n`],
  ['a step pattern built by a call', `import { Given } from '@cucumber/cucumber';\nGiven(pattern('x'), () => {});\n`],
  ['a destructuring default that calls', `const { a = compute() } = options;\n`],
  ['an unterminated string', `const a = 'oops\n`],
  ['compiled step calls', `(0, cucumber_1.Given)('x', () => {});\n`],
  ['a dynamic import', `const m = import('./m.js');\n`],
] as const;

describe('definesStepsOnly', () => {
  for (const [what, text] of stepsOnly) it(`yes: ${what}`, () => expect(definesStepsOnly(text)).toBe(true));
  for (const [what, text] of notStepsOnly) it(`no: ${what}`, () => expect(definesStepsOnly(text)).toBe(false));

  it('reads this repository\'s own step files and the fixtures\' as steps only, and their World files as not', () => {
    const root = path.resolve(__dirname, '..');
    const read = (f: string) => readFileSync(path.join(root, f), 'utf8');
    expect(definesStepsOnly(read('fixtures/todo/steps/todo.steps.ts'))).toBe(true);
    expect(definesStepsOnly(read('fixtures/world-file/features/step_definitions/cart.steps.ts'))).toBe(true);
    expect(definesStepsOnly(read('fixtures/world-file/features/support/world.ts'))).toBe(false);
    expect(definesStepsOnly(read('steps/support/world.ts'))).toBe(false);
  });
});
