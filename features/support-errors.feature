Feature: Step files that throw while loading
  A step file that throws when it is imported stops the run before any scenario: the verdict
  says so (exit 1), names the file and line that threw, and shows no stack of specloop's or
  Node's internals.

  Background:
    Given the "todo" fixture
    And the file "steps/settings.steps.ts" contains:
      """
      import { Given } from '@cucumber/cucumber';

      function loadSettings(): Record<string, string> {
        throw new Error('settings file is missing');
      }

      const settings = loadSettings();

      Given('the settings are loaded', function () {
        return settings;
      });
      """

  Scenario: The verdict names the step file and the line that threw
    When I run "spec verify --json"
    Then the exit code is 1
    And the verdict is valid JSON matching the schema
    And the verdict has a "support-error" failure at "steps/settings.steps.ts:4"
    And that failure's message contains "settings file is missing"
    And that failure's hint contains "step file"

  Scenario: The human report shows the user's frames only
    When I run "spec verify"
    Then the exit code is 1
    And stdout contains "steps/settings.steps.ts:4"
    And stdout contains "settings file is missing"
    And the output shows no stack frames of specloop or node internals
    And the output does not mention the project's absolute path

  Scenario: A syntax error in a step file is reported at the file
    Given the file "steps/settings.steps.ts" contains:
      """
      import { Given } from '@cucumber/cucumber';

      Given('the settings are loaded', function () {
        return {;
      });
      """
    When I run "spec verify --json"
    Then the exit code is 1
    And the verdict has a "support-error" failure at "steps/settings.steps.ts:4"
    And that failure's message contains "Expected identifier but found \";\""
    When I run "spec verify"
    Then the exit code is 1
    And the output shows no stack frames of specloop or node internals

  Scenario: A syntax error in an ES module step file (.mjs, import:) is reported at its file and line
    Given the "yaml-profiles" fixture
    And I append "When('oops', () => { const x = ; });" to the file "features/steps/rates.steps.mjs"
    When I run "spec verify --json"
    Then the exit code is 1
    And the verdict has a "support-error" failure at "features/steps/rates.steps.mjs:12"
