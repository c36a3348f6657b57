Feature: A step definition added to one step file reaches every scenario it may match
  A step file edited to define a new step can change how other scenarios' steps bind, though none
  of them is bound to that file yet: a step it also matches turns ambiguous (plain cucumber-js
  fails those scenarios), an undefined one becomes defined. So an edit that adds or changes a step
  pattern runs every scenario; an edit inside the step bodies runs only the scenarios bound to
  the file, as before.

  Background:
    Given the "esm-shopfront" fixture

  Scenario: Watch fails the scenarios a new definition in another step file makes ambiguous
    When I start "spec watch --json --settle 20"
    Then the first run's closing line was "spec: 12 passed, 0 failed"
    When I append "When('the order receives {word}', function () {});" to "tests/steps/parser.steps.ts"
    Then the next run's closing line is "spec: 6 passed, 6 failed" with exit code 1

  Scenario: Watch runs only the bound scenarios for an edit inside a step's body
    When I start "spec watch --json --settle 20"
    Then the first run's closing line was "spec: 12 passed, 0 failed"
    When I append "// a note" to "tests/steps/parser.steps.ts"
    Then the next run's closing line is "spec: 6 passed, 0 failed" with exit code 0

  Scenario: --changed fails the scenarios a new definition in another step file makes ambiguous
    Given the project is a git repository with everything committed
    When I run "spec verify --gate none"
    Then the exit code is 0
    Given I append "When('the order receives {word}', function () {});" to the file "tests/steps/parser.steps.ts"
    When I run "spec verify --changed --gate none"
    Then the exit code is 1
    And the output contains "ambiguous"

  Scenario: Watch runs a step file deleted then restored again, and its scenarios pass
    When I start "spec watch --json --settle 20"
    Then the first run's closing line was "spec: 12 passed, 0 failed"
    When I rename "tests/steps/orders.steps.ts" to "tests/orders.steps.bak"
    Then the next run's closing line is "spec: 6 passed, 6 failed" with exit code 1
    When I rename "tests/orders.steps.bak" to "tests/steps/orders.steps.ts"
    Then the next run's closing line is "spec: 12 passed, 0 failed" with exit code 0
