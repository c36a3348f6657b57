Feature: Using the command line wrongly
  A mistake on the command line is bad input (exit 2) with a message that names it; so is a
  project where specloop cannot find @cucumber/cucumber, with one line on what to install.

  Scenario: An unknown option is named
    Given the "todo" fixture
    When I run "spec verify --bogus"
    Then the exit code is 2
    And stderr is one line containing "--bogus"
    And stdout is empty
    And the output has no stack trace

  Scenario: An unknown option of compile is named
    Given the "todo" fixture
    When I run "spec compile --bogus"
    Then the exit code is 2
    And stderr contains "--bogus"

  Scenario: An unknown command is named, with the commands there are
    Given the "todo" fixture
    When I run "spec verfy"
    Then the exit code is 2
    And stderr is one line containing "verfy"
    And stderr contains "verify"
    And the output has no stack trace

  Scenario: An unknown reporter is named
    Given the "todo" fixture
    When I run "spec verify --reporter fancy"
    Then the exit code is 2
    And stderr contains "fancy"

  Scenario: A project without @cucumber/cucumber is told what to install
    Given the "todo" fixture outside any node_modules
    When I run "spec verify"
    Then the exit code is 2
    And stdout contains "@cucumber/cucumber is not installed"
    And stdout contains "npm install --save-dev @cucumber/cucumber"
    And the output has no stack trace
    When I run "spec verify --json"
    Then the exit code is 2
    And the verdict is valid JSON matching the schema
    And the verdict status is "error"

  Scenario: --help and --version answer and exit 0
    Given the "todo" fixture
    When I run "spec verify --help"
    Then the exit code is 0
    And stdout contains "Usage: spec verify"
    When I run "spec --version"
    Then the exit code is 0
    And stdout contains "0."
