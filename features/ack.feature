Feature: The reviewed baseline: spec ack, spec review and verify --locked
  `spec ack` records the reviewed state (a content hash per spec, step and source file, and the
  files' text under .spec/ack/ so lines can be compared later, in git or not). What changed since
  then is measured from it: `unreviewed` (source lines added or changed, each weighted by the
  cognitive complexity of its function, at least 1), `drift` (specs whose traced code changed
  while the spec and its steps did not), `selfGraded` (specs whose spec or steps changed together
  with the code they trace) and `specChurnRatio` (spec lines changed per 100 code lines changed).
  `spec verify --locked` fails when a spec or step definition differs from the ack.

  In the ledger fixture, src/fees.ts line 1 (`export const CURRENCY`) sits in no function, so a
  change there weighs 1; line 7 sits in `monthlyFee`, whose two `if`s give it cognitive complexity
  2, so a change there weighs 2. The fixture records coverage: features/fees.feature traces
  src/fees.ts, features/deposits.feature traces src/account.ts.

  Scenario: Before the first ack, the ack-based figures are not measured, and say why
    Given the "ledger" fixture
    And the project is a git repository with everything committed
    When I run "spec review --json"
    Then the exit code is 0
    And stdout is JSON in which "figures.unreviewed.value" is "null"
    And stdout is JSON in which "figures.unreviewed.because" is '"no ack yet: run spec ack"'
    And stdout is JSON in which "figures.drift.value" is "null"

  Scenario: spec debt right after the first ack says its figures predate the ack, never "no ack yet"
    Given the "ledger" fixture
    And the project is a git repository with everything committed
    And I run "spec verify --gate none"
    And I run "spec ack"
    When I run "spec debt --json"
    Then the exit code is 0
    And stdout is JSON in which "summary.metrics.unreviewed.value" is "null"
    And stdout is JSON in which "summary.metrics.unreviewed.because" contains "spec ack ran after the run that measured these figures: run spec verify"
    And stdout is JSON in which "warnings.0.code" is '"SPEC_DEBT_STALE"'
    When I run "spec debt"
    Then stdout does not contain "no ack yet"
    When I run "spec verify --gate none"
    And I run "spec debt --json"
    Then stdout is JSON in which "summary.metrics.unreviewed.value" is "0"
    And stdout is JSON in which "warnings" is "[]"

  Scenario: An ack resets unreviewed; lines changed after it are weighted by their function's complexity
    Given the "ledger" fixture
    And the project is a git repository with everything committed
    And I run "spec verify --gate none"
    And I run "spec ack --message 'first review'"
    And I replace "return Math.round(balance * 0.01);" with "return Math.round(balance / 100);" in the file "src/fees.ts"
    And I replace "export const CURRENCY = 'EUR';" with "export const CURRENCY = 'USD';" in the file "src/fees.ts"
    When I run "spec review --json"
    # 1 line in monthlyFee (complexity 2) + 1 line outside any function (1) = 3
    Then stdout is JSON in which "figures.unreviewed.value" is "3"
    And stdout is JSON in which "ack.message" is '"first review"'
    And stdout is JSON in which "sources.0.file" is '"src/fees.ts"'
    And stdout is JSON in which "sources.0.unreviewed" is "3"
    And stdout is JSON in which "sources.0.lines" is "[1, 7]"
    And stdout is JSON in which "sources.0.scenarios" is '["features/fees.feature:3", "features/fees.feature:7"]'
    When I run "spec ack"
    And I run "spec review --json"
    Then stdout is JSON in which "figures.unreviewed.value" is "0"
    And stdout is JSON in which "sources" is "[]"

  Scenario: Code edited with no spec change drifts from the spec that traces it
    Given the "ledger" fixture
    And the project is a git repository with everything committed
    And I run "spec verify --gate none"
    And I run "spec ack"
    And I replace "return Math.round(balance * 0.01);" with "return Math.round(balance / 100);" in the file "src/fees.ts"
    When I run "spec review --json"
    Then stdout is JSON in which "figures.drift.value" is "1"
    And stdout is JSON in which "figures.selfGraded.value" is "0"
    And stdout is JSON in which "drifted.0.spec" is '"features/fees.feature"'
    And stdout is JSON in which "drifted.0.changed" is '["src/fees.ts"]'
    When I run "spec review"
    Then the exit code is 0
    And stdout contains "src/fees.ts"
    And stdout contains "features/fees.feature:3"
    And stdout contains "drift"

  Scenario: A spec edited together with its code is self-graded and fails verify --locked
    Given the "ledger" fixture
    And the project is a git repository with everything committed
    And I run "spec verify --gate none"
    And I run "spec ack"
    And I replace "return Math.round(balance * 0.01);" with "return Math.round(balance / 100);" in the file "src/fees.ts"
    And I replace "Feature: Monthly fees" with "Feature: Monthly account fees" in the file "features/fees.feature"
    When I run "spec review --json"
    Then stdout is JSON in which "figures.selfGraded.value" is "1"
    And stdout is JSON in which "figures.drift.value" is "0"
    # spec: 1 line removed + 1 added = 2; code: 1 removed + 1 added = 2 → 100 spec lines per 100 code lines
    And stdout is JSON in which "figures.specChurnRatio.value" is "100"
    And stdout is JSON in which "specs.0.file" is '"features/fees.feature"'
    And stdout is JSON in which "specs.0.change" is '"changed"'
    And stdout is JSON in which "specs.0.status" is '"passing"'
    When I run "spec verify --gate none"
    Then the exit code is 0
    When I run "spec verify --gate none --locked --json"
    Then the exit code is 1
    And the verdict has 1 failure
    And the verdict has a "oracle-changed" failure at "features/fees.feature:1"
    And that failure's code is "SPEC_ORACLE_CHANGED"
    And that failure's message contains "changed since the ack"

  Scenario: A run measures drift and selfGraded from the scenarios it ran, not from the run before it
    # The run before never ran features/interest.feature: a spec, its steps and its code all added
    # since the ack are one self-graded spec on the first run, not only on the run after it.
    Given the "ledger" fixture
    And I replace '"coverage": true' with '"coverage": true, "debt": { "maxSelfGraded": 0 }' in the file "spec.config.json"
    And the project is a git repository with everything committed
    And I run "spec verify --gate none"
    And I run "spec ack"
    And the file "src/interest.ts" contains:
      """
      export function interest(balance: number): number {
        return balance > 1000 ? 5 : 1;
      }
      """
    And the file "features/step_definitions/interest.steps.ts" contains:
      """
      import assert from 'node:assert/strict';
      import { Given, Then } from '@cucumber/cucumber';
      import { interest } from '../../src/interest.js';

      let paid = 0;
      Given('interest on a balance of {int}', (balance: number) => { paid = interest(balance); });
      Then('the interest is {int}', (expected: number) => { assert.equal(paid, expected); });
      """
    And the file "features/interest.feature" contains:
      """
      Feature: Interest

        Scenario: A small balance earns the flat interest
          Given interest on a balance of 500
          Then the interest is 1
      """
    When I run "spec verify --json"
    Then the exit code is 1
    And stdout is JSON in which "debt.metrics.selfGraded.value" is "1"
    And stdout is JSON in which "debt.metrics.drift.value" is "0"
    And the verdict has a "gate-error" failure

  Scenario: verify --locked names every step-definition file added, changed or removed since the ack
    Given the "ledger" fixture
    And I run "spec ack"
    And I append "// reviewed by nobody" to the file "features/step_definitions/fees.steps.ts"
    And the file "features/step_definitions/extra.steps.ts" contains:
      """
      import { Given } from '@cucumber/cucumber';
      Given('nothing at all', function () {});
      """
    When I run "spec verify --gate none --locked"
    Then the exit code is 1
    And stdout contains " ORACLE CHANGED   features/step_definitions/fees.steps.ts:1"
    And stdout does not contain " CONFIG "
    And stdout contains "features/step_definitions/fees.steps.ts"
    And stdout contains "features/step_definitions/extra.steps.ts"
    And stdout contains "changed since the ack"
    And stdout contains "added since the ack"

  Scenario: verify --locked without an ack is bad input
    Given the "ledger" fixture
    When I run "spec verify --gate none --locked"
    Then the exit code is 2
    And the output contains "spec ack"

  Scenario: Outside git, the ack keeps the reviewed text itself
    # GIT_DIR pointing nowhere: git finds no repository, as in a project that is not in git
    # (the copies of fixtures live inside specloop's own repository).
    Given the "ledger" fixture
    And I run "spec verify --gate none"
    And I run "spec ack" with the environment:
      | GIT_DIR | /nonexistent/.git |
    And I replace "return Math.round(balance * 0.01);" with "return Math.round(balance / 100);" in the file "src/fees.ts"
    When I run "spec review --json" with the environment:
      | GIT_DIR | /nonexistent/.git |
    Then the exit code is 0
    And stdout is JSON in which "ack.commit" is "null"
    And stdout is JSON in which "figures.unreviewed.value" is "2"
    And stdout is JSON in which "figures.drift.value" is "1"
    And the file ".spec/ack.json" contains "\"commit\":null"

  Scenario: spec review ends with the debt delta since the ack, figure by figure
    The ack records the figures of the last full verify before it. Appending `waive` (one line, a
    ternary: complexity 1) that no scenario runs adds 1 unspecified line, 1 point of opaque
    complexity and 1 unreviewed weighted line, and src/fees.ts drifts from features/fees.feature.
    The ack-based figures are 0 at an ack by definition. The score at the ack left them out (no ack
    yet) and the score now counts them: the two are not comparable, so no change is given.
    Given the "ledger" fixture
    And I run "spec verify --gate none"
    And I run "spec ack --message reviewed"
    And I append "export function waive(fee: number): number { return fee > 10 ? 0 : fee; }" to the file "src/fees.ts"
    And I run "spec verify --gate none"
    When I run "spec review --json"
    Then stdout is JSON in which "debt.metrics.unspecified" is '{"atAck": 0, "now": 1, "change": 1}'
    And stdout is JSON in which "debt.metrics.opaqueComplexity" is '{"atAck": 0, "now": 1, "change": 1}'
    And stdout is JSON in which "debt.metrics.unreviewed" is '{"atAck": 0, "now": 1, "change": 1}'
    And stdout is JSON in which "debt.metrics.drift" is '{"atAck": 0, "now": 1, "change": 1}'
    And stdout is JSON in which "debt.metrics.score.atAck" is "100"
    And stdout is JSON in which "debt.metrics.score.change" is "null"
    When I run "spec review"
    Then stdout has these lines, each containing its cells in order:
      | Source changed with no spec change |          |                   |
      | Debt since the ack                 |          |                   |
      | unspecified                        | 0 → 1    | +1 lines          |
      | unreviewed                         | 0 → 1    | +1 weighted lines |
      | score                              | 100 → 88 | not comparable    |

  Scenario: An ack of files edited since the last full verify keeps no figures measured on other text
    The last full verify measured src/fees.ts with `waive` (1 unspecified line); it was removed
    before the ack. The ack does not keep that run's figures as the reviewed state's: review would
    otherwise show the next verify's 0 as 1 unspecified line paid off since the ack.
    Given the "ledger" fixture
    And I append "export function waive(fee: number): number { return fee > 10 ? 0 : fee; }" to the file "src/fees.ts"
    And I run "spec verify --gate none"
    And I replace "export function waive(fee: number): number { return fee > 10 ? 0 : fee; }" with "" in the file "src/fees.ts"
    When I run "spec ack --message reviewed"
    Then the exit code is 0
    And stdout contains "src/fees.ts changed since the last full verify"
    When I run "spec verify --gate none"
    And I run "spec review --json"
    Then stdout is JSON in which "debt.atAck" is "null"
    And stdout is JSON in which "debt.metrics.unspecified.change" is "null"

  Scenario: An ack made before any verify (or by an older spec) recorded no figures: review says so
    Given the "ledger" fixture
    And I run "spec ack"
    When I run "spec review --json"
    Then stdout is JSON in which "debt.atAck" is "null"
    And stdout contains "the ack recorded no debt figures"
    And stdout is JSON in which "debt.metrics.unreviewed" is '{"atAck": 0, "now": 0, "change": 0}'
