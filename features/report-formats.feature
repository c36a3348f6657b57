Feature: Reports CI tools read
  A CI job asks one run for the reports its tools display, several at once with
  `--format NAME:FILE`: JUnit XML for the test tab, cucumber's message stream for any cucumber
  tool, cucumber's HTML report, and GitHub Actions annotations with a job summary. Each report is
  read back here by its own tool or parser, never only by looking for a string in it. The
  profile's own cucumber formats keep being written by cucumber as before.

  Background:
    Given the "ci-invoices" fixture

  Scenario: JUnit XML is read by an XML parser: one test case per scenario, the failing one failed
    When I run "spec verify --gate none --format junit:reports/junit.xml"
    Then the exit code is 1
    And the file "reports/junit.xml" is JUnit XML with 3 test cases, 1 of them failed
    And the JUnit test case "VAT is rounded half up" in "reports/junit.xml" failed with "3 !== 4"
    # The failure's stack is the project's frames, as cucumber's own report gives it: none of specloop's wrapper
    And the file "reports/junit.xml" does not contain "capture-errors"
    And the file "reports/cucumber-junit.xml" is JUnit XML with 3 test cases, 1 of them failed

  Scenario: The message stream is read back by cucumber's own tools
    When I run "spec verify --gate none --format messages:reports/run.ndjson"
    Then the exit code is 1
    And the file "reports/run.ndjson" is a cucumber message stream of 3 test cases, 1 of them failed
    And cucumber's JUnit formatter fed "reports/run.ndjson" reports 3 test cases, 1 of them failed

  Scenario: Several reports from one run, the HTML one rendering in a browser without errors
    When I run "spec verify --gate none --reporter agent --format junit:reports/junit.xml --format messages:reports/run.ndjson --format html:reports/report.html --format json:reports/verdict.json"
    Then the exit code is 1
    And stdout contains "failed-step SPEC_STEP_FAILED features/invoicing.feature:17"
    And the file "reports/junit.xml" is JUnit XML with 3 test cases, 1 of them failed
    And the file "reports/run.ndjson" is a cucumber message stream of 3 test cases, 1 of them failed
    And the file "reports/verdict.json" is a verdict matching the schema that counts 2 passed and 1 failed scenarios
    And the file "reports/report.html" renders in headless Chromium without console errors, showing "VAT is rounded half up"

  Scenario: On GitHub Actions each failure is annotated at its spec line and the job summary is written
    When I run "spec verify --gate none --reporter agent" with the environment:
      | GITHUB_ACTIONS      | true               |
      | GITHUB_STEP_SUMMARY | summary.md         |
    Then the exit code is 1
    And stdout has exactly 1 GitHub annotation
    And stdout has the GitHub annotation "error" at "features/invoicing.feature" line 17 titled "VAT is rounded half up"
    And the file "summary.md" contains "2 passed, 1 failed"
    And the file "summary.md" contains "features/invoicing.feature:17"

  Scenario: Outside GitHub Actions, annotations come only when asked for
    When I run "spec verify --gate none --reporter agent"
    Then stdout has exactly 0 GitHub annotations
    When I run "spec verify --gate none --format github"
    Then the exit code is 1
    And stdout has the GitHub annotation "error" at "features/invoicing.feature" line 17 titled "VAT is rounded half up"

  Scenario: A run that never finished writes no report drawn from it, and leaves no stale one behind
    Given the file "reports/junit.xml" contains:
      """
      <testsuite name="an earlier run" tests="0"/>
      """
    And the file "spec.config.json" contains:
      """
      { "timeout": "soon" }
      """
    When I run "spec verify --gate none --format junit:reports/junit.xml"
    Then the exit code is 2
    And stderr contains "--format junit:reports/junit.xml was not written: no scenario run finished"
    And the file "reports/junit.xml" does not exist

  Scenario Outline: A bad --format is refused before anything runs: <case>
    When I run "spec verify --gate none <flag>"
    Then the exit code is 2
    And stderr contains "<code>"
    And stderr contains "<fix>"
    And the file "reports/cucumber-junit.xml" does not exist

    Examples:
      | case                       | flag                                   | code                   | fix                             |
      | an unknown name            | --format junitxml:reports/j.xml        | SPEC_USAGE             | junit                           |
      | a file-only format, no file | --format html                          | SPEC_USAGE             | --format html:FILE              |
      | no file after the colon    | --format junit:                        | SPEC_USAGE             | --format junit:FILE             |
      | a path that is not a folder | --format junit:package.json/junit.xml | SPEC_OUTPUT_UNWRITABLE | pass a path in a folder you can |
