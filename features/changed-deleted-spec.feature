Feature: --changed over a deleted spec file
  A spec file deleted since the last run (git shows it deleted) is no longer part of the suite:
  `spec verify --changed` runs nothing for it, and an edit that reached its scenarios through the
  scenario map runs the rest, never asking cucumber for a path that is gone. Found by the new-user
  trial next to watch's deleted spec files (fixture "legacy-bank").

  Background:
    Given the "legacy-bank" fixture
    And the file "features/other.feature" contains:
      """
      Feature: Other
        Scenario: five stays five
          Given an account with 5 dollars
          Then the balance is 5 dollars
      """
    And the project is a git repository with everything committed
    And I run "spec verify --gate none"
    And there is no file "features/other.feature"

  Scenario: Deleting a spec alone runs nothing, and no missing path
    When I run "spec verify --changed --gate none"
    Then the exit code is 0
    And stdout contains "nothing affected"
    And the output does not contain "SPEC_PATH_NOT_FOUND"

  Scenario: A step edit that reached the deleted spec's scenarios runs the rest
    Given I append "// touched" to the file "features/step_definitions/account_steps.js"
    When I run "spec verify --changed --gate none --json"
    Then the exit code is 0
    And the verdict counts 3 passed and 0 failed scenarios
    And the output does not contain "SPEC_PATH_NOT_FOUND"
