Feature: The steps catalogue and typed stubs (spec steps)
  An agent that meets an undefined step asks `spec steps` what the project already defines and
  where each definition is used, then `spec steps --generate` writes the missing definitions as
  typed stubs in the project's own step folder. A stub is pending until someone writes it, so
  generating stubs can never turn a spec green.

  Scenario: spec steps lists every definition with its uses, the unused ones and the undefined steps
    Given the "pantry-steps" fixture
    When I run "spec steps"
    Then the exit code is 1
    And stdout has these lines, each containing its cells in order:
      | features/step_definitions/pantry.steps.ts | 4 definitions                      |               |
      | :6                                        | an empty pantry                    | 4 uses        |
      | :10                                       | I store {int} {unit} of {string}   | 2 uses        |
      | :18                                       | the pantry is empty                | unused        |
      | features/pantry.feature:11                | When I use 2 of "lemon"            |               |
      | features/shopping_list.feature:5          | Given the recipe "pancakes" needs: |               |
      | When('I plan to cook {string} for {int} people', async function (string: string, int: number) { |  |  |
      | spec steps:                               | 4 definitions                      | 1 unused      |
    And the last line of stdout is "spec steps: 4 definitions, 1 unused, 6 undefined, 0 ambiguous"

  Scenario: spec steps --undefined lists only the undefined steps, each with its snippet
    Given the "pantry-steps" fixture
    When I run "spec steps --undefined"
    Then the exit code is 1
    And stdout contains "features/pantry.feature:11  When I use 2 of \"lemon\""
    And stdout contains "When('I plan to cook {string} for {int} people', async function (string: string, int: number) {"
    And stdout does not contain "features/step_definitions/pantry.steps.ts"
    And stdout does not contain "Unused"
    And the last line of stdout is "spec steps: 4 definitions, 1 unused, 6 undefined, 0 ambiguous"
    When I run "spec steps --undefined --json"
    Then the exit code is 2
    And the output contains "spec steps --json has every undefined step, with its snippet, under \"undefined\""

  Scenario: spec steps --json is the catalogue, valid under its schema
    Given the "pantry-steps" fixture
    When I run "spec steps --json"
    Then the exit code is 1
    And stdout is a steps catalogue matching its schema
    And stdout is JSON in which "unused.0.pattern" is "\"the pantry is empty\""
    And stdout is JSON in which "definitions.0.uses.2.spec" is "\"features/shopping_list.feature\""
    And stdout is JSON in which "undefined.1.argument" is "\"dataTable\""

  Scenario: A step only a scenario the configured tags leave out uses is used, and its uses are listed
    The catalogue speaks of the specs, not of one run of them: `"tags": "not @wip"` decides what
    verify runs, but a @wip scenario still uses the definitions its steps bind to.
    Given the "pantry-steps" fixture
    And the file "spec.config.json" contains:
      """
      { "tags": "not @wip" }
      """
    And I append "" to the file "features/pantry.feature"
    And I append "  @wip" to the file "features/pantry.feature"
    And I append "  Scenario: Nothing left" to the file "features/pantry.feature"
    And I append "    Given an empty pantry" to the file "features/pantry.feature"
    And I append "    Then the pantry is empty" to the file "features/pantry.feature"
    When I run "spec steps"
    Then the exit code is 1
    And stdout has these lines, each containing its cells in order:
      | :18         | the pantry is empty | 1 use    |
      | spec steps: | 4 definitions       | 0 unused |
    And stdout does not contain "Unused ("
    When I run "spec steps --json"
    Then the exit code is 1
    And stdout is JSON in which "summary.unused" is "0"
    And stdout is JSON in which "definitions.3.uses.0.scenario" is "\"Nothing left\""

  Scenario: Steps of some specs: a definition other specs use is not called unused
    Given the "pantry-steps" fixture
    When I run "spec steps features/shopping_list.feature"
    Then the exit code is 1
    And stdout has these lines, each containing its cells in order:
      | :6          | an empty pantry                  | 2 uses                |
      | :10         | I store {int} {unit} of {string} | no use in these specs |
      | :18         | the pantry is empty              | unused                |
      | spec steps: | 4 definitions                    | 1 unused              |
    When I run "spec steps features/shopping_list.feature --json"
    Then the exit code is 1
    And stdout is JSON in which "unused.0.pattern" is "\"the pantry is empty\""
    And stdout is JSON in which "summary.unused" is "1"

  Scenario: A project whose every step binds exits 0
    Given the "world-file" fixture
    When I run "spec steps --json"
    Then the exit code is 0
    And stdout is a steps catalogue matching its schema
    And stdout is JSON in which "summary.undefined" is "0"

  Scenario: Two definitions matching one step make it ambiguous: listed with both, exit 1
    Given the "pantry-steps" fixture
    And I append "Given('an empty {word}', function () {});" to the file "features/step_definitions/pantry.steps.ts"
    When I run "spec steps"
    Then the exit code is 1
    And stdout has these lines, each containing its cells in order:
      | :6                                           | an empty pantry | 4 ambiguous |
      | Ambiguous                                    | (4)             |             |
      | features/pantry.feature:4                    | an empty pantry |             |
      | features/step_definitions/pantry.steps.ts:6  | an empty pantry |             |
      | features/step_definitions/pantry.steps.ts:21 | an empty {word} |             |
    And the last line of stdout is "spec steps: 5 definitions, 1 unused, 6 undefined, 4 ambiguous"

  Scenario: The listing is coloured only when asked or on a terminal
    Given the "pantry-steps" fixture
    When I run "spec steps" with the environment:
      | NO_COLOR    |   |
      | FORCE_COLOR | 1 |
    Then the exit code is 1
    And stdout has ANSI colour codes
    When I run "spec steps" with the environment:
      | NO_COLOR    | 1 |
      | FORCE_COLOR | 1 |
    Then the exit code is 1
    And stdout has no ANSI colour codes

  Scenario: --generate writes typed stubs that type-check and keep the scenarios pending
    Given the "pantry-steps" fixture
    When I run "spec steps --generate"
    Then the exit code is 0
    And stdout contains "features/step_definitions/shopping_list.steps.ts: 4 stubs (new file)"
    And stdout contains "features/step_definitions/pantry.steps.ts: 1 stub"
    And the file "features/step_definitions/shopping_list.steps.ts" contains "import type { PantryWorld } from '../support/world.js';"
    And the file "features/step_definitions/shopping_list.steps.ts" contains "Given('the recipe {string} needs:', async function (this: PantryWorld, string: string, dataTable: DataTable) {"
    And the file "features/step_definitions/shopping_list.steps.ts" contains "Then('the printed list reads:', async function (this: PantryWorld, docString: string) {"
    And the file "features/step_definitions/pantry.steps.ts" contains "When('I use {int} of {string}', async function (this: PantryWorld, int: number, string: string) {"
    And the project's TypeScript compiler accepts the project
    When I run "spec verify --gate none --json"
    Then the exit code is 1
    And the verdict counts 1 passed and 3 failed scenarios
    And the verdict has a "pending" failure at "features/shopping_list.feature:5"

  Scenario: A second --generate writes nothing new and says so
    Given the "pantry-steps" fixture
    When I run "spec steps --generate"
    And I note the contents of every file in the project
    And I run "spec steps --generate"
    Then the exit code is 0
    And stdout contains "no undefined steps: nothing to generate"
    And no file in the project has changed

  Scenario: A stub's parameter of a custom type takes the type its transformer returns
    Given the "pantry-steps" fixture
    And I append "    And I throw away 1 kg of \"flour\"" to the file "features/pantry.feature"
    When I run "spec steps --generate"
    Then the exit code is 0
    And the file "features/step_definitions/pantry.steps.ts" contains "function (this: PantryWorld, int: number, unit: Unit, string: string)"
    And the project's TypeScript compiler accepts the project

  Scenario: A CommonJS TypeScript project gets stubs in its own step folder
    Given the "ts-node" fixture
    And the file "tests/features/subtract.feature" contains:
      """
      Feature: Subtracting

        Scenario: Taking two from five
          Given a calculator
          When I subtract 2 from 5
      """
    When I run "spec steps --generate"
    Then the exit code is 0
    And the file "tests/steps/subtract.steps.ts" contains "When('I subtract {int} from {int}', function (int: number, int2: number) {"
    When I run "spec verify --gate none --json"
    Then the exit code is 1
    And the verdict has a "pending" failure at "tests/features/subtract.feature:5"

  Scenario: Stubs follow a step file that loads cucumber with require()
    Given the "ts-require" fixture
    And the file "features/returns.feature" contains:
      """
      Feature: Returns

        Scenario: A customer returns goods
          Given a stock of 1 "crates"
          When 1 "crates" come back
      """
    And the file "features/counting.feature" contains:
      """
      Feature: Counting

        Scenario: Counting the crates
          Given a stock of 2 "crates"
          When I count the "crates"
      """
    When I run "spec steps --generate"
    Then the exit code is 0
    And the file "features/step_definitions/stock_steps.ts" contains "const { Given, Then, When } = require('@cucumber/cucumber');"
    And the file "features/step_definitions/stock_steps.ts" contains "When('I ship {int} {string}', function (int: number, string: string) {"
    And the file "features/step_definitions/stock_steps.ts" does not contain "from '@cucumber/cucumber'"
    And the file "features/step_definitions/returns_steps.ts" contains "const { When } = require('@cucumber/cucumber');"
    And the file "features/step_definitions/returns_steps.ts" does not contain "from '@cucumber/cucumber'"
    And the project's TypeScript compiler accepts the project
    When I run "spec verify --gate none --json"
    Then the exit code is 1
    And the verdict has a "pending" failure at "features/stock.feature:9"
    And the verdict has a "pending" failure at "features/returns.feature:5"

  Scenario: A JavaScript step project gets JavaScript stubs, loading cucumber as its step files do
    Given the "library-loans" fixture
    And I append "    When nobody comes" to the file "features/loans.feature"
    And the file "features/fines.feature" contains:
      """
      Feature: Fines

        Scenario: Paying a fine
          Given a library with "Dune" on the shelf
          When a fine of 2 euros is paid
      """
    When I run "spec steps --generate"
    Then the exit code is 0
    And the file "features/step_definitions/loans.steps.js" contains "When('nobody comes', function () {"
    And the file "features/step_definitions/fines.steps.js" contains "const { When } = require('@cucumber/cucumber');"
    And the file "features/step_definitions/fines.steps.js" contains "When('a fine of {int} euros is paid', function (int) {"
    And the file "features/step_definitions/fines.steps.js" does not contain "export"
    When I run "spec verify --gate none --json"
    Then the exit code is 1
    And the verdict has a "pending" failure at "features/loans.feature:19"
    And the verdict has a "pending" failure at "features/fines.feature:5"

  Scenario: A JavaScript step project's snippets are JavaScript, in the listing and in the verdict
    Given the "library-loans" fixture
    And the file "features/fines.feature" contains:
      """
      Feature: Fines

        Scenario: Paying a fine
          When a fine of 2 euros is paid for "Dune"
      """
    When I run "spec steps"
    Then the exit code is 1
    And stdout contains "When('a fine of {int} euros is paid for {string}', function (int, string) {"
    And stdout does not contain "int: number"
    When I run "spec verify features/fines.feature --gate none"
    Then the exit code is 1
    And stdout contains "function (int, string) {"
    And stdout does not contain "int: number"

  Scenario: A spec path outside the project is refused
    Given the "pantry-steps" fixture
    When I run "spec steps ../elsewhere.feature"
    Then the exit code is 2
    And stderr contains "SPEC_PATH_OUTSIDE_PROJECT"
    And the output has no stack trace

  Scenario: --generate refuses when it cannot tell where the step files go
    Given the "pantry-steps" fixture
    And there is no file "features/step_definitions/pantry.steps.ts"
    And the file "cucumber.mjs" contains:
      """
      export default {
        paths: ['features/**/*.feature'],
        import: ['features/support/**/*.ts', '**/*.steps.ts'],
        formatOptions: { snippetInterface: 'async-await' },
      };
      """
    When I run "spec steps --generate"
    Then the exit code is 2
    And stderr contains "SPEC_STEPS_FOLDER"
    And stderr contains "cucumber.mjs"
    And the file "features/step_definitions/pantry.steps.ts" does not exist

  Scenario: A broken cucumber profile is bad input, named with its file
    Given the "pantry-steps" fixture
    And the file "cucumber.mjs" contains:
      """
      export default {
        paths: ['features/**/*.feature'],
        import: ['features/support/**/*.ts', 'features/step_definitions/**/*.ts'],
        formatOptions: { snippetInterface: 'async-await' }
      ;
      """
    When I run "spec steps"
    Then the exit code is 2
    And stderr contains "cucumber.mjs"
    And the output has no stack trace
