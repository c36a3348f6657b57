Feature: Gates beside the scenarios
  After the scenarios, spec verify runs the project's other gates (type check, unit tests, lint
  or any command configured in spec.config) and a failing gate fails the verdict. --gate picks
  gates by name; "--gate none" runs none; an unknown gate name is bad input.

  Background:
    Given the "todo" fixture
    And the file "spec.config.json" contains:
      """
      {
        "gates": {
          "custom": ["node", "-e", "console.log('custom check: 2 problems'); process.exit(3)"]
        }
      }
      """

  Scenario: A failing gate fails the run even when every scenario passes
    When I run "spec verify --json"
    Then the exit code is 1
    And the verdict is valid JSON matching the schema
    And the verdict status is "failed"
    And the verdict counts 5 passed and 0 failed scenarios
    And the verdict has a gate "custom" with the status "failed"
    And the verdict has a "gate-error" failure
    And that failure's message contains "custom"
    And that failure's message contains "exit 3"
    And that failure's message contains "custom check: 2 problems"

  Scenario: The human report marks the failing gate
    When I run "spec verify"
    Then the exit code is 1
    And stdout contains "GATE FAILED"
    And stdout contains "gate custom"
    And stdout contains "custom check: 2 problems"

  Scenario: --gate none runs the scenarios only
    When I run "spec verify --gate none --json"
    Then the exit code is 0
    And the verdict ran no gates
    And the verdict counts 5 passed and 0 failed scenarios

  Scenario: --gate with an unknown name is bad input
    When I run "spec verify --gate foo"
    Then the exit code is 2
    And the output contains "unknown gate \"foo\""
    And the output contains "custom"

  Scenario: An unknown gate in a project with no command gate names the debt gate and how to add one
    Given the file "spec.config.json" contains:
      """
      { "debt": { "minScore": 10 } }
      """
    When I run "spec verify --gate typecheck"
    Then the exit code is 2
    And the output contains "unknown gate \"typecheck\""
    And the output contains "configured gates: debt"
    And the output contains "\"gates\": { \"typecheck\": [\"tsc\", \"--noEmit\"] }"
    Given the file "spec.config.json" contains:
      """
      { "debt": false }
      """
    When I run "spec verify --gate typecheck"
    Then the exit code is 2
    And the output contains "configured gates: none"
    And the output contains "\"gates\": { \"typecheck\": [\"tsc\", \"--noEmit\"] }"

  Scenario: A gate whose command does not exist is reported, not crashed on
    Given the file "spec.config.json" contains:
      """
      {
        "gates": {
          "lint": ["no-such-linter-anywhere", "."]
        }
      }
      """
    When I run "spec verify --json"
    Then the exit code is 1
    And the verdict has a gate "lint" with the status "error"
    And the verdict has a "gate-error" failure
    And that failure's message contains "no-such-linter-anywhere"

  Scenario: A project with a tsconfig gets a type-check gate that catches type errors
    Given there is no file "spec.config.json"
    And the file "tsconfig.json" contains:
      """
      {
        "compilerOptions": { "strict": true, "noEmit": true, "target": "es2022", "module": "nodenext", "types": [] },
        "include": ["src"]
      }
      """
    And the file "src/broken.ts" contains:
      """
      export const count: number = 'three';
      """
    When I run "spec verify --json"
    Then the exit code is 1
    And the verdict has a gate "typecheck" with the status "failed"
    And the verdict has a "gate-error" failure
    And that failure's message contains "src/broken.ts"
