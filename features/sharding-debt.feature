Feature: Shards across machines, one debt record
  A sharded run is still one run of every scenario: each `spec verify --shard I/N` records the
  source lines its slice ran (with the content hash of each file it measured), and `spec merge`
  joins them into the line coverage one machine would have recorded, measures the whole run's
  comprehension debt in the checkout it runs in, checks the thresholds and appends the one
  history line. A shard alone cannot check a whole-project threshold: it defers it to the merge,
  and says so. A merge that cannot measure (a shard without lines, a file that differs) says
  which and never passes the gate.

  The debt-shards fixture's six scenarios run every line of src/fines.js but four: the `throw`
  for an unknown kind (line 7) and the body of `reminderText` (lines 23, 24 and 26), which no
  scenario calls. So 4 unspecified lines of the 13 executable ones. `reminderText` is the one
  opaque function: its `if` +1 and its ternary +1 make 2, of the file's 6 points (`fineFor` 2,
  `waived` 2). No ack, no vacuous check, healthy bindings: score = 100 × (1 − (3 × 4/13 +
  2 × 2/6 + 2 × 0 + 1 × 0) / 8) = 80. `waived`'s second line runs only for a member (waivers),
  `fineFor`'s zero branch only on time (on-time): each shard ran only some of these lines.

  Background:
    Given the "debt-shards" fixture

  Scenario: Three shards and their merge measure the debt the unsharded run measures
    When I run "spec verify --coverage --gate none --shard 1/3 --format json:shards/1.json"
    Then the exit code is 0
    When I run "spec verify --coverage --gate none --shard 2/3 --format json:shards/2.json"
    And I run "spec verify --coverage --gate none --shard 3/3 --format json:shards/3.json"
    And I run "spec merge shards/1.json shards/2.json shards/3.json --json"
    Then the exit code is 0
    And stdout is JSON in which "debt.metrics.unspecified.value" is "4"
    And stdout is JSON in which "debt.metrics.opaqueComplexity.value" is "2"
    And stdout is JSON in which "debt.metrics.score.value" is "80"
    And the verdict does not have a "SPEC_MERGE_DEBT" warning
    And the last line of ".spec/history.jsonl" is JSON in which "metrics.unspecified" is "4"
    And the last line of ".spec/history.jsonl" is JSON in which "partial" is "false"
    When I run "spec verify --coverage --gate none --json"
    Then the exit code is 0
    And stdout is JSON in which "debt.metrics.unspecified.value" is "4"
    And stdout is JSON in which "debt.metrics.opaqueComplexity.value" is "2"
    And stdout is JSON in which "debt.metrics.score.value" is "80"

  Scenario: A threshold is deferred by every shard and breached by the merge, naming the metric
    Given the file "spec.config.json" contains:
      """
      { "debt": { "maxUnspecified": 3 } }
      """
    When I run "spec verify --shard 1/3 --json --format json:shards/1.json"
    Then the exit code is 0
    And the verdict has a gate "debt" with the status "skipped"
    And stdout is JSON in which "gates.0.reason" contains "checked by spec merge"
    When I run "spec verify --shard 2/3 --format json:shards/2.json"
    Then the exit code is 0
    And stdout contains "gate debt"
    And stdout contains "gate debt skipped: checked by spec merge"
    When I run "spec verify --shard 3/3 --format json:shards/3.json"
    Then the exit code is 0
    When I run "spec merge shards/1.json shards/2.json shards/3.json --json"
    Then the exit code is 1
    And the verdict has a gate "debt" with the status "failed"
    And stdout contains "unspecified is 4, over maxUnspecified: 3"
    And stdout contains "src/fines.js: 4 unspecified lines"

  Scenario: A shard run without line coverage leaves the merged debt unmeasured, and the gate unchecked
    Given the file "spec.config.json" contains:
      """
      { "debt": { "maxUnspecified": 10 } }
      """
    When I run "spec verify --shard 1/3 --format json:shards/1.json"
    And I run "spec verify --shard 3/3 --format json:shards/3.json"
    Given the file "spec.config.json" contains:
      """
      { "debt": { "maxUnspecified": 10 }, "coverage": false }
      """
    When I run "spec verify --shard 2/3 --format json:shards/2.json"
    Then the exit code is 0
    Given the file "spec.config.json" contains:
      """
      { "debt": { "maxUnspecified": 10 } }
      """
    And I run "spec merge shards/1.json shards/2.json shards/3.json --json"
    Then the exit code is 1
    And stdout is JSON in which "debt" is "null"
    And the verdict has a "SPEC_MERGE_DEBT" warning
    And that warning's message contains "shards/2.json recorded no line coverage"
    And the verdict has a gate "debt" with the status "error"

  Scenario: Thresholds that need no line coverage are checked by the merge as by one machine
    No threshold on a line figure: one machine records no lines and checks the others, and the
    shards record none, so the merge measures as that machine does (found by the new-user trial:
    the merge failed the gate as "not measured" where one machine passed).

    Given the file "spec.config.json" contains:
      """
      { "debt": { "maxBindingHealth": 0, "noVacuousChecks": true } }
      """
    When I run "spec verify --json"
    Then the exit code is 0
    And the verdict has a gate "debt" with the status "passed"
    When I run "spec verify --shard 1/2 --format json:shards/1.json"
    Then the exit code is 0
    When I run "spec verify --shard 2/2 --format json:shards/2.json"
    Then the exit code is 0
    When I run "spec merge shards/1.json shards/2.json --json"
    Then the exit code is 0
    And the verdict has a gate "debt" with the status "passed"
    And the verdict does not have a "SPEC_MERGE_DEBT" warning

  Scenario: With no coverage and no threshold, the merge measures the step checks one machine measures
    One machine measures vacuous checks and binding health on every full run; so does every shard,
    or the merged record would have none (found by the audit: vacuousChecks and score were null).

    When I run "spec verify --json"
    Then the exit code is 0
    And stdout is JSON in which "debt.metrics.vacuousChecks.value" is "0"
    When I run "spec verify --shard 1/2 --format json:shards/1.json"
    Then the exit code is 0
    When I run "spec verify --shard 2/2 --format json:shards/2.json"
    Then the exit code is 0
    When I run "spec merge shards/1.json shards/2.json --json"
    Then the exit code is 0
    And stdout is JSON in which "debt.metrics.vacuousChecks.value" is "0"

  Scenario: A source file that differs from what a shard measured leaves the merged debt unmeasured
    When I run "spec verify --coverage --gate none --shard 1/2 --format json:shards/1.json"
    And I run "spec verify --coverage --gate none --shard 2/2 --format json:shards/2.json"
    And I append "// edited after the shards ran" to the file "src/fines.js"
    And I run "spec merge shards/1.json shards/2.json --json"
    Then the exit code is 0
    And stdout is JSON in which "debt" is "null"
    And the verdict has a "SPEC_MERGE_DEBT" warning
    And that warning's message contains "src/fines.js"

  Scenario: A shard of a run narrowed by a filter leaves the thresholds to a full run, as that run would
    Given the file "spec.config.json" contains:
      """
      { "debt": { "maxUnspecified": 3 } }
      """
    When I run "spec verify --shard 1/2 --name book --json --format json:shards/1.json"
    Then the exit code is 0
    And the verdict has a gate "debt" with the status "skipped"
    And stdout is JSON in which "gates.0.reason" contains "narrowed run"
    And the verdict has a "SPEC_DEBT_NOT_GATED" warning
    When I run "spec verify --shard 2/2 --name book --format json:shards/2.json"
    Then the exit code is 0
    When I run "spec merge shards/1.json shards/2.json --json"
    Then the exit code is 0
    And the verdict has a gate "debt" with the status "skipped"
    And stdout is JSON in which "gates.0.reason" contains "narrowed run"

  Scenario Outline: Merged where no run left a scenario map, as in a CI merge job, drift is the unsharded run's (<how>)
    The merge job checks out the code and downloads the shards' verdicts: no run recorded there
    which code each spec traces. The shards' verdicts say it (each spec they ran, with the files its
    scenarios traced), so the merge measures the drift one machine measures, and a maxDrift
    threshold fails as it does there. All three specs run src/fines.js, which changed after the ack.
    Given the file "spec.config.json" contains:
      """
      { "debt": { "maxDrift": 0 } }
      """
    And I run "spec verify <flags> --gate none"
    And I run "spec ack"
    And I replace "return Math.min(daily * daysLate, 1000);" with "return Math.min(daysLate * daily, 1000);" in the file "src/fines.js"
    When I run "spec verify <flags> --json"
    Then the exit code is 1
    And stdout is JSON in which "debt.metrics.drift.value" is "3"
    When I run "spec verify <flags> --shard 1/2 --format json:shards/1.json"
    And I run "spec verify <flags> --shard 2/2 --format json:shards/2.json"
    And there is no file ".spec/scenario-map.json"
    And I run "spec merge shards/1.json shards/2.json --json"
    Then the exit code is 1
    And stdout is JSON in which "debt.metrics.drift.value" is "3"
    And stdout is JSON in which "debt.metrics.selfGraded.value" is "0"
    And the verdict has a gate "debt" with the status "failed"

    Examples:
      | how                | flags      |
      | line coverage      | --coverage |
      | no coverage        | --parallel 0 |
