Feature: A CLI tool whose steps run it with execSync, execFileSync or spawnSync
  The most common way to test a command-line tool: each step runs it in a child process, started
  synchronously (execSync, execFileSync, spawnSync, from `require('child_process')` or an ESM
  named import), and checks what it prints. The steps import none of its code, so no import
  reaches it: such a child counts, as an async spawn does, as a read of every project file by the
  scenario that started it; so does a worker thread started on a project file. An edit to the
  CLI's code then runs those scenarios, never "nothing affected" over a suite that cucumber-js
  would fail.

  Background:
    Given the "cli-calc" fixture
    And the project is a git repository with everything committed
    When I run "spec verify --gate none"
    Then the exit code is 0

  Scenario: An edit to a module the CLI loads runs the scenarios that ran it with execSync and execFileSync
    Given I replace "a + b" with "a - b" in the file "src/arith.js"
    When I run "spec verify --changed --gate none --json"
    Then the exit code is 1
    And the verdict counts 4 passed and 1 failed scenario
    And the verdict has a "failed-step" failure at "features/arithmetic.feature:5"
    And the verdict says "src/arith.js" selected "features/arithmetic.feature:3" because "src/arith.js changed (this scenario started a child process that may run or read it)"
    And the verdict says "src/arith.js" selected "features/arithmetic.feature:7" because "src/arith.js changed (this scenario started a child process that may run or read it)"

  Scenario: spawnSync and execSync imported by name in an ES module are seen too
    Given I replace "Hello, " with "Hi, " in the file "src/greet.js"
    When I run "spec verify --changed --gate none --json"
    Then the exit code is 1
    And the verdict has a "failed-step" failure at "features/greeting.feature:5"
    And the verdict says "src/greet.js" selected "features/greeting.feature:3" because "src/greet.js changed (this scenario started a child process that may run or read it)"
    And the verdict says "src/greet.js" selected "features/greeting.feature:7" because "src/greet.js changed (this scenario started a child process that may run or read it)"

  Scenario: A worker thread a step starts on a project file is seen too
    Given I replace "workerData * workerData" with "workerData + workerData" in the file "src/square-thread.js"
    When I run "spec verify --changed --gate none --json"
    Then the exit code is 1
    And the verdict has a "failed-step" failure at "features/thread.feature:5"
    And the verdict says "src/square-thread.js" selected "features/thread.feature:3" because "src/square-thread.js changed (this scenario started a child process that may run or read it)"

  Scenario: The agent's edit hook checks an edit to the CLI's code
    Given I replace "a + b" with "a - b" in the file "src/arith.js"
    When I run "spec hook claude edit" with this on stdin:
      """
      { "session_id": "s1", "tool_name": "Edit", "tool_input": { "file_path": "<project>/src/arith.js" } }
      """
    Then the exit code is 2
    And stderr contains "failed-step SPEC_STEP_FAILED features/arithmetic.feature:5"

  Scenario: MCP verify with changedOnly runs the scenarios that ran the edited CLI
    Given I replace "a + b" with "a - b" in the file "src/arith.js"
    When I run "spec mcp" with these requests on stdin, closing it once each is answered:
      """
      {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"acceptance","version":"1"}}}
      {"jsonrpc":"2.0","method":"notifications/initialized"}
      {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"verify","arguments":{"changedOnly":true,"gates":"none"}}}
      """
    Then the exit code is 0
    And stdout contains "features/arithmetic.feature:5"
    And stdout contains "1 failed"
    And stdout does not contain "nothing affected"

  Scenario: On cucumber's parallel workers, the sync child processes are seen as well
    When I run "spec verify --gate none --parallel 2"
    Then the exit code is 0
    Given I replace "a + b" with "a - b" in the file "src/arith.js"
    When I run "spec verify --changed --gate none --json"
    Then the exit code is 1
    And the verdict has a "failed-step" failure at "features/arithmetic.feature:5"

  Scenario: spec watch runs the scenarios that ran the edited CLI
    When I start "spec watch --json --settle 20"
    And I replace "a + b" with "a - b" in the file "src/arith.js"
    Then the next run fails and ran exactly these scenarios:
      | features/arithmetic.feature:3 |
      | features/arithmetic.feature:7 |
      | features/greeting.feature:3   |
      | features/greeting.feature:7   |
      | features/thread.feature:3     |
