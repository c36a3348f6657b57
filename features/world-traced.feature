Feature: Code reached only through the World is traced by every scenario
  Without coverage, a spec traces the step files its steps bind to and what they import. Support
  files that every scenario runs with (the World, hooks, parameter types: support files that define
  no step) are traced by every scenario too, with what they import, as --changed and watch already
  treat them. A project whose World is the only code that requires lib/ (steps reach it through
  `this`) must not read as "run by no scenario" and "0 self-graded".

  Background:
    Given the "cjs-world-stock" fixture
    And the project is a git repository with everything committed
    And I run "spec verify"
    And I run "spec ack --message clean"

  Scenario: Source and spec changed together through the World are self-graded
    Given I replace "'insufficient stock for '" with "'not enough '" in the file "lib/inventory.js"
    And I replace "insufficient stock for GADGET-9" with "not enough GADGET-9" in the file "features/stock.feature"
    When I run "spec verify"
    Then the exit code is 0
    When I run "spec review --json"
    Then stdout is JSON in which "figures.selfGraded.value" is "1"
    And stdout is JSON in which "selfGraded.0.spec" is '"features/stock.feature"'
    And stdout is JSON in which "sources.0.changedWith" is '["features/stock.feature"]'
    When I run "spec review"
    Then stdout does not contain "run by no recorded scenario"

  Scenario: Source changed alone through the World drifts every spec that runs with it
    Given I replace "'quantity must be positive'" with "'quantity must be above zero'" in the file "lib/inventory.js"
    When I run "spec review --json"
    Then stdout is JSON in which "figures.drift.value" is "2"
    When I run "spec debt --json"
    Then stdout is JSON in which "specs.0.traced" is '["step-definitions/stock_steps.js","support/world.js"]'

  Scenario: A file renamed with one line changed counts that line, not the whole file as new
    Given I replace "'insufficient stock for '" with "'not enough '" in the file "lib/inventory.js"
    And I rename the file "lib/inventory.js" to "lib/stock.js"
    And I replace "require('./inventory')" with "require('./stock')" in the file "lib/index.js"
    When I run "spec review --json"
    Then stdout is JSON in which "sources.0.file" is '"lib/stock.js"'
    And stdout is JSON in which "sources.0.change" is '"changed"'
    And stdout is JSON in which "sources.0.renamedFrom" is '"lib/inventory.js"'
    And stdout is JSON in which "sources.0.added" is "1"
    And stdout is JSON in which "sources.0.removed" is "1"
    When I run "spec review"
    Then stdout contains "renamed from lib/inventory.js"
