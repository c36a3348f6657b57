Feature: Verifying only what changed
  `spec verify --changed` runs just the scenarios that the files changed in git reach: a changed
  spec runs whole, a changed step file runs the scenarios bound to it, a changed source module
  runs the scenarios whose step files import it. The verdict says why each one ran.

  Background:
    Given the "todo" fixture
    And the file "src/unrelated.ts" contains:
      """
      export const answer = 42;
      """
    And the project is a git repository with everything committed
    When I run "spec verify --gate none"
    Then the exit code is 0

  Scenario: A change to a source module runs the scenarios that reach it
    Given I append "// changed" to the file "src/todo.ts"
    When I run "spec verify --changed --gate none --json"
    Then the exit code is 0
    And the verdict counts 5 passed and 0 failed scenarios
    And the verdict says "src/todo.ts" selected "features/todo.feature:4" because "src/todo.ts changed (reached through steps/todo.steps.ts)"

  Scenario: A change nothing reaches runs nothing, and says so
    Given I append "export const more = 1;" to the file "src/unrelated.ts"
    When I run "spec verify --changed --gate none --json"
    Then the exit code is 0
    And the verdict counts 0 passed and 0 failed scenarios
    When I run "spec verify --changed --gate none"
    Then the exit code is 0
    And stdout contains "nothing affected"

  Scenario: A changed spec runs that spec only
    Given I append "  Scenario: One more" to the file "features/todo.feature"
    And I append "    Given an empty todo list" to the file "features/todo.feature"
    When I run "spec verify --changed --gate none --json"
    Then the exit code is 0
    And the verdict counts 4 passed and 0 failed scenarios

  Scenario: Outside a git repository --changed says what it needs
    Given the "todo" fixture outside any node_modules
    When I run "spec verify --changed"
    Then the exit code is 2
    And the output contains "--changed needs a git repository"
    When I run "spec verify --changed --json"
    Then the exit code is 2
    And the verdict has a "config-error" failure
    And that failure's code is "SPEC_NO_GIT"

  Scenario: When git finds no repository an agent's edit hook checks every scenario
    Given I replace "!todo.done" with "todo.done" in the file "src/todo.ts"
    When I run "spec hook claude edit" with GIT_DIR set to "/nonexistent/.git" and this on stdin:
      """
      { "session_id": "s1", "tool_name": "Edit", "tool_input": { "file_path": "<project>/src/todo.ts" } }
      """
    Then the exit code is 2
    And stderr contains "failed-step SPEC_STEP_FAILED features/todo.feature"
    And stderr contains "check again with npx spec verify --gate none --reporter agent"
    And stderr does not contain "--changed"
