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
