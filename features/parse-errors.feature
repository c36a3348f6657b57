Feature: Specs that do not parse
  A spec that does not parse is bad input (exit 2). Every problem in every file is reported in
  one run, each with its file, line and column, whatever the format: Gherkin, Cucumber's
  Markdown flavour (.feature.md) or a Markdown spec document (.md). The specs that do parse
  are still compiled.

  Background:
    Given the "todo" fixture
    And the file "features/broken.feature" contains:
      """
      Feature: Broken Gherkin

        Scenario: A table with a missing cell
          Given an empty todo list
          Then the list shows:
            | buy milk | walk the dog |
            | pay rent |
      """
    And the file "features/broken.feature.md" contains:
      """
      # Feature: Broken Markdown with Gherkin

      ## Scenario: A table with a missing cell

      * Given an empty todo list
      * Then the list shows:
        | buy milk | walk the dog |
        | pay rent |
      """
    And the file "features/broken.md" contains:
      """
      # A broken spec document

      ## Scenario Outline: Adding <title>

      - Given an empty todo list
      - When I add "<title>"

      ### Examples

      The table of examples is missing.
      """
    And the file "features/stray.feature" contains:
      """
      Feature: A stray line

        Scenario: Prose between the steps
          Given an empty todo list
          this line is not a step
          Then 0 todos remain
      """

  Scenario: spec verify reports every parse error of every format in one run
    When I run "spec verify --json"
    Then the exit code is 2
    And the verdict is valid JSON matching the schema
    And the verdict status is "error"
    And the verdict has these "parse-error" failures:
      | features/broken.feature:7:7    |
      | features/broken.feature.md:8:3 |
      | features/broken.md:8           |
      | features/stray.feature:5:5     |
    And every "parse-error" failure has a line and a column

  Scenario: Each parse error comes with a hint that fits it
    When I run "spec verify --json"
    Then the exit code is 2
    And the verdict has a "parse-error" failure at "features/broken.feature:7:7"
    And that failure's hint contains "same number of cells"
    And the verdict has a "parse-error" failure at "features/stray.feature:5:5"
    And that failure's message contains "got 'this line is not a step'"
    And that failure's hint contains "steps start with Given/When/Then"
    And that failure's hint does not contain "doc string"
    And the verdict has a "parse-error" failure at "features/broken.md:8"
    And that failure's hint contains "table"

  Scenario: The human report lists each broken file with file:line:column
    When I run "spec verify"
    Then the exit code is 2
    And stdout contains "features/broken.feature:7:7"
    And stdout contains "features/broken.feature.md:8:3"
    And stdout contains "features/stray.feature:5:5"
    And stdout lists these locations, each with a column:
      | features/broken.md:8 |
    And stdout contains "inconsistent cell count"
    And stdout contains "This Examples heading has no table under it"

  Scenario: The specs that parse still run beside the broken ones
    When I run "spec verify --json"
    Then the exit code is 2
    And the verdict counts 5 passed and 0 failed scenarios

  Scenario: With only Gherkin files, every broken one is reported and the others still run
    Given there is no file "features/broken.feature.md"
    And there is no file "features/broken.md"
    And there is no file "features/planning.md"
    When I run "spec verify --json"
    Then the exit code is 2
    And the verdict has these "parse-error" failures:
      | features/broken.feature:7:7 |
      | features/stray.feature:5:5  |
    And the verdict counts 3 passed and 0 failed scenarios

  Scenario: Each parse error is reported once, by specloop: cucumber's own line does not leak, in spec verify or spec steps
    Given there is no file "features/broken.feature.md"
    And there is no file "features/broken.md"
    And there is no file "features/planning.md"
    When I run "spec verify"
    Then the exit code is 2
    And stdout contains "features/broken.feature:7:7"
    And stderr does not contain "Parse error in"
    When I run "spec steps"
    Then the exit code is 2
    And stderr contains "features/broken.feature:7:7"
    And stderr does not contain "(7:7)"
    And stderr contains "features/broken.feature:7:7" once

  Scenario: A binary file under a spec's name is reported as no text, and none of its bytes reach the terminal
    Given the file "features/logo.feature" holds binary data
    And the file "specs/diagram.md" holds binary data
    When I run "spec verify --json"
    Then the exit code is 2
    And the verdict has a "parse-error" failure at "features/logo.feature:1"
    And that failure's message contains "not a text file"
    And the verdict has a "parse-error" failure at "specs/diagram.md:1"
    When I run "spec verify"
    Then the exit code is 2
    And stdout contains "features/logo.feature:1"
    And stdout holds no control characters

  Scenario: spec compile reports every problem and still compiles the valid documents
    When I run "spec compile"
    Then the exit code is 2
    And stdout contains "features/broken.feature:7:7"
    And stdout contains "features/broken.feature.md:8:3"
    And stdout contains "features/stray.feature:5:5"
    And stdout lists these locations, each with a column:
      | features/broken.md:8 |
    And stdout contains "4 problems"
    And the file ".spec/compiled/features/planning.md.feature" exists
    And the file ".spec/compiled/features/broken.md.feature" does not exist

  Scenario: The compiled Gherkin of a Markdown document keeps every line where it was written
    Given there is no file "features/broken.feature"
    And there is no file "features/broken.feature.md"
    And there is no file "features/broken.md"
    And there is no file "features/stray.feature"
    When I run "spec compile"
    Then the exit code is 0
    And stdout contains "1 Markdown document compiled to .spec/compiled/"
    And the file ".spec/compiled/features/planning.md.feature" has the same number of lines as "features/planning.md"
    And line 22 of ".spec/compiled/features/planning.md.feature" contains "Scenario: Several todos, some done"
    And line 28 of ".spec/compiled/features/planning.md.feature" contains "Then 1 todo remains"
