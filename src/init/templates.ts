/** The files `spec init` writes: a tiny working project that `spec verify` passes. */
export function initTemplates(name: string): Record<string, string> {
  return {
    'package.json': `${JSON.stringify(
      {
        name,
        private: true,
        type: 'module',
        scripts: { test: 'spec verify' },
        devDependencies: { '@cucumber/cucumber': '^12.9.0', '@types/node': '^20.19.0', specloop: '^0.1.0', tsx: '^4.20.0', typescript: '^7.0.0' },
      },
      null,
      2,
    )}\n`,
    // No specs/steps here: the defaults (features/ and specs/, steps/ and features/) stay in force.
    'spec.config.ts': `// specloop configuration: every key is optional (see the README's config reference).
// specs and steps are left to the defaults: features/ and specs/ (.feature, .feature.md, .md),
// steps/ and features/ (.ts, .js and the rest).
export default {
  timeout: 5000,
};
`,
    // No paths, and require covers both default step folders: specloop reads this profile, and
    // paths or support files named here would replace its defaults.
    'cucumber.cjs': `// Lets plain cucumber-js run the same suite; specloop honours this profile too.
// No "paths": plain cucumber-js runs features/**/*.feature, and specloop keeps its own defaults
// (features/ and specs/, Markdown specs included) instead of narrowing them to what is named here.
module.exports = {
  default: {
    requireModule: ['tsx/cjs'],
    require: ['steps/**/*.{ts,cts,js,cjs}', 'features/**/*.{ts,cts,js,cjs}'],
  },
};
`,
    'tsconfig.json': `${JSON.stringify(
      {
        compilerOptions: { target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', types: ['*'], strict: true, skipLibCheck: true, noEmit: true },
        include: ['src', 'steps', 'features', 'specs'],
      },
      null,
      2,
    )}\n`,
    'src/cart.ts': `export interface Line {
  item: string;
  price: number;
  quantity: number;
}

export class Cart {
  private readonly lines: Line[] = [];

  add(item: string, price: number, quantity = 1): void {
    if (quantity < 1) throw new Error('quantity must be at least 1');
    this.lines.push({ item, price, quantity });
  }

  total(): number {
    return this.lines.reduce((sum, line) => sum + line.price * line.quantity, 0);
  }

  count(): number {
    return this.lines.reduce((sum, line) => sum + line.quantity, 0);
  }
}
`,
    'features/cart.feature': `Feature: Shopping cart
  A cart adds up what the customer puts in it.

  Scenario: An empty cart costs nothing
    Given an empty cart
    Then the total is 0

  Scenario: Items add up
    Given an empty cart
    When I add 2 "apple" at 3
    And I add 1 "pear" at 5
    Then the total is 11
    And the cart holds 3 items
`,
    'features/checkout.md': `---
tags: [checkout]
status: accepted
---
# Checkout

Customers pay for what is in their cart. This document is the spec:
the scenarios below run as acceptance tests, the prose is for people.

## Scenario: Paying for several lines

- Given an empty cart
- When I add 3 "book" at 12
- Then the total is 36
`,
    // No node:assert: the steps type-check with typescript alone, before @types/node is installed.
    'steps/cart.steps.ts': `import { Given, When, Then } from '@cucumber/cucumber';
import { Cart } from '../src/cart.js';

interface World {
  cart: Cart;
}

/** Fails with the expected and actual values, which specloop's report shows side by side. */
function expectEqual(actual: unknown, expected: unknown, what: string): void {
  if (actual !== expected) throw Object.assign(new Error(\`\${what}: expected \${String(expected)}, got \${String(actual)}\`), { expected, actual });
}

Given('an empty cart', function (this: World) {
  this.cart = new Cart();
});

When('I add {int} {string} at {int}', function (this: World, quantity: number, item: string, price: number) {
  this.cart.add(item, price, quantity);
});

Then('the total is {int}', function (this: World, total: number) {
  expectEqual(this.cart.total(), total, 'the total');
});

Then('the cart holds {int} items', function (this: World, count: number) {
  expectEqual(this.cart.count(), count, 'the item count');
});
`,
    '.gitignore': GITIGNORE,
  };
}

/**
 * .spec/ is caches each machine rebuilds, except the reviewed baseline: ack.json and its blobs are
 * what `spec verify --locked` and `spec review` read on every machine. `.spec/*`, not `.spec/`: git
 * cannot re-include a file inside an ignored folder.
 */
const GITIGNORE = `node_modules/
# specloop: .spec/ holds caches, but the reviewed baseline (spec ack) is shared
.spec/*
!.spec/ack.json
!.spec/ack/
# sharding in CI: commit .spec/durations.json too (add !.spec/durations.json), or cache it
`;
