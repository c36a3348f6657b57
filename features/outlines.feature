Feature: Failures in Scenario Outlines
  An outline's steps are shared by all its examples: a failing example is located at its example
  row, the line a person re-runs with `spec verify FILE:LINE`. The title of each failure in the
  human report is such a line, and every failure in the JSON verdict carries its scenario's id.

  Background:
    Given the "outlines" fixture

  Scenario: A failing example is located at its row, in Gherkin
    Given I replace "quantity >= 100" with "quantity > 100" in the file "src/pricing.ts"
    When I run "spec verify --json"
    Then the exit code is 1
    And the verdict counts 6 passed and 1 failed scenarios
    And the verdict has a "failed-step" failure at "features/discounts.feature:18"
    And that failure's scenarioId is "features/discounts.feature:18"
    And that failure's step is "Then the order costs 800 euros"
    And that failure's hint contains "features/discounts.feature:7"

  Scenario: A failing example is located at its row, in a Markdown spec document
    Given I replace "4.5 + Math.ceil" with "4 + Math.ceil" in the file "src/pricing.ts"
    When I run "spec verify --json"
    Then the exit code is 1
    And the verdict has these "failed-step" failures:
      | features/shipping.md:15 |
      | features/shipping.md:16 |
    And the verdict has a "failed-step" failure at "features/shipping.md:16"
    And that failure's scenarioId is "features/shipping.md:16"

  Scenario: The title of a failure in the human report is a location spec verify re-runs
    Given I replace "quantity >= 100" with "quantity > 100" in the file "src/pricing.ts"
    When I run "spec verify"
    Then the exit code is 1
    And stdout contains " FAILED   features/discounts.feature:18  Scenario: 100 items cost 800 euros"
    And stdout shows line 18 of the spec marked with ">":
      """
            | 100      | 800   |
      """
    When I run "spec verify features/discounts.feature:18 --json"
    Then the exit code is 1
    And the verdict ran exactly these scenarios:
      | features/discounts.feature:18 |

  Scenario: A failure of a plain scenario carries its id, and its title re-runs it
    Given the file "features/rounding.feature" contains:
      """
      Feature: Rounding

        Scenario: Totals keep two decimals
          Given the unit price is 3 euros
          When a customer orders 11 items
          Then the order costs 29.71 euros
      """
    When I run "spec verify features/rounding.feature --json"
    Then the exit code is 1
    And the verdict has a "failed-step" failure at "features/rounding.feature:6:5"
    And that failure's scenarioId is "features/rounding.feature:3"
    When I run "spec verify features/rounding.feature"
    Then the exit code is 1
    And stdout contains " FAILED   features/rounding.feature:3  Scenario: Totals keep two decimals"
    And stdout contains "Then the order costs 29.71 euros  features/rounding.feature:6:5"
