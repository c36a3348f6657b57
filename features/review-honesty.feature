Feature: spec review never reads an unmeasured edit as "no change"
  The review's debt section compares the figures kept at the ack with "now": the four ack-based
  figures measured by the review itself, the others taken from the last full verify. Once a spec,
  step or source file changed after that verify, its figures are stale: the review says so and
  gives no change for them. And code changed together with a spec (self-graded) is still code to
  review: it stays in the list of changed sources, with the scenarios that run it, or none.

  Background:
    Given the "esm-inventory" fixture
    And the project is a git repository with everything committed
    And I run "spec verify"
    And I run "spec ack --message reviewed"

  Scenario: Figures of the last verify are stale after an edit made since
    Given I append "export function urgency(level: number): string { return level <= 0 ? 'critical' : 'normal'; }" to the file "lib/reorder.ts"
    When I run "spec review --json"
    Then the exit code is 0
    And stdout is JSON in which "debt.metrics.unspecified.stale" is "true"
    And stdout is JSON in which "debt.metrics.unspecified.change" is "null"
    And stdout is JSON in which "debt.metrics.score.change" is "null"
    And stdout is JSON in which "debt.stale" is '["lib/reorder.ts"]'
    When I run "spec review"
    Then stdout has these lines, each containing its cells in order:
      | Debt since the ack |       |                              |
      | unspecified        | 1 → 1 | stale                        |
    And stdout contains "lib/reorder.ts changed since the last full verify"
    When I run "spec verify"
    And I run "spec review --json"
    Then stdout is JSON in which "debt.metrics.unspecified.change" is "1"

  Scenario: Staleness is judged by content: a touch is no edit, an edit that keeps its time is one
    A checkout or a `touch` leaves the text as the last verify measured it: its figures stand. An
    edit whose modification time does not move past that verify's (a coarse clock, a copy that
    keeps times) changed what was measured.
    Given I touch the file "lib/reorder.ts"
    When I run "spec review --json"
    Then stdout is JSON in which "debt.metrics.unspecified.change" is "0"
    When I run "spec review"
    Then stdout does not contain "changed since the last full verify"
    Given I append "export const later = 1;" to the file "lib/reorder.ts", keeping its modification time
    When I run "spec review --json"
    Then stdout is JSON in which "debt.stale" is '["lib/reorder.ts"]'
    And stdout is JSON in which "debt.metrics.unspecified.change" is "null"

  Scenario: Code changed together with a prose-only spec edit is still listed as changed source
    Given I append "export function urgency(level: number): string { return level <= 0 ? 'critical' : 'normal'; }" to the file "lib/reorder.ts"
    And I replace "Orders come in" with "Orders always come in" in the file "docs/specs/reordering.md"
    When I run "spec review --json"
    Then stdout is JSON in which "figures.selfGraded.value" is "1"
    And stdout is JSON in which "sources.0.file" is '"lib/reorder.ts"'
    And stdout is JSON in which "sources.0.changedWith" is '["docs/specs/reordering.md"]'
    When I run "spec review"
    Then stdout has these lines, each containing its cells in order:
      | Source changed together with a spec that traces it | (1)                      |             |
      | lib/reorder.ts                                      | unreviewed               |             |
      | changed with                                        | docs/specs/reordering.md | self-graded |
