Feature: A project with no specs is bad input under --changed too
  A plain `spec verify` in a project with no specs exits 2 (SPEC_NO_SPECS): running nothing is not
  a pass. `--changed`, and the agent's edit hook built on it, must say the same, never a green
  "0 passed". At a workspace root whose own globs find no specs, the message names the workspace
  packages that do have a suite, and `spec init` does not claim the root has one. Found by the
  new-user trial (a git project with no specs; an npm workspaces monorepo, fixture
  "notes-workspaces").

  Scenario: --changed in a git project with no specs at all
    Given the "plain-lib" fixture
    And the project is a git repository with everything committed
    And I append "// changed" to the file "index.js"
    When I run "spec verify --changed --gate none"
    Then the exit code is 2
    And the output contains "SPEC_NO_SPECS"
    And the output does not contain "0 passed, 0 failed"
    When I run "spec hook claude edit" with this on stdin:
      """
      { "session_id": "s1", "tool_name": "Edit", "tool_input": { "file_path": "<project>/index.js" } }
      """
    Then the exit code is 2
    And stderr contains "SPEC_NO_SPECS"
    And stderr contains "spec could not check this edit"
    And stderr does not contain "fix the code (not the specs or steps)"
    When I run "spec hook claude stop" with this on stdin:
      """
      { "session_id": "s1", "stop_hook_active": false }
      """
    Then the exit code is 2
    And stderr contains "SPEC_NO_SPECS"
    And stderr contains "spec cannot check the work"
    And stderr does not contain "Fix the code (not the specs or steps)"

  Scenario: --changed at a workspace root names the package whose suite it is
    Given the "notes-workspaces" fixture
    And the project is a git repository with everything committed
    And I replace "i.qty > 0" with "i.qty > 2" in the file "packages/api/src/pricing.js"
    When I run "spec verify --changed --gate none"
    Then the exit code is 2
    And the output contains "SPEC_NO_SPECS"
    And the output contains "packages/api has specs"
    And the output contains "--cwd packages/api"
    When I run "spec verify --gate none"
    Then the exit code is 2
    And the output contains "packages/api has specs"
    When I run "spec verify --gate none --cwd packages/api"
    Then the exit code is 1

  Scenario: The agent's hooks at a workspace root answer for the packages' suites
    An agent session starts at the repository's root, where `spec init --agent` wires the hooks:
    an edit is checked in the package it touched, a stop in every package with a suite.

    Given the "notes-workspaces" fixture
    And the project is a git repository with everything committed
    When I run "spec hook claude edit" with this on stdin:
      """
      { "session_id": "s1", "tool_name": "Edit", "tool_input": { "file_path": "<project>/packages/web/src/app.js" } }
      """
    Then the exit code is 0
    When I replace "i.qty > 0" with "i.qty > 2" in the file "packages/api/src/pricing.js"
    And I run "spec hook claude edit" with this on stdin:
      """
      { "session_id": "s1", "tool_name": "Edit", "tool_input": { "file_path": "<project>/packages/api/src/pricing.js" } }
      """
    Then the exit code is 2
    And stderr contains "packages/api"
    And stderr contains "features/pricing.feature"
    And stderr contains "fix the code (not the specs or steps)"
    And stderr contains "npx spec verify --cwd packages/api --changed --reporter agent"
    And stderr does not contain "SPEC_NO_SPECS"
    When I run "spec hook claude stop" with this on stdin:
      """
      { "session_id": "s1", "stop_hook_active": false }
      """
    Then the exit code is 2
    And stderr contains "packages/api"
    And stderr contains "npx spec verify --cwd packages/api fails"
    And stderr contains "Fix the code (not the specs or steps)"
    And stderr does not contain "SPEC_NO_SPECS"
    When I run "spec hook cursor stop" with this on stdin:
      """
      { "status": "completed" }
      """
    Then the exit code is 0
    And stdout contains "followup_message"
    And stdout contains "packages/api"
    When I replace "i.qty > 2" with "i.qty > 0" in the file "packages/api/src/pricing.js"
    And I run "spec hook codex stop" with this on stdin:
      """
      { "session_id": "s2", "stop_hook_active": false }
      """
    Then the exit code is 0

  Scenario: spec init at a workspace root does not claim the packages' suite as its own
    Given the "notes-workspaces" fixture
    When I run "spec init --agent claude"
    Then the exit code is 0
    And the output does not contain "found an existing suite"
    And the output does not contain "runs this project's own suite"
    And the output contains "packages/api has a suite of its own"
    And the output contains "--cwd packages/api"
    And the file "CLAUDE.md" contains "This is a workspace root: the suites are in the package `packages/api`"
    And the file "CLAUDE.md" contains "`npx spec verify --cwd packages/api --reporter agent`"
    And the file "CLAUDE.md" contains "`npx spec verify --cwd packages/api --changed --reporter agent`"

  Scenario: spec init --agent at a pnpm workspace root where only the suite package declares spec runs the hooks with the package's spec
    Given the "pnpm-workspace" fixture
    When I run "spec init --agent claude"
    Then the exit code is 0
    And the output contains "packages/e2e has a suite of its own"
    And the output contains "run spec from packages/e2e"
    And the file ".claude/settings.json" contains "npx --no-install --prefix packages/e2e spec hook claude edit"
    And the file ".claude/settings.json" contains "npx --no-install --prefix packages/e2e spec hook claude stop"
    And the file ".mcp.json" contains "--prefix"
    And the file "CLAUDE.md" contains "`npx --prefix packages/e2e spec verify --cwd packages/e2e --reporter agent`"

  Scenario: spec init --agent run again at a pnpm workspace root adds no second hook
    Given the "pnpm-workspace" fixture
    And I run "spec init --agent claude"
    When I run "spec init --agent claude"
    Then the exit code is 0
    And the file ".claude/settings.json" contains "spec hook claude stop" once
    And the file ".mcp.json" contains "specloop-e2e" once

  Scenario: spec init --agent at a workspace root where no package declares spec says the hooks need it
    Given the "pnpm-workspace" fixture
    And I replace '"specloop": "file:../../specloop-0.1.0.tgz"' with '"left-pad": "1.3.0"' in the file "packages/e2e/package.json"
    When I run "spec init --agent claude"
    Then the exit code is 0
    And the output contains "finds no spec at this workspace root"
    And the output contains "pnpm add -D -w"

  Scenario: At a pnpm workspace root the Stop hook names the command that runs there: the package's spec
    Given the "pnpm-workspace" fixture
    And I replace "0.1)" with "0.2)" in the file "packages/core/src/index.js"
    When I run "spec hook claude stop" with this on stdin:
      """
      { "session_id": "p1", "hook_event_name": "Stop", "stop_hook_active": false, "cwd": "<project>" }
      """
    Then the exit code is 2
    And stderr contains "npx --prefix packages/e2e spec verify --cwd packages/e2e fails"
