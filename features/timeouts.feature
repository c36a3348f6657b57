Feature: Steps that hang
  A step that never finishes is cut and reported as a timeout at its step; the run still ends,
  within seconds when the timeout is small, and the verdict is still printed.

  Background:
    Given the "todo" fixture
    And the file "spec.config.json" contains:
      """
      { "timeout": 500 }
      """
    And the file "steps/waiting.steps.ts" contains:
      """
      import { When } from '@cucumber/cucumber';
      import { execSync } from 'node:child_process';

      When('I wait for a command that never ends', function () {
        execSync('sleep 60');
      });

      When('I wait for a reply that never comes', function () {
        return new Promise<void>(() => {});
      });

      When('I wait with the event loop blocked', function () {
        for (;;) {
          // never yields to the event loop
        }
      });
      """

  Scenario: A step whose promise never settles times out at its step
    Given the file "features/waiting.feature" contains:
      """
      Feature: Waiting

        Scenario: Waiting for a reply
          Given an empty todo list
          When I wait for a reply that never comes
          Then 0 todos remain

        Scenario: Counting afterwards
          Given an empty todo list
          Then 0 todos remain
      """
    When I run "spec verify features/waiting.feature --json"
    Then the exit code is 1
    And the command finished within 10 seconds
    And the verdict is valid JSON matching the schema
    And the verdict has a "timeout" failure at "features/waiting.feature:5"
    And that failure's step is "When I wait for a reply that never comes"
    And that failure's message contains "500"
    And the verdict counts 1 passed and 1 failed scenario
    And the verdict reports the scenario "features/waiting.feature:8" as passed

  Scenario: A step that blocks the event loop is cut by the watchdog and named
    Given the file "features/waiting.feature" contains:
      """
      Feature: Waiting

        Scenario: Counting first
          Given an empty todo list
          Then 0 todos remain

        Scenario: Waiting with the event loop blocked
          Given an empty todo list
          When I wait with the event loop blocked
          Then 0 todos remain
      """
    When I run "spec verify features/waiting.feature --json"
    Then the exit code is 1
    And the command finished within 15 seconds
    And the verdict is valid JSON matching the schema
    And the verdict has a "timeout" failure at "features/waiting.feature:9"
    And that failure's scenario is "Waiting with the event loop blocked"
    And that failure's step contains "I wait with the event loop blocked"
    And that failure's hint contains "loop"
    And that failure's hint does not contain "await"
    And the verdict reports the scenario "features/waiting.feature:3" as passed
    And the verdict counts 1 passed and 1 failed scenario

  Scenario: A hook that blocks the event loop is named where it is defined, not blamed on the step after it
    Given the file "steps/blocking-hook.steps.ts" contains:
      """
      import { Before } from '@cucumber/cucumber';

      Before({ name: 'warm the cache', tags: '@blocking' }, function () {
        for (;;) {
          // never yields to the event loop
        }
      });
      """
    And the file "features/waiting.feature" contains:
      """
      Feature: Waiting

        Scenario: Counting first
          Given an empty todo list
          Then 0 todos remain

        @blocking
        Scenario: Starting behind a blocked hook
          Given an empty todo list
          Then 0 todos remain
      """
    When I run "spec verify features/waiting.feature --json"
    Then the exit code is 1
    And the command finished within 15 seconds
    And the verdict is valid JSON matching the schema
    And the verdict has 1 failure
    And the verdict has a "timeout" failure at "steps/blocking-hook.steps.ts:3"
    And that failure's scenario is "Starting behind a blocked hook"
    And that failure's message contains "hook \"warm the cache\" blocked the event loop"
    And that failure's hint contains "the hook never gave the event loop back"
    And the verdict reports the scenario "features/waiting.feature:3" as passed
    And the verdict counts 1 passed and 1 failed scenario

  Scenario: A step blocked in a synchronous child process is cut, and the child killed
    Given the file "features/waiting.feature" contains:
      """
      Feature: Waiting

        Scenario: Waiting for a command
          Given an empty todo list
          When I wait for a command that never ends

        Scenario: Counting afterwards
          Given an empty todo list
          Then 0 todos remain
      """
    When I run "spec verify features/waiting.feature --json"
    Then the exit code is 1
    And the command finished within 15 seconds
    And the verdict has a "timeout" failure at "features/waiting.feature:5"
    And the verdict reports the scenario "features/waiting.feature:7" as passed
    And no process is left running in the project folder

  Scenario: A run timeout also ends a command a step is stuck in
    Given the file "spec.config.json" contains:
      """
      { "timeout": 60000, "runTimeout": 1500 }
      """
    And the file "features/waiting.feature" contains:
      """
      Feature: Waiting

        Scenario: Waiting for a command
          When I wait for a command that never ends
      """
    When I run "spec verify features/waiting.feature --json"
    Then the exit code is 1
    And the command finished within 10 seconds
    And the verdict has a "timeout" failure
    And no process is left running in the project folder

  Scenario: The human report of a blocked step still ends with the summary line
    Given the file "features/waiting.feature" contains:
      """
      Feature: Waiting

        Scenario: Waiting with the event loop blocked
          Given an empty todo list
          When I wait with the event loop blocked
      """
    When I run "spec verify features/waiting.feature"
    Then the exit code is 1
    And the command finished within 15 seconds
    And stdout contains "TIMEOUT"
    And stdout contains "features/waiting.feature:5"
    And the last line of stdout is "spec: 0 passed, 1 failed"

  Scenario: A slow step within the support code's own timeout passes, as in cucumber-js
    The watchdog cuts a step that blocks the event loop; a step that awaits is cucumber's to time
    out, at the timeout the support code chose (setDefaultTimeout, a step's own timeout option),
    not at spec.config's.
    Given the file "steps/slow.steps.ts" contains:
      """
      import { When, setDefaultTimeout } from '@cucumber/cucumber';

      setDefaultTimeout(6000);

      When('I wait for a slow reply', function () {
        return new Promise<void>((resolve) => setTimeout(resolve, 3000));
      });

      When('I wait for a reply with a step timeout of its own', { timeout: 7000 }, async function () {
        await new Promise<void>((resolve) => setTimeout(resolve, 3000));
      });
      """
    And the file "features/slow.feature" contains:
      """
      Feature: Slow replies

        Scenario: Waiting under the default timeout
          Given an empty todo list
          When I wait for a slow reply
          Then 0 todos remain

        Scenario: Waiting under a step's own timeout
          Given an empty todo list
          When I wait for a reply with a step timeout of its own
          Then 0 todos remain
      """
    When I run "spec verify features/slow.feature --json"
    Then the exit code is 0
    And the verdict counts 2 passed and 0 failed scenarios

  Scenario: After a blocking step is cut, the profile's report files are not left telling half the run
    The rest of the run goes on in a fresh runner, whose cucumber would write the profile's json and
    html reports with only the scenarios it ran: a report with the cut scenario missing reads all green.
    Given the file "cucumber.cjs" contains:
      """
      module.exports = {
        default: { require: ['steps/**/*.ts'], format: ['json:reports/cucumber.json', 'html:reports/cucumber.html'] },
      };
      """
    And the file "reports/cucumber.json" contains:
      """
      []
      """
    And the file "features/waiting.feature" contains:
      """
      Feature: Waiting

        Scenario: Counting first
          Given an empty todo list
          Then 0 todos remain

        Scenario: Waiting with the event loop blocked
          Given an empty todo list
          When I wait with the event loop blocked
          Then 0 todos remain

        Scenario: Counting afterwards
          Given an empty todo list
          Then 0 todos remain
      """
    When I run "spec verify features/waiting.feature --json"
    Then the exit code is 1
    And the verdict counts 2 passed and 1 failed scenarios
    And the file "reports/cucumber.json" does not exist
    And the file "reports/cucumber.html" does not exist
    And the verdict has a "SPEC_PROFILE_REPORTS_UNWRITTEN" warning
