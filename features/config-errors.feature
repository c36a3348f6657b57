Feature: Invalid configuration
  A config that specloop cannot use is bad input (exit 2). The message names the key, the
  file and the line; the hint says what is allowed. No stack trace: it is the user's mistake,
  not a crash.

  Background:
    Given the "todo" fixture

  Scenario: An unknown key in spec.config.json is named with its file and line
    Given the file "spec.config.json" contains:
      """
      {
        "specs": ["features/**/*.feature"],
        "timout": 500
      }
      """
    When I run "spec verify --json"
    Then the exit code is 2
    And the verdict is valid JSON matching the schema
    And the verdict has a "config-error" failure at "spec.config.json:3"
    And that failure's message contains "timout"
    And that failure's hint contains "allowed keys"
    And that failure's hint contains "timeout"
    And that failure's hint contains "specs"
    And the verdict counts 0 passed and 0 failed scenarios

  Scenario: The human report of an unknown key shows where it is and what is allowed
    Given the file "spec.config.json" contains:
      """
      {
        "specs": ["features/**/*.feature"],
        "timout": 500
      }
      """
    When I run "spec verify"
    Then the exit code is 2
    And stdout contains "spec.config.json:3"
    And stdout contains "\"timout\""
    And stdout contains "allowed keys: specs, steps"
    And the output has no stack trace

  Scenario: A value of the wrong type is named with the type it should have
    Given the file "spec.config.json" contains:
      """
      {
        "specs": ["features/**/*.feature"],
        "timeout": "soon"
      }
      """
    When I run "spec verify --json"
    Then the exit code is 2
    And the verdict has a "config-error" failure at "spec.config.json:3"
    And that failure's message contains "timeout"
    And that failure's message contains "number"
    When I run "spec verify"
    Then the exit code is 2
    And stdout contains "spec.config.json:3"
    And the output has no stack trace

  Scenario: A value outside the allowed ones lists the allowed values
    Given the file "spec.config.json" contains:
      """
      {
        "module": "amd"
      }
      """
    When I run "spec verify --json"
    Then the exit code is 2
    And the verdict has a "config-error" failure at "spec.config.json:2"
    And that failure's message contains "module"
    And that failure's hint contains "\"cjs\""
    And that failure's hint contains "\"esm\""

  Scenario: Every problem in the config is reported in one run
    Given the file "spec.config.json" contains:
      """
      {
        "runner": "fork",
        "coverage": "yes",
        "colour": true
      }
      """
    When I run "spec verify --json"
    Then the exit code is 2
    And the verdict has these "config-error" failures:
      | spec.config.json:2 |
      | spec.config.json:3 |
      | spec.config.json:4 |

  Scenario: An unknown key in a TypeScript config is named with its file and line
    Given the file "spec.config.ts" contains:
      """
      export default {
        specs: ['features/**/*.feature'],
        steps: ['steps/**/*.ts'],
        colour: true,
      };
      """
    When I run "spec verify"
    Then the exit code is 2
    And stdout contains "spec.config.ts:4"
    And stdout contains "\"colour\""
    And the output has no stack trace

  Scenario: spec compile rejects the same config the same way
    Given the file "spec.config.json" contains:
      """
      {
        "timeout": "soon"
      }
      """
    When I run "spec compile"
    Then the exit code is 2
    And stdout contains "spec.config.json:2"
    And the output has no stack trace

  Scenario: A config file named with --config that does not exist
    When I run "spec verify --config nowhere.json"
    Then the exit code is 2
    And stdout contains "nowhere.json"
    And the output has no stack trace

  Scenario: A package.json that is not valid JSON is named at its line, not blamed on spec.config.ts
    Given the file "spec.config.ts" contains:
      """
      export default { timeout: 5000 };
      """
    And the file "package.json" contains:
      """
      {
        "name": "todo",
        "devDependencies": {
      }
      """
    When I run "spec verify --json"
    Then the exit code is 2
    And the verdict has a "config-error" failure at "package.json:5"
    And that failure's message contains "package.json is not valid JSON"
    And that failure's hint contains "fix the JSON syntax"

