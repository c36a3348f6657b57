Feature: The edit hook outside git with a TypeScript spec.config
  Outside git the edit hook cannot ask what changed, so it runs every scenario (run more, never
  less): a second run in the same hook process. A spec.config.ts loads through tsx's esbuild
  service, a child of the hook's process; stopping the first run's runner thread must leave that
  service alone, or the second run reads the config as broken (SPEC_CONFIG_LOAD, "The service is
  no longer running"). Found by the new-user trial on a CommonJS project `spec init --agent` made.

  Background:
    Given the "todo" fixture
    And the file "package.json" contains:
      """
      { "name": "todo-cjs", "private": true, "type": "commonjs" }
      """
    And the file "spec.config.ts" contains:
      """
      export default {
        debt: { maxBindingHealth: 0 },
      };
      """

  Scenario: An edit that keeps the specs passing passes, config and all
    When I run "spec hook claude edit" with GIT_DIR set to "/nonexistent/.git" and this on stdin:
      """
      { "session_id": "s1", "tool_name": "Edit", "tool_input": { "file_path": "<project>/src/todo.ts" } }
      """
    Then the exit code is 0
    And stderr does not contain "SPEC_CONFIG_LOAD"

  Scenario: An edit that breaks a spec is fed back, not a config error
    Given I replace "!todo.done" with "todo.done" in the file "src/todo.ts"
    When I run "spec hook claude edit" with GIT_DIR set to "/nonexistent/.git" and this on stdin:
      """
      { "session_id": "s1", "tool_name": "Edit", "tool_input": { "file_path": "<project>/src/todo.ts" } }
      """
    Then the exit code is 2
    And stderr contains "failed-step SPEC_STEP_FAILED features/todo.feature"
    And stderr does not contain "SPEC_CONFIG_LOAD"
