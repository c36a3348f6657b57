Feature: Running some of the scenarios
  A run can be narrowed by tag expression, by scenario name, or to the scenarios at given
  lines of given files (Gherkin or Markdown); --fail-fast stops at the first failure.

  Background:
    Given the "todo" fixture

  Scenario: A tag expression picks scenarios from every format
    When I run "spec verify --tags '@smoke and not @planning' --json"
    Then the exit code is 0
    And the verdict ran exactly these scenarios:
      | features/todo.feature:18 |

  Scenario: A name pattern picks scenarios by their name
    When I run "spec verify --name 'todos? (keeps|remain)' --name '^A note' --json"
    Then the exit code is 0
    And the verdict ran exactly these scenarios:
      | features/planning.md:10 |
      | features/todo.feature:8 |

  Scenario: file:line picks the scenarios at those lines, in Gherkin and Markdown alike
    When I run "spec verify features/todo.feature:4:18 features/planning.md:22 --json"
    Then the exit code is 0
    And the verdict ran exactly these scenarios:
      | features/planning.md:22  |
      | features/todo.feature:4  |
      | features/todo.feature:18 |

  Scenario: A folder picks every spec under it
    Given the file "features/extra/more.feature" contains:
      """
      Feature: More

        Scenario: One more
          Given an empty todo list
          Then 0 todos remain
      """
    When I run "spec verify features/extra --json"
    Then the exit code is 0
    And the verdict ran exactly these scenarios:
      | features/extra/more.feature:3 |

  Scenario: A line of an example row picks that example of an outline
    Given the file "features/outline.feature" contains:
      """
      Feature: Outlines

        Scenario Outline: Adding <n> todos
          Given an empty todo list
          When I add "<first>"
          Then 1 todo remains

          Examples:
            | n | first    |
            | 1 | buy milk |
            | 1 | pay rent |
      """
    When I run "spec verify features/outline.feature:10 --json"
    Then the exit code is 0
    And the verdict ran exactly these scenarios:
      | features/outline.feature:10 |

  Scenario: A path that does not exist is bad input
    When I run "spec verify features/nothing-here.feature"
    Then the exit code is 2
    And the output contains "features/nothing-here.feature"

  Scenario: A line with no scenario on it is bad input with its own code
    When I run "spec verify features/todo.feature:2 --json"
    Then the exit code is 2
    And the verdict has a "config-error" failure at "features/todo.feature:2"
    And that failure's code is "SPEC_NO_SCENARIO_AT_LINE"
    And that failure's hint contains "scenarios start at lines 4, 8"
    When I run "spec verify features/todo.feature:2"
    Then the exit code is 2
    And the last line of stdout is "spec: 0 passed, 1 failed (no scenario at line)"

  Scenario: --fail-fast stops at the first failing scenario and skips the rest
    Given the file "features/a-first.feature" contains:
      """
      Feature: Runs first

        Scenario: A wrong count
          Given an empty todo list
          Then 3 todos remain
      """
    When I run "spec verify --fail-fast --json"
    Then the exit code is 1
    And the verdict has a "failed-step" failure at "features/a-first.feature:5"
    And the verdict counts 0 passed and 1 failed scenario
    And the verdict counts 5 skipped scenarios
    When I run "spec verify --fail-fast"
    Then the exit code is 1
    And the last line of stdout is "spec: 0 passed, 1 failed, 5 skipped"

  Scenario: Without --fail-fast every scenario runs after a failure
    Given the file "features/a-first.feature" contains:
      """
      Feature: Runs first

        Scenario: A wrong count
          Given an empty todo list
          Then 3 todos remain
      """
    When I run "spec verify"
    Then the exit code is 1
    And the last line of stdout is "spec: 5 passed, 1 failed"

  Scenario: A tag expression that matches no scenario is not a pass
    When I run "spec verify --tags @nosuch --gate none"
    Then the exit code is 1
    And stdout contains "no scenario matched --tags @nosuch"
    When I run "spec verify --tags @nosuch --gate none --json"
    Then the exit code is 1
    And the verdict has a "config-error" failure
    And that failure's code is "SPEC_NO_SCENARIOS"

  Scenario: A name that matches no scenario is not a pass
    When I run "spec verify --name nosuch --gate none"
    Then the exit code is 1
    And stdout contains "no scenario matched --name nosuch"

  Scenario: Paths that hold no scenario are not a pass
    Given the file "features/later/ideas.feature" contains:
      """
      Feature: Ideas for later
        Nothing to check yet.
      """
    When I run "spec verify features/later --gate none"
    Then the exit code is 1
    And stdout contains "no scenario in features/later"

  Scenario: Running no scenario passes when asked to
    When I run "spec verify --tags @nosuch --pass-with-no-scenarios --gate none"
    Then the exit code is 0
    Given the file "spec.config.json" contains:
      """
      { "passWithNoScenarios": true }
      """
    When I run "spec verify --name nosuch --gate none"
    Then the exit code is 0

  Scenario: Every scenario skipped is not a pass: nothing was checked
    cucumber-js exits 0 when a Before hook returns 'skipped' for every scenario; specloop says
    nothing was checked (found by the new-user trial), unless asked to pass.

    Given the file "steps/skip-all.steps.ts" contains:
      """
      import { Before } from '@cucumber/cucumber';

      Before(function () {
        return 'skipped';
      });
      """
    When I run "spec verify --gate none --json"
    Then the exit code is 1
    And the verdict has a "config-error" failure
    And that failure's code is "SPEC_ALL_SKIPPED"
    When I run "spec verify --gate none"
    Then the exit code is 1
    And stdout contains "every scenario that ran was skipped"
    When I run "spec verify --gate none --pass-with-no-scenarios"
    Then the exit code is 0

  Scenario: A project with no specs at all is told so, and passes only when asked
    Given there is no file "features"
    When I run "spec verify --gate none"
    Then the exit code is 2
    And stdout contains "no specs found (looked for features/**/*.feature"
    When I run "spec verify --gate none --pass-with-no-scenarios"
    Then the exit code is 0
