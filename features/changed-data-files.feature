Feature: A changed data file runs the scenarios whose code reads it
  Code reads files that are not modules — a JSON table, a text template — with fs at run time.
  Every run records which project files each scenario's code read (or tried to read, or whose
  folder it listed), and which it read while loading or in BeforeAll hooks; `--changed`, `spec
  watch` and the agent hooks run the scenarios that read a changed data file, and every scenario
  for one read at load time.

  Background:
    Given the "parcel-rates" fixture
    And the project is a git repository with everything committed
    When I run "spec verify --gate none"
    Then the exit code is 0

  Scenario: A template read inside a scenario re-runs that scenario, and its failure shows
    Given I replace "is on its way" with "has left" in the file "src/messages/shipped.txt"
    When I run "spec verify --changed --gate none --json"
    Then the exit code is 1
    And the verdict counts 0 passed and 1 failed scenarios
    And the verdict says "src/messages/shipped.txt" selected "features/notify.feature:3" because "src/messages/shipped.txt changed (this scenario read it)"

  Scenario: A table read while the code loads re-runs every scenario
    Given I replace "\"perKg\": 4" with "\"perKg\": 5" in the file "src/rates.json"
    When I run "spec verify --changed --gate none --json"
    Then the exit code is 1
    And the verdict counts 2 passed and 2 failed scenarios

  Scenario: The agent's edit hook checks a data file the code reads
    Given I replace "is on its way" with "has left" in the file "src/messages/shipped.txt"
    When I run "spec hook claude edit" with this on stdin:
      """
      { "session_id": "s1", "tool_name": "Edit", "tool_input": { "file_path": "<project>/src/messages/shipped.txt" } }
      """
    Then the exit code is 2
    And stderr contains "failed-step SPEC_STEP_FAILED features/notify.feature:5"

  Scenario: A data file no recorded run read runs nothing, and says so
    Given the file "src/messages/returned.txt" contains:
      """
      Your parcel came back to us.
      """
    When I run "spec verify --changed --gate none"
    Then the exit code is 0
    And stdout contains "nothing affected"

  Scenario: A run on cucumber's parallel workers records what each scenario read
    When I run "spec verify --gate none --parallel 2"
    Then the exit code is 0
    Given I replace "is on its way" with "has left" in the file "src/messages/shipped.txt"
    When I run "spec verify --changed --gate none --json"
    Then the exit code is 1
    And the verdict counts 0 passed and 1 failed scenarios
    And the verdict says "src/messages/shipped.txt" selected "features/notify.feature:3" because "src/messages/shipped.txt changed (this scenario read it)"

  Scenario: spec watch re-runs the scenario that reads an edited template
    When I start "spec watch --json --settle 20"
    And I append "Track it online." to "src/messages/shipped.txt"
    Then a run triggered by "src/messages/shipped.txt" finishes, having run exactly these scenarios:
      | features/notify.feature:3 |
