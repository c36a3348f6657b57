Feature: What spec init's .gitignore keeps out of git, and what it keeps in
  Most of `.spec/` is a cache each machine rebuilds (the scenario map, coverage, the last debt
  report, history): git ignores it. The reviewed baseline is shared: `.spec/ack.json` and the
  reviewed text under `.spec/ack/blobs/`, which `spec verify --locked` reads on every machine.

  Scenario: A project made by spec init ignores specloop's caches and keeps the ack
    Given an empty project directory
    When I run "spec init"
    And the project is a git repository of its own, its .gitignore as it is
    And I run "spec verify --gate none"
    And I run "spec ack"
    Then git ignores these paths:
      | .spec/scenario-map.json |
      | .spec/durations.json    |
      | .spec/debt.json         |
      | .spec/compiled/features/checkout.md.feature |
      | node_modules/x.js       |
    And git does not ignore these paths:
      | .spec/ack.json                |
      | .spec/ack/blobs/0123456789abcdef |

  Scenario: spec init run again beside its own .gitignore gives no advice to add .spec/
    Given an empty project directory
    And I run "spec init"
    When I run "spec init --agent codex"
    Then the exit code is 0
    And the output does not contain "to your .gitignore"

  Scenario: A .gitignore that does not ignore .spec/ is told the lines that keep the ack shared
    Given an empty project directory
    And the file ".gitignore" contains:
      """
      node_modules/
      """
    When I run "spec init"
    Then the exit code is 0
    And the output contains ".spec/*"
    And the output contains "!.spec/ack.json"
    And the output contains "!.spec/ack/"
