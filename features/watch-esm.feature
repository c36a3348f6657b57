Feature: Watch keeps a warm runner for ESM steps
  A project whose cucumber config loads its steps with `import:` (ES modules) gets the same long-lived
  runner under `spec watch` as one that loads them with `require:`: each run re-evaluates the
  project's own modules (node_modules stay loaded), so every edit is seen, even to a module the
  steps reach only through another, and no state a run left in a module reaches the next.

  Background:
    Given the "esm-warehouse" fixture

  Scenario: Edits to a source module the steps reach only through another are all seen
    When I start "spec watch --json --settle 20"
    Then the first run's closing line was "spec: 3 passed, 0 failed"
    When I write "src/stock.ts" with:
      """
      export interface Bin {
        sku: string;
        quantity: number;
      }

      export function unitsOf(bins: Bin[], sku: string): number {
        return bins.filter((bin) => bin.sku === sku).reduce((sum, bin) => sum + bin.quantity, 1);
      }
      """
    Then the next run's closing line is "spec: 0 passed, 3 failed" with exit code 1
    When I write "src/stock.ts" with:
      """
      export interface Bin {
        sku: string;
        quantity: number;
      }

      export function unitsOf(bins: Bin[], sku: string): number {
        return bins.filter((bin) => bin.sku === sku).reduce((sum, bin) => sum + bin.quantity, 0);
      }
      """
    Then the next run's closing line is "spec: 3 passed, 0 failed" with exit code 0
    When I write "src/stock.ts" with:
      """
      export interface Bin {
        sku: string;
        quantity: number;
      }

      export function unitsOf(bins: Bin[], sku: string): number {
        return bins.filter((bin) => bin.sku !== sku).reduce((sum, bin) => sum + bin.quantity, 0);
      }
      """
    Then the next run's closing line is "spec: 0 passed, 3 failed" with exit code 1

  Scenario: Edits to a step file are all seen
    When I start "spec watch --json --settle 20"
    And I write "tests/steps/stock.steps.ts" with:
      """
      import assert from 'node:assert/strict';
      import { Given, Then, When } from '@cucumber/cucumber';
      import type { WarehouseWorld } from '../support/world.js';

      Given('{int} units of {string} were received', function (this: WarehouseWorld, quantity: number, sku: string) {
        this.warehouse.receive(sku, quantity);
      });

      When('I ship {int} units of {string}', function (this: WarehouseWorld, quantity: number, sku: string) {
        this.warehouse.ship(sku, quantity);
      });

      Then('{int} units of {string} are in stock', function (this: WarehouseWorld, quantity: number, sku: string) {
        assert.equal(this.warehouse.units(sku), quantity);
      });

      Then('the shipment is refused', function (this: WarehouseWorld) {
        assert.fail('refusals are not checked');
      });
      """
    Then the next run's closing line is "spec: 2 passed, 1 failed" with exit code 1
    When I write "tests/steps/stock.steps.ts" with:
      """
      import assert from 'node:assert/strict';
      import { Given, Then, When } from '@cucumber/cucumber';
      import type { WarehouseWorld } from '../support/world.js';

      Given('{int} units of {string} were received', function (this: WarehouseWorld, quantity: number, sku: string) {
        this.warehouse.receive(sku, quantity);
      });

      When('I ship {int} units of {string}', function (this: WarehouseWorld, quantity: number, sku: string) {
        try {
          this.warehouse.ship(sku, quantity);
        } catch (error) {
          this.lastError = error as Error;
        }
      });

      Then('{int} units of {string} are in stock', function (this: WarehouseWorld, quantity: number, sku: string) {
        assert.equal(this.warehouse.units(sku), quantity);
      });

      Then('the shipment is refused', function (this: WarehouseWorld) {
        assert.match(this.lastError?.message ?? '', /not enough/);
      });
      """
    Then the next run's closing line is "spec: 3 passed, 0 failed" with exit code 0
    When I write "tests/steps/stock.steps.ts" with:
      """
      import assert from 'node:assert/strict';
      import { Given, Then, When } from '@cucumber/cucumber';
      import type { WarehouseWorld } from '../support/world.js';

      Given('{int} units of {string} were received', function (this: WarehouseWorld, quantity: number, sku: string) {
        this.warehouse.receive(sku, quantity);
      });

      When('I ship {int} units of {string}', function (this: WarehouseWorld, quantity: number, sku: string) {
        this.warehouse.ship(sku, quantity);
      });

      Then('{int} units of {string} are in stock', function (this: WarehouseWorld, quantity: number, sku: string) {
        assert.equal(this.warehouse.units(sku), quantity);
      });

      Then('the shipment is refused', function (this: WarehouseWorld) {
        assert.fail('refusals are not checked');
      });
      """
    Then the next run's closing line is "spec: 2 passed, 1 failed" with exit code 1

  Scenario: The runner stays warm between runs, and no module state reaches the next run
    Given the file "src/counter.ts" contains:
      """
      let count = 0;
      export function bump(): number {
        count += 1;
        return count;
      }
      """
    And the file "tests/steps/counter.steps.ts" contains:
      """
      import assert from 'node:assert/strict';
      import { Then } from '@cucumber/cucumber';
      import { bump } from '../../src/counter.js';

      // A global outlives a re-evaluated module: it counts how often this process loaded the file.
      const process = globalThis as { counterStepsLoaded?: number };
      process.counterStepsLoaded = (process.counterStepsLoaded ?? 0) + 1;

      Then('the counter starts from zero', function () {
        assert.equal(bump(), 1);
      });

      Then('this runner has loaded the steps {int} times', function (times: number) {
        assert.equal(process.counterStepsLoaded, times);
      });
      """
    And the file "tests/features/counter.feature" contains:
      """
      Feature: Counter
        Scenario: Fresh state
          Then the counter starts from zero
      """
    When I start "spec watch --json --settle 20"
    And I append "# touched" to "tests/features/counter.feature"
    Then the next run passes
    When I write "tests/features/counter.feature" with:
      """
      Feature: Counter
        Scenario: Fresh state, in the runner the last run used
          Then the counter starts from zero
          And this runner has loaded the steps 2 times
      """
    Then the next run passes
    When I write "tests/features/counter.feature" with:
      """
      Feature: Counter
        Scenario: Fresh state, in the runner the last two runs used
          Then the counter starts from zero
          And this runner has loaded the steps 3 times
      """
    Then the next run's closing line is "spec: 1 passed, 0 failed" with exit code 0

  Scenario: With SPECLOOP_TIMING=1 the runner's phases and CPU time show on the watcher's stderr
    When I start "spec watch --json --settle 20" with the variable SPECLOOP_TIMING set to "1"
    And I append "// touched" to "src/stock.ts"
    Then the next run passes
    And the watcher's stderr gets a line starting with "[specloop timing] runner load received at "
    And the watcher's stderr gets a line starting with "[specloop timing] runner run finished (cpu "
    And the watcher's stderr gets a line starting with "[specloop timing] watch runner retired: "

  Scenario: A failure in a step file the reload did not compile again still names its own line
    Given the file "src/limits.ts" contains:
      """
      export const maxShipment = 10;
      """
    And the file "tests/steps/limits.steps.ts" contains:
      """
      import assert from 'node:assert/strict';
      import { Then } from '@cucumber/cucumber';
      import { maxShipment } from '../../src/limits.js';

      /** Types only: compiling them away moves the lines below, which only the source map puts back. */
      interface Shipment {
        units: number;
      }

      function checked(shipment: Shipment): Shipment {
        assert.ok(shipment.units <= maxShipment, `${shipment.units} units exceed the limit of ${maxShipment}`);
        return shipment;
      }

      Then('a shipment of {int} units is allowed', function (units: number) {
        checked({ units });
      });
      """
    And the file "tests/features/limits.feature" contains:
      """
      Feature: Limits
        Scenario: A small shipment
          Then a shipment of 5 units is allowed
      """
    When I start "spec watch --json --settle 20"
    And I append "// touched" to "src/limits.ts"
    Then the next run passes
    When I write "src/limits.ts" with:
      """
      export const maxShipment = 4;
      """
    Then the next run fails with a stack frame at "tests/steps/limits.steps.ts:11"
