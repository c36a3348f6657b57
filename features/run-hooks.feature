@run-hooks
Feature: A BeforeAll or AfterAll hook that fails says why, and where

  A BeforeAll hook that cannot start the suite (the database is down, the port is taken) fails
  the whole run. cucumber-js prints the hook's own error ("connect ECONNREFUSED …",
  "listen EADDRINUSE …"); the verdict must say it too, with the hook's file and line, or the
  reader learns only that "a hook errored" and must re-run cucumber-js to find out why.

  The "notes-api" fixture is an HTTP API suite: its BeforeAll waits for the database named by
  NOTES_DB_PORT and starts the server, its AfterAll closes the server.

  Scenario: A BeforeAll hook that cannot reach the database names the connection error
    Given the "notes-api" fixture
    When I run "spec verify --gate none --json" with the environment:
      | NOTES_DB_PORT | 1 |
    Then the exit code is 1
    And the verdict has a "hook-error" failure at "tests/support/world.ts:10"
    And that failure's message contains "BeforeAll"
    And that failure's message contains "connect ECONNREFUSED 127.0.0.1:1"
    When I run "spec verify --gate none" with the environment:
      | NOTES_DB_PORT | 1 |
    Then the exit code is 1
    And stdout contains "connect ECONNREFUSED 127.0.0.1:1"
    And stdout contains "tests/support/world.ts:10"

  Scenario: An AfterAll hook that throws names its error, its file and line, and its stack
    Given the "notes-api" fixture
    And I replace "await new Promise<void>((resolve, reject) => server.close(" with "if (server.listening) throw new Error('2 connections are still open'); await new Promise<void>((resolve, reject) => server.close(" in the file "tests/support/world.ts"
    When I run "spec verify --gate none --json"
    Then the exit code is 1
    And the verdict has a "hook-error" failure at "tests/support/world.ts:18"
    And that failure's message contains "AfterAll"
    And that failure's message contains "2 connections are still open"
    And that failure's stack contains "tests/support/world.ts:19"
    When I run "spec verify --gate none"
    Then the exit code is 1
    And stdout contains "2 connections are still open"
    And stdout contains "tests/support/world.ts:18"
    And stdout contains "tests/support/world.ts:19"

  Scenario Outline: On cucumber <major>, a BeforeAll hook that throws names its own error, its file and line
    Given the "<fixture>" fixture
    And the file "features/step_definitions/<file>" contains:
      """
      <fs>
      <cucumber>

      BeforeAll(function () {
        JSON.parse(readFileSync('config/test-db.json', 'utf8'));
      });
      """
    When I run "spec verify --gate none --json"
    Then the exit code is 1
    And the verdict has a "hook-error" failure at "features/step_definitions/<file>:4"
    And that failure's message contains "the BeforeAll hook failed: ENOENT: no such file or directory, open 'config/test-db.json'"
    And that failure's stack contains "features/step_definitions/<file>:5"

    Examples:
      | fixture     | major | file        | fs                                           | cucumber                                             |
      | cucumber-10 | 10    | db_hooks.js | const { readFileSync } = require('node:fs'); | const { BeforeAll } = require('@cucumber/cucumber'); |
      | cucumber-11 | 11    | db_hooks.ts | import { readFileSync } from 'node:fs';      | import { BeforeAll } from '@cucumber/cucumber';      |

  Scenario Outline: A <kind> hook that throws fails its step, and the hint names the hook, not the step definition
    Given the "world-file" fixture
    And the file "features/support/step-trace.ts" contains:
      """
      import { <kind> } from '@cucumber/cucumber';

      <kind>(function () {
        throw new Error('the trace store is not open');
      });
      """
    When I run "spec verify --gate none --json"
    Then the exit code is 1
    And the verdict has a "failed-step" failure at "features/cart.feature:4"
    And that failure's message contains "the trace store is not open"
    And that failure's hint contains "fix the <kind> hook at features/support/step-trace.ts:3"
    And that failure's hint does not contain "fix the step definition"

    Examples:
      | kind       |
      | BeforeStep |
      | AfterStep  |
