Feature: Honouring an existing cucumber.js configuration
  A project that already runs cucumber-js keeps its cucumber.cjs: specloop reads it with the
  project's own cucumber, uses its paths and support files when spec.config leaves those to the
  defaults, and --profile picks one of its profiles.

  Background:
    Given the "todo" fixture
    And the file "acceptance/lists.feature" contains:
      """
      Feature: Lists kept elsewhere

        Scenario: A new list is empty
          Given an empty todo list
          Then 0 todos remain

        @smoke
        Scenario: One todo
          Given an empty todo list
          When I add "buy milk"
          Then 1 todo remains
      """
    And the file "cucumber.cjs" contains:
      """
      module.exports = {
        default: {
          paths: ['acceptance/**/*.feature'],
          require: ['steps/**/*.ts'],
        },
        smoke: {
          paths: ['acceptance/**/*.feature'],
          require: ['steps/**/*.ts'],
          tags: '@smoke',
        },
      };
      """

  Scenario: The default profile's paths decide which specs run
    When I run "spec verify --json"
    Then the exit code is 0
    And the verdict ran exactly these scenarios:
      | acceptance/lists.feature:3 |
      | acceptance/lists.feature:8 |

  Scenario: --profile picks a profile, with its tags
    When I run "spec verify --profile smoke --json"
    Then the exit code is 0
    And the verdict ran exactly these scenarios:
      | acceptance/lists.feature:8 |

  Scenario: The profile's support files are the ones loaded
    Given the file "cucumber.cjs" contains:
      """
      module.exports = {
        default: {
          paths: ['acceptance/**/*.feature'],
          require: ['support-elsewhere/**/*.ts'],
        },
      };
      """
    And the file "support-elsewhere/lists.steps.ts" contains:
      """
      import assert from 'node:assert/strict';
      import { Given, Then, When } from '@cucumber/cucumber';

      const titles: string[] = [];

      Given('an empty todo list', function () {
        titles.length = 0;
      });

      When('I add {string}', function (title: string) {
        titles.push(title);
      });

      Then('{int} todo(s) remain(s)', function (count: number) {
        assert.equal(titles.length, count);
      });
      """
    And the file "steps/todo.steps.ts" contains:
      """
      throw new Error('this file is not in the profile and must not load');
      """
    When I run "spec verify --json"
    Then the exit code is 0
    And the verdict counts 2 passed and 0 failed scenarios

  Scenario: The profile's strict: false counts undefined steps as skipped
    Given the file "acceptance/lists.feature" contains:
      """
      Feature: Lists kept elsewhere

        Scenario: A step nobody wrote yet
          Given an empty todo list
          Then the list is archived
      """
    And the file "cucumber.cjs" contains:
      """
      module.exports = {
        default: { paths: ['acceptance/**/*.feature'], require: ['steps/**/*.ts'], strict: false },
      };
      """
    When I run "spec verify --json"
    Then the exit code is 0
    And stdout contains "spec: 0 passed, 0 failed, 1 skipped"

  Scenario: spec.config's strict wins over the profile's
    Given the file "acceptance/lists.feature" contains:
      """
      Feature: Lists kept elsewhere

        Scenario: A step nobody wrote yet
          Given an empty todo list
          Then the list is archived
      """
    And the file "cucumber.cjs" contains:
      """
      module.exports = {
        default: { paths: ['acceptance/**/*.feature'], require: ['steps/**/*.ts'], strict: false },
      };
      """
    And the file "spec.config.json" contains:
      """
      { "strict": true }
      """
    When I run "spec verify --json"
    Then the exit code is 1
    And the verdict has an "undefined" failure

  Scenario: The profile's retry re-runs a flaky scenario, and spec.config's retry wins over it
    Given the file "acceptance/lists.feature" contains:
      """
      Feature: Lists kept elsewhere

        Scenario: A flaky check
          Given a step that fails on its first try
      """
    And the file "steps/flaky.steps.ts" contains:
      """
      import { Given } from '@cucumber/cucumber';

      let tries = 0;

      Given('a step that fails on its first try', function () {
        tries += 1;
        if (tries === 1) throw new Error('first try fails');
      });
      """
    And the file "cucumber.cjs" contains:
      """
      module.exports = {
        default: { paths: ['acceptance/**/*.feature'], require: ['steps/**/*.ts'], retry: 1 },
      };
      """
    When I run "spec verify --json"
    Then the exit code is 0
    And the verdict counts 0 passed, 1 flaky and 0 failed scenarios
    Given the file "spec.config.json" contains:
      """
      { "retry": 0 }
      """
    When I run "spec verify --json"
    Then the exit code is 1
    And the verdict counts 0 passed and 1 failed scenario

  Scenario: An unknown profile is bad input that names the profile
    When I run "spec verify --profile nightly"
    Then the exit code is 2
    And the output contains "nightly"
    And the output has no stack trace

  Scenario: Line numbers in the profile's paths run only those scenarios, as cucumber-js does
    Given the file "cucumber.cjs" contains:
      """
      module.exports = {
        default: { paths: ['acceptance/lists.feature:8'], require: ['steps/**/*.ts'] },
        mixed: { paths: ['acceptance/**/*.feature', 'acceptance/lists.feature:8'], require: ['steps/**/*.ts'] },
      };
      """
    When I run "spec verify --json"
    Then the exit code is 0
    And the verdict ran exactly these scenarios:
      | acceptance/lists.feature:8 |
    When I run "spec verify --profile mixed --json"
    Then the exit code is 0
    And the verdict ran exactly these scenarios:
      | acceptance/lists.feature:8 |
    When I run "spec verify acceptance/lists.feature --json"
    Then the exit code is 0
    And the verdict ran exactly these scenarios:
      | acceptance/lists.feature:3 |
      | acceptance/lists.feature:8 |

  Scenario: A line in the profile's paths that names no scenario is bad input, not an empty pass
    Given the file "cucumber.cjs" contains:
      """
      module.exports = {
        default: { paths: ['acceptance/lists.feature:5'], require: ['steps/**/*.ts'] },
      };
      """
    When I run "spec verify"
    Then the exit code is 2
    And the output contains "acceptance/lists.feature:5"
    And the output has no stack trace
