Feature: Printing the resolved config
  spec.config, the project's cucumber profile and the flags of the call are resolved once into the
  config a run uses. `spec verify --print-config` (and `spec watch --print-config`) prints that
  config with where each value came from, and runs nothing. Precedence: a flag wins; then
  spec.config; then the cucumber profile; then specloop's default. The profile's paths and support
  files are used while spec.config leaves specs and steps to the defaults, and tag expressions from
  all three are and-ed together.

  Scenario: Each value is shown with its source, and nothing runs
    Given the "profile-and-config" fixture
    When I run "spec verify --print-config"
    Then the exit code is 0
    And stdout has these lines, each containing its cells in order:
      | specs   | features/**/*.feature             | cucumber.cjs profile "default" |
      | steps   | features/step_definitions/**/*.js | cucumber.cjs profile "default" |
      | retry   | 0                                 | spec.config.json               |
      | strict  | true                              | default                        |
      | timeout | 8000                              | spec.config.json               |
      | tags    | (not @slow) and (not @wip)        | spec.config.json + cucumber.cjs profile "default" |
      | passWithNoScenarios | false                 | default                        |
    And stdout does not contain "passed"
    And there is no ".spec" folder anywhere in the project

  Scenario: A profile's setting is used where spec.config says nothing, and a flag wins over both
    Given the "profile-and-config" fixture
    When I run "spec verify --print-config --profile ci --tags @smoke --pass-with-no-scenarios --coverage"
    Then the exit code is 0
    And stdout has these lines, each containing its cells in order:
      | profile | ci                                | flag --profile                 |
      | retry   | 0                                 | spec.config.json               |
      | strict  | false                             | cucumber.cjs profile "ci"      |
      | tags    | (not @slow) and (not @manual) and (@smoke) | spec.config.json + cucumber.cjs profile "ci" + flag --tags |
      | passWithNoScenarios | true                  | flag --pass-with-no-scenarios  |
      | coverage | true                             | flag --coverage                |

  Scenario: The run uses what --print-config shows: the tags of spec.config and the profile, combined
    Given the "profile-and-config" fixture
    When I run "spec verify --json"
    Then the exit code is 0
    And the verdict ran exactly these scenarios:
      | features/basket.feature:3  |
      | features/basket.feature:8  |
      | features/basket.feature:26 |

  Scenario: spec.config's own specs and steps win over the profile's paths
    Given the "profile-and-config" fixture
    And the file "spec.config.json" contains:
      """
      { "specs": ["features/basket.feature"], "steps": ["features/**/*.js"] }
      """
    When I run "spec verify --print-config"
    Then the exit code is 0
    And stdout has these lines, each containing its cells in order:
      | specs | features/basket.feature | spec.config.json |
      | steps | features/**/*.js        | spec.config.json |
      | retry | 1                       | cucumber.cjs profile "default" |

  Scenario: --json prints the resolved config as JSON, each value with its sources
    Given the "profile-and-config" fixture
    When I run "spec verify --print-config --json --tags @smoke"
    Then the exit code is 0
    And stdout is JSON in which "values.retry.value" is "0"
    And stdout is JSON in which "values.retry.sources.0.kind" is '"spec.config"'
    And stdout is JSON in which "values.retry.sources.0.file" is '"spec.config.json"'
    And stdout is JSON in which "values.strict.sources.0.kind" is '"default"'
    And stdout is JSON in which "values.tags.value" is '"(not @slow) and (not @wip) and (@smoke)"'
    And stdout is JSON in which "values.tags.sources.1.kind" is '"profile"'
    And stdout is JSON in which "values.tags.sources.1.profile" is '"default"'
    And stdout is JSON in which "values.tags.sources.2.kind" is '"flag"'
    And stdout is JSON in which "values.tags.sources.2.flag" is '"--tags"'

  Scenario: spec watch --print-config prints the same and exits without watching
    Given the "profile-and-config" fixture
    When I run "spec watch --print-config --tags @smoke"
    Then the exit code is 0
    And stdout has these lines, each containing its cells in order:
      | tags  | (not @slow) and (not @wip) and (@smoke) | spec.config.json + cucumber.cjs profile "default" + flag --tags |
      | retry | 0                                       | spec.config.json |

  Scenario: The config's reporter is shown with its source, a --reporter flag wins over it
    Given the "profile-and-config" fixture
    And the file "spec.config.json" contains:
      """
      { "reporter": "json" }
      """
    When I run "spec verify --print-config --format agent"
    Then the exit code is 0
    And stdout has these lines, each containing its cells in order:
      | reporter | agent | flag --format |

  Scenario: A config that does not load gives its usual error, exit 2
    Given the "profile-and-config" fixture
    And the file "spec.config.json" contains:
      """
      { "retry": "twice" }
      """
    When I run "spec verify --print-config"
    Then the exit code is 2
    And the output contains "spec.config.json"
    And the output contains "retry"

  Scenario: A profile only cucumber can read (an ES module) is read by cucumber, and nothing is left running
    Given the "cucumber-mjs" fixture
    When I run "spec verify --print-config"
    Then the exit code is 0
    And stdout has these lines, each containing its cells in order:
      | specs | features/**/*.feature              | cucumber.mjs profile "default" |
      | steps | features/step_definitions/**/*.ts  | cucumber.mjs profile "default" |
    And no process is left running in the project folder

  Scenario: Workers, retries and --fail-on-flaky are shown as the run resolves them
    The profile's parallel is used unless --parallel says otherwise; watch runs in one runner, so
    its config says 0 whatever the profile asks.
    Given the "shop-workers" fixture
    When I run "spec verify --print-config"
    Then the exit code is 0
    And stdout has these lines, each containing its cells in order:
      | parallel    | 2     | cucumber.js profile "default" |
      | retry       | 0     | default                       |
      | failOnFlaky | false | default                       |
    When I run "spec verify --print-config --parallel 0 --retry 2 --fail-on-flaky"
    Then the exit code is 0
    And stdout has these lines, each containing its cells in order:
      | parallel    | 0    | flag --parallel      |
      | retry       | 2    | flag --retry         |
      | failOnFlaky | true | flag --fail-on-flaky |
    Given the file "spec.config.json" contains:
      """
      { "retry": 1, "failOnFlaky": true }
      """
    When I run "spec verify --print-config --json"
    Then the exit code is 0
    And stdout is JSON in which "values.parallel.value" is "2"
    And stdout is JSON in which "values.failOnFlaky.sources.0.kind" is '"spec.config"'
    And stdout is JSON in which "values.retry.value" is "1"
    When I run "spec watch --print-config"
    Then the exit code is 0
    And stdout has these lines, each containing its cells in order:
      | parallel | 0 | default |
