Feature: The run's own writes are not edits
  A cucumber profile's report files (html, junit, json: cucumber's html formatter opens its file
  when a run starts) and whatever the project's .gitignore lists (logs, screenshots) are written
  into the watched tree by the run itself. `spec watch` ignores them: no run starts, none is
  cancelled, and every edit still gets its verdict.

  Background:
    Given the "html-report" fixture

  Scenario: A profile that writes reports and steps that write git-ignored logs settle to a verdict
    When I start "spec watch --json --settle 20"
    Then the watcher stays quiet for 1500 ms
    When I replace "line.price * line.quantity" with "line.price" in the file "src/cart.ts"
    Then the next run reports a "failed-step" failure at "features/cart.feature:11"
    And the watcher stays quiet for 1500 ms
    When I replace "sum + line.price," with "sum + line.price * line.quantity," in the file "src/cart.ts"
    Then the next run passes
    And the file "cucumber-report.html" exists
    And the file "reports/junit.xml" exists
    And the file "reports/cucumber.json" exists

  Scenario: An edit to a git-ignored file that no scenario imports starts no run
    When I start "spec watch --json --settle 20"
    And I write "settings.local.json" with:
      """
      { "theme": "dark" }
      """
    Then the watcher stays quiet for 1000 ms

  Scenario: spec verify --changed does not count the reports the last run wrote as changes
    Given the file "cucumber.cjs" contains:
      """
      module.exports = {
        default: { require: ['steps/**/*.ts'], format: ['json:cucumber.json', 'html:cucumber-report.html'] },
      };
      """
    And the project is a git repository with everything committed
    And I run "spec verify --gate none"
    When I run "spec verify --changed --gate none"
    Then the exit code is 0
    And stdout contains "nothing affected"
