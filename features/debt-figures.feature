Feature: Debt from the lines the scenarios ran and from the reviewed state, in the verdict
  A verify run carries every debt figure it can measure: the line-coverage figures once a run of
  every scenario has recorded which lines ran, the ack-based ones once `spec ack` has recorded a
  reviewed state. A run measures them against its own record, never the run before's.

  The debt-lines fixture has one scenario: a basket of 2 × 10 checked out with the code "HALF".
  In src/pricing.ts it runs `total` and the first branch of `discount`; lines 18, 19, 21 (the rest
  of `discount`) and 25, 26, 28 (`shippingFor`, never called) are unspecified. src/refunds.ts is
  loaded but `refund` never runs: lines 3 and 9, both claimed by features/refunds.md's
  `covers:` and so also declaredOnly. src/money.ts is never loaded: its 3 lines. In all
  6 + 2 + 3 = 11 unspecified lines, 2 declaredOnly. `shippingFor` scores 4 (if +1, the ternary
  inside it +2, the other +1) and `refund` 0, so opaqueComplexity is 4.

  Background:
    Given the "debt-lines" fixture

  Scenario: A full coverage run's own lines are in its verdict
    When I run "spec verify --coverage --json --gate none"
    Then the exit code is 0
    And stdout is JSON in which "debt.metrics.unspecified.value" is "11"
    And stdout is JSON in which "debt.metrics.declaredOnly.value" is "2"
    And stdout is JSON in which "debt.metrics.opaqueComplexity.value" is "4"

  Scenario: After an ack, a changed line of discount is unreviewed and the spec that runs it has drifted
    `discount` scores 3 (two ifs and a &&), so its changed line 21 weighs 3. The edit leaves
    src/pricing.ts newer than the line record: the line figures are not measured (stale), never
    an old number.
    Given I run "spec verify --coverage --gate none"
    And I run "spec ack --message reviewed"
    And the file "src/pricing.ts" contains:
      """
      export interface Line {
        price: number;
        quantity: number;
      }

      export function total(lines: Line[]): number {
        let sum = 0;
        for (const line of lines) {
          sum += line.price * line.quantity;
        }
        return sum;
      }

      export function discount(amount: number, code: string): number {
        if (code === 'HALF') {
          return amount / 2;
        }
        if (code === 'TENOFF' && amount > 10) {
          return amount - 10;
        }
        return Math.max(0, amount);
      }

      export function shippingFor(weight: number, express: boolean): number {
        if (express) {
          return weight > 5 ? 30 : 20;
        }
        return weight > 5 ? 10 : 5;
      }
      """
    When I run "spec verify --json --gate none"
    Then the exit code is 0
    And stdout is JSON in which "debt.metrics.unreviewed.value" is "3"
    And stdout is JSON in which "debt.metrics.drift.value" is "1"
    And stdout is JSON in which "debt.metrics.selfGraded.value" is "0"
    And stdout is JSON in which "debt.metrics.unspecified.value" is "null"
    And stdout contains "stale: src/pricing.ts changed since the last line-coverage run"

  Scenario: A stale line figure leaves the score unmeasured, and minScore then fails as unchecked
    The full run measures the score over the line figures too. Once src/pricing.ts changes, its
    lines are stale: a score over the other figures alone would read better than the truth, so
    the score is not measured, and a minScore gate that cannot check is not green. (Coverage is
    turned off here; with it on, or unset, a full run records the lines itself: next scenario.)
    Given the file "spec.config.json" contains:
      """
      { "debt": { "minScore": 10 }, "coverage": false }
      """
    And I run "spec verify --coverage --gate debt"
    And I append "// reviewed later" to the file "src/pricing.ts"
    When I run "spec verify --json --gate debt"
    Then the exit code is 1
    And stdout is JSON in which "debt.metrics.score.value" is "null"
    And stdout contains "the score needs unspecified, opaqueComplexity"
    And the verdict has a gate "debt" with the status "error"
    And the verdict has a "gate-error" failure
    And that failure's code is "SPEC_DEBT_UNCHECKED"
    And that failure's message contains "score: not measured"
    And that failure's hint contains "spec verify --coverage"

  Scenario: A threshold on a line figure makes a full run record the lines itself
    Without it, every edit would leave the score stale, and the gate unchecked, until someone
    thought of running --coverage. A narrowed run still cannot measure it: unchecked, not green.
    Given the file "spec.config.json" contains:
      """
      { "debt": { "minScore": 10 } }
      """
    And I run "spec verify --gate debt"
    And I append "// reviewed later" to the file "src/pricing.ts"
    When I run "spec verify --json --gate debt"
    Then the exit code is 0
    And stdout is JSON in which "debt.metrics.unspecified.value" is "11"
    And the verdict has a gate "debt" with the status "passed"
    When I run "spec verify features/checkout.feature --json --gate debt"
    Then the exit code is 1
    And the verdict has a gate "debt" with the status "error"

  Scenario: A narrowed run leaves the debt thresholds to the full run, and says so
    Its figures cover only what it ran; a whole-project threshold is checked by a full verify (or
    asked for with --gate debt, above). The gate is listed as skipped, with why, and the closing
    line names it: a skipped gate is never counted as passed. Nothing changed reaches nothing: not
    a failure either.
    Given the file "spec.config.json" contains:
      """
      { "debt": { "minScore": 10 } }
      """
    And I run "spec verify --gate none"
    When I run "spec verify features/checkout.feature --json"
    Then the exit code is 0
    And the verdict has a gate "debt" with the status "skipped"
    And stdout is JSON in which "gates.0.reason" contains "narrowed run"
    And the verdict has a "SPEC_DEBT_NOT_GATED" warning
    And the verdict's closing line is "spec: 1 passed, 0 failed, gate debt skipped: narrowed run"
    When I run "spec verify features/checkout.feature"
    Then the exit code is 0
    And stdout contains "- gate debt"
    And the last line of stdout is "spec: 1 passed, 0 failed, gate debt skipped: narrowed run"
    Given the project is a git repository with everything committed
    When I run "spec verify --changed --json"
    Then the exit code is 0
    And the verdict has a gate "debt" with the status "skipped"

  Scenario: A filter the project configures defines its suite: a plain verify still checks the thresholds
    Only what the person narrows (paths, --tags, --name, --changed) is a narrowed run; tags in
    spec.config or in the cucumber profile are the suite every full run runs (found by a trial:
    `"tags": "not @wip"` turned a breached threshold green).
    Given the file "spec.config.json" contains:
      """
      { "tags": "not @wip", "debt": { "maxUnspecified": 0 } }
      """
    When I run "spec verify --json"
    Then the exit code is 1
    And stdout is JSON in which "debt.metrics.unspecified.value" is "11"
    And the verdict has a gate "debt" with the status "failed"
    And the verdict does not have a "SPEC_DEBT_NOT_GATED" warning

  Scenario: spec debt after an edit says its figures are stale, naming what changed
    It runs nothing: the figures are the last full run's, and an edit since makes them old news
    (found by a trial: review said "no change" over such figures; spec debt said nothing).
    Given I run "spec verify --coverage --gate none"
    And I append "export const later = 1;" to the file "src/pricing.ts"
    When I run "spec debt"
    Then the exit code is 0
    And stdout contains "SPEC_DEBT_STALE"
    And stdout contains "src/pricing.ts"
    When I run "spec debt --json"
    Then stdout is a debt report matching its schema
    And stdout is JSON in which "warnings.0.code" is "\"SPEC_DEBT_STALE\""

  Scenario: spec debt names a file added since its figures were measured
    A new source file no scenario runs is unspecified debt the figures do not show; a new spec
    adds scenarios they did not count. Both make the figures stale, though nothing measured changed.
    Given I run "spec verify --coverage --gate none"
    And the file "src/tax.ts" contains:
      """
      export function tax(amount: number): number {
        return amount > 100 ? amount * 0.2 : 0;
      }
      """
    And the file "features/tax.feature" contains:
      """
      Feature: Tax
        Scenario: Big baskets pay tax
          Given a basket with 20 items at 10
          When I check out with the code "NONE"
          Then I pay 200
      """
    When I run "spec debt"
    Then the exit code is 0
    And stdout contains "SPEC_DEBT_STALE"
    And stdout contains "src/tax.ts"
    And stdout contains "features/tax.feature"
    And stdout contains "added since"
    When I run "spec debt --json"
    Then stdout is a debt report matching its schema
    And stdout is JSON in which "warnings.0.code" is "\"SPEC_DEBT_STALE\""

  Scenario: spec debt judges its figures stale by content, not by a file's time
    A checkout or a `touch` that leaves a file's text as it was changes nothing measured; an edit
    whose time does not move past the run's (a coarse clock, a copy that keeps times) does.
    Given I run "spec verify --coverage --gate none"
    And I touch the file "src/pricing.ts"
    When I run "spec debt"
    Then the exit code is 0
    And stdout does not contain "SPEC_DEBT_STALE"
    Given I replace "export" with "export " in the file "src/money.ts", keeping its modification time
    When I run "spec debt"
    Then stdout contains "SPEC_DEBT_STALE"
    And stdout contains "src/money.ts"
