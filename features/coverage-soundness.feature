Feature: Coverage-mode selection never selects less than the code the scenarios ran
  With coverage on, an edit inside function bodies re-runs exactly the scenarios that ran code in
  the edited file. In a project whose World class lives in its own file (registered with
  setWorldConstructor, imported by the step files only as a type) and calls the code under test,
  an edit to that code or to the World still re-runs every scenario that runs it. Coverage that
  can't be trusted to rule a scenario out — recorded by a run where the scenario did not pass (it
  stopped early), or missing the scenario's own step files (not mapped) — leaves the decision to
  the import graph, which counts the support files every scenario loads (the World, hooks) as
  reaching every scenario. Never "nothing".

  Background:
    Given the "coverage-world" fixture

  Scenario: spec watch --coverage re-runs the scenarios that run the code the World calls, breaking it and fixing it
    When I start "spec watch --coverage --json --settle 20"
    And I replace "book.onLoan = true;" with "book.onLoan = false;" in the file "src/library.ts"
    Then the next run fails and ran exactly these scenarios:
      | features/lending.feature:3 |
      | features/lending.feature:8 |
    When I replace "book.onLoan = false;" with "book.onLoan = true;" in the file "src/library.ts"
    Then the next run passes and ran exactly these scenarios:
      | features/lending.feature:3 |
      | features/lending.feature:8 |

  Scenario: spec watch re-runs every scenario when the World changes, coverage or not
    When I start "spec watch --json --settle 20"
    And I replace "this.library.lend(title);" with "this.library.donate(title);" in the file "features/support/world.ts"
    Then the next run ran exactly these scenarios:
      | features/lending.feature:3 |
      | features/lending.feature:8 |
    When I replace "if (!book || book.onLoan)" with "if (!book)" in the file "src/library.ts"
    Then the next run ran exactly these scenarios:
      | features/lending.feature:3 |
      | features/lending.feature:8 |

  Scenario: spec verify --changed reaches the code the World calls through the World
    Given the project is a git repository with everything committed
    And I run "spec verify --gate none"
    And I replace "book.onLoan = true;" with "book.onLoan = false;" in the file "src/library.ts"
    When I run "spec verify --changed --gate none --json"
    Then the exit code is 1
    And the verdict reports the scenario "features/lending.feature:3" as failed
    And the verdict says "src/library.ts" selected "every scenario" because "src/library.ts changed (it reaches features/support/world.ts, support code every scenario loads)"
