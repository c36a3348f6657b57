Feature: Older cucumber majors
  specloop drives the project's own @cucumber/cucumber, so a project pinned to an older major
  verifies and watches as one on the newest does: the peer range covers every major this suite
  passes on. Each fixture pins its major in its own package-lock.json (installed once per
  checkout and Node major under .tmp/fixture-deps/), shaped as such projects are: CommonJS with
  JavaScript steps, or ESM TypeScript with cucumber.mjs and import:.

  Scenario Outline: A project on cucumber <version> passes with exactly its own scenarios
    Given the "<fixture>" fixture
    When I run "spec verify --gate none --json"
    Then the exit code is 0
    And the verdict says the project's cucumber "<version>" ran it
    And the verdict ran exactly these scenarios:
      | features/invoices.feature:4  |
      | features/invoices.feature:8  |
      | features/invoices.feature:21 |
      | features/invoices.feature:22 |

    Examples:
      | fixture     | version |
      | cucumber-8  | 8.11.1  |
      | cucumber-9  | 9.6.0   |
      | cucumber-10 | 10.9.0  |
      | cucumber-11 | 11.3.0  |

  Scenario Outline: A break in a cucumber <major> project fails at its step with expected and actual
    Given the "<fixture>" fixture
    And I replace "sum + line.amount" with "sum - line.amount" in the file "<source>"
    When I run "spec verify --gate none --json"
    Then the exit code is 1
    And the verdict counts 1 passed and 3 failed scenarios
    And the verdict has a "failed-step" failure at "features/invoices.feature:12"
    And that failure's expected is "345"
    And that failure's actual is "-345"

    Examples:
      | fixture     | major | source         |
      | cucumber-8  | 8     | lib/invoice.js |
      | cucumber-9  | 9     | lib/invoice.js |
      | cucumber-10 | 10    | lib/invoice.js |
      | cucumber-11 | 11    | src/invoice.ts |

  Scenario Outline: An undefined step on cucumber <major> comes with its snippet
    Given the "<fixture>" fixture
    And the file "features/credit.feature" contains:
      """
      Feature: Credit notes
        Scenario: A credit note cancels a line
          Given a new invoice
          When I credit 45 for "hosting"
      """
    When I run "spec verify --gate none --json"
    Then the exit code is 1
    And the verdict has an "undefined" failure at "features/credit.feature:4"
    And that failure's snippet contains "When('I credit {int} for {string}'"

    Examples:
      | fixture     | major |
      | cucumber-8  | 8     |
      | cucumber-9  | 9     |
      | cucumber-10 | 10    |
      | cucumber-11 | 11    |

  Scenario Outline: Watch on cucumber <major> re-runs what an edit reaches and sees the break
    Given the "<fixture>" fixture
    When I start "spec watch --json --settle 20"
    And I replace "sum + line.amount" with "sum - line.amount" in the file "<source>"
    Then the next run reports a "failed-step" failure at "features/invoices.feature:12"
    When I replace "sum - line.amount" with "sum + line.amount" in the file "<source>"
    Then the next run passes

    Examples:
      | fixture     | major | source         |
      | cucumber-8  | 8     | lib/invoice.js |
      | cucumber-9  | 9     | lib/invoice.js |
      | cucumber-10 | 10    | lib/invoice.js |
      | cucumber-11 | 11    | src/invoice.ts |

  Scenario: A cucumber major specloop does not support is bad input that names both versions
    Given the "todo" fixture
    And the file "node_modules/@cucumber/cucumber/package.json" contains:
      """
      { "name": "@cucumber/cucumber", "version": "7.3.2", "main": "lib/index.js" }
      """
    When I run "spec verify --gate none"
    Then the exit code is 2
    And stdout contains "@cucumber/cucumber 7.3.2 is installed"
    And stdout contains "supports @cucumber/cucumber 8 to 13"

  Scenario: A cucumber that needs another Node is bad input that names both, not a crash deep in its load
    cucumber 13 declares `engines.node` "22 || 24 || >=26": on Node 20 its load fails with
    "glob is not a function" (found by the new-user trial). The range it declares is read first.

    Given the "todo" fixture
    And the file "node_modules/@cucumber/cucumber/package.json" contains:
      """
      { "name": "@cucumber/cucumber", "version": "13.3.0", "main": "lib/index.js", "engines": { "node": ">=99" } }
      """
    When I run "spec verify --gate none --json"
    Then the exit code is 2
    And the verdict has a "config-error" failure
    And that failure's code is "SPEC_CUCUMBER_UNSUPPORTED"
    And that failure's message contains "@cucumber/cucumber 13.3.0 needs Node >=99, and this is Node"
