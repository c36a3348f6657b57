Feature: Code outside the suite's folder is part of the suite's code
  The suite's code under test is not always below its own folder's files it imports directly: a
  workspace root may hold the suite while the code is in workspace packages inside it, imported by
  package name; a suite in tests/acceptance may reach ../../src through tsconfig `paths` and
  ../../shared through relative imports. An edit there is an edit to the code the suite checks:
  --changed and --since run the scenarios it reaches, never "nothing affected".

  Scenario: At a workspace root, --changed after an edit to a workspace package imported by name runs its scenarios
    Given the "ws-root-suite" fixture
    And npm has linked the workspace packages into node_modules
    And the project is a git repository with everything committed
    When I run "spec verify --gate none"
    Then the exit code is 0
    When I replace "clamp(have - want, 0, have)" with "clamp(have - want, 1, have)" in the file "packages/core/src/stock.ts"
    And I run "spec verify --changed --gate none"
    Then the exit code is 1
    And stdout contains "features/stock.feature:7"
    And stdout does not contain "nothing affected"

  Scenario: At a workspace root, --since after a committed edit to a package the first one imports by name
    Given the "ws-root-suite" fixture
    And npm has linked the workspace packages into node_modules
    And the project is a git repository with everything committed
    When I run "spec verify --gate none"
    Then the exit code is 0
    When I replace "Math.max(lo, n)" with "Math.max(lo + 1, n)" in the file "packages/util/src/index.ts"
    And I commit every change
    And I run "spec verify --since HEAD~1 --gate none"
    Then the exit code is 1
    And stdout contains "features/stock.feature:7"
    And stdout does not contain "nothing affected"

  Scenario: A suite in tests/acceptance runs the scenarios an edit to ../../src reached through tsconfig paths
    Given the "tests-subfolder" fixture
    And the project is a git repository with everything committed
    When I run "spec verify --gate none" in the folder "tests/acceptance"
    Then the exit code is 0
    When I replace "* 200" with "* 300" in the file "src/pricing/shipping.ts"
    And I run "spec verify --changed --gate none" in the folder "tests/acceptance"
    Then the exit code is 1
    And stdout contains "features/shipping.feature:2"
    And stdout does not contain "features/discount.feature"
    And stdout does not contain "nothing affected"

  Scenario: A suite in tests/acceptance runs the scenarios a committed edit to ../../shared reached through relative imports
    Given the "tests-subfolder" fixture
    And the project is a git repository with everything committed
    When I run "spec verify --gate none" in the folder "tests/acceptance"
    Then the exit code is 0
    When I replace "Math.round(x)" with "Math.round(x) + 1" in the file "shared/round.ts"
    And I commit every change
    And I run "spec verify --since HEAD~1 --gate none" in the folder "tests/acceptance"
    Then the exit code is 1
    And stdout contains "features/discount.feature:2"
    And stdout does not contain "nothing affected"

  Scenario: With no scenario map yet, an edit outside the suite's folder still runs the suite
    Given the "tests-subfolder" fixture
    And the project is a git repository with everything committed
    When I replace "CURRENCY = '$'" with "CURRENCY = 'USD '" in the file "shared/labels.ts"
    And I run "spec verify --changed --gate none" in the folder "tests/acceptance"
    Then the exit code is 1
    And stdout contains "features/discount.feature:2"
    And stdout does not contain "no file changed"

  Scenario: The Claude edit hook in tests/acceptance checks an edit to ../../src
    Given the "tests-subfolder" fixture
    And the project is a git repository with everything committed
    When I run "spec verify --gate none" in the folder "tests/acceptance"
    Then the exit code is 0
    When I replace "* 200" with "* 300" in the file "src/pricing/shipping.ts"
    And I run "spec hook claude edit" in the folder "tests/acceptance" with this on stdin:
      """
      { "session_id": "s1", "tool_name": "Edit", "tool_input": { "file_path": "<project>/src/pricing/shipping.ts" } }
      """
    Then the exit code is 2
    And stderr contains "features/shipping.feature"

  Scenario: At a workspace root, the Claude edit hook checks an edit to a workspace package's file
    Given the "ws-root-suite" fixture
    And npm has linked the workspace packages into node_modules
    And the project is a git repository with everything committed
    When I run "spec verify --gate none"
    Then the exit code is 0
    When I replace "Math.max(lo, n)" with "Math.max(lo + 1, n)" in the file "packages/util/src/index.ts"
    And I run "spec hook claude edit" with this on stdin:
      """
      { "session_id": "s1", "tool_name": "Edit", "tool_input": { "file_path": "<project>/packages/util/src/index.ts" } }
      """
    Then the exit code is 2
    And stderr contains "features/stock.feature"

  Scenario: Watch in tests/acceptance re-runs the scenarios an edit to ../../src reaches
    Given the "tests-subfolder" fixture
    When I start "spec watch --json --settle 20" in the folder "tests/acceptance"
    And I replace "* 200" with "* 300" in the file "src/pricing/shipping.ts"
    Then the next run fails and ran exactly these scenarios:
      | features/shipping.feature:2 |

  Scenario: A spec path given from a folder outside the suite's package runs in the package that holds it
    Given the "tests-subfolder" fixture
    When I run "spec verify ../tests/acceptance/features/shipping.feature --gate none" in the folder "src"
    Then the exit code is 0
    And stderr contains "--cwd ../tests/acceptance features/shipping.feature"
    And stdout contains "1 passed"
    And stdout does not contain "npm install"

  Scenario: A spec path given from a sibling workspace package runs in the package that holds it
    Given the "ws-monorepo" fixture
    And npm has linked the workspace packages into node_modules
    When I run "spec verify ../e2e/features/coupon.feature:3 --gate none" in the folder "packages/core"
    Then the exit code is 0
    And stderr contains "--cwd ../e2e features/coupon.feature:3"
    And stdout contains "1 passed"
