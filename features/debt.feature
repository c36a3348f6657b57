Feature: Comprehension debt
  Every verify measures comprehension debt: the figures ride in the verdict with their change since
  the run before, one line a run goes to .spec/history.jsonl, and `spec debt` prints the figures,
  their trend and the top offenders. Thresholds in spec.config fail verify like a gate.

  The library-loans fixture has three scenarios. "A returned book is back on the shelf" ends with
  "Then the loan is recorded", whose definition only logs (it cannot fail); "Borrowing a book twice"
  has no Then at all. So vacuousChecks is 2. Its two Then steps and three scenarios make five
  checks, so vacuous checks are 2/5 = 0.4 of them; binding health is clean (0 of 10 steps and 5
  definitions). Only those two metrics are measured (no line coverage, no ack), so the score is
  round(100 × (1 − (2 × 0.4 + 1 × 0) / (2 + 1))) = 73.

  Background:
    Given the "library-loans" fixture

  Scenario: A Then that cannot fail and a scenario with no Then are counted, and named
    When I run "spec verify --json --gate none"
    Then the exit code is 0
    And the verdict is valid JSON matching the schema
    And stdout is JSON in which "debt.metrics.vacuousChecks.value" is "2"
    And stdout is JSON in which "debt.metrics.bindingHealth.value" is "0"
    And stdout is JSON in which "debt.metrics.score.value" is "73"
    And stdout is JSON in which "debt.metrics.unspecified.value" is "null"
    And stdout is JSON in which "debt.delta" is "null"
    When I run "spec debt"
    Then the exit code is 0
    And stdout contains "vacuousChecks     2"
    And stdout contains 'features/loans.feature:14 "Then the loan is recorded" cannot fail (features/step_definitions/loans.steps.js:28)'
    And stdout contains 'features/loans.feature:16 scenario "Borrowing a book twice" has no Then'
    When I run "spec debt --json"
    Then stdout is a debt report matching its schema
    And stdout is JSON in which "summary.metrics.vacuousChecks.value" is "2"

  Scenario: The next run's delta compares with the one before
    Given I run "spec verify --gate none"
    And the file "features/step_definitions/more.steps.js" contains:
      """
      const { Then } = require('@cucumber/cucumber');
      Then('{word} holds it', function (member) {});
      """
    When I run "spec verify --json --gate none"
    Then stdout is JSON in which "debt.metrics.bindingHealth.value" is "1"
    And stdout is JSON in which "debt.delta.bindingHealth" is "1"
    And ".spec/history.jsonl" holds 2 whole history entries

  Scenario: A threshold past its limit fails verify, naming the metric, the limit, the value and the offenders
    Given the file "spec.config.json" contains:
      """
      { "debt": { "noVacuousChecks": true, "minScore": 60 } }
      """
    When I run "spec verify --gate debt"
    Then the exit code is 1
    And stdout contains "vacuousChecks is 2, over noVacuousChecks: true"
    And stdout contains "features/loans.feature:14"
    And stdout does not contain "minScore"
    And the last line of stdout is "spec: 3 passed, 1 failed (gate debt)"

  Scenario: A threshold on a figure nothing measured fails too: it cannot be said to hold
    unreviewed is measured from an ack, and this project has none.
    Given the file "spec.config.json" contains:
      """
      { "debt": { "maxUnreviewed": 100 } }
      """
    When I run "spec verify --json --gate debt"
    Then the exit code is 1
    And the verdict has a gate "debt" with the status "error"
    And the verdict's closing line is "spec: 3 passed, 1 failed (gate debt)"

  Scenario: The debt gate is a gate like the others: --gate none leaves it out, --gate debt runs it alone
    Given the file "spec.config.json" contains:
      """
      { "debt": { "noVacuousChecks": true } }
      """
    When I run "spec verify --json --gate none"
    Then the exit code is 0
    And the verdict has no gate "debt"
    And stdout is JSON in which "debt.metrics.vacuousChecks.value" is "2"
    When I run "spec verify --json --gate debt"
    Then the exit code is 1
    And the verdict has a gate "debt" with the status "failed"
    Given the file "spec.config.json" contains:
      """
      { "debt": false }
      """
    When I run "spec verify --gate debt"
    Then the exit code is 2
    And stdout contains "no debt threshold"

  Scenario: A torn last history line is warned about once: the next run repairs the file
    The torn text is a prefix of a line a crashed run was writing: no figure can be read from
    it, so the repair drops it (the warning of the run that repairs it names it).
    Given the file ".spec/history.jsonl" contains:
      """
      {"at":"2026-11-29T10:00:00.000Z","kind":"verify","partial":false,"commit":null,"metrics":{"unspecified":null,"declaredOnly":null,"unreviewed":null,"drift":null,"selfGraded":null,"opaqueComplexity":null,"vacuousChecks":3,"bindingHealth":0,"specChurnRatio":null,"score":60}}
      {"at":"2026-11-29T10:05:00.000Z","kind":"ver
      """
    When I run "spec verify --json --gate none"
    Then the exit code is 0
    And stdout is JSON in which "debt.delta.vacuousChecks" is "-1"
    And the verdict has a "SPEC_DEBT_HISTORY_TORN" warning
    And ".spec/history.jsonl" holds 2 whole history entries
    And line 2 of ".spec/history.jsonl" contains '"kind":"verify","partial":false'
    When I run "spec verify --json --gate none"
    Then the verdict has no warnings
    And ".spec/history.jsonl" holds 3 whole history entries
    When I run "spec debt"
    Then stdout does not contain "SPEC_DEBT_HISTORY_TORN"

  Scenario: Two runs at once never interleave a history line
    When I run "spec verify --gate none" twice at once
    Then ".spec/history.jsonl" holds 2 whole history entries

  Scenario: debt: false turns it off
    Given the file "spec.config.json" contains:
      """
      { "debt": false }
      """
    When I run "spec verify --json --gate none"
    Then the exit code is 0
    And stdout is JSON in which "debt" is "null"
    And the file ".spec/history.jsonl" does not exist
    When I run "spec debt"
    Then the exit code is 2
    And stderr contains "debt: false"

  Scenario: spec debt in a project never verified says how to measure it
    When I run "spec debt"
    Then the exit code is 2
    And stderr contains "SPEC_DEBT_NOT_MEASURED"
    And stderr contains "run `spec verify`"

  Scenario: Watch prints the figures that moved since the run before
    Given I run "spec verify --gate none"
    And the file "features/step_definitions/more.steps.js" contains:
      """
      const { Then } = require('@cucumber/cucumber');
      Then('{word} holds it', function (member) {});
      """
    When I start "spec watch --settle 20"
    Then the watcher prints "debt: bindingHealth +1 problems, score -2"

  Scenario: A cucumber profile's own tag filter is the suite: its thresholds are still checked
    A profile with `tags: 'not @wip'` is how many projects keep work in progress out; a plain
    verify is still the full run (a trial found it read as narrowed, and exited 0 over the breach).
    Given the file "cucumber.cjs" contains:
      """
      module.exports = { default: { paths: ['features/**/*.feature'], require: ['features/step_definitions/**/*.js'], tags: 'not @wip' } };
      """
    And the file "spec.config.json" contains:
      """
      { "debt": { "noVacuousChecks": true } }
      """
    When I run "spec verify --json"
    Then the exit code is 1
    And stdout is JSON in which "debt.metrics.vacuousChecks.value" is "2"
    And the verdict has a gate "debt" with the status "failed"

  Scenario: spec debt after an ack made since the last verify does not say there is no ack
    When I run "spec verify --gate none"
    Then the exit code is 0
    When I run "spec ack"
    Then the exit code is 0
    When I run "spec debt"
    Then the exit code is 0
    And stdout does not contain "no ack yet"
    And stdout contains "spec ack ran after the run that measured these figures"
