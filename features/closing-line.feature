Feature: The closing line counts every failure
  Every report ends with `spec: N passed, N failed`. It reads "0 failed" only when the exit code
  is 0: a failed gate, a spec that does not parse, a step file that throws on import, a config
  error or a run that was stopped each count as a failure, named in parentheses after the count.
  The human, agent and JSON reporters and every watch run share the one line.

  Background:
    Given the "todo" fixture

  Scenario: A failed gate is counted even when every scenario passed
    Given the file "spec.config.json" contains:
      """
      { "gates": { "typecheck": ["node", "-e", "process.exit(1)"] } }
      """
    When I run "spec verify"
    Then the exit code is 1
    And the last line of stdout is "spec: 5 passed, 1 failed (gate typecheck)"

  Scenario: The agent and JSON reporters end with the same line
    Given the file "spec.config.json" contains:
      """
      { "gates": { "typecheck": ["node", "-e", "process.exit(1)"] } }
      """
    When I run "spec verify --reporter agent"
    Then the exit code is 1
    And the last line of stdout is "spec: 5 passed, 1 failed (gate typecheck)"
    When I run "spec verify --json"
    Then the exit code is 1
    And the verdict's closing line is "spec: 5 passed, 1 failed (gate typecheck)"

  Scenario: Failed scenarios and a failed gate are counted together
    Given the file "spec.config.json" contains:
      """
      { "gates": { "lint": ["node", "-e", "process.exit(3)"] } }
      """
    And the file "features/wrong.feature" contains:
      """
      Feature: Wrong
        Scenario: A wrong count
          Given an empty todo list
          Then 3 todos remain
      """
    When I run "spec verify"
    Then the exit code is 1
    And the last line of stdout is "spec: 5 passed, 2 failed (1 scenario, gate lint)"

  Scenario: A spec that does not parse is counted
    Given the file "features/broken.feature" contains:
      """
      Feature: Broken
        Scenario: Prose between the steps
          Given an empty todo list
          this line is not Gherkin
      """
    When I run "spec verify --gate none"
    Then the exit code is 2
    And the last line of stdout is "spec: 5 passed, 1 failed (parse error)"

  Scenario: A step file that throws on import is counted
    Given the file "steps/broken.steps.ts" contains:
      """
      throw new Error('the database is not configured');
      """
    When I run "spec verify --gate none"
    Then the exit code is 1
    And the last line of stdout is "spec: 0 passed, 1 failed (load error)"

  Scenario: A config error is counted
    Given the file "spec.config.json" contains:
      """
      { "gates": 5 }
      """
    When I run "spec verify --reporter agent"
    Then the exit code is 2
    And the last line of stdout is "spec: 0 passed, 1 failed (config error)"

  Scenario: Several errors of one kind are counted one by one
    Given the file "features/broken.feature" contains:
      """
      Feature: Broken
        Scenario: A table with a missing cell
          Given an empty todo list
          And the list shows:
            | a | b |
            | c |
      """
    And the file "features/stray.feature" contains:
      """
      Feature: Stray
        Scenario: Prose between the steps
          Given an empty todo list
          neither is this
      """
    When I run "spec verify --gate none"
    Then the exit code is 2
    And the last line of stdout is "spec: 5 passed, 2 failed (2 parse errors)"

  Scenario: Each watch run ends with the same line
    When I start "spec watch --json --settle 20"
    And I write "steps/broken.steps.ts" with:
      """
      throw new Error('the database is not configured');
      """
    Then the next run's closing line is "spec: 0 passed, 1 failed (load error)" with exit code 1
