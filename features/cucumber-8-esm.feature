Feature: ESM step files on cucumber 8, which names them by file: URL
  cucumber 8 reports the source of an ESM step definition, hook or parameter type as a file: URL
  (file:///home/…/steps.mjs), where later majors give the path from the project. specloop names
  support code by its project path in every message, and its scenario map must match those files
  to the paths --changed and watch see: otherwise an edited step file reads as code every scenario
  loads, and every scenario runs. Found by rebuilding manavm1990/bdd-shouty (ESM .mjs steps under
  features/, custom parameter types, no cucumber config, cucumber 8.4) from the code index.

  Background:
    Given the "cucumber-8-esm" fixture
    And the project is a git repository with everything committed

  Scenario: A failing step names its definition by its path in the project
    Given I replace "assert.equal(this.network.range, range)" with "assert.equal(this.network.range, range + 1)" in the file "features/step_definitions/range_steps.mjs"
    When I run "spec verify --gate none"
    Then the exit code is 1
    And the output contains "fix the step definition at features/step_definitions/range_steps.mjs:4"
    And the output does not contain "file:"
    And the last line of stdout is "spec: 2 passed, 1 failed"

  Scenario: An edited step file that defines no hook runs only the scenarios that use it
    When I run "spec verify --gate none"
    Then the exit code is 0
    Given I replace "assert.equal(this.network.range, range)" with "assert.equal(this.network.range, range + 1)" in the file "features/step_definitions/range_steps.mjs"
    When I run "spec verify --changed --gate none --json"
    Then the exit code is 1
    And the verdict ran exactly these scenarios:
      | features/range.feature:3 |
