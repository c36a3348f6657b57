Feature: Verifying a project whose specs pass
  `spec verify` runs every spec of a project (Gherkin and Markdown documents alike) against
  its TypeScript steps and ends with one summary line; `--json` gives the same verdict as
  one JSON document for agents and CI.

  Background:
    Given the "todo" fixture

  Scenario: A passing project exits 0 and ends with the summary line
    When I run "spec verify"
    Then the exit code is 0
    And stdout contains "5 scenarios (5 passed)"
    And the last line of stdout is "spec: 5 passed, 0 failed"

  Scenario: The JSON verdict is one document that matches the published schema
    When I run "spec verify --json"
    Then the exit code is 0
    And the verdict is valid JSON matching the schema
    And stderr is empty
    And the verdict status is "passed"
    And the verdict counts 5 passed and 0 failed scenarios
    And the verdict has 0 failures
    And the verdict ran exactly these scenarios:
      | features/planning.md:10  |
      | features/planning.md:22  |
      | features/todo.feature:4  |
      | features/todo.feature:8  |
      | features/todo.feature:18 |

  Scenario: What the steps print never mixes into the JSON verdict
    Given the file "steps/noisy.steps.ts" contains:
      """
      import { Given } from '@cucumber/cucumber';

      Given('a step that talks a lot', function () {
        console.log('hello from the step');
        process.stdout.write('{"not": "the verdict"}\n');
      });
      """
    And the file "features/noisy.feature" contains:
      """
      Feature: Noisy
        Scenario: The step prints to stdout
          Given a step that talks a lot
      """
    When I run "spec verify --json"
    Then the exit code is 0
    And the verdict is valid JSON matching the schema
    And the verdict counts 6 passed and 0 failed scenarios
    And stdout does not contain "hello from the step"

  Scenario: In the human report, what the steps print goes to stderr
    Given the file "steps/noisy.steps.ts" contains:
      """
      import { Given } from '@cucumber/cucumber';

      Given('a step that talks a lot', function () {
        console.log('hello from the step');
      });
      """
    And the file "features/noisy.feature" contains:
      """
      Feature: Noisy
        Scenario: The step prints to stdout
          Given a step that talks a lot
      """
    When I run "spec verify"
    Then the exit code is 0
    And stderr contains "hello from the step"
    And the last line of stdout is "spec: 6 passed, 0 failed"

  Scenario: --output-file writes the JSON verdict beside the human report
    When I run "spec verify --output-file reports/verdict.json"
    Then the exit code is 0
    And the last line of stdout is "spec: 5 passed, 0 failed"
    And the file "reports/verdict.json" contains "\"summary\": \"spec: 5 passed, 0 failed\""

  Scenario: An --output-file that cannot be written is bad input with its own code
    Given the file "reports" contains:
      """
      a file, not a folder
      """
    When I run "spec verify --output-file reports/verdict.json"
    Then the exit code is 2
    And stderr contains "cannot write --output-file"
    And stderr contains "(SPEC_OUTPUT_UNWRITABLE)"

  Scenario Outline: Steps loaded as ES modules pass in <runner>
    Given the file "spec.config.json" contains:
      """
      { "module": "esm", "runner": "<runner>" }
      """
    And the file "steps/esm-only.steps.ts" contains:
      """
      import { Then } from '@cucumber/cucumber';

      // Top-level await exists only in ES modules.
      const answer = await Promise.resolve(42);

      Then('the answer is known', function () {
        if (answer !== 42) throw new Error('top-level await did not run');
      });
      """
    And the file "features/esm.feature" contains:
      """
      Feature: ES modules
        Scenario: Top-level await
          Then the answer is known
      """
    When I run "spec verify --json"
    Then the exit code is 0
    And the verdict counts 6 passed and 0 failed scenarios

    Examples:
      | runner  |
      | thread  |
      | process |
