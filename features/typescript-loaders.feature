Feature: Profiles that load TypeScript their own way
  Many projects' cucumber config loads TypeScript with ts-node (`requireModule: ['ts-node/register']`),
  swc or esbuild-register. specloop compiles TypeScript itself: it leaves those loaders out, says
  so in one line, and every line it reports is the line in the source.

  Background:
    Given the "ts-node" fixture

  Scenario: A ts-node profile runs unchanged, with a note in the verdict
    When I run "spec verify --gate none --json"
    Then the exit code is 0
    And the verdict ran exactly these scenarios:
      | tests/features/calculator.feature:3 |
      | tests/features/calculator.feature:8 |
    And the verdict has a "SPEC_PROFILE_LOADER_DROPPED" warning saying "cucumber.js loads ts-node/register: not loaded"

  Scenario: The human report says it in one line
    When I run "spec verify --gate none"
    Then the exit code is 0
    And stdout contains "cucumber.js loads ts-node/register: not loaded"

  Scenario: A failing step is located at its line in the TypeScript source
    Given I replace "assert.strictEqual(this.calculator.top(), expected);" with "assert.strictEqual(this.calculator.top(), expected + 1);" in the file "tests/steps/calculator.steps.ts"
    When I run "spec verify --gate none --json"
    Then the exit code is 1
    And the verdict has a "failed-step" failure at "tests/features/calculator.feature:6"
    And that failure's stack contains "tests/steps/calculator.steps.ts:20"

  Scenario: Step definitions are located at their lines in the TypeScript source
    Given I append "Then('nothing uses this step', function () {});" to the file "tests/steps/calculator.steps.ts"
    When I run "spec verify --gate none --json"
    Then the exit code is 0
    And the verdict lists the unused step "nothing uses this step" at "tests/steps/calculator.steps.ts:22"

  Scenario Outline: Other TypeScript loaders are left out too: <loader>
    Given the file "cucumber.js" contains:
      """
      module.exports = {
        default: {
          requireModule: ['<loader>'],
          require: ['tests/steps/**/*.ts'],
          paths: ['tests/features/**/*.feature'],
        },
      };
      """
    When I run "spec verify --gate none --json"
    Then the exit code is 0
    And the verdict has a "SPEC_PROFILE_LOADER_DROPPED" warning saying "cucumber.js loads <loader>: not loaded"

    Examples:
      | loader                          |
      | ts-node/register/transpile-only |
      | @swc/register                   |
      | esbuild-register                |

  Scenario Outline: A profile that loads tsx, the compiler specloop uses itself, needs no note: <loader>
    Given the file "cucumber.js" contains:
      """
      module.exports = {
        default: {
          requireModule: ['<loader>'],
          require: ['tests/steps/**/*.ts'],
          paths: ['tests/features/**/*.feature'],
        },
      };
      """
    When I run "spec verify --gate none --json"
    Then the exit code is 0
    And the verdict does not have a "SPEC_PROFILE_LOADER_DROPPED" warning

    Examples:
      | loader  |
      | tsx/cjs |
      | tsx     |

  Scenario: The ts-node ESM loader of an ESM profile is left out too
    Given the file "cucumber.mjs" contains:
      """
      export default {
        loader: ['ts-node/esm'],
        import: ['tests/steps/**/*.ts'],
        paths: ['tests/features/**/*.feature'],
      };
      """
    And there is no file "cucumber.js"
    When I run "spec verify --gate none --json"
    Then the exit code is 0
    And the verdict has a "SPEC_PROFILE_LOADER_DROPPED" warning saying "cucumber.mjs loads ts-node/esm: not loaded"
