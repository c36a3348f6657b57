Feature: A workspace package's code is part of the suite that imports it
  In an npm/pnpm/yarn workspace the suite (packages/e2e) imports the code under test from a sibling
  package (packages/core, `@acme/core`), which npm links into node_modules. An edit to core is an
  edit to the code the suite checks: --changed, --since, watch and the edit hooks run the scenarios
  it reaches (every scenario when nothing can place it), and debt counts core's source.

  Background:
    Given the "ws-monorepo" fixture
    And npm has linked the workspace packages into node_modules
    And the project is a git repository with everything committed

  Scenario: --changed after an edit to the linked package runs the scenarios that import it
    When I run "spec verify --gate none" in the folder "packages/e2e"
    Then the exit code is 0
    When I replace "subtotal / 2" with "subtotal / 3" in the file "packages/core/src/discount.ts"
    And I run "spec verify --changed --gate none" in the folder "packages/e2e"
    Then the exit code is 1
    And stdout contains "features/coupon.feature:3"
    And stdout does not contain "nothing affected"

  Scenario: MCP verify with changedOnly after an edit to the linked package runs the scenarios it reaches
    When I run "spec verify --gate none" in the folder "packages/e2e"
    Then the exit code is 0
    When I replace "subtotal / 2" with "subtotal / 3" in the file "packages/core/src/discount.ts"
    And I run "spec mcp --cwd packages/e2e" with these requests on stdin, closing it once each is answered:
      """
      {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"acceptance","version":"1"}}}
      {"jsonrpc":"2.0","method":"notifications/initialized"}
      {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"verify","arguments":{"changedOnly":true,"gates":"none"}}}
      """
    Then the exit code is 0
    And stdout contains "features/coupon.feature:3"
    And stdout contains "1 failed"
    And stdout does not contain "nothing affected"

  Scenario: --changed with no scenario map yet still runs the suite on an edit to the linked package
    When I replace "subtotal / 2" with "subtotal / 3" in the file "packages/core/src/discount.ts"
    And I run "spec verify --changed --gate none --cwd packages/e2e"
    Then the exit code is 1
    And stdout contains "features/coupon.feature:3"

  Scenario: --since after committing an edit to the linked package
    When I run "spec verify --gate none" in the folder "packages/e2e"
    Then the exit code is 0
    When I replace "subtotal / 2" with "subtotal / 3" in the file "packages/core/src/discount.ts"
    And I commit every change
    And I run "spec verify --since HEAD~1 --gate none" in the folder "packages/e2e"
    Then the exit code is 1
    And stdout contains "features/coupon.feature:3"

  Scenario: Debt, ack and review count the linked package's source as the suite's code
    When I run "spec verify --coverage --gate none" in the folder "packages/e2e"
    Then the exit code is 0
    When I run "spec debt --json" in the folder "packages/e2e"
    Then the exit code is 0
    And stdout is JSON in which "summary.metrics.unspecified.value" is "2"
    And stdout contains "../core/src/discount.ts"
    When I run "spec ack -m base" in the folder "packages/e2e"
    Then the exit code is 0
    And stdout contains "3 source files"
    When I replace "return subtotal;" with "return code === 'FREE' ? 0 : subtotal;" in the file "packages/core/src/discount.ts"
    And I run "spec review" in the folder "packages/e2e"
    Then stdout contains "../core/src/discount.ts"

  Scenario: Watch re-runs the scenarios an edit to the linked package reaches
    When I start "spec watch --json --settle 20" in the folder "packages/e2e"
    And I replace "subtotal / 2" with "subtotal / 3" in the file "packages/core/src/discount.ts"
    Then the next run fails and ran exactly these scenarios:
      | features/coupon.feature:3 |
      | features/coupon.feature:8 |
    When I replace "subtotal / 3" with "subtotal / 2" in the file "packages/core/src/discount.ts"
    Then the next run passes and ran exactly these scenarios:
      | features/coupon.feature:3 |
      | features/coupon.feature:8 |

  Scenario: The Claude edit hook checks the suite that imports an edited linked-package file, from the package and from the root
    When I replace "subtotal / 2" with "subtotal / 3" in the file "packages/core/src/discount.ts"
    And I run "spec hook claude edit" in the folder "packages/e2e" with this on stdin:
      """
      { "session_id": "s1", "tool_name": "Edit", "tool_input": { "file_path": "<project>/packages/core/src/discount.ts" } }
      """
    Then the exit code is 2
    And stderr contains "features/coupon.feature"
    When I run "spec hook claude edit" with this on stdin:
      """
      { "session_id": "s1", "tool_name": "Edit", "tool_input": { "file_path": "<project>/packages/core/src/discount.ts" } }
      """
    Then the exit code is 2
    And stderr contains "packages/e2e"
    And stderr contains "features/coupon.feature"
