Feature: Support code no step file imports
  Many cucumber-js projects register their World with setWorldConstructor in a file of its own
  (features/support/world.ts) that no step file imports: the step files import only its type,
  which TypeScript drops. Every run, partial or whole, loads such support code; only files that
  do nothing at load but define steps are left out of a partial run that does not need them.

  Background:
    Given the "world-file" fixture

  Scenario: One scenario by file:line runs with the project's World
    When I run "spec verify features/checkout.feature:3 --gate none --json"
    Then the exit code is 0
    And the verdict ran exactly these scenarios:
      | features/checkout.feature:3 |

  Scenario: --changed runs the scenarios a step-file edit reaches with the project's World
    Given the project is a git repository with everything committed
    When I run "spec verify --gate none"
    Then the exit code is 0
    When I append "// touched" to the file "features/step_definitions/checkout.steps.ts"
    And I run "spec verify --changed --gate none --json"
    Then the exit code is 0
    And the verdict ran exactly these scenarios:
      | features/checkout.feature:3 |

  Scenario: Watch re-runs a step-file edit with the project's World, edit after edit
    When I start "spec watch --json --settle 20"
    And I append "// touched" to "features/step_definitions/checkout.steps.ts"
    Then the next run passes and ran exactly these scenarios:
      | features/checkout.feature:3 |
    When I append "// again" to "features/step_definitions/cart.steps.ts"
    Then the next run passes and ran exactly these scenarios:
      | features/cart.feature:3     |
      | features/cart.feature:7     |
      | features/checkout.feature:3 |

  Scenario: An edit to the World file re-runs every scenario
    When I start "spec watch --json --settle 20"
    And I append "// touched" to "features/support/world.ts"
    Then the next run passes and ran exactly these scenarios:
      | features/cart.feature:3     |
      | features/cart.feature:7     |
      | features/checkout.feature:3 |

  Scenario: An edit to code only the World imports re-runs every scenario
    When I start "spec watch --json --settle 20"
    And I replace "l.quantity * l.price" with "l.quantity * l.price + 1" in the file "src/cart.ts"
    Then the next run reports a "failed-step" failure at "features/checkout.feature:7"

  Scenario: The same project with a CommonJS profile
    Given the file "cucumber.cjs" contains:
      """
      module.exports = {
        default: {
          paths: ['features/**/*.feature'],
          requireModule: ['tsx/cjs'],
          require: ['features/support/**/*.ts', 'features/step_definitions/**/*.ts'],
        },
      };
      """
    And there is no file "cucumber.mjs"
    When I start "spec watch --json --settle 20"
    And I append "// touched" to "features/step_definitions/checkout.steps.ts"
    Then the next run passes and ran exactly these scenarios:
      | features/checkout.feature:3 |
    When I append "// again" to "features/step_definitions/checkout.steps.ts"
    Then the next run passes and ran exactly these scenarios:
      | features/checkout.feature:3 |
