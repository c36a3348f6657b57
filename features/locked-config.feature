Feature: The config that decides what is checked belongs to the acked oracle
  spec.config and the cucumber profile decide what a run checks: their tags, names, paths, gates,
  strict, retry, passWithNoScenarios, debt thresholds and `locked` itself can shrink it to nothing
  failing. `spec ack` records each config file (a content hash, and the value of every key it
  sets); after it, a change to one fails `spec verify --locked` naming the file and the keys, is
  told by the agent hooks like a changed spec, and is listed by `spec review`. An ack that said
  `locked: true` keeps every verify locked until a person acks again. An ack written before config
  was recorded still works, and says that the config is not part of it.

  Background:
    Given the "acked-api" fixture
    And the project is a git repository with everything committed

  Scenario: Excluding the failing spec with tags in spec.config fails verify --locked, naming the file and the key
    Given the file "spec.config.ts" contains:
      """
      export default {
        specs: ['features/**/*.feature', 'docs/specs/**/*.md'],
        locked: true,
      };
      """
    And I run "spec ack"
    And I replace "if (i.qty > 0)" with "if (i.qty > 1)" in the file "src/pricing.ts"
    And the file "spec.config.ts" contains:
      """
      export default {
        specs: ['features/**/*.feature', 'docs/specs/**/*.md'],
        locked: true,
        tags: 'not @pricing',
      };
      """
    When I run "spec verify --gate none --json"
    Then the exit code is 1
    And the verdict has a "oracle-changed" failure at "spec.config.ts:1"
    And that failure's code is "SPEC_ORACLE_CHANGED"
    And that failure's message contains "tags"
    When I run "spec verify --gate none --locked"
    Then the exit code is 1
    And stdout contains "spec.config.ts"
    And stdout contains "tags"

  Scenario: Narrowing the cucumber profile fails verify --locked, naming the profile file and its key
    Given I run "spec ack"
    And I replace "format: ['progress']," with "format: ['progress'], tags: 'not @pricing'," in the file "cucumber.mjs"
    When I run "spec verify --gate none --locked --json"
    Then the exit code is 1
    And the verdict has a "oracle-changed" failure at "cucumber.mjs:1"
    And that failure's message contains "tags"

  Scenario: Turning a gate off in spec.config fails verify --locked, naming the gate
    Given I run "spec ack"
    And I replace "specs: [" with "gates: { typecheck: false }, specs: [" in the file "spec.config.ts"
    When I run "spec verify --gate none --locked --json"
    Then the exit code is 1
    And the verdict has a "oracle-changed" failure at "spec.config.ts:1"
    And that failure's message contains "gates.typecheck"

  Scenario: Dropping locked: true from spec.config does not unlock what was acked locked
    Given the file "spec.config.ts" contains:
      """
      export default {
        specs: ['features/**/*.feature', 'docs/specs/**/*.md'],
        locked: true,
      };
      """
    And I run "spec ack"
    And the file "spec.config.ts" contains:
      """
      export default {
        specs: ['features/**/*.feature', 'docs/specs/**/*.md'],
      };
      """
    When I run "spec verify --gate none --json"
    Then the exit code is 1
    And the verdict has a "oracle-changed" failure at "spec.config.ts:1"
    And that failure's message contains "locked"

  Scenario: With locked: true, the Stop hook keeps the agent working after it narrows the config
    Given the file "spec.config.ts" contains:
      """
      export default {
        specs: ['features/**/*.feature', 'docs/specs/**/*.md'],
        locked: true,
      };
      """
    And I run "spec ack"
    And I replace "locked: true," with "locked: true, tags: 'not @pricing'," in the file "spec.config.ts"
    When I run "spec hook claude stop" with this on stdin:
      """
      { "session_id": "c1", "hook_event_name": "Stop", "stop_hook_active": false, "cwd": "<project>" }
      """
    Then the exit code is 2
    And stderr contains "SPEC_ORACLE_CHANGED"
    And stderr contains "spec.config.ts"

  Scenario: Without locked, the Stop hook tells the person the config changed since the ack
    Given I run "spec ack"
    And I replace "format: ['progress']," with "format: ['progress'], tags: 'not @flaky'," in the file "cucumber.mjs"
    When I run "spec hook claude stop" with this on stdin:
      """
      { "session_id": "c2", "hook_event_name": "Stop", "stop_hook_active": false, "cwd": "<project>" }
      """
    Then the exit code is 0
    And stdout is JSON in which "systemMessage" contains "cucumber.mjs (tags)"
    And stdout is JSON in which "systemMessage" contains "spec review"

  Scenario: spec review lists a config file changed since the ack, with its keys
    When I run "spec ack"
    Then stdout contains "with the config spec.config.ts and cucumber.mjs"
    Given I replace "specs: [" with "passWithNoScenarios: true, specs: [" in the file "spec.config.ts"
    When I run "spec review --json"
    Then the exit code is 0
    And stdout is JSON in which "config.0.file" is '"spec.config.ts"'
    And stdout is JSON in which "config.0.change" is '"changed"'
    And stdout is JSON in which "config.0.keys" is '["passWithNoScenarios"]'
    When I run "spec review"
    Then stdout contains "spec.config.ts"
    And stdout contains "passWithNoScenarios"

  Scenario: An ack written before config was recorded still locks the specs, and says the config is not in it
    Given I run "spec ack"
    And I remove the key "config" from the JSON file ".spec/ack.json"
    When I run "spec verify --gate none --locked --json"
    Then the exit code is 0
    And the verdict has a "SPEC_ACK_NO_CONFIG" warning
    And that warning's message contains "spec.config.ts"
    And that warning's message contains "cucumber.mjs"
    And that warning's hint contains "spec ack"
