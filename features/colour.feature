Feature: Colour in the human report
  Colour follows NO_COLOR and FORCE_COLOR, and is off when stdout is not a terminal.

  Background:
    Given the "todo" fixture
    And the file "features/counting.feature" contains:
      """
      Feature: Counting todos

        Scenario: One todo is left
          Given an empty todo list
          Then 5 todos remain
      """

  Scenario: NO_COLOR turns colour off
    When I run "spec verify" with the environment:
      | NO_COLOR    | 1 |
      | FORCE_COLOR |   |
    Then the exit code is 1
    And stdout has no ANSI colour codes
    And the last line of stdout is "spec: 5 passed, 1 failed"

  Scenario: NO_COLOR wins over FORCE_COLOR
    Node's own rule is the other way round ("The 'NO_COLOR' env is ignored due to the 'FORCE_COLOR'
    env being set"), and on Node 22+ it says so in every process or thread that gets both: spec
    drops FORCE_COLOR when NO_COLOR is set, so no warning contradicts the uncoloured report.
    When I run "spec verify" with the environment:
      | NO_COLOR    | 1 |
      | FORCE_COLOR | 1 |
    Then the exit code is 1
    And stdout has no ANSI colour codes
    And stderr does not contain "NO_COLOR"

  Scenario: FORCE_COLOR turns colour on even when stdout is not a terminal
    When I run "spec verify" with the environment:
      | NO_COLOR    |   |
      | FORCE_COLOR | 1 |
    Then the exit code is 1
    And stdout has ANSI colour codes
    And stdout contains "spec: 5 passed, 1 failed"

  Scenario: Without either variable a pipe gets no colour
    When I run "spec verify" with the environment:
      | NO_COLOR    |   |
      | FORCE_COLOR |   |
    Then the exit code is 1
    And stdout has no ANSI colour codes

  Scenario: The JSON verdict never has colour
    When I run "spec verify --json" with the environment:
      | NO_COLOR    |   |
      | FORCE_COLOR | 1 |
    Then the exit code is 1
    And stdout has no ANSI colour codes
    And the verdict is valid JSON matching the schema
