Feature: Errors a step leaves behind
  A step that starts a timer or a promise nobody awaits can throw after it has passed. When that
  happens after the last step, plain cucumber-js prints its summary and then crashes on the error
  (exit 1). The verdict is never greener: such an error fails the run, at the user's line that
  threw, even though every scenario passed.

  Background:
    Given the "todo" fixture
    And the file "steps/late.steps.ts" contains:
      """
      import { Then } from '@cucumber/cucumber';

      Then('the audit log is flushed later', function () {
        setTimeout(() => {
          throw new Error('audit log unreachable');
        }, 20);
      });

      Then('the cache is warmed in the background', function () {
        void Promise.reject(new Error('cache server refused'));
      });

      Then('the audit log is flushed in a while', function () {
        setTimeout(() => {
          throw new Error('audit log timed out');
        }, 150);
      });
      """

  Scenario: A timer that throws after the last step fails the run
    Given the file "features/late.feature" contains:
      """
      Feature: Late
        Scenario: flush
          Given an empty todo list
          Then the audit log is flushed later
      """
    When I run "spec verify features/late.feature --json"
    Then the exit code is 1
    And the verdict has a "support-error" failure at "steps/late.steps.ts:5"
    And that failure's message contains "audit log unreachable"
    And that failure's message contains "after"

  Scenario: A promise rejected with no one awaiting it fails the run
    Given the file "features/late.feature" contains:
      """
      Feature: Late
        Scenario: warm
          Given an empty todo list
          Then the cache is warmed in the background
      """
    When I run "spec verify features/late.feature"
    Then the exit code is 1
    And stdout contains "cache server refused"
    And stdout contains "steps/late.steps.ts:10"

  Scenario Outline: On cucumber's workers too, an error left behind fails the run at its line
    A worker ends once it has no scenario left, and cucumber 12 loses an error that comes later
    (cucumber 13 ends its worker threads too): each worker waits for the timers its steps left,
    as a serial run does, so the verdict never reads better than a serial run's. Two scenarios, so
    two workers start.

    Given the file "features/late.feature" contains:
      """
      Feature: Late
        Scenario: leaves an error behind
          Given an empty todo list
          Then <step>

        Scenario: passes
          Given an empty todo list
      """
    When I run "spec verify features/late.feature --parallel 2 --json"
    Then the exit code is 1
    And the verdict has a "support-error" failure at "<where>"
    And that failure's message contains "<error>"
    And that failure's message contains "after"

    Examples:
      | step                                  | where                  | error                 |
      | the audit log is flushed later        | steps/late.steps.ts:5  | audit log unreachable |
      | the audit log is flushed in a while   | steps/late.steps.ts:15 | audit log timed out   |
      | the cache is warmed in the background | steps/late.steps.ts:10 | cache server refused  |
