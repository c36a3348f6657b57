Feature: Build output the suite loads is code under test
  A suite often runs a package's build, not its source: steps that import `../../dist/calc.js`, or a
  workspace package whose main/exports point at dist/. What Node loads is what the scenarios check:
  a rebuilt dist selects the scenarios that reach it (or every scenario when nothing places it), an
  import of dist/ reaches the src/ file it is built from, and an edited source whose build is older
  than it is reported, never passed over in silence.

  Scenario: --changed after an edit to src and a rebuild runs the scenarios whose steps import the build
    Given the "dist-import" fixture
    And the project is a git repository with everything committed
    When I run "spec verify --gate none"
    Then the exit code is 0
    When I replace "a + b" with "a - b" in the file "src/calc.ts"
    And I replace "a + b" with "a - b" in the file "dist/calc.js"
    And I run "spec verify --changed --gate none"
    Then the exit code is 1
    And stdout contains "features/add.feature"
    And stdout does not contain "nothing affected"
    And stdout does not contain "SPEC_STALE_BUILD"

  Scenario: --changed after a change to the build alone runs the scenarios that load it
    Given the "dist-import" fixture
    And the project is a git repository with everything committed
    When I run "spec verify --gate none"
    Then the exit code is 0
    When I replace "a + b" with "a - b" in the file "dist/calc.js"
    And I run "spec verify --changed --gate none"
    Then the exit code is 1
    And stdout contains "features/add.feature"

  Scenario: --changed after a rebuild of a linked package's dist runs the scenarios that reach it
    Given the "ws-dist" fixture
    And npm has linked the workspace packages into node_modules
    And the project is a git repository with everything committed
    When I run "spec verify --gate none" in the folder "packages/e2e"
    Then the exit code is 0
    When I replace "0.2;" with "0.25;" in the file "packages/domain/dist/tax.js"
    And I run "spec verify --changed --gate none" in the folder "packages/e2e"
    Then the exit code is 1
    And stdout contains "features/vat.feature"
    And stdout does not contain "nothing affected"

  Scenario: Watch runs the scenarios a rebuilt linked-package dist reaches, not idle
    Given the "ws-dist" fixture
    And npm has linked the workspace packages into node_modules
    And the project is a git repository with everything committed
    When I start "spec watch --json --settle 20" in the folder "packages/e2e"
    And I replace "0.2;" with "0.25;" in the file "packages/domain/dist/tax.js"
    Then the next run fails and ran exactly these scenarios:
      | features/vat.feature:3 |
    When I replace "0.25;" with "0.2;" in the file "packages/domain/dist/tax.js"
    Then the next run passes and ran exactly these scenarios:
      | features/vat.feature:3 |

  Scenario: Watch runs the scenarios a rebuild reaches when .gitignore lists the build folder
    Given the "dist-import" fixture
    And the file ".gitignore" contains:
      """
      dist/
      """
    When I start "spec watch --json --settle 20"
    And I replace "a + b" with "a - b" in the file "dist/calc.js"
    Then the next run fails and ran exactly these scenarios:
      | features/add.feature:3 |

  Scenario: MCP verify with changedOnly after a rebuild of a linked package's dist runs the scenarios that reach it
    Given the "ws-dist" fixture
    And npm has linked the workspace packages into node_modules
    And the project is a git repository with everything committed
    When I run "spec verify --gate none" in the folder "packages/e2e"
    Then the exit code is 0
    When I replace "0.2;" with "0.25;" in the file "packages/domain/dist/tax.js"
    And I run "spec mcp --cwd packages/e2e" with these requests on stdin, closing it once each is answered:
      """
      {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"acceptance","version":"1"}}}
      {"jsonrpc":"2.0","method":"notifications/initialized"}
      {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"verify","arguments":{"changedOnly":true,"gates":"none"}}}
      """
    Then the exit code is 0
    And stdout contains "features/vat.feature"
    And stdout contains "1 failed"
    And stdout does not contain "nothing affected"

  Scenario: --since over a commit that only rebuilt a linked package's dist
    Given the "ws-dist" fixture
    And npm has linked the workspace packages into node_modules
    And the project is a git repository with everything committed
    When I run "spec verify --gate none" in the folder "packages/e2e"
    Then the exit code is 0
    When I replace "0.2;" with "0.25;" in the file "packages/domain/dist/tax.js"
    And I commit every change
    And I run "spec verify --since HEAD~1 --gate none" in the folder "packages/e2e"
    Then the exit code is 1
    And stdout contains "features/vat.feature"

  Scenario: An edited source whose build is older than it fails the run: it checked the old build, not the edit
    Given the "dist-import" fixture
    And the project is a git repository with everything committed
    When I run "spec verify --gate none"
    Then the exit code is 0
    When I replace "a + b" with "a - b" in the file "src/calc.ts"
    And I run "spec verify --changed --gate none"
    Then the exit code is 2
    And the output contains "SPEC_STALE_BUILD"
    And the output contains "dist/calc.js"
    And the output contains "src/calc.ts"
    And the output contains "build first"
    And the last line of stdout matches "^spec: \d+ passed, [1-9]\d* failed .*stale build"

  Scenario: MCP verify with changedOnly over an edit whose build is older than it is not green
    Given the "dist-import" fixture
    And the project is a git repository with everything committed
    When I run "spec verify --gate none"
    Then the exit code is 0
    When I replace "a + b" with "a - b" in the file "src/calc.ts"
    And I run "spec mcp" with these requests on stdin, closing it once each is answered:
      """
      {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"acceptance","version":"1"}}}
      {"jsonrpc":"2.0","method":"notifications/initialized"}
      {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"verify","arguments":{"changedOnly":true,"gates":"none"}}}
      """
    Then stdout contains "SPEC_STALE_BUILD"
    And stdout contains "\"status\":\"error\""

  Scenario: A change set that holds the rebuilt build file is not stale, whatever the checkout's file times
    Given the "dist-import" fixture
    And the project is a git repository with everything committed
    When I replace "a + b" with "a - b" in the file "src/calc.ts"
    And I replace "a + b" with "a - b" in the file "dist/calc.js"
    And I set the modification time of "dist/calc.js" to one minute ago
    And I run "spec verify --changed --gate none"
    Then the exit code is 1
    And stdout does not contain "SPEC_STALE_BUILD"
    And stdout contains "features/add.feature"

  Scenario: An edited linked-package source whose dist is older than it fails the run
    Given the "ws-dist" fixture
    And npm has linked the workspace packages into node_modules
    And the project is a git repository with everything committed
    When I run "spec verify --gate none" in the folder "packages/e2e"
    Then the exit code is 0
    When I replace "0.2;" with "0.25;" in the file "packages/domain/src/tax.ts"
    And I run "spec verify --changed --gate none" in the folder "packages/e2e"
    Then the exit code is 2
    And the output contains "SPEC_STALE_BUILD"
    And the output contains "../domain/dist/tax.js"
    And the output contains "../domain/src/tax.ts"
    And the output contains "build first"

  Scenario: The Claude edit hook does not pass an edit whose build is older than it
    Given the "dist-import" fixture
    And the project is a git repository with everything committed
    When I run "spec verify --gate none"
    Then the exit code is 0
    When I replace "a + b" with "a - b" in the file "src/calc.ts"
    And I run "spec hook claude edit" with this on stdin:
      """
      { "session_id": "s1", "tool_name": "Edit", "tool_input": { "file_path": "<project>/src/calc.ts" } }
      """
    Then the exit code is 2
    And stderr contains "SPEC_STALE_BUILD"
    And stderr contains "dist/calc.js"
    And stderr contains "build first"

  Scenario: Debt does not count a linked package's source as unexecuted when the suite ran its build
    Given the "ws-dist" fixture
    And npm has linked the workspace packages into node_modules
    When I run "spec verify --coverage --gate none" in the folder "packages/e2e"
    Then the exit code is 0
    When I run "spec debt --json" in the folder "packages/e2e"
    Then the exit code is 0
    And stdout is JSON in which "summary.metrics.unspecified.value" is "null"
    And stdout contains "../domain/src/tax.ts ran as ../domain/dist/tax.js"

  Scenario: Watch does not pass an edit whose build is older than it, and passes once it is rebuilt
    Given the "dist-import" fixture
    And the project is a git repository with everything committed
    When I start "spec watch --json --settle 20"
    And I append "// touched" to "src/calc.ts"
    Then the next run's verdict has "status" as "\"error\""
    And that verdict has "failures.0.code" as "\"SPEC_STALE_BUILD\""
    When I append "// rebuilt" to "dist/calc.js"
    Then the next run passes
