Feature: Watch's debt line after every run, narrowed passes included
  After each run, watch prints one line of comprehension debt: what moved since the run before,
  and, on a narrowed pass, what that pass could not measure and why, rather than an old figure or
  nothing. The JSON output carries the same under the verdict's `watch.debt`.

  The debt-lines fixture's one checkout scenario runs `discount` in src/pricing.ts; `discount`
  scores 3 (two ifs and a &&). After an ack, changing its line 21 (`return amount;`) adds 1 line
  × 3 = 3 unreviewed weighted lines, all of them in src/pricing.ts. The edit is inside a function
  body, so with coverage the pass re-runs only the checkout scenario: a narrowed pass, which counts
  no vacuous checks or binding problems (so no score), and src/pricing.ts's lines are newer than
  the line-coverage record: its line figures are stale until the next full coverage run.

  Background:
    Given the "debt-lines" fixture
    And I run "spec verify --coverage --gate none"
    And I run "spec ack --message reviewed"

  Scenario: A narrowed pass says what moved in the edited file, what is stale and what it did not count
    When I start "spec watch --coverage --settle 20"
    And I replace "  return amount;" with "  return Math.max(0, amount);" in the file "src/pricing.ts"
    Then the watcher prints "src/pricing.ts changed → 1 scenario"
    And the watcher prints "debt: unreviewed +3 weighted lines, drift +1 specs"
    And the watcher prints "+3 unreviewed weighted lines in src/pricing.ts"
    And the watcher prints "stale until a full coverage run: unspecified, declaredOnly, opaqueComplexity (src/pricing.ts changed)"
    And the watcher prints "binding problems in the scenarios run: 0; not measured on this pass: vacuousChecks, bindingHealth, score"

  Scenario: The JSON output carries the same, as data
    When I start "spec watch --coverage --settle 20 --json"
    And I replace "  return amount;" with "  return Math.max(0, amount);" in the file "src/pricing.ts"
    Then the next run's verdict has "watch.debt.partial" as "true"
    And that verdict has "watch.debt.files" as '[{"file":"src/pricing.ts","unreviewed":3,"change":3,"stale":true}]'
    And that verdict has "watch.debt.stale" as '["unspecified","declaredOnly","opaqueComplexity"]'
    And that verdict has "watch.debt.notMeasured" as '["vacuousChecks","bindingHealth","score"]'
    And that verdict has "watch.debt.bindingInPass" as "0"

  Scenario: An edit no scenario reaches still gets its debt line, and no history line
    New code with no spec is where debt lands: src/tax.ts is new since the ack and nothing imports
    it, so no scenario runs. Its six non-blank lines all sit in `tax`, whose one `if` scores 1:
    6 × 1 = 6 unreviewed weighted lines. Nothing ran, so nothing is appended to the history (one
    line a run: the background's verify and watch's first run wrote the only two) and no binding count is claimed.
    When I start "spec watch --coverage --settle 20"
    And I write "src/tax.ts" with:
      """
      export function tax(amount: number, exempt: boolean): number {
        if (exempt) {
          return 0;
        }
        return amount * 0.2;
      }
      """
    Then the watcher prints "src/tax.ts changed: no scenario reaches the changed files"
    And the watcher prints "debt: unreviewed +6 weighted lines"
    And the watcher prints "+6 unreviewed weighted lines in src/tax.ts"
    And the watcher prints "stale until a full coverage run: unspecified, declaredOnly, opaqueComplexity (src/tax.ts changed)"
    And the watcher prints "no scenario runs src/tax.ts"
    And ".spec/history.jsonl" holds 2 whole history entries
