Feature: How spec watch's exit code reads when it is stopped
  Leaving a watcher over a green suite is the normal way out: exit 0. Stopped by a signal while a
  run is under way (the run is cut: nothing it was checking was checked) or while the suite is
  failing, it exits as a shell reports a command ended by that signal, 130 for SIGINT (Ctrl-C) and
  143 for SIGTERM, as cucumber-js does; stopped with q then, it exits 1. Never 0 over a failure or
  a check cut short.

  Background:
    Given the "todo" fixture

  Scenario: SIGINT while a run is under way exits 130
    Given the file "features/slow.feature" contains:
      """
      Feature: Slow
        Scenario: slow work
          Given an empty todo list
          Then the work takes a second
      """
    And a step that takes a second is used by "features/slow.feature"
    When I start "spec watch --json --settle 20"
    And I append "# again" to "features/slow.feature"
    And a run starts
    And I send SIGINT to the watcher
    Then the watcher exits with code 130 within 10 seconds
    And no process is left running in the project folder

  Scenario: SIGTERM while the suite is failing exits 143
    When I start "spec watch --json --settle 20"
    And I replace "return this.items.filter((todo) => !todo.done).length;" with "return 7;" in the file "src/todo.ts"
    Then the next run reports a "failed-step" failure at "features/todo.feature:6"
    When I send SIGTERM to the watcher
    Then the watcher exits with code 143 within 10 seconds

  Scenario: q while the suite is failing exits 1
    When I start "spec watch --json --settle 20"
    And I replace "return this.items.filter((todo) => !todo.done).length;" with "return 7;" in the file "src/todo.ts"
    Then the next run reports a "failed-step" failure at "features/todo.feature:6"
    When I press "q" in the watcher
    Then the watcher exits with code 1 within 10 seconds

  Scenario: SIGINT over a green suite, once a failure is fixed, exits 0
    When I start "spec watch --json --settle 20"
    And I replace "return this.items.filter((todo) => !todo.done).length;" with "return 7;" in the file "src/todo.ts"
    Then the next run reports a "failed-step" failure at "features/todo.feature:6"
    When I replace "return 7;" with "return this.items.filter((todo) => !todo.done).length;" in the file "src/todo.ts"
    Then the next run passes
    When I send SIGINT to the watcher
    Then the watcher exits with code 0 within 10 seconds
