Feature: Exact selection from per-scenario coverage
  With coverage on, every run records which files each scenario ran code in. An edit that stays
  inside function bodies then re-runs only the scenarios that ran that code, even when one step
  file imports modules for many scenarios. Any other edit (a constant, an import, a signature)
  falls back to the import graph, which sees every scenario the module's load-time state reaches.

  Background:
    Given the "todo" fixture
    And the file "src/pricing.ts" contains:
      """
      export const VAT = 0.2;

      export function priceWithVat(net: number): number {
        return Math.round(net * (1 + VAT) * 100) / 100;
      }
      """
    And the file "src/shipping.ts" contains:
      """
      export function shippingFor(weightKg: number): number {
        return weightKg > 10 ? 15 : 5;
      }
      """
    And the file "steps/shop.steps.ts" contains:
      """
      import assert from 'node:assert/strict';
      import { Then } from '@cucumber/cucumber';
      import { priceWithVat } from '../src/pricing.js';
      import { shippingFor } from '../src/shipping.js';

      Then('{int} net costs {float} gross', function (net: number, gross: number) {
        assert.equal(priceWithVat(net), gross);
      });

      Then('a parcel of {int} kg ships for {int}', function (kg: number, cost: number) {
        assert.equal(shippingFor(kg), cost);
      });
      """
    And the file "features/shop.feature" contains:
      """
      Feature: Shop

        Scenario: Prices include VAT
          Then 10 net costs 12 gross

        Scenario: Heavy parcels cost more to ship
          Then a parcel of 12 kg ships for 15
      """
    And the project is a git repository with everything committed
    When I run "spec verify --coverage --gate none"
    Then the exit code is 0

  Scenario: An edit inside a function body runs only the scenarios that ran it
    Given I replace "> 10 ? 15 : 5" with "> 20 ? 15 : 5" in the file "src/shipping.ts"
    When I run "spec verify --changed --coverage --gate none --json"
    Then the exit code is 1
    And the verdict ran exactly these scenarios:
      | features/shop.feature:6 |
    And the verdict says "src/shipping.ts" selected "features/shop.feature:6" because "src/shipping.ts changed (its code ran in this scenario)"

  Scenario: An edit to a module's load-time state runs every scenario that imports it
    Given I replace "VAT = 0.2" with "VAT = 0.25" in the file "src/pricing.ts"
    When I run "spec verify --changed --coverage --gate none --json"
    Then the exit code is 1
    And the verdict ran exactly these scenarios:
      | features/shop.feature:3 |
      | features/shop.feature:6 |
    And the verdict reports the scenario "features/shop.feature:3" as failed

  Scenario: A partial run does not vouch for the scenarios it skipped
    Given I replace "VAT = 0.2" with "VAT = 0.25" in the file "src/pricing.ts"
    And I run "spec verify features/shop.feature:3 --coverage --gate none"
    When I run "spec verify --changed --coverage --gate none --json"
    Then the exit code is 1
    And the verdict ran exactly these scenarios:
      | features/shop.feature:3 |
      | features/shop.feature:6 |

  Scenario: Without coverage the import graph decides
    Given I run "spec verify --gate none"
    And I replace "> 10 ? 15 : 5" with "> 20 ? 15 : 5" in the file "src/shipping.ts"
    When I run "spec verify --changed --gate none --json"
    Then the exit code is 1
    And the verdict ran exactly these scenarios:
      | features/shop.feature:3 |
      | features/shop.feature:6 |

  Scenario: spec watch --coverage re-runs only the scenarios that ran the edited code
    When I start "spec watch --coverage --json"
    And I write "src/shipping.ts" with:
      """
      export function shippingFor(weightKg: number): number {
        return weightKg > 20 ? 15 : 5;
      }
      """
    Then the next run ran exactly these scenarios:
      | features/shop.feature:6 |
    When I write "src/pricing.ts" with:
      """
      export const VAT = 0.25;

      export function priceWithVat(net: number): number {
        return Math.round(net * (1 + VAT) * 100) / 100;
      }
      """
    Then the next run ran exactly these scenarios:
      | features/shop.feature:3 |
      | features/shop.feature:6 |
