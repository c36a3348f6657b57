Feature: spec finds the project from any of its folders
  People and agents run spec from wherever they stand: `cd features && spec verify cart.feature`,
  `spec verify` from deep in src/, an agent hook whose payload names a subfolder. spec walks up to
  the nearest folder with a spec.config.*, a cucumber config or a package.json and runs that
  project, with the paths given resolved from where the command was run. Reports name files
  relative to the project root, and `.spec/` is only ever written at the root.

  Background:
    Given the "shop" fixture

  Scenario: A spec named from inside its own folder runs with the project's steps
    When I run "spec verify cart.feature --gate none --json" in the folder "features"
    Then the exit code is 0
    And the verdict ran exactly these scenarios:
      | features/cart.feature:4 |
      | features/cart.feature:8 |
    And the only ".spec" folder in the project is the one at its root

  Scenario: file:line is read from where the command was run
    When I run "spec verify cart.feature:8 --gate none --json" in the folder "features"
    Then the exit code is 0
    And the verdict ran exactly these scenarios:
      | features/cart.feature:8 |

  Scenario: spec verify deep in the source tree runs the whole project, and names failures from its root
    Given I replace "sum + line.quantity * line.price" with "sum + line.price" in the file "src/deep/pricing/cart.ts"
    When I run "spec verify --gate none --json" in the folder "src/deep/pricing"
    Then the exit code is 1
    And the verdict counts 1 passed and 1 failed scenario
    And the verdict has a "failed-step" failure at "features/cart.feature:12"
    And the only ".spec" folder in the project is the one at its root

  Scenario: --cwd names a folder in the project, not necessarily its root
    When I run "spec verify --cwd src/deep --gate none"
    Then the exit code is 0
    And the last line of stdout is "spec: 2 passed, 0 failed"
    And there is no ".spec" folder under "src"

  Scenario: spec compile from a subfolder compiles the whole project at its root
    When I run "spec compile" in the folder "features/step_definitions"
    Then the exit code is 0
    And stdout contains "1 spec file, 2 scenarios"
    And the only ".spec" folder in the project is the one at its root

  Scenario: spec watch started in a subfolder watches the whole project
    When I start "spec watch --json --settle 20" in the folder "src/deep"
    Then the first run's closing line was "spec: 2 passed, 0 failed"
    When I replace "sum + line.quantity * line.price" with "sum + line.price" in the file "src/deep/pricing/cart.ts"
    Then the next run reports a "failed-step" failure at "features/cart.feature:12"
    And the only ".spec" folder in the project is the one at its root

  Scenario: An agent hook whose payload stands in a subfolder runs the project it is in
    Given I replace "sum + line.quantity * line.price" with "sum + line.price" in the file "src/deep/pricing/cart.ts"
    When I run "spec hook claude stop" in the folder "src/deep" with this on stdin:
      """
      { "session_id": "s1", "hook_event_name": "Stop", "stop_hook_active": false, "cwd": "<project>/src/deep" }
      """
    Then the exit code is 2
    And stderr contains "features/cart.feature:12"
    And the only ".spec" folder in the project is the one at its root

  Scenario: A hook given something other than the agent's JSON writes nothing
    When I run "spec hook claude stop" in the folder "features" with this on stdin:
      """
      this is not JSON
      """
    Then the exit code is 2
    And stderr contains "SPEC_USAGE"
    And stderr contains "JSON"
    And there is no ".spec" folder anywhere in the project

  Scenario: spec outside any project says so and writes nothing
    Given an empty folder outside any project
    When I run "spec verify"
    Then the exit code is 2
    And stderr contains "SPEC_PROJECT_NOT_FOUND"
    And stderr contains "package.json"
    And the project folder is empty

  Scenario: A hook run outside any project, with nothing on stdin, writes nothing
    Given an empty folder outside any project
    When I run "spec hook claude stop" with this on stdin:
      """
      """
    Then the exit code is 2
    And stderr contains "SPEC_PROJECT_NOT_FOUND"
    And the project folder is empty
