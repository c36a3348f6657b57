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

  Scenario: A spec whose checks do not run as steps is fed back as the spec's form to fix, not the code
    Given the file "features/notes.md" contains:
      """
      # Notes

      ## Scenario: Nothing planned

      - Given an empty todo list
      - then 0 todos remain
      """
    When I run "spec hook claude edit" with this on stdin:
      """
      { "session_id": "s1", "tool_name": "Write", "tool_input": { "file_path": "<project>/features/notes.md" } }
      """
    Then the exit code is 2
    And stderr contains "SPEC_STEP_DROPPED features/notes.md:6"
    And stderr contains "write each as the step it states"
    And stderr does not contain "fix the code"
    When I run "spec hook cursor stop" with this on stdin:
      """
      { "hook_event_name": "stop", "status": "completed", "workspace_roots": ["<project>"] }
      """
    Then stdout contains "write each as the step it states"
    And stdout does not contain "Fix the code"

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

  Scenario: When a spec Cursor's agent left does not parse, the follow-up says spec cannot check the work, not "fix the code"
    Given the file "features/half-written.feature" contains:
      """
      Feature: Half written
        Scenario: s
          Given an empty todo list
          and then the agent stopped typing
      """
    When I run "spec hook cursor stop" with this on stdin:
      """
      { "hook_event_name": "stop", "status": "completed", "workspace_roots": ["<project>"] }
      """
    Then the exit code is 0
    And stdout contains "spec cannot check the work (exit 2)"
    And stdout contains "features/half-written.feature:4"
    And stdout does not contain "Fix the code"

  Scenario: An aborted Cursor run is left to the person
    Given I replace "!todo.done" with "todo.done" in the file "src/todo.ts"
    When I run "spec hook cursor stop" with this on stdin:
      """
      { "hook_event_name": "stop", "status": "aborted" }
      """
    Then the exit code is 0
    And stdout contains "{}"

  Scenario: A Codex patch that breaks a spec is fed back to Codex, found from the patch's own file headers
    Codex edits with apply_patch, whose payload carries no file_path: the patch body in
    tool_input.command names each file (`*** Update File:`, `*** Add File:`, `*** Move to:`).
    Git sees no change here (the patch was committed), so only the headers can name the file.
    Given I run "spec verify --gate none"
    And I replace "!todo.done" with "todo.done" in the file "src/todo.ts"
    And I commit every change
    When I run "spec hook codex edit" with this on stdin:
      """
      { "session_id": "c1", "turn_id": "t1", "hook_event_name": "PostToolUse", "cwd": "<project>", "model": "gpt-5.5-codex", "permission_mode": "default", "transcript_path": null, "tool_name": "apply_patch", "tool_use_id": "call-1", "tool_input": { "command": "*** Begin Patch\n*** Update File: src/todo.ts\n@@\n-    return this.items.filter((todo) => !todo.done).length;\n+    return this.items.filter((todo) => todo.done).length;\n*** End Patch\n" }, "tool_response": "Success. Updated the following files:\nM src/todo.ts\n" }
      """
    Then the exit code is 2
    And stderr contains "failed-step SPEC_STEP_FAILED features/todo.feature"
    And stderr contains "fix the code (not the specs or steps)"
    And stdout is empty

  Scenario: A Codex patch that keeps the specs passing lets Codex go on, silently
    Given I append "// tidied" to the file "src/todo.ts"
    When I run "spec hook codex edit" with this on stdin:
      """
      { "session_id": "c1", "hook_event_name": "PostToolUse", "cwd": "<project>", "tool_name": "apply_patch", "tool_input": { "command": "*** Begin Patch\n*** Update File: src/todo.ts\n@@\n+// tidied\n*** End Patch\n" } }
      """
    Then the exit code is 0
    And stdout is empty
    And stderr is empty

  Scenario: Codex's Stop hook sends the agent back at most three times, then lets it stop with valid hook JSON
    Given I replace "!todo.done" with "todo.done" in the file "src/todo.ts"
    When I run "spec hook codex stop" with this on stdin:
      """
      { "session_id": "c2", "hook_event_name": "Stop", "cwd": "<project>", "stop_hook_active": false }
      """
    Then the exit code is 2
    And stderr contains "features/todo.feature"
    When I run "spec hook codex stop" with this on stdin:
      """
      { "session_id": "c2", "hook_event_name": "Stop", "cwd": "<project>", "stop_hook_active": true }
      """
    Then the exit code is 2
    When I run "spec hook codex stop" with this on stdin:
      """
      { "session_id": "c2", "hook_event_name": "Stop", "cwd": "<project>", "stop_hook_active": true }
      """
    Then the exit code is 2
    When I run "spec hook codex stop" with this on stdin:
      """
      { "session_id": "c2", "hook_event_name": "Stop", "cwd": "<project>", "stop_hook_active": true }
      """
    Then the exit code is 0
    And stdout is JSON in which "systemMessage" contains "the gate still fails after 3 rounds; letting the agent stop"
    And stderr is empty

  Scenario: Cursor's afterFileEdit runs the scenarios the edited file reaches and reports a failure for the person
    Cursor takes no answer from afterFileEdit back to the agent, so the hook prints the failure
    to stderr (Cursor's hook log) and the stop hook is what sends the agent back to work.
    Given I run "spec verify --gate none"
    And I replace "!todo.done" with "todo.done" in the file "src/todo.ts"
    And I commit every change
    When I run "spec hook cursor edit" with this on stdin:
      """
      { "hook_event_name": "afterFileEdit", "conversation_id": "k1", "generation_id": "g1", "workspace_roots": ["<project>"], "file_path": "<project>/src/todo.ts", "edits": [{ "old_string": "!todo.done", "new_string": "todo.done" }] }
      """
    Then the exit code is 0
    And stderr contains "failed-step SPEC_STEP_FAILED features/todo.feature"
    And stdout is empty

  Scenario: Cursor's afterFileEdit is silent when the edit keeps the specs passing
    Given I append "// tidied" to the file "src/todo.ts"
    When I run "spec hook cursor edit" with this on stdin:
      """
      { "hook_event_name": "afterFileEdit", "workspace_roots": ["<project>"], "file_path": "<project>/src/todo.ts", "edits": [] }
      """
    Then the exit code is 0
    And stdout is empty
    And stderr is empty

  Scenario: init --agent cursor wires afterFileEdit beside stop
    Given an empty project directory
    When I run "spec init --agent cursor"
    Then the exit code is 0
    And the JSON file ".cursor/hooks.json" has "hooks.afterFileEdit" equal to:
      """
      [{ "command": "npx --no-install spec hook cursor edit" }]
      """
    And the file ".cursor/hooks.json" contains "spec hook cursor stop"

  Scenario: A hook that names no known agent event is a usage error
    When I run "spec hook claude lunch"
    Then the exit code is 2
    And the output contains "expected \"claude edit\", \"claude stop\", \"codex edit\", \"codex stop\", \"cursor edit\" or \"cursor stop\""
