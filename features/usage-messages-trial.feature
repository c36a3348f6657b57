Feature: Messages that say what is wrong with what was typed
  A mistake on the command line gets a message that names it in the user's terms and says what
  would work: the profiles that exist, the smallest value a count takes, a folder where a file
  was meant. Never a rename of a temp file or a rule a given value already meets.

  Background:
    Given the "cjs-bank" fixture

  Scenario: An unknown profile lists the profiles the cucumber config has
    When I run "spec verify --profile nosuch --json"
    Then the exit code is 2
    And the verdict has a "config-error" failure
    And that failure's message contains "\"nosuch\""
    And that failure's hint contains "default, smoke, ci"

  Scenario: --last 0 asks for at least one run
    When I run "spec debt --last 0"
    Then the exit code is 2
    And the output contains "--last must be 1 or more"

  Scenario: A report path that is a folder is named as one, before anything runs
    Given the file "reports/keep.txt" contains:
      """
      reports live here
      """
    When I run "spec verify --format json:reports"
    Then the exit code is 2
    And the output contains "reports is a folder"
    And the output contains "reports/verdict.json"
    And stdout does not contain "rename"
    And stderr does not contain "rename"
    And stdout does not contain "scenarios ("

  Scenario: A debt page path that is a folder is named as one
    Given the file "reports/keep.txt" contains:
      """
      reports live here
      """
    And I run "spec verify"
    When I run "spec debt --html reports"
    Then the exit code is 2
    And the output contains "reports is a folder"
    And stdout does not contain "rename"
    And stderr does not contain "rename"
