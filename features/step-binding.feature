Feature: Steps with no definition, several definitions, or no implementation yet
  Every step of a spec must match exactly one step definition. When it matches none, the
  verdict hands over a ready TypeScript definition; when it matches several, it names each of
  them; a definition that returns 'pending' is reported as pending; definitions no step uses
  are listed.

  Background:
    Given the "todo" fixture

  Scenario: An undefined step gets a TypeScript snippet with typed parameters
    Given the file "features/bulk.feature" contains:
      """
      Feature: Bulk adding

        Scenario: Adding several copies at once
          Given an empty todo list
          When I add 3 copies of "water plants"
      """
    When I run "spec verify --json"
    Then the exit code is 1
    And the verdict counts 5 passed and 1 failed scenario
    And the verdict has an "undefined" failure at "features/bulk.feature:5"
    And that failure's step is "When I add 3 copies of \"water plants\""
    And that failure's snippet contains:
      """
      When('I add {int} copies of {string}', function (
      """
    And that failure's snippet contains ": number"
    And that failure's snippet contains ": string"
    And that failure's snippet contains "return 'pending';"

  Scenario: The snippet of a step with a data table takes the table
    Given the file "features/bulk.feature" contains:
      """
      Feature: Bulk adding

        Scenario: Importing todos from a table
          Given an empty todo list
          And I import these todos:
            | title        | done |
            | water plants | no   |
      """
    When I run "spec verify features/bulk.feature --json"
    Then the exit code is 1
    And the verdict has an "undefined" failure at "features/bulk.feature:5"
    And that failure's snippet contains "Given('I import these todos:', function ("
    And that failure's snippet contains "dataTable: DataTable"

  Scenario: The snippet of a step with a doc string takes the text
    Given the file "features/bulk.feature" contains:
      """
      Feature: Bulk adding

        Scenario: Pasting a list
          Given an empty todo list
          When I paste 2 lines:
            ```
            water plants
            pay rent
            ```
      """
    When I run "spec verify features/bulk.feature --json"
    Then the exit code is 1
    And the verdict has an "undefined" failure at "features/bulk.feature:5"
    And that failure's snippet contains "When('I paste {int} lines:', function ("
    And that failure's snippet contains ": number"
    And that failure's snippet contains "docString: string"

  Scenario: The human report prints the snippet ready to paste
    Given the file "features/bulk.feature" contains:
      """
      Feature: Bulk adding

        Scenario: Adding several copies at once
          Given an empty todo list
          When I add 3 copies of "water plants"
      """
    When I run "spec verify features/bulk.feature"
    Then the exit code is 1
    And stdout contains "UNDEFINED"
    And stdout contains "features/bulk.feature:5"
    And stdout contains:
      """
      When('I add {int} copies of {string}', function (
      """
    And stdout contains "return 'pending';"
    And the last line of stdout is "spec: 0 passed, 1 failed"

  Scenario: Every undefined step is reported at its line, also after a failed, ambiguous or skipped step
    Given the file "steps/more.steps.ts" contains:
      """
      import { Given, When } from '@cucumber/cucumber';

      Given('a list of {word} things', function (_kind: string) {
        return undefined;
      });
      Given('a list of todo things', function () {
        return undefined;
      });
      When('the shop is closed today', function () {
        return 'skipped';
      });
      """
    And the file "features/bulk.feature" contains:
      """
      Feature: Bulk adding

        Scenario: After a wrong count
          Given an empty todo list
          Then 1 todo remains
          When I add 3 copies of "water plants"

        Scenario: After an ambiguous step
          Given a list of todo things
          When I import "groceries.csv"

        Scenario: After a skipped step
          Given an empty todo list
          When the shop is closed today
          And I add 2 copies of "bread"
          And I archive the list
      """
    When I run "spec verify features/bulk.feature --json"
    Then the exit code is 1
    And the verdict has a "failed-step" failure at "features/bulk.feature:5"
    And the verdict has an "ambiguous" failure at "features/bulk.feature:9"
    And the verdict has these "undefined" failures:
      | features/bulk.feature:6  |
      | features/bulk.feature:10 |
      | features/bulk.feature:15 |
      | features/bulk.feature:16 |
    And the verdict has an "undefined" failure at "features/bulk.feature:10"
    And that failure's snippet contains "When('I import {string}', function ("
    And that failure's scenarioId is "features/bulk.feature:8"
    And the verdict has an "undefined" failure at "features/bulk.feature:16"
    And that failure's snippet contains "When('I archive the list', function ("
    When I run "spec verify features/bulk.feature"
    Then the exit code is 1
    And stdout contains "When I add 3 copies of \"water plants\"  features/bulk.feature:6:5"
    And stdout contains "When('I add {int} copies of {string}', function ("
    And the last line of stdout is "spec: 0 passed, 3 failed"

  Scenario: An ambiguous step names every definition that matches, with file and line
    Given the file "steps/lists.steps.ts" contains:
      """
      import { Given } from '@cucumber/cucumber';

      Given('an empty {word} list', function (_kind: string) {
        return undefined;
      });
      """
    When I run "spec verify features/todo.feature --json"
    Then the exit code is 1
    And the verdict has an "ambiguous" failure at "features/todo.feature:5"
    And that failure names the definitions:
      | pattern              | at                     |
      | an empty todo list   | steps/todo.steps.ts:9  |
      | an empty {word} list | steps/lists.steps.ts:3 |
    And that failure's hint contains "distinct"

  Scenario: The human report lists the definitions of an ambiguous step
    Given the file "steps/lists.steps.ts" contains:
      """
      import { Given } from '@cucumber/cucumber';

      Given('an empty {word} list', function (_kind: string) {
        return undefined;
      });
      """
    When I run "spec verify features/todo.feature"
    Then the exit code is 1
    And stdout contains "AMBIGUOUS"
    And stdout contains "steps/todo.steps.ts:9  an empty todo list"
    And stdout contains "steps/lists.steps.ts:3  an empty {word} list"

  Scenario: A pending step is reported as pending, pointing at its definition
    Given the file "steps/sharing.steps.ts" contains:
      """
      import { Given } from '@cucumber/cucumber';

      Given('the list is shared with {string}', function (_person: string) {
        return 'pending';
      });
      """
    And the file "features/sharing.feature" contains:
      """
      Feature: Sharing

        Scenario: Sharing a list
          Given an empty todo list
          And the list is shared with "ann"
          Then 0 todos remain
      """
    When I run "spec verify features/sharing.feature --json"
    Then the exit code is 1
    And the verdict has a "pending" failure at "features/sharing.feature:5"
    And that failure's hint contains "steps/sharing.steps.ts:3"
    And the verdict reports the scenario "features/sharing.feature:3" as pending

  Scenario: Step definitions no step uses are listed in the report and the verdict
    Given the file "steps/spare.steps.ts" contains:
      """
      import { Then } from '@cucumber/cucumber';

      Then('the list is archived', function () {
        return undefined;
      });
      """
    When I run "spec verify"
    Then the exit code is 0
    And stdout contains "1 unused step definition"
    And stdout contains "steps/spare.steps.ts:3  the list is archived"
    When I run "spec verify --json"
    Then the exit code is 0
    And the verdict lists the unused step "the list is archived" at "steps/spare.steps.ts:3"

  Scenario: A run of a subset of the specs does not call definitions unused
    Given the file "steps/spare.steps.ts" contains:
      """
      import { Then } from '@cucumber/cucumber';

      Then('the list is archived', function () {
        return undefined;
      });
      """
    When I run "spec verify features/todo.feature --json"
    Then the exit code is 0
    And the verdict lists no unused steps
