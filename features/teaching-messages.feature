Feature: Messages that teach
  A message that stops someone says what they most likely meant and how to go on: the key they
  misspelt, the forms a value may take, the config file that is ignored, the extensions that work,
  where a failing scenario sits (its Rule, in the spec's own language), what kind of hang cut a
  step, and which argument a step definition forgot.

  Scenario: A misspelt key in spec.config.json is answered with the key that was meant
    Given the "todo" fixture
    And the file "spec.config.json" contains:
      """
      {
        "timout": 500
      }
      """
    When I run "spec verify --json"
    Then the exit code is 2
    And the verdict has a "config-error" failure at "spec.config.json:2"
    And that failure's hint contains "did you mean \"timeout\"?"

  Scenario: A misspelt key under "spec" in package.json is answered the same way
    Given the "todo" fixture
    And the file "package.json" contains:
      """
      {
        "name": "todo-fixture",
        "private": true,
        "type": "module",
        "spec": {
          "tag": "@smoke"
        }
      }
      """
    When I run "spec verify"
    Then the exit code is 2
    And stdout contains "package.json:6"
    And stdout contains "did you mean \"tags\"?"

  Scenario: A gate written in a form specloop does not take lists the forms it does take
    Given the "todo" fixture
    And the file "spec.config.json" contains:
      """
      {
        "gates": { "lint": "eslint ." }
      }
      """
    When I run "spec verify --json"
    Then the exit code is 2
    And the verdict has a "config-error" failure at "spec.config.json:2"
    And that failure's message contains "gates.lint"
    And that failure's hint contains "[\"npx\", \"eslint\", \".\"]"
    And that failure's hint contains "{ \"command\": [...], \"timeout\": ms }"
    And that failure's hint contains "false"

  Scenario: Two config files: the one that is ignored is named, and which one wins
    Given the "todo" fixture
    And the file "spec.config.ts" contains:
      """
      export default { timeout: 5000 };
      """
    And the file "spec.config.json" contains:
      """
      { "timeout": 500 }
      """
    When I run "spec verify --gate none --json"
    Then the exit code is 0
    And the verdict has a "SPEC_CONFIG_IGNORED" warning at "spec.config.json:1"
    And that warning's message contains "spec.config.ts wins"

  Scenario: --help names every config file name that is looked for
    Given the "todo" fixture
    When I run "spec verify --help"
    Then the exit code is 0
    And stdout contains "spec.config.{ts,mts,mjs,js,json}"

  Scenario: A failure header names the Rule and speaks the spec's own language
    Given the "french-rules" fixture
    And the file "features/remise.feature" contains:
      """
      # language: fr
      Fonctionnalité: Remise

        Règle: La remise ne s'applique qu'à partir de 100 euros

          Scénario: Juste en dessous du seuil
            Soit un panier vide
            Quand j'ajoute "lampe" à 99 euros
            Alors le total est de 89 euros
      """
    When I run "spec verify features/remise.feature --gate none"
    Then the exit code is 1
    And stdout contains "features/remise.feature:6  Règle: La remise ne s'applique qu'à partir de 100 euros › Scénario: Juste en dessous du seuil"
    And stdout does not contain "Scenario:"

  Scenario: A step definition that forgot its data table or doc string parameter is told so
    Given the "todo" fixture
    And the file "steps/import.steps.ts" contains:
      """
      import { When } from '@cucumber/cucumber';

      When('I import these todos:', function () {
        // the table is never read
      });

      When('I paste the note:', function () {
        // the doc string is never read
      });
      """
    And the file "features/import.feature" contains:
      """
      Feature: Import
        Scenario: From a table
          When I import these todos:
            | buy milk |

        Scenario: From a doc string
          When I paste the note:
            ```
            call the plumber
            ```
      """
    When I run "spec verify features/import.feature --gate none --json"
    Then the exit code is 1
    And the verdict has a "failed-step" failure at "features/import.feature:3"
    And that failure's hint contains "data table"
    And that failure's hint contains "steps/import.steps.ts:3"
    And the verdict has a "failed-step" failure at "features/import.feature:7"
    And that failure's hint contains "doc string"
