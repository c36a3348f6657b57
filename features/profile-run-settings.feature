Feature: The cucumber profile's language, order and dryRun
  A French team sets `language: "fr"` in its cucumber profile instead of a `# language: fr` line in
  every feature: specloop parses every spec of that run in that language, as cucumber-js does, and
  a file's own `# language:` line still wins. The profile's `order` runs the scenarios in that order;
  its `dryRun` would run nothing, so spec verify refuses it rather than pass on nothing run.

  Background:
    Given the "french-profile" fixture

  Scenario: The profile's language is the language of every spec without its own
    When I run "spec verify --json"
    Then the exit code is 0
    And the verdict ran exactly these scenarios:
      | features/emprunts.feature:4 |
      | features/emprunts.feature:9 |
      | features/returns.feature:4  |

  Scenario: A line filter and a shard parse the specs in the profile's language too
    When I run "spec verify features/emprunts.feature:9 --json"
    Then the exit code is 0
    And the verdict ran exactly these scenarios:
      | features/emprunts.feature:9 |
    When I run "spec verify --shard 1/1 --json"
    Then the exit code is 0
    And the verdict counts 3 passed and 0 failed scenarios

  Scenario: spec compile and MCP list_specs read the specs in the profile's language as verify does
    When I run "spec compile --json"
    Then the exit code is 0
    And stdout is JSON in which "files" is "[{\"path\":\"features/emprunts.feature\",\"kind\":\"feature\",\"scenarios\":2,\"problems\":0},{\"path\":\"features/returns.feature\",\"kind\":\"feature\",\"scenarios\":1,\"problems\":0}]"
    When I run "spec mcp" with these requests on stdin, closing it once each is answered:
      """
      {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"acceptance","version":"1"}}}
      {"jsonrpc":"2.0","method":"notifications/initialized"}
      {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"list_specs","arguments":{}}}
      """
    Then the exit code is 0
    And stdout contains "features/emprunts.feature:9"
    And stdout contains "Le quatrième livre est refusé"

  Scenario: A failure in a French spec is reported at its step
    Given the file "src/bibliotheque.js" contains:
      """
      class Adherent {
        constructor(emprunts = 0) {
          this.emprunts = emprunts;
        }

        emprunter() {
          this.emprunts += 1;
          return true;
        }

        rendre() {
          this.emprunts -= 1;
        }
      }

      module.exports = { Adherent };
      """
    When I run "spec verify --json"
    Then the exit code is 1
    And the verdict has a "failed-step" failure at "features/emprunts.feature:12"

  Scenario: A Markdown spec is in the profile's language unless its front matter says otherwise
    Given the file "spec.config.json" contains:
      """
      { "specs": ["features/**/*.feature", "docs/**/*.md"] }
      """
    And the file "docs/prolongation.md" contains:
      """
      # Prolongation

      ## Scénario: Un emprunt de plus

      - Soit un adhérent qui a 2 emprunts
      - Quand il emprunte "Nana"
      - Alors il a 3 emprunts
      """
    When I run "spec verify docs/prolongation.md --json"
    Then the exit code is 0
    And the verdict ran exactly these scenarios:
      | docs/prolongation.md:3 |

  Scenario: A language cucumber does not know is bad input in the profile
    Given the file "cucumber.json" contains:
      """
      { "default": { "paths": ["features/**/*.feature"], "require": ["features/step_definitions/**/*.js"], "language": "klingon" } }
      """
    When I run "spec verify"
    Then the exit code is 2
    And the output contains "klingon"
    And the output contains "cucumber.json"
    And the output has no stack trace

  Scenario: The profile's order runs the scenarios in that order; an order cucumber does not know is bad input
    Given the file "cucumber.json" contains:
      """
      { "default": { "paths": ["features/**/*.feature"], "require": ["features/step_definitions/**/*.js"], "language": "fr", "order": "random:7" } }
      """
    When I run "spec verify --json"
    Then the exit code is 0
    And the verdict counts 3 passed and 0 failed scenarios
    Given the file "cucumber.json" contains:
      """
      { "default": { "paths": ["features/**/*.feature"], "require": ["features/step_definitions/**/*.js"], "language": "fr", "order": "sideways" } }
      """
    When I run "spec verify"
    Then the exit code is 2
    And the output contains "SPEC_PROFILE_REJECTED"
    And the output contains "sideways"
    And the output has no stack trace

  Scenario: The profile's dryRun would run nothing: spec verify refuses it and says what to use
    Given the file "cucumber.json" contains:
      """
      {
        "default": { "paths": ["features/**/*.feature"], "require": ["features/step_definitions/**/*.js"], "language": "fr" },
        "check": { "paths": ["features/**/*.feature"], "require": ["features/step_definitions/**/*.js"], "language": "fr", "dryRun": true }
      }
      """
    When I run "spec verify --profile check"
    Then the exit code is 2
    And the output contains "dryRun"
    And the output contains "spec steps"
    And the output has no stack trace
    When I run "spec verify"
    Then the exit code is 0
