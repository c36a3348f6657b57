Feature: Watch follows spec files added, deleted and renamed while it runs
  A spec file is the suite: one written while `spec watch` runs is run at once (its scenarios are
  new, no earlier run knows them), and one deleted leaves the suite, its scenarios out of every
  count, no error about a path that is gone. Found by the new-user trial on a CommonJS project with
  a cucumber.js profile string (fixture "legacy-bank").

  Background:
    Given the "legacy-bank" fixture

  Scenario: A spec file added while watching runs at once, failing scenario and all
    When I start "spec watch --json --settle 20"
    And I write "features/other.feature" with:
      """
      Feature: Other
        Scenario: five plus nothing
          Given an account with 5 dollars
          Then the balance is 6 dollars
      """
    Then the next run fails and ran exactly these scenarios:
      | features/other.feature:2 |
    And that verdict has "watch.suite.failing" as "1"

  Scenario: A Markdown spec added, and a spec in a folder that did not exist, run at once
    When I start "spec watch --json --settle 20"
    And I write "features/savings.md" with:
      """
      # Savings

      ## Scenario: a deposit adds up

      - Given an account with 10 dollars
      - When I deposit 5 dollars
      - Then the balance is 15 dollars
      """
    Then the next run passes and ran exactly these scenarios:
      | features/savings.md:3 |
    When I write "features/transfers/limits.feature" with:
      """
      Feature: Limits
        Scenario: withdraw everything
          Given an account with 40 dollars
          When I withdraw 40 dollars
          Then the balance is 0 dollars
      """
    Then the next run passes and ran exactly these scenarios:
      | features/transfers/limits.feature:2 |

  Scenario: A failing spec file deleted while watching leaves the suite and the counts
    Given the file "features/other.feature" contains:
      """
      Feature: Other
        Scenario: five plus nothing
          Given an account with 5 dollars
          Then the balance is 6 dollars
      """
    When I start "spec watch --json --settle 20"
    Then the first run's closing line was "spec: 3 passed, 1 failed"
    When I delete "features/other.feature"
    Then the watcher says "its scenarios left the suite" about "features/other.feature"
    When I press "enter" in the watcher
    Then the next run's whole-suite state is 0 failing, 3 passed, 0 not run yet (0 fixed, 0 new)
    And that verdict has "exitCode" as "0"
    When I press "f" in the watcher
    Then the watcher says "nothing is failing" about nothing

  Scenario: A spec file deleted then restored runs again; a renamed one runs under its new name
    Given the file "features/other.feature" contains:
      """
      Feature: Other
        Scenario: five plus nothing
          Given an account with 5 dollars
          Then the balance is 6 dollars
      """
    When I start "spec watch --json --settle 20"
    Then the first run's closing line was "spec: 3 passed, 1 failed"
    When I delete "features/other.feature"
    Then the watcher says "its scenarios left the suite" about "features/other.feature"
    When I write "features/other.feature" with:
      """
      Feature: Other
        Scenario: five plus nothing
          Given an account with 5 dollars
          Then the balance is 5 dollars
      """
    Then the next run passes and ran exactly these scenarios:
      | features/other.feature:2 |
    When I rename "features/other.feature" to "features/small.feature"
    Then the next run passes and ran exactly these scenarios:
      | features/small.feature:2 |
    And that verdict has "watch.suite" as "{\"failing\":0,\"errors\":0,\"passed\":4,\"skipped\":0,\"notRunYet\":0}"
