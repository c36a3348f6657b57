Feature: Watch tells the whole state
  After each run, `spec watch` prints the subset it just ran and, beside it, one line with the state
  of the whole suite: the last known status of every scenario, merged over the runs so far. A
  scenario that failed and was not re-run still counts as failing. The key legend comes back
  whenever the watcher waits for the next edit.

  Background:
    Given the "todo" fixture
    And the file "features/notes.feature" contains:
      """
      Feature: Notes
        Scenario: A note is kept
          Given an empty todo list
          When I add "call the plumber" with the note:
            ```
            ask about the tap
            ```
          Then the note of "call the plumber" reads:
            ```
            ask about the tap
            ```

        Scenario: Nothing to do
          Given an empty todo list
          Then 0 todos remain
      """

  Scenario: One line tells the whole suite's state beside the subset just run
    When I start "spec watch --settle 20"
    Then the watcher prints "0 failing overall (0 fixed, 0 new)", then waits
    When I press "f" in the watcher
    Then the watcher prints "nothing is failing: no scenario to re-run", then waits
    When I write "features/todo.feature" with:
      """
      Feature: Todo list
        Scenario: A new list is empty
          Given an empty todo list
          Then 1 todo remains

        Scenario: Adding todos
          Given an empty todo list
          When I add "buy milk"
          Then 1 todo remains

        Scenario: Completing a todo
          Given an empty todo list
          When I add "buy milk"
          And I complete "buy milk"
          Then 0 todos remain
      """
    Then the watcher prints "features/todo.feature changed → 3 scenarios"
    And the watcher prints "1 failing overall (0 fixed, 1 new)", then waits
    When I append "# touched" to "features/notes.feature"
    Then the watcher prints "features/notes.feature changed → 2 scenarios"
    And the watcher prints "spec: 2 passed, 0 failed"
    And the watcher prints "1 failing overall (0 fixed, 0 new)", then waits
    When I press "f" in the watcher
    Then the watcher prints "failed → 1 scenario"
    And the watcher prints "1 failing overall (0 fixed, 0 new)", then waits
    When I write "features/todo.feature" with:
      """
      Feature: Todo list
        Scenario: A new list is empty
          Given an empty todo list
          Then 0 todos remain
      """
    Then the watcher prints "0 failing overall (1 fixed, 0 new)", then waits

  Scenario: The NDJSON verdicts carry the whole suite's state, and a spec that stops parsing counts
    When I start "spec watch --json --settle 20"
    And I write "features/todo.feature" with:
      """
      Feature: Todo list
        Scenario: A new list is empty
          Given an empty todo list
          Then 1 todo remains
      """
    Then the next run's whole-suite state is 1 failing, 4 passed, 0 not run yet (0 fixed, 1 new)
    When I append "# touched" to "features/notes.feature"
    Then the next run's whole-suite state is 1 failing, 4 passed, 0 not run yet (0 fixed, 0 new)
    When I write "features/todo.feature" with:
      """
      Feature: Todo list
        Scenario: A new list is empty
          Given an empty todo list
          Then 0 todos remain
        this line is not Gherkin
      """
    Then the next run's whole-suite state is 1 failing, 4 passed, 0 not run yet (0 fixed, 0 new)
    When I append "# touched again" to "features/notes.feature"
    Then the next run's whole-suite state is 1 failing, 4 passed, 0 not run yet (0 fixed, 0 new)
    When I write "features/todo.feature" with:
      """
      Feature: Todo list
        Scenario: A new list is empty
          Given an empty todo list
          Then 0 todos remain
      """
    Then the next run's whole-suite state is 0 failing, 5 passed, 0 not run yet (1 fixed, 0 new)
