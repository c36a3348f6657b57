Feature: Watch prints through the reporter registry
  `spec watch --format NAME` picks how the watcher prints from the same registry as
  `spec verify --format NAME`: human (the default) for people, agent for a coding agent that keeps
  a watcher running, json for a harness (one event per line; `--json` is the same). The watcher
  prints to stdout only: it runs until stopped, so a report file would never hold a finished report.

  Background:
    Given the "todo" fixture

  Scenario: --format json prints the events --json prints
    When I start "spec watch --format json --settle 20"
    And I append "// touched" to "src/todo.ts"
    Then a run triggered by "src/todo.ts" finishes, having run exactly these scenarios:
      | features/todo.feature:4  |
      | features/todo.feature:8  |
      | features/todo.feature:18 |
      | features/planning.md:10  |
      | features/planning.md:22  |

  Scenario: --format agent prints each run as spec verify's agent reporter does, with the whole suite's line
    When I start "spec watch --format agent --settle 20"
    And I write "features/todo.feature" with:
      """
      Feature: Todo list
        Scenario: A new list is empty
          Given an empty todo list
          Then 1 todo remains
      """
    Then the watcher prints "features/todo.feature changed → 1 scenario"
    And the watcher prints "failed-step SPEC_STEP_FAILED features/todo.feature:4"
    And the watcher prints "  scenario: A new list is empty (features/todo.feature:2)"
    And the watcher prints "spec: 0 passed, 1 failed"
    And the watcher prints "1 failing overall (0 fixed, 1 new)"

  Scenario: A report file is refused: the watcher prints to stdout only
    When I run "spec watch --format json:watch.ndjson"
    Then the exit code is 2
    And stderr contains "watch prints its report to stdout only, and --format json:watch.ndjson names a file"
    And the file "watch.ndjson" does not exist

  Scenario: Two reports to stdout are refused, as spec verify refuses them
    When I run "spec watch --json --format human"
    Then the exit code is 2
    And stderr contains "only one report can go to stdout, and --json and --format human both send one there"

  Scenario: A report only a finished run has (JUnit) is refused by name
    When I run "spec watch --format junit"
    Then the exit code is 2
    And stderr contains "the junit reporter reports a finished run, which a watcher never has"
    And stderr contains "spec watch prints with: human, agent, json"

  Scenario: An unknown format names the ones there are
    When I run "spec watch --format tap"
    Then the exit code is 2
    And stderr contains 'unknown format "tap"'
    And stderr contains "use one of: human, agent, json"
