Feature: The debt page
  `spec debt --html FILE` writes the debt report as one self-contained page: a chart of each metric
  over the recorded runs and the offender tables, with nothing to fetch. FILE is relative to the
  project's root, or absolute. (test/debt-page-browser.test.ts opens such a page in Chromium.)

  The library-loans fixture has a Then that cannot fail (features/loans.feature:14) and a scenario
  with no Then, so the page names the first among the vacuous checks.

  Background:
    Given the "library-loans" fixture

  Scenario: spec debt --html writes the page, a chart per metric and the offenders in it
    Given I run "spec verify --gate none"
    And I run "spec verify --gate none"
    When I run "spec debt --html reports/debt.html"
    Then the exit code is 0
    And stdout contains "reports/debt.html"
    And the file "reports/debt.html" contains "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
    And the file "reports/debt.html" contains "<svg class=\"chart\" id=\"chart-vacuousChecks\""
    And the file "reports/debt.html" contains "vacuousChecks (checks) over the last 2 runs: 2 measured, the latest 2"
    And the file "reports/debt.html" contains "features/loans.feature:14"
    And the file "reports/debt.html" contains "Then the loan is recorded"

  Scenario: spec debt --json --html writes the page and still prints the report as JSON
    Given I run "spec verify --gate none"
    When I run "spec debt --json --html reports/debt.html"
    Then the exit code is 0
    And stdout is JSON in which "summary.metrics.vacuousChecks.value" is "2"
    And stderr contains "reports/debt.html"
    And the file "reports/debt.html" contains "<svg class=\"chart\" id=\"chart-vacuousChecks\""

  Scenario: A path spec debt cannot write is bad input, naming the flag
    Given I run "spec verify --gate none"
    When I run "spec debt --html package.json/debt.html"
    Then the exit code is 2
    And stderr contains "SPEC_OUTPUT_UNWRITABLE"
    And stderr contains "--html package.json/debt.html"

  Scenario: Before any verify there is no page to write, and nothing is written
    When I run "spec debt --html debt.html"
    Then the exit code is 2
    And stderr contains "SPEC_DEBT_NOT_MEASURED"
    And the file "debt.html" does not exist
