Feature: Reporting a failing assertion
  When a step's assertion fails, the verdict points at the line of the spec that failed, says
  what was expected and what came instead, and keeps only the stack frames in the user's own
  files, written relative to the project.

  Background:
    Given the "todo" fixture
    And the file "features/counting.feature" contains:
      """
      Feature: Counting todos

        Scenario: One todo is left
          Given an empty todo list
          When I add "buy milk"
          Then 5 todos remain

        Scenario: The list keeps what was added
          Given an empty todo list
          When I add "buy milk"
          Then the list shows:
            | buy bread |
      """

  Scenario: A failing assertion fails the run at the step's line
    When I run "spec verify --json"
    Then the exit code is 1
    And the verdict is valid JSON matching the schema
    And the verdict status is "failed"
    And the verdict counts 5 passed and 2 failed scenarios
    And the verdict has a "failed-step" failure at "features/counting.feature:6"
    And that failure's scenario is "One todo is left"
    And that failure's step is "Then 5 todos remain"
    And that failure's expected is "5"
    And that failure's actual is "1"
    And that failure's diff contains "- 5"
    And that failure's diff contains "+ 1"
    And that failure's hint contains "features/counting.feature:6"
    And that failure's stack contains "steps/todo.steps.ts:26"

  Scenario: A deep-equality failure gives expected, actual and a diff of the values
    When I run "spec verify --json"
    Then the exit code is 1
    And the verdict has a "failed-step" failure at "features/counting.feature:11"
    And that failure's expected contains "buy bread"
    And that failure's actual contains "buy milk"
    And that failure's diff contains "- [ 'buy bread' ]"
    And that failure's diff contains "+ [ 'buy milk' ]"

  Scenario: The human report shows the spec line, the values and the user's own stack frame
    When I run "spec verify features/counting.feature"
    Then the exit code is 1
    And stdout contains "features/counting.feature:6"
    And stdout shows line 6 of the spec marked with ">":
      """
          Then 5 todos remain
      """
    And stdout contains "- 5"
    And stdout contains "+ 1"
    And stdout shows the stack frame "(steps/todo.steps.ts:26:"
    And the output does not mention the project's absolute path
    And the output shows no stack frames of specloop or node internals
    And the last line of stdout is "spec: 0 passed, 2 failed"

  Scenario: An error thrown by the code under test is reported where it was thrown
    Given the file "features/counting.feature" contains:
      """
      Feature: Counting todos

        Scenario: Completing a todo that is not there
          Given an empty todo list
          When I complete "walk the dog"
          Then 0 todos remain
      """
    When I run "spec verify features/counting.feature --json"
    Then the exit code is 1
    And the verdict has a "failed-step" failure at "features/counting.feature:5"
    And that failure's message contains "no todo called \"walk the dog\""
    And that failure's stack contains "src/todo.ts:"
    And that failure has no expected

  Scenario: The whole message of an assertion is kept, not only its first line
    Given the file "steps/checks.steps.ts" contains:
      """
      import assert from 'node:assert/strict';
      import { Then } from '@cucumber/cucumber';

      Then('the list passes a check with a long message', function () {
        assert.ok(false, 'the list is wrong\nit held: buy milk, walk the dog');
      });

      Then('the list passes a check that gives up', function () {
        assert.fail('gave up on the list\nbecause: it was never loaded');
      });
      """
    And the file "features/checks.feature" contains:
      """
      Feature: Checks

        Scenario: A failing check explains itself
          Then the list passes a check with a long message

        Scenario: A check that gives up explains itself
          Then the list passes a check that gives up
      """
    When I run "spec verify features/checks.feature --json"
    Then the exit code is 1
    And the verdict has a "failed-step" failure at "features/checks.feature:4"
    And that failure's message contains "it held: buy milk, walk the dog"
    And the verdict has a "failed-step" failure at "features/checks.feature:7"
    And that failure's message contains "because: it was never loaded"
    And that failure has no diff
