Feature: Cucumber profiles written for older cucumber versions
  A cucumber.js written for cucumber 7–10 may hold options cucumber 12 rejects (--publish-quiet),
  a format that no longer loads, or `parallel`. What cucumber rejects is reported as bad input in
  the profile, named, with the fix; `parallel` runs spec verify on cucumber's workers (spec watch
  stays in its one runner and says so).

  Background:
    Given the "legacy-profile" fixture

  Scenario: An option cucumber removed is named as what it is
    When I run "spec verify --gate none --json"
    Then the exit code is 2
    And the verdict has a "config-error" failure
    And that failure's message is "cucumber rejected option --publish-quiet in cucumber.js: remove it"
    And that failure's code is "SPEC_PROFILE_REJECTED"

  Scenario Outline: A cucumber.js that fails to load says why and where: <case>
    Given the file "cucumber.js" contains:
      """
      <text>
      """
    When I run "spec verify --gate none --json"
    Then the exit code is 2
    And the verdict has a "config-error" failure at "cucumber.js:<line>"
    And that failure's code is "SPEC_PROFILE_REJECTED"
    And that failure's message contains "<cause>"

    Examples:
      | case                  | text                                                            | line | cause                          |
      | a syntax error        | module.exports = {\n  default: { require: ['steps/**/*.js'],\n | 3    | end of                         |
      | an error it throws    | const shared = [];\nthrow new Error('no profile for ' + shared); | 2    | Error: no profile for          |

  Scenario: The human report names the option, not how the profile reader ended
    When I run "spec verify --gate none"
    Then the exit code is 2
    And stdout contains "cucumber rejected option --publish-quiet in cucumber.js: remove it"
    And the output contains "SPEC_PROFILE_REJECTED"
    And stdout does not contain "process.exit"
    And stderr is empty

  Scenario: With the option gone, the profile's parallel runs the scenarios on two workers
    Given I replace " '--publish-quiet'" with "" in the file "cucumber.js"
    When I run "spec verify --profile ci --gate none --coverage --json"
    Then the exit code is 0
    And the verdict counts 2 passed and 0 failed scenarios
    And the verdict has a "SPEC_PARALLEL_NO_COVERAGE" warning saying "ran on cucumber's workers (parallel 2"
    And the file "reports/junit.xml" contains "tests=\"2\""


  Scenario: parallel in an object profile is honoured too
    Given the file "cucumber.js" contains:
      """
      module.exports = {
        default: { require: ['features/step_definitions/**/*.js'], parallel: 2 },
      };
      """
    When I run "spec verify --gate none --coverage"
    Then the exit code is 0
    And stdout contains "ran on cucumber's workers (parallel 2"

  Scenario: A format cucumber cannot load is bad input in the profile
    Given the file "cucumber.js" contains:
      """
      module.exports = {
        default: { require: ['features/step_definitions/**/*.js'], format: ['progress', 'cucumber-nosuch-formatter:reports/out.txt'] },
      };
      """
    When I run "spec verify --gate none --json"
    Then the exit code is 2
    And the verdict has a "config-error" failure
    And that failure's message contains "cucumber rejected format \"cucumber-nosuch-formatter\" in cucumber.js"
    And that failure's code is "SPEC_PROFILE_REJECTED"

  Scenario: A bad value in a profile string is bad input in the profile
    Given the file "cucumber.js" contains:
      """
      module.exports = { default: '--require features/step_definitions/**/*.js --retry often' };
      """
    When I run "spec verify --gate none --json"
    Then the exit code is 2
    And the verdict has a "config-error" failure
    And that failure's message is "cucumber rejected the profile in cucumber.js: --retry must be a non negative integer"
