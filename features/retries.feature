Feature: Retries and flaky scenarios

  A team's CI profile retries failed scenarios (cucumber's `retry`, or `spec verify --retry N`).
  A scenario that fails and then passes on a retry is flaky: the verdict counts it and lists it
  apart from the scenarios that passed, with what each failed attempt said, and never reads as a
  clean pass. `--fail-on-flaky` makes it fail the run.

  Background:
    Given the "flaky-orders" fixture

  Scenario: A scenario that passes only on a retry is flaky, counted and listed apart
    When I run "spec verify features/orders.feature --json"
    Then the exit code is 0
    And the verdict is valid JSON matching the schema
    And the verdict counts 1 passed, 1 flaky and 0 failed scenarios
    And the verdict lists "features/orders.feature:7" as flaky after 2 attempts
    And that flaky scenario's attempt 1 failed at "features/orders.feature:10" saying "Expected values to be strictly deep-equal"
    And the verdict's closing line is "spec: 1 passed, 0 failed, 1 flaky"

  Scenario: The human and agent reports say flaky
    When I run "spec verify features/orders.feature"
    Then the exit code is 0
    And stdout contains "FLAKY"
    And stdout contains "features/orders.feature:7"
    And stdout contains "spec: 1 passed, 0 failed, 1 flaky"
    When I run "spec verify features/orders.feature --format agent"
    Then stdout contains "flaky features/orders.feature:7 attempts 2"
    And stdout contains "attempt 1 failed features/orders.feature:10"

  Scenario: GitHub Actions shows a warning at the flaky scenario's line
    When I run "spec verify features/orders.feature --format github"
    Then the exit code is 0
    And stdout contains "::warning file=features/orders.feature,line=7,title="
    And stdout contains "flaky"

  Scenario: --fail-on-flaky fails the run, naming the flaky scenario
    When I run "spec verify features/orders.feature --fail-on-flaky --json"
    Then the exit code is 1
    And the verdict is valid JSON matching the schema
    And the verdict has a "flaky" failure at "features/orders.feature:7"
    And that failure's code is "SPEC_FLAKY"
    And that failure's message contains "A customer finds their orders by name"
    And that failure's message contains "it failed once, then passed on attempt 2"
    And the verdict's closing line is "spec: 1 passed, 1 failed (flaky scenario)"

  Scenario: spec.config's failOnFlaky fails the run too
    Given the file "spec.config.json" contains:
      """
      { "failOnFlaky": true }
      """
    When I run "spec verify features/orders.feature --json"
    Then the exit code is 1
    And the verdict has a "flaky" failure at "features/orders.feature:7"

  Scenario: --retry 0 overrides the profile's retry: the flaky scenario is a plain failure
    When I run "spec verify features/orders.feature --retry 0 --json"
    Then the exit code is 1
    And the verdict counts 1 passed, 0 flaky and 1 failed scenarios
    And the verdict has a "failed-step" failure at "features/orders.feature:10"

  Scenario: A scenario that fails every attempt is a failure that says how many attempts it had
    When I run "spec verify features/refunds.feature --retry 2 --json"
    Then the exit code is 1
    And the verdict counts 0 passed, 0 flaky and 1 failed scenarios
    And the verdict has a "failed-step" failure at "features/refunds.feature:6"
    And that failure's attempts is "3"
    And the verdict reports the scenario "features/refunds.feature:3" as failed
    When I run "spec verify features/refunds.feature --retry 2"
    Then the exit code is 1
    And stdout contains "failed on all 3 attempts"

  Scenario: --fail-on-flaky with no retry can have no effect, and says how to set retries
    Nothing is retried, so nothing can be flaky: a scenario that would pass on a retry is a plain
    failure. Set from the flag or from spec.config, with retries from neither nor the profile.
    When I run "spec verify features/orders.feature --retry 0 --fail-on-flaky --json"
    Then the exit code is 1
    And the verdict has a "SPEC_FAIL_ON_FLAKY_NO_RETRY" warning
    And that warning's message contains "--fail-on-flaky"
    And that warning's hint contains "--retry"
    Given the file "spec.config.json" contains:
      """
      { "failOnFlaky": true, "retry": 0 }
      """
    When I run "spec verify features/refunds.feature --json"
    Then the exit code is 1
    And the verdict has a "SPEC_FAIL_ON_FLAKY_NO_RETRY" warning
    And that warning's message contains "spec.config.json"
    When I run "spec verify features/refunds.feature --retry 1 --json"
    Then the exit code is 1
    And the verdict has no "SPEC_FAIL_ON_FLAKY_NO_RETRY" warning

  Scenario: --fail-on-flaky with the profile's retry says nothing more
    When I run "spec verify features/orders.feature --fail-on-flaky --json"
    Then the exit code is 1
    And the verdict has no "SPEC_FAIL_ON_FLAKY_NO_RETRY" warning

  Scenario Outline: A --retry that is not a whole number of retries is bad input
    When I run "spec verify --retry <value>"
    Then the exit code is 2
    And the output contains "SPEC_USAGE"
    And the output contains "--retry must be a whole number, 0 or more, got \"<value>\""
    And the output does not contain "option argument"
    And the output has no stack trace

    Examples:
      | value |
      | -1    |
      | x     |
      | 1.5   |

  Scenario: The profile's retryTagFilter retries only the scenarios it matches, as cucumber-js does
    A scenario without the tag is not retried: its failure is a plain failure, never flaky.
    Given the file "cucumber.js" contains:
      """
      module.exports = {
        default: {
          paths: ['features/**/*.feature'],
          require: ['features/step_definitions/**/*.js'],
          retry: 1,
          retryTagFilter: '@flaky',
        },
      };
      """
    When I run "spec verify features/orders.feature --json"
    Then the exit code is 1
    And the verdict counts 1 passed, 0 flaky and 1 failed scenarios
    And the verdict has a "failed-step" failure at "features/orders.feature:10"
    And the verdict's closing line is "spec: 1 passed, 1 failed"
    Given the file "features/orders.feature" contains:
      """
      Feature: Orders

        Scenario: A placed order is kept
          Given Ada has placed an order for a teapot
          Then Ada has 1 order

        @flaky
        Scenario: A customer finds their orders by name
          Given Ada has placed an order for a teapot
          When Ada searches for her orders
          Then the search finds the teapot
      """
    When I run "spec verify features/orders.feature --json"
    Then the exit code is 0
    And the verdict counts 1 passed, 1 flaky and 0 failed scenarios

  Scenario: spec.config's retryTagFilter and --retry-tag-filter narrow the retries too
    Given the file "spec.config.json" contains:
      """
      { "retryTagFilter": "@flaky" }
      """
    When I run "spec verify features/orders.feature --json"
    Then the exit code is 1
    And the verdict counts 1 passed, 0 flaky and 1 failed scenarios
    When I run "spec verify features/orders.feature --retry-tag-filter @slow --json"
    Then the exit code is 1
    And the verdict counts 1 passed, 0 flaky and 1 failed scenarios
    Given the file "spec.config.json" contains:
      """
      {}
      """
    When I run "spec verify features/orders.feature --retry-tag-filter @flaky --json"
    Then the exit code is 1
    And the verdict counts 1 passed, 0 flaky and 1 failed scenarios
    When I run "spec verify features/orders.feature --retry-tag-filter 'not @flaky' --json"
    Then the exit code is 0
    And the verdict counts 1 passed, 1 flaky and 0 failed scenarios

  Scenario: A retryTagFilter with no retry is refused, as cucumber-js refuses it
    cucumber-js stops with "a positive `retry` count must be specified when setting `retryTagFilter`";
    a filter that retries nothing would leave the author believing their flaky scenarios are retried.
    When I run "spec verify features/orders.feature --retry 0 --retry-tag-filter @flaky"
    Then the exit code is 2
    And the output contains "SPEC_RETRY_FILTER_WITHOUT_RETRY"
    And the output contains "--retry-tag-filter"
    And the output has no stack trace
    Given the file "spec.config.json" contains:
      """
      { "retryTagFilter": "@flaky", "retry": 0 }
      """
    When I run "spec verify features/orders.feature"
    Then the exit code is 2
    And the output contains "spec.config.json"
    And the output contains "SPEC_RETRY_FILTER_WITHOUT_RETRY"
