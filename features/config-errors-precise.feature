Feature: A config mistake is named at its own key and line
  A value of the wrong type inside a nested setting (a debt threshold) is named by its full key,
  with what it must be, at its own line, not at the line of the block it sits in. A JSON syntax
  error is at the line and column where the parser stopped, not at line 1.

  Background:
    Given the "cjs-bank" fixture

  Scenario: A threshold of the wrong type names the threshold and what it must be
    Given the file "spec.config.json" contains:
      """
      {
        "debt": {
          "maxUnreviewed": 5,
          "maxVacuousChecks": "zero"
        }
      }
      """
    When I run "spec verify --json"
    Then the exit code is 2
    And the verdict has a "config-error" failure at "spec.config.json:4"
    And that failure's message contains "debt.maxVacuousChecks"
    And that failure's message contains "must be a number"
    And that failure's message does not contain "Invalid input"

  Scenario: A value no form of a setting takes lists the forms
    Given the file "spec.config.json" contains:
      """
      {
        "debt": "yes"
      }
      """
    When I run "spec verify --json"
    Then the exit code is 2
    And the verdict has a "config-error" failure at "spec.config.json:2"
    And that failure's message contains "\"debt\": must be false or an object (got a string)"

  Scenario: A JSON syntax error is at its own line and column
    Given the file "spec.config.json" contains:
      """
      {
        "debt": {
          "maxVacuousChecks": 0,
          "maxUnreviewed": 5,
        }
      }
      """
    When I run "spec verify --json"
    Then the exit code is 2
    And the verdict has a "config-error" failure at "spec.config.json:5:3"
    And that failure's message does not contain "position"

  Scenario: A syntax error in a TypeScript config is at its own line and column, with the lines around it
    Given the file "spec.config.ts" contains:
      """
      export default {
        timeout: 5000,
        retry: 1 +,
      };
      """
    When I run "spec verify --json"
    Then the exit code is 2
    And the verdict has a "config-error" failure at "spec.config.ts:3:13"
    And that failure's code is "SPEC_CONFIG_LOAD"
    And that failure's message contains "could not load spec.config.ts: Unexpected \",\""
    And that failure's message does not contain "Transform failed"
    When I run "spec verify"
    Then the exit code is 2
    And stdout contains "retry: 1 +,"

  Scenario: A syntax error in a JavaScript config is at its own line and column
    Given the file "spec.config.mjs" contains:
      """
      export default {
        timeout: 5000,
        retry: 1 +,
      };
      """
    When I run "spec verify --json"
    Then the exit code is 2
    And the verdict has a "config-error" failure at "spec.config.mjs:3:13"
    And that failure's message contains "Unexpected token ','"
