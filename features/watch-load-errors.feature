Feature: Watch after step files stop loading, and load again
  While a step file does not load, no scenario runs: the whole suite is unknown, not passing.
  When an edit makes the support code load again, the load failure clears and every scenario it
  kept from running runs, not just the scenarios the edit reaches.

  Background:
    Given the "cjs-bank" fixture

  Scenario: Fixing a step file that broke during the session clears the load failure
    When I start "spec watch --json --settle 20"
    And I append "syntax error here (" to "test/support/steps/catalog_steps.js"
    Then the next run reports a "support-error" failure at "test/support/steps/catalog_steps.js:9"
    When I replace "syntax error here (" with "// fixed" in the file "test/support/steps/catalog_steps.js"
    Then the next run's whole-suite state is 0 failing, 6 passed, 0 not run yet (0 fixed, 0 new)

  Scenario: A session that starts with steps that do not load runs every scenario once they load
    Given I run "spec verify"
    And I append "syntax error here (" to the file "test/support/steps/catalog_steps.js"
    When I start "spec watch --json --settle 20"
    And I replace "syntax error here (" with "// fixed" in the file "test/support/steps/catalog_steps.js"
    Then the next run's whole-suite state is 0 failing, 6 passed, 0 not run yet (0 fixed, 0 new)
