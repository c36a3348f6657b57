Feature: After spec ack, an agent's hooks do not let the oracle move in silence
  Once a person has reviewed the specs (`spec ack`), a spec the agent deletes could turn a failing
  suite green: the Stop hook sends the agent back while a spec acked is gone (restore it, or a
  person reviews and acks its removal), and tells the person, never the agent alone, that specs or
  steps changed since the review. Specs the agent adds are normal work and pass in silence. With
  `locked: true` in spec.config, every hook's run is `spec verify --locked`.

  Background:
    Given the "acked-api" fixture
    And the project is a git repository with everything committed
    And I run "spec ack"

  Scenario Outline: Deleting the failing specs does not let a <agent> agent stop
    Given I replace "if (i.qty > 0)" with "if (i.qty > 1)" in the file "src/pricing.ts"
    And there is no file "features/pricing.feature"
    And there is no file "docs/specs/checkout.md"
    When I run "spec hook <agent> stop" with this on stdin:
      """
      { "session_id": "d1", "hook_event_name": "Stop", "stop_hook_active": false, "cwd": "<project>" }
      """
    Then the exit code is 2
    And stderr contains "features/pricing.feature"
    And stderr contains "docs/specs/checkout.md"
    And stderr contains "removed since the last spec ack"
    And stderr contains "Restore them"

    Examples:
      | agent  |
      | claude |
      | codex  |

  Scenario: Cursor's stop hook sends the agent back to restore a deleted spec
    Given there is no file "features/pricing.feature"
    When I run "spec hook cursor stop" with this on stdin:
      """
      { "hook_event_name": "stop", "status": "completed", "workspace_roots": ["<project>"] }
      """
    Then the exit code is 0
    And stdout is JSON in which "followup_message" contains "features/pricing.feature"

  Scenario Outline: Marking a failing acked spec a draft does not let a <agent> agent stop
    Given I replace "sum += i.price * i.qty;" with "sum += i.price * i.qty + (i.price === 8 ? 1 : 0);" in the file "src/pricing.ts"
    And I replace "status: accepted" with "status: draft" in the file "docs/specs/checkout.md"
    When I run "spec hook <agent> stop" with this on stdin:
      """
      { "session_id": "dr1", "hook_event_name": "Stop", "stop_hook_active": false, "cwd": "<project>" }
      """
    Then the exit code is 2
    And stderr contains "docs/specs/checkout.md"
    And stderr contains "marked a draft since the last spec ack"

    Examples:
      | agent  |
      | claude |
      | codex  |

  Scenario: Cursor's stop hook sends the agent back to restore an acked spec's status
    Given I replace "status: accepted" with "status: draft" in the file "docs/specs/checkout.md"
    When I run "spec hook cursor stop" with this on stdin:
      """
      { "hook_event_name": "stop", "status": "completed", "workspace_roots": ["<project>"] }
      """
    Then the exit code is 0
    And stdout is JSON in which "followup_message" contains "marked a draft since the last spec ack"

  Scenario Outline: Tagging a failing acked scenario out of the suite does not let a <agent> agent stop
    Given the file "cucumber.mjs" contains:
      """
      export default {
        import: ['tests/support/**/*.ts', 'tests/steps/**/*.ts'],
        paths: ['features/**/*.feature'],
        format: ['progress'],
        tags: 'not @wip',
      };
      """
    And I run "spec ack"
    And I replace "if (i.qty > 0) sum += i.price * i.qty;" with "if (i.qty > 0) sum += i.price * i.qty + (i.price === 2.5 ? 1 : 0);" in the file "src/pricing.ts"
    And I replace "@pricing" with "@pricing @wip" in the file "features/pricing.feature"
    When I run "spec hook <agent> stop" with this on stdin:
      """
      { "session_id": "w1", "hook_event_name": "Stop", "stop_hook_active": false, "cwd": "<project>" }
      """
    Then the exit code is 2
    And stderr contains "table cart"
    And stderr contains 'Scenario Outline "discounts" (2 examples)' once
    And stderr does not contain '"discounts" (features'
    And stderr contains "@wip"
    And stderr contains "left out since the last spec ack"

    Examples:
      | agent  |
      | claude |
      | codex  |

  Scenario: Deleting a failing acked scenario from its spec does not let the agent stop
    Given I replace "if (i.qty > 0) sum += i.price * i.qty;" with "if (i.qty > 0) sum += i.price * i.qty + (i.price === 2.5 ? 1 : 0);" in the file "src/pricing.ts"
    And the file "features/pricing.feature" contains:
      """
      @pricing
      Feature: Pricing

        Scenario Outline: discounts
          Given an item costing <price> times <qty>
          When I check out with <pct>% off
          Then the total is <total>

          Examples:
            | price | qty | pct | total |
            | $10   | 1   | 10  | 9     |
            | $4    | 2   | 50  | 4     |
      """
    When I run "spec hook claude stop" with this on stdin:
      """
      { "session_id": "w2", "hook_event_name": "Stop", "stop_hook_active": false, "cwd": "<project>" }
      """
    Then the exit code is 2
    And stderr contains "table cart"
    And stderr contains "features/pricing.feature"
    And stderr contains "left out since the last spec ack"

  Scenario: Deleting the failing scenario of an acked Markdown spec does not let the agent stop
    Given I replace "sum += i.price * i.qty;" with "sum += i.price * i.qty + (i.price === 8 ? 1 : 0);" in the file "src/pricing.ts"
    And I replace "## Scenario: half price" with "## Notes" in the file "docs/specs/checkout.md"
    When I run "spec hook claude stop" with this on stdin:
      """
      { "session_id": "w5", "hook_event_name": "Stop", "stop_hook_active": false, "cwd": "<project>" }
      """
    Then the exit code is 2
    And stderr contains "half price"
    And stderr contains "docs/specs/checkout.md: deleted from the spec"

  Scenario: Narrowing the profile's tags past a failing acked scenario does not let the agent stop
    Given I replace "if (i.qty > 0) sum += i.price * i.qty;" with "if (i.qty > 0) sum += i.price * i.qty + (i.price === 2.5 ? 1 : 0);" in the file "src/pricing.ts"
    And I replace "format: ['progress']," with "format: ['progress'], tags: 'not @pricing'," in the file "cucumber.mjs"
    When I run "spec hook claude stop" with this on stdin:
      """
      { "session_id": "w3", "hook_event_name": "Stop", "stop_hook_active": false, "cwd": "<project>" }
      """
    Then the exit code is 2
    And stderr contains "table cart"
    And stderr contains "not @pricing"

  Scenario: Cursor's stop hook asks for a scenario tagged out of the suite back
    Given I replace "if (i.qty > 0) sum += i.price * i.qty;" with "if (i.qty > 0) sum += i.price * i.qty + (i.price === 2.5 ? 1 : 0);" in the file "src/pricing.ts"
    And I replace "format: ['progress']," with "format: ['progress'], tags: 'not @pricing'," in the file "cucumber.mjs"
    When I run "spec hook cursor stop" with this on stdin:
      """
      { "hook_event_name": "stop", "status": "completed", "workspace_roots": ["<project>"] }
      """
    Then the exit code is 0
    And stdout is JSON in which "followup_message" contains "table cart"

  Scenario: An edit after a scenario was tagged out is told so
    Given I replace "format: ['progress']," with "format: ['progress'], tags: 'not @pricing'," in the file "cucumber.mjs"
    And I append "// tidied" to the file "src/pricing.ts"
    When I run "spec hook claude edit" with this on stdin:
      """
      { "session_id": "w4", "tool_name": "Edit", "tool_input": { "file_path": "<project>/src/pricing.ts" } }
      """
    Then the exit code is 2
    And stderr contains "table cart"
    And stderr contains "left out since the last spec ack"

  Scenario: An edit after a spec was deleted is told so
    Given there is no file "features/pricing.feature"
    And I append "// tidied" to the file "src/pricing.ts"
    When I run "spec hook claude edit" with this on stdin:
      """
      { "session_id": "d2", "tool_name": "Edit", "tool_input": { "file_path": "<project>/src/pricing.ts" } }
      """
    Then the exit code is 2
    And stderr contains "features/pricing.feature"
    And stderr contains "removed since the last spec ack"

  Scenario: A spec changed since the ack lets the agent stop, and the person is told which and how to review it
    Given I replace "Scenario: table cart" with "Scenario: a table cart" in the file "features/pricing.feature"
    When I run "spec hook claude stop" with this on stdin:
      """
      { "session_id": "d3", "hook_event_name": "Stop", "stop_hook_active": false, "cwd": "<project>" }
      """
    Then the exit code is 0
    And stdout is JSON in which "systemMessage" contains "features/pricing.feature"
    And stdout is JSON in which "systemMessage" contains "spec review"

  Scenario: A spec the agent adds is normal work: the hook stays quiet
    Given the file "features/totals.feature" contains:
      """
      Feature: Totals
        Scenario: one item
          Given an item costing $3 times 2
          When I check out with 0% off
          Then the total is 6
      """
    When I run "spec hook claude stop" with this on stdin:
      """
      { "session_id": "d4", "hook_event_name": "Stop", "stop_hook_active": false, "cwd": "<project>" }
      """
    Then the exit code is 0
    And stdout is empty

  Scenario: With locked: true in spec.config, a changed spec keeps the agent working
    Given the file "spec.config.ts" contains:
      """
      export default {
        specs: ['features/**/*.feature', 'docs/specs/**/*.md'],
        locked: true,
      };
      """
    And I replace "Scenario: table cart" with "Scenario: a table cart" in the file "features/pricing.feature"
    When I run "spec hook claude stop" with this on stdin:
      """
      { "session_id": "d5", "hook_event_name": "Stop", "stop_hook_active": false, "cwd": "<project>" }
      """
    Then the exit code is 2
    And stderr contains "SPEC_ORACLE_CHANGED"
    And stderr contains "features/pricing.feature"

  Scenario Outline: A spec changed since the ack that now fails: the <agent> agent is told its expectation is not the reviewed one
    Given I replace "Then the total is 8" with "Then the total is 9" in the file "features/pricing.feature"
    When I run "spec hook <agent> stop" with this on stdin:
      """
      { "session_id": "d6", "hook_event_name": "Stop", "stop_hook_active": false, "cwd": "<project>" }
      """
    Then the exit code is 2
    And stderr contains "features/pricing.feature changed since the last spec ack"
    And stderr contains "the failing expectation is not the reviewed one"

    Examples:
      | agent  |
      | claude |
      | codex  |

  Scenario: Cursor: a failing changed spec is named to the agent, and the person's log says the suite fails
    Given I replace "Then the total is 8" with "Then the total is 9" in the file "features/pricing.feature"
    When I run "spec hook cursor stop" with this on stdin:
      """
      { "hook_event_name": "stop", "status": "completed", "workspace_roots": ["<project>"] }
      """
    Then the exit code is 0
    And stdout is JSON in which "followup_message" contains "features/pricing.feature changed since the last spec ack"
    And stdout is JSON in which "followup_message" contains "the failing expectation is not the reviewed one"
    And stderr contains "the suite fails against the changed specs"
    And stderr does not contain "the suite passes"
