Feature: Reports for agents and for hooks
  When a coding agent runs spec verify and no reporter was chosen, the verdict comes in the
  compact agent format; the config's "reporter" wins over detection, and an explicit --reporter
  wins over both. Failures in hooks are reported at the hook.

  Several reports come out of one run the way cucumber-js users know it: `--format NAME` prints
  one to stdout (at most one), `--format NAME:FILE` writes one to a file (as many as wanted).
  `--reporter NAME` and `--output-file FILE` are shorthands for `--format NAME` and
  `--format json:FILE`.

  Background:
    Given the "todo" fixture
    And the file "features/counting.feature" contains:
      """
      Feature: Counting todos

        Scenario: One todo is left
          Given an empty todo list
          Then 5 todos remain
      """

  Scenario: A detected coding agent gets the compact agent report
    When I run "spec verify" with the environment:
      | AI_AGENT | 1 |
    Then the exit code is 1
    And stdout contains "failed-step SPEC_STEP_FAILED features/counting.feature:5"
    And stdout contains "expected: 5"
    And stdout contains "actual: 0"
    And stdout contains "steps/todo.steps.ts:26"
    And stdout does not contain "at: at "
    And the last line of stdout is "spec: 5 passed, 1 failed"

  Scenario: An explicit reporter wins over agent detection
    When I run "spec verify --reporter human" with the environment:
      | CLAUDECODE | 1 |
    Then the exit code is 1
    And stdout contains "FAILED"
    And stdout does not contain "failed-step SPEC_STEP_FAILED"
    And the last line of stdout is "spec: 5 passed, 1 failed"

  Scenario: The config's reporter is used when no flag chooses one
    Given the file "spec.config.json" contains:
      """
      { "reporter": "json" }
      """
    When I run "spec verify"
    Then the exit code is 1
    And the verdict counts 5 passed and 1 failed scenarios

  Scenario: The config's json reporter is known before the run starts, so it routes what the steps print
    # A machine reporter keeps step output out of both streams; had the reporter been picked only
    # after the run, the output would have gone to stderr meanwhile.
    Given the file "spec.config.json" contains:
      """
      { "reporter": "json" }
      """
    And the file "steps/noisy.steps.ts" contains:
      """
      import { Before } from '@cucumber/cucumber';

      Before(function () {
        console.log('a step printing to stdout');
      });
      """
    When I run "spec verify"
    Then the exit code is 1
    And the verdict is valid JSON matching the schema
    And stdout does not contain "a step printing to stdout"
    And stderr is empty

  Scenario: The config's reporter wins over agent detection
    Given the file "spec.config.json" contains:
      """
      { "reporter": "human" }
      """
    When I run "spec verify" with the environment:
      | AI_AGENT | 1 |
    Then the exit code is 1
    And stdout contains "FAILED"
    And stdout does not contain "failed-step SPEC_STEP_FAILED"

  Scenario: A --reporter flag wins over the config's reporter
    Given the file "spec.config.json" contains:
      """
      { "reporter": "json" }
      """
    When I run "spec verify --reporter agent"
    Then the exit code is 1
    And stdout contains "failed-step SPEC_STEP_FAILED features/counting.feature:5"

  Scenario: One run prints the agent report and writes a JSON verdict file
    When I run "spec verify --format agent --format json:.tmp-out/v.json"
    Then the exit code is 1
    And stdout contains "failed-step SPEC_STEP_FAILED features/counting.feature:5"
    And the last line of stdout is "spec: 5 passed, 1 failed"
    And the file ".tmp-out/v.json" is a verdict matching the schema that counts 5 passed and 1 failed scenarios

  Scenario: Reports only to files leave stdout to the reporter the config chose
    Given the file "spec.config.json" contains:
      """
      { "reporter": "agent" }
      """
    When I run "spec verify --format human:reports/verdict.txt --format json:reports/verdict.json" with the environment:
      | FORCE_COLOR | 1 |
    Then the exit code is 1
    And stdout contains "failed-step SPEC_STEP_FAILED features/counting.feature:5"
    And the file "reports/verdict.txt" contains "FAILED"
    And the file "reports/verdict.txt" has no ANSI colour codes
    And the file "reports/verdict.json" is a verdict matching the schema that counts 5 passed and 1 failed scenarios

  Scenario: An unknown format is bad input that names the known ones, and nothing runs
    When I run "spec verify --format tap:reports/tap.txt"
    Then the exit code is 2
    And stderr contains "unknown format \"tap\""
    And stderr contains "human, agent, json, junit, messages, html, github"
    And stderr contains "(SPEC_USAGE)"
    And the file "reports/tap.txt" does not exist
    And there is no ".spec" folder anywhere in the project

  Scenario: Two reports to stdout are bad input
    When I run "spec verify --reporter agent --format json"
    Then the exit code is 2
    And stderr contains "only one report can go to stdout"
    And stderr contains "(SPEC_USAGE)"

  Scenario: A --format file that cannot be written is bad input before the run
    Given the file "reports" contains:
      """
      a file, not a folder
      """
    When I run "spec verify --format json:reports/verdict.json"
    Then the exit code is 2
    And stderr contains "cannot write --format json:reports/verdict.json"
    And stderr contains "(SPEC_OUTPUT_UNWRITABLE)"

  Scenario: The old flags still work together: --reporter to stdout, --output-file to a file
    When I run "spec verify --reporter agent --output-file reports/verdict.json"
    Then the exit code is 1
    And stdout contains "failed-step SPEC_STEP_FAILED features/counting.feature:5"
    And the file "reports/verdict.json" contains "\"summary\": \"spec: 5 passed, 1 failed\""
    And the file "reports/verdict.json" is a verdict matching the schema that counts 5 passed and 1 failed scenarios

  Scenario: A failing Before hook is reported at the hook, and the scenario's steps are skipped
    Given the file "steps/hooks.ts" contains:
      """
      import { Before } from '@cucumber/cucumber';

      Before({ tags: '@needs-db' }, function () {
        throw new Error('database is down');
      });
      """
    And the file "features/counting.feature" contains:
      """
      Feature: Counting todos

        @needs-db
        Scenario: Counting stored todos
          Given an empty todo list
          Then 0 todos remain
      """
    When I run "spec verify features/counting.feature --json"
    Then the exit code is 1
    And the verdict has a "hook-error" failure at "steps/hooks.ts:3"
    And that failure's message contains "database is down"
    And that failure's scenario is "Counting stored todos"
    And that failure's stack contains "steps/hooks.ts:4"
