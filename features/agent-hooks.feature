Feature: Agent hooks run the oracle where the agent works
  `spec init --agent` wires these commands into the agent's own hooks. `spec hook claude edit`
  runs the scenarios an edit reaches and, when they fail, tells Claude Code why on stderr with
  exit 2 (the code Claude Code feeds back to the model). `spec hook cursor stop` runs the full
  gate when Cursor's agent stops and, when it fails, answers with a follow-up message that sends
  the agent back to work.

  Background:
    Given the "todo" fixture
    And the project is a git repository with everything committed

  Scenario: An edit that keeps the specs passing lets Claude Code go on
    Given I append "// tidied" to the file "src/todo.ts"
    When I run "spec hook claude edit" with this on stdin:
      """
      { "session_id": "s1", "tool_name": "Edit", "tool_input": { "file_path": "<project>/src/todo.ts" } }
      """
    Then the exit code is 0
    And stderr is empty

  Scenario: An edit that breaks a spec is fed back to Claude Code
    Given I replace "!todo.done" with "todo.done" in the file "src/todo.ts"
    When I run "spec hook claude edit" with this on stdin:
      """
      { "session_id": "s1", "tool_name": "Edit", "tool_input": { "file_path": "<project>/src/todo.ts" } }
      """
    Then the exit code is 2
    And stderr contains "failed-step SPEC_STEP_FAILED features/todo.feature"
    And stderr contains "fix the code (not the specs or steps)"
    And stdout is empty

  Scenario: The edited file the hook is told about runs its scenarios, even once git sees it unchanged
    Given I run "spec verify --gate none"
    And I replace "!todo.done" with "todo.done" in the file "src/todo.ts"
    And I commit every change
    When I run "spec hook claude edit" with this on stdin:
      """
      { "session_id": "s1", "tool_name": "Edit", "tool_input": { "file_path": "<project>/src/todo.ts", "old_string": "!todo.done", "new_string": "todo.done" } }
      """
    Then the exit code is 2
    And stderr contains "failed-step SPEC_STEP_FAILED features/todo.feature"

  Scenario Outline: Every edit tool's payload names the file it wrote
    Given I run "spec verify --gate none"
    And I replace "!todo.done" with "todo.done" in the file "src/todo.ts"
    And I commit every change
    When I run "spec hook claude edit" with this on stdin:
      """
      { "session_id": "s1", "tool_name": "<tool>", "tool_input": <input> }
      """
    Then the exit code is 2
    And stderr contains "features/todo.feature"

    Examples:
      | tool      | input                                                                                   |
      | Write     | { "file_path": "src/todo.ts", "content": "…" }                                          |
      | MultiEdit | { "file_path": "<project>/src/todo.ts", "edits": [{ "old_string": "a", "new_string": "b" }] } |

  Scenario: An edit outside the project is none of the oracle's business
    Given I replace "!todo.done" with "todo.done" in the file "src/todo.ts"
    When I run "spec hook claude edit" with this on stdin:
      """
      { "session_id": "s1", "tool_name": "Write", "tool_input": { "file_path": "/tmp/notes.txt" } }
      """
    Then the exit code is 0

  Scenario: When Cursor's agent stops with a failing gate it gets a follow-up message
    Given I replace "!todo.done" with "todo.done" in the file "src/todo.ts"
    When I run "spec hook cursor stop" with this on stdin:
      """
      { "hook_event_name": "stop", "status": "completed", "workspace_roots": ["<project>"] }
      """
    Then the exit code is 0
    And stdout contains "\"followup_message\""
    And stdout contains "features/todo.feature"

  Scenario: An aborted Cursor run is left to the person
    Given I replace "!todo.done" with "todo.done" in the file "src/todo.ts"
    When I run "spec hook cursor stop" with this on stdin:
      """
      { "hook_event_name": "stop", "status": "aborted" }
      """
    Then the exit code is 0
    And stdout contains "{}"

  Scenario: A hook that names no known agent event is a usage error
    When I run "spec hook claude lunch"
    Then the exit code is 2
    And the output contains "expected \"claude edit\", \"claude stop\", \"codex edit\", \"codex stop\" or \"cursor stop\""
