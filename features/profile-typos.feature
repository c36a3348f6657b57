Feature: A mistyped key in a cucumber profile is said, not silently ignored
  cucumber accepts any key in an object profile and ignores the ones it does not know: a profile
  whose `require:` is typed `requir:` loads no step definitions (or no World), and nothing says
  why. specloop names the file, the line of the key where the file's text shows it, the key and the
  option it most likely meant. It is a warning: the run goes on as cucumber would run it.

  Background:
    Given the "flaky-orders" fixture

  Scenario: A typo in a cucumber.js profile read by cucumber's own loader
    Given I replace "require:" with "requir:" in the file "cucumber.js"
    When I run "spec verify features/refunds.feature --json"
    Then the exit code is 1
    And the verdict has a "SPEC_PROFILE_UNKNOWN_KEY" warning at "cucumber.js:4"
    And that warning's message contains "cucumber.js"
    And that warning's message contains "requir"
    And that warning's message contains "did you mean \"require\""
    When I run "spec verify features/refunds.feature"
    Then the exit code is 1
    And stdout contains "SPEC_PROFILE_UNKNOWN_KEY"
    And stdout contains "cucumber.js:4"

  Scenario: A typo in a plain-object cucumber.json, read without cucumber
    Given there is no file "cucumber.js"
    And the file "cucumber.json" contains:
      """
      {
        "default": {
          "paths": ["features/**/*.feature"],
          "require": ["features/step_definitions/**/*.js"],
          "retyr": 1
        }
      }
      """
    When I run "spec verify features/orders.feature --json"
    Then the exit code is 1
    And the verdict has a "SPEC_PROFILE_UNKNOWN_KEY" warning at "cucumber.json:5"
    And that warning's message contains "cucumber.json"
    And that warning's message contains "did you mean \"retry\""

  Scenario: A typo in a named profile of a cucumber.yaml, at its own line, not the default's
    Given there is no file "cucumber.js"
    And the file "cucumber.yaml" contains:
      """
      default:
        paths:
          - features/**/*.feature
        require:
          - features/step_definitions/**/*.js
      ci:
        paths:
          - features/**/*.feature
        require:
          - features/step_definitions/**/*.js
        tag: not @slow
      """
    When I run "spec verify features/orders.feature --profile ci --json"
    Then the exit code is 1
    And the verdict has a "SPEC_PROFILE_UNKNOWN_KEY" warning at "cucumber.yaml:11"
    And that warning's message contains "did you mean \"tags\""

  Scenario: A typo in an ES-module cucumber.mjs
    Given there is no file "cucumber.js"
    And the file "cucumber.mjs" contains:
      """
      export default {
        paths: ['features/**/*.feature'],
        require: ['features/step_definitions/**/*.js'],
        "retyr": 1,
      };
      """
    When I run "spec verify features/orders.feature --json"
    Then the exit code is 1
    And the verdict has a "SPEC_PROFILE_UNKNOWN_KEY" warning at "cucumber.mjs:4"
    And that warning's message contains "did you mean \"retry\""

  Scenario: A typo the config file's text does not show is named by the file alone
    Given the file "cucumber.js" contains:
      """
      const shared = require('./cucumber.shared.cjs');

      module.exports = {
        default: { ...shared, paths: ['features/**/*.feature'] },
      };
      """
    And the file "cucumber.shared.cjs" contains:
      """
      module.exports = {
        require: ['features/step_definitions/**/*.js'],
        strct: false,
      };
      """
    When I run "spec verify features/orders.feature --json"
    Then the exit code is 1
    And the verdict has a "SPEC_PROFILE_UNKNOWN_KEY" warning
    And that warning has no location
    And that warning's message contains "cucumber.js"
    And that warning's message contains "did you mean \"strict\""

  Scenario: Every key cucumber knows passes without a word
    When I run "spec verify features/orders.feature --json"
    Then the exit code is 0
    And the verdict has no "SPEC_PROFILE_UNKNOWN_KEY" warning
