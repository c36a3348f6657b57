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

  Scenario: A path outside the project is bad input that names it
    Given the "todo" fixture
    And the file "app/package.json" contains:
      """
      { "name": "app", "private": true }
      """
    And the file "shared/lists.feature" contains:
      """
      Feature: Lists shared between projects

        Scenario: A new list is empty
          Given an empty todo list
      """
    When I run "spec verify ../shared/lists.feature --json" in the folder "app"
    Then the exit code is 2
    And the verdict has a "config-error" failure
    And that failure's code is "SPEC_PATH_OUTSIDE_PROJECT"
    And that failure's message contains "\"../shared/lists.feature\" is outside the project"
    When I run "spec verify ../shared:3" in the folder "app"
    Then the exit code is 2
    And stdout contains "../shared:3"
    And the output has no stack trace
    When I run "spec verify .." in the folder "app"
    Then the exit code is 2
    And stdout contains "\"..\" is outside the project"

  Scenario: A spec glob that reaches outside the project is bad input
    Given the "todo" fixture
    And the file "app/package.json" contains:
      """
      { "name": "app", "private": true }
      """
    And the file "app/spec.config.json" contains:
      """
      { "specs": ["../shared/**/*.feature"] }
      """
    And the file "shared/lists.feature" contains:
      """
      Feature: Lists shared between projects

        Scenario: A new list is empty
          Given an empty todo list
      """
    When I run "spec verify --json" in the folder "app"
    Then the exit code is 2
    And the verdict has a "config-error" failure
    And that failure's code is "SPEC_PATH_OUTSIDE_PROJECT"
    And that failure's message contains "../shared/**/*.feature"

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

  Scenario: A tag expression that does not parse is bad input naming --tags and the syntax error
    Given the "todo" fixture
    When I run "spec verify --tags '@smoke and' --json"
    Then the exit code is 2
    And the verdict has a "config-error" failure
    And that failure's code is "SPEC_FILTER_INVALID"
    And that failure's message contains "--tags \"@smoke and\""
    And that failure's message contains "Expected operand"
    And the verdict has 1 failure
    When I run "spec verify --tags '(@smoke or @slow'"
    Then the exit code is 2
    And stdout contains "--tags \"(@smoke or @slow\" is not a valid tag expression"
    And stdout does not contain "HOOK FAILED"
    And the last line of stdout is "spec: 0 passed, 1 failed (invalid filter)"

  Scenario: A name pattern that is not a regular expression is bad input naming --name
    Given the "todo" fixture
    When I run "spec verify --name 'Adding (todos' --json"
    Then the exit code is 2
    And the verdict has a "config-error" failure
    And that failure's code is "SPEC_FILTER_INVALID"
    And that failure's message contains "--name \"Adding (todos\""
    And that failure's message contains "Unterminated group"
    And the verdict has 1 failure

  Scenario: A bad tag expression in a cucumber profile names the profile
    Given the "todo" fixture
    And the file "cucumber.cjs" contains:
      """
      module.exports = { default: { tags: 'not' } };
      """
    When I run "spec verify --json"
    Then the exit code is 2
    And the verdict has a "config-error" failure
    And that failure's message contains "tags in the cucumber profile \"not\""
