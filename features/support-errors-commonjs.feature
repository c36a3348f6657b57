Feature: CommonJS step files that do not load
  In a CommonJS JavaScript project (cucumber.js profiles, step files under test/support) a step
  file with a syntax error, or one that requires a module that is not there, stops the run before
  any scenario. The verdict names the step file and its line, as plain cucumber-js does, never a
  place inside Node's module loader, and the require chain it shows is the project's own.

  Background:
    Given the "cjs-bank" fixture

  Scenario: A syntax error is reported at the step file's line
    Given I append "syntax error here (" to the file "test/support/steps/catalog_steps.js"
    When I run "spec verify --json"
    Then the exit code is 1
    And the verdict is valid JSON matching the schema
    And the verdict has a "support-error" failure at "test/support/steps/catalog_steps.js:9"
    And that failure's message contains "Unexpected identifier 'error'"
    When I run "spec verify"
    Then the exit code is 1
    And stdout contains "test/support/steps/catalog_steps.js:9"
    And stdout does not contain "modules/cjs/loader"
    And the output shows no stack frames of specloop or node internals

  Scenario: A require of a missing module is reported at the require
    Given I replace "const { priceWithVat } = require('../../../app/catalog');" with "const { priceWithVat } = require('../../../app/pricing');" in the file "test/support/steps/catalog_steps.js"
    When I run "spec verify --json"
    Then the exit code is 1
    And the verdict has a "support-error" failure at "test/support/steps/catalog_steps.js:3"
    And that failure's message contains "Cannot find module '../../../app/pricing'"
    And that failure's message contains "- test/support/steps/catalog_steps.js"
    And that failure's message does not contain "package.json"
    And that failure's message does not contain "node_modules"
    When I run "spec verify"
    Then the exit code is 1
    And stdout does not contain "modules/cjs/loader"

  Scenario: An import of a missing module from an ES module step file is reported at the file
    Given the file "test/support/steps/rates.mjs" contains:
      """
      import { Given } from '@cucumber/cucumber';
      import { rates } from '../../../app/rates.js';

      Given('the rates are loaded', function () {
        return rates;
      });
      """
    And the file "cucumber.js" contains:
      """
      const common = {
        paths: ['test/features/**/*.feature'],
        require: ['test/support/**/*.js'],
        import: ['test/support/**/*.mjs'],
        worldParameters: { currency: 'GBP' },
      };
      module.exports = {
        default: { ...common, tags: 'not @wip' },
      };
      """
    When I run "spec verify --json"
    Then the exit code is 1
    And the verdict has a "support-error" failure at "test/support/steps/rates.mjs:2"
    And that failure's message contains "app/rates.js"
    When I run "spec verify"
    Then the exit code is 1
    And stdout does not contain "modules/esm/resolve"

  Scenario: A syntax error in an ES module step file is reported at its line, not where a lexer gave up
    Given the file "test/support/steps/rates.mjs" contains:
      """
      import { Given } from '@cucumber/cucumber';

      Given('the rates are loaded', function () {
        return {;
      });
      """
    And the file "cucumber.js" contains:
      """
      const common = {
        paths: ['test/features/**/*.feature'],
        require: ['test/support/**/*.js'],
        import: ['test/support/**/*.mjs'],
      };
      module.exports = { default: { ...common, tags: 'not @wip' } };
      """
    When I run "spec verify --json"
    Then the exit code is 1
    And the verdict has a "support-error" failure at "test/support/steps/rates.mjs:4:11"
