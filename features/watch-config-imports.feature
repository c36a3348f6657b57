Feature: Watch follows import mappings changed while it runs
  The import graph resolves `#` subpath imports from package.json `imports` and aliases from
  tsconfig `paths`. A mapping added while watch runs is read again with the edit to package.json
  or tsconfig.json, so a later edit to a module the steps reach only through the new mapping runs
  the scenarios that use it, as plain cucumber-js would fail them, instead of "no scenario reaches".

  Background:
    Given the "esm-shopfront" fixture

  Scenario: A # subpath import added to package.json while watching
    When I start "spec watch --json --settle 20"
    Then the first run's closing line was "spec: 12 passed, 0 failed"
    When I write "package.json" with:
      """
      {
        "name": "shopfront",
        "private": true,
        "type": "module",
        "imports": { "#text/*": "./src/text/*.ts" }
      }
      """
    And I replace "'../../src/text/parser.js'" with "'#text/parser'" in the file "tests/steps/parser.steps.ts"
    Then the next run's closing line is "spec: 12 passed, 0 failed" with exit code 0
    When I replace ".toLowerCase()" with "" in the file "src/text/parser.ts"
    Then the next run's closing line is "spec: 5 passed, 1 failed" with exit code 1

  Scenario: A tsconfig paths alias added while watching
    When I start "spec watch --json --settle 20"
    Then the first run's closing line was "spec: 12 passed, 0 failed"
    When I write "tsconfig.json" with:
      """
      { "compilerOptions": { "module": "NodeNext", "paths": { "@text/*": ["./src/text/*"] } } }
      """
    And I replace "'../../src/text/parser.js'" with "'@text/parser.js'" in the file "tests/steps/parser.steps.ts"
    Then the next run's closing line is "spec: 12 passed, 0 failed" with exit code 0
    When I replace ".toLowerCase()" with "" in the file "src/text/parser.ts"
    Then the next run's closing line is "spec: 5 passed, 1 failed" with exit code 1
