Feature: --changed after a run under another profile
  The scenario map learns which step files each scenario binds to from the runs that ran it. A run
  under a profile whose tags leave scenarios out (a `ci` profile with `not @slow`) never saw those
  scenarios: a later `--changed` under the default profile must not take the map's silence about
  them for "not reached". Until a full run under this run's filter records them, an edit to code
  or steps runs every scenario.

  Background:
    Given the "yaml-profiles" fixture
    And the project is a git repository with everything committed

  Scenario: A step-file edit after a ci-profile run still runs the @slow scenario the ci profile left out
    When I run "spec verify --profile ci --gate none"
    Then the exit code is 0
    When I replace "assert.equal(this.label, text);" with "assert.equal(this.label.startsWith('C') ? 'broken' : this.label, text);" in the file "features/steps/labels.steps.js"
    And I run "spec verify --changed --gate none"
    Then the exit code is 1
    And stdout contains "features/labels.feature:8"
    And stdout does not contain "nothing affected"

  Scenario: After a full run under the same profile, --changed selects exactly again
    When I run "spec verify --profile ci --gate none"
    And I run "spec verify --gate none"
    Then the exit code is 0
    When I replace "assert.equal(this.label, text);" with "assert.equal(this.label.startsWith('C') ? 'broken' : this.label, text);" in the file "features/steps/labels.steps.js"
    And I run "spec verify --changed --gate none --json"
    Then the exit code is 1
    And stdout contains "features/labels.feature:8"
    And stdout does not contain "features/rates.feature"
