Feature: Scenarios on cucumber's workers

  `spec verify --parallel N` (or a cucumber profile's `parallel`) runs the scenarios on cucumber's
  own parallel runtime. The verdict says the same as a serial run's: the same scenarios, statuses,
  failure locations and messages, in the same order. Per-scenario coverage is recorded only in one
  runner, so a parallel run says it did not record it, and no worker outlives the command.

  Background:
    Given the "shop-workers" fixture

  Scenario: Two workers give the verdict one runner gives
    When I run "spec verify --gate none --parallel 0 --output-file serial.json"
    Then the exit code is 1
    When I run "spec verify --gate none --parallel 2 --output-file parallel.json"
    Then the exit code is 1
    And the verdicts in "serial.json" and "parallel.json" agree on every scenario, step, status and failure
    And no process is left running in the project

  Scenario: The profile's parallel is honoured, and the verdict says coverage was not recorded
    When I run "spec verify --gate none --coverage --format json"
    Then the exit code is 1
    And the verdict counts 7 passed and 1 failed scenarios
    And the verdict has a "SPEC_PARALLEL_NO_COVERAGE" warning
    And that warning's message contains "parallel 2"
    And the verdict does not have a "SPEC_PROFILE_PARALLEL_IGNORED" warning
    And no process is left running in the project

  Scenario: spec watch stays in its one warm runner, and says so
    When I start "spec watch --json"
    And I press "a" in the watcher
    Then the next run's verdict has "warnings.0.code" as "\"SPEC_PROFILE_PARALLEL_IGNORED\""
    And that verdict has "counts.scenarios.failed" as "1"

  Scenario: A step that ends its worker fails the run, never hangs or passes
    Given the file "features/exit.feature" contains:
      """
      Feature: Leaving early

        Scenario: A step ends the process
          Given a step that calls process.exit
      """
    And the file "features/step_definitions/exit.steps.ts" contains:
      """
      import { Given } from '@cucumber/cucumber';

      Given('a step that calls process.exit', function () {
        process.exit(0);
      });
      """
    When I run "spec verify --gate none --parallel 2 --format json"
    Then the exit code is 1
    And the verdict status is "failed"
    And the verdict has a "run-error" failure at "features/exit.feature:3"
    And that failure's message contains "a cucumber worker ended"
    And the command finished within 60 seconds
    And no process is left running in the project

  Scenario: The scenario a worker was running when it ended is counted as failed, beside those that finished
    cucumber 13's coordinator ends every thread worker when one exits, and a scenario it cuts short
    is failed too: the exiting step waits for the other worker's scenario to finish first.

    Given the file "features/exit.feature" contains:
      """
      Feature: Leaving early

        Scenario: A step ends the process
          Given a step that calls process.exit

        Scenario: A step that stays
          Given a step that passes
      """
    And the file "features/step_definitions/exit.steps.ts" contains:
      """
      import { Given } from '@cucumber/cucumber';

      Given('a step that calls process.exit', async function () {
        // after the other worker's scenario: cucumber 13 ends every thread worker when one exits
        await new Promise((resolve) => setTimeout(resolve, 1500));
        process.exit(0);
      });

      Given('a step that passes', function () {});
      """
    When I run "spec verify features/exit.feature --gate none --parallel 2 --format json"
    Then the exit code is 1
    And the verdict counts 1 passed and 1 failed scenarios
    And the verdict has a "run-error" failure at "features/exit.feature:3"
    And that failure's code is "SPEC_PARALLEL_WORKER_ENDED"
    And that failure's scenarioId is "features/exit.feature:3"
    When I run "spec verify features/exit.feature --gate none --parallel 2"
    Then the exit code is 1
    And stdout contains "2 scenarios (1 passed, 1 failed)"
    And stdout contains "spec: 1 passed, 1 failed"
    And no process is left running in the project

  Scenario Outline: What a step starts on a worker does not outlive the run, even detached (<runner> runner)
    Given the file "spec.config.json" contains:
      """
      { "runner": "<runner>" }
      """
    And the file "features/daemon.feature" contains:
      """
      Feature: Helpers

        Scenario: A step starts a daemon
          Given a step that starts a detached daemon
      """
    And the file "features/step_definitions/daemon.steps.ts" contains:
      """
      import { spawn } from 'node:child_process';
      import { writeFileSync } from 'node:fs';
      import { Given } from '@cucumber/cucumber';

      Given('a step that starts a detached daemon', function () {
        const daemon = spawn('sh', ['-c', 'sleep 302 & echo $! > grandchild.pid; wait'], { detached: true, stdio: 'ignore' });
        daemon.unref();
        writeFileSync('daemon.pid', String(daemon.pid));
      });
      """
    When I run "spec verify --gate none --parallel 2 features/daemon.feature"
    Then the exit code is 0
    And the process whose id is in "daemon.pid" is no longer running
    And the process whose id is in "grandchild.pid" is no longer running

    Examples:
      | runner  |
      | thread  |
      | process |

  Scenario Outline: What a step prints on a worker stays off stdout, where the report is (<runner> runner)
    One runner sends step output to stderr so stdout stays the report; a worker must do the same,
    or `--json` is no longer one JSON document.
    Given the file "spec.config.json" contains:
      """
      { "runner": "<runner>" }
      """
    And the file "features/talk.feature" contains:
      """
      Feature: Talking

        Scenario: A step prints
          Given a step that prints to stdout
      """
    And the file "features/step_definitions/talk.steps.ts" contains:
      """
      import { Given } from '@cucumber/cucumber';

      Given('a step that prints to stdout', function () {
        console.log('chatter from a step');
        process.stdout.write('more chatter\n');
      });
      """
    When I run "spec verify --gate none --parallel 2 --json features/talk.feature"
    Then the exit code is 0
    And stdout does not contain "chatter"
    And the verdict is valid JSON matching the schema

    Examples:
      | runner  |
      | thread  |
      | process |

  Scenario: A step that blocks its worker's event loop is cut at its step
    Given the file "spec.config.json" contains:
      """
      { "timeout": 1000 }
      """
    And the file "features/block.feature" contains:
      """
      Feature: Blocking

        Scenario: A step blocks its worker
          Given a step that never gives the event loop back
      """
    And the file "features/step_definitions/block.steps.ts" contains:
      """
      import { Given } from '@cucumber/cucumber';

      Given('a step that never gives the event loop back', function () {
        for (;;) {}
      });
      """
    When I run "spec verify --gate none --parallel 2 --format json"
    Then the exit code is 1
    And the verdict has a "timeout" failure at "features/block.feature:4"
    And the verdict counts 7 passed and 2 failed scenarios
    And the command finished within 90 seconds
    And no process is left running in the project

  Scenario Outline: A worker count that is not a whole number is bad input
    When I run "spec verify --gate none --parallel <count>"
    Then the exit code is 2
    And stderr contains "--parallel must be a whole number, 0 or more, got \"<count>\""
    And stderr contains "SPEC_USAGE"
    And stderr does not contain "option argument"

    Examples:
      | count |
      | -1    |
      | x     |
      | 1.5   |
