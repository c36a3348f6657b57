Feature: Stopping a run
  Ctrl-C (or a SIGTERM from a harness) stops spec at once: the runner and everything the steps
  started are killed, the partial verdict still prints with the scenarios that finished, and the
  run does not pass.

  Background:
    Given the "todo" fixture
    And the file "features/slow.feature" contains:
      """
      Feature: Slow
        Scenario: a step that starts a server and waits
          Given a helper process is running
      """
    And the file "steps/slow.steps.ts" contains:
      """
      import { spawn } from 'node:child_process';
      import { writeFileSync } from 'node:fs';
      import { Given } from '@cucumber/cucumber';

      Given('a helper process is running', { timeout: 60_000 }, function () {
        const helper = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
        writeFileSync('helper.pid', String(helper.pid));
        return new Promise(() => {});
      });
      """

  Scenario: Ctrl-C kills the run and what its steps started
    When I run "spec verify features/slow.feature --gate none" and press Ctrl-C once "helper.pid" exists
    Then the exit code is 1
    And stdout contains "SPEC_CANCELLED"
    And the last line of stdout is "spec: 0 passed, 1 failed (cancelled)"
    And the process whose id is in "helper.pid" is no longer running
    And no process is left running in the project folder

  Scenario: SIGTERM from a harness does the same, and JSON stays one document
    When I run "spec verify features/slow.feature --gate none --json" and send SIGTERM once "helper.pid" exists
    Then the exit code is 1
    And the verdict is valid JSON matching the schema
    And the verdict has a "run-error" failure
    And the process whose id is in "helper.pid" is no longer running
    And no process is left running in the project folder

  Scenario Outline: The partial verdict keeps the scenarios that finished, in a <runner>
    Given the file "spec.config.json" contains:
      """
      { "runner": "<runner>" }
      """
    And the file "features/mixed.feature" contains:
      """
      Feature: Mixed
        Scenario: a quick one
          Given an empty todo list
          Then 0 todos remain

        Scenario: another quick one
          Given an empty todo list
          When I add "buy milk"
          Then 1 todo remains

        Scenario: a step that starts a server and waits
          Given a helper process is running
      """
    When I run "spec verify features/mixed.feature --gate none --json" and press Ctrl-C once "helper.pid" exists
    Then the exit code is 1
    And the verdict has a "run-error" failure
    And the verdict reports the scenario "features/mixed.feature:2" as passed
    And the verdict reports the scenario "features/mixed.feature:6" as passed
    And the verdict's closing line is "spec: 2 passed, 1 failed (cancelled)"
    And no process is left running in the project folder

    Examples:
      | runner  |
      | thread  |
      | process |
