Feature: A mistyped key in a cucumber profile is said, not silently ignored
  cucumber accepts any key in an object profile and ignores the ones it does not know: a profile
  whose `require:` is typed `requir:` loads no step definitions (or no World), and nothing says
  why. specloop names the file, the key and the option it most likely meant. It is a warning: the
  run goes on as cucumber would run it.

  Background:
    Given the "flaky-orders" fixture

  Scenario: A typo in a cucumber.js profile read by cucumber's own loader
    Given I replace "require:" with "requir:" in the file "cucumber.js"
    When I run "spec verify features/refunds.feature --json"
    Then the exit code is 1
    And the verdict has a "SPEC_PROFILE_UNKNOWN_KEY" warning
    And that warning's message contains "cucumber.js"
    And that warning's message contains "requir"
    And that warning's message contains "did you mean \"require\""
    When I run "spec verify features/refunds.feature"
    Then the exit code is 1
    And stdout contains "SPEC_PROFILE_UNKNOWN_KEY"

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
    And the verdict has a "SPEC_PROFILE_UNKNOWN_KEY" warning
    And that warning's message contains "cucumber.json"
    And that warning's message contains "did you mean \"retry\""

  Scenario: Every key cucumber knows passes without a word
    When I run "spec verify features/orders.feature --json"
    Then the exit code is 0
    And the verdict has no "SPEC_PROFILE_UNKNOWN_KEY" warning
