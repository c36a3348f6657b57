Feature: A World that throws is reported as the World, at its line
  cucumber builds the World (setWorldConstructor) before each scenario's first step. When its
  constructor throws, nothing ran in any step or hook: the failure names the World's file and line
  (from the error's stack) and its message, in serial runs, in watch and on cucumber's workers,
  never "fix the BeforeAll/AfterAll hook".

  Background:
    Given the "cjs-bank" fixture
    And I replace "this.accounts = {};" with "throw new Error('db not configured');" in the file "test/support/world.js"

  Scenario: spec verify names the World's line and its message
    When I run "spec verify --gate none"
    Then the exit code is 1
    And stdout contains "test/support/world.js:5"
    And stdout contains "db not configured"
    And stdout contains "World"
    And stdout does not contain "BeforeAll/AfterAll hook"

  Scenario: The verdict places it at the World's line as a support error
    When I run "spec verify --gate none --json"
    Then the exit code is 1
    And the verdict has a "support-error" failure at "test/support/world.js:5"
    And that failure's message contains "db not configured"

  Scenario: On cucumber's workers, the cause is in the verdict, not only in cucumber's stderr
    When I run "spec verify --gate none --parallel 2"
    Then the exit code is 1
    And stdout contains "db not configured"
    And stdout contains "test/support/world.js:5"

  Scenario: spec watch reports it the same way
    When I start "spec watch --json --settle 20"
    And I press "a" in the watcher
    Then the next run reports a "support-error" failure at "test/support/world.js:5"
