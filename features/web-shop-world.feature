Feature: A web app's suite: a server started in BeforeAll, a World of its own, rich Gherkin, two profiles
  A project shaped as web apps' suites are: an ESM cucumber.mjs that registers tsx with an import of
  its own, support and steps under tests/, a node:http server started in BeforeAll on a free port
  and closed in AfterAll, a World class in its own file (setDefaultTimeout, worldParameters) that
  opens a "page" per scenario and attaches it on failure, Background, Rule, an outline with tagged
  Examples blocks, data tables, doc strings, custom parameter types and a regex step, @wip left out
  by the profile's tags; the default profile writes cucumber's html and json reports, a ci profile
  runs on two workers with a retry. spec verify gives plain cucumber-js's verdict on either.

  Background:
    Given the "web-shop-world" fixture

  Scenario: The default profile passes as cucumber-js does, and its reports are written
    When I run "spec verify --gate none --json"
    Then the exit code is 0
    And the verdict counts 9 passed and 0 failed scenarios
    And the file "reports/cucumber.json" contains "quoting 12 of LAMP-1"
    And the file "reports/cucumber.html" exists

  Scenario: A scenario that fails once fails the default profile, which has no retry
    When I run "spec verify --gate none --json" with the environment:
      | FLAKY | 1 |
    Then the exit code is 1
    And the verdict counts 8 passed and 1 failed scenario
    And the verdict has a "failed-step" failure at "tests/features/flaky.feature:5"

  Scenario: The ci profile's workers and retry make it flaky, never a clean pass
    When I run "spec verify --profile ci --gate none --json" with the environment:
      | FLAKY | 1 |
    Then the exit code is 0
    And the verdict counts 8 passed, 1 flaky and 0 failed scenarios

  Scenario: An edit to the page the server serves runs the scenarios that load it
    Given the project is a git repository with everything committed
    And I run "spec verify --gate none"
    And I replace "<h1>Tiny Shop</h1>" with "<h1>Tiny Store</h1>" in the file "public/index.html"
    When I run "spec verify --changed --gate none --json"
    Then the exit code is 1
    And the verdict counts 1 passed and 1 failed scenario
    And the verdict has a "failed-step" failure at "tests/features/storefront.feature:5"

  Scenario: A server started as a child process in BeforeAll: an edit to the code it runs is run
    The child process's imports and reads are not recorded: a project file no recorded scenario
    reaches may be one it runs, so the scenarios that could see it run, never "nothing affected".
    Given the file "tests/support/hooks.ts" contains:
      """
      import { BeforeAll, AfterAll } from '@cucumber/cucumber';
      import { spawn } from 'node:child_process';
      import { env } from './env.js';

      BeforeAll(async function () {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
        const url = await new Promise<string>((resolve, reject) => {
          child.stdout.on('data', (chunk) => {
            const found = /listening (\S+)/.exec(String(chunk));
            if (found) resolve(found[1]!);
          });
          child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
        });
        env.server = { url, close: async () => void child.kill() };
      });

      AfterAll(async function () {
        await env.server?.close();
      });
      """
    And the file "tests/features/storefront.feature" contains:
      """
      Feature: Storefront page
      """
    And the project is a git repository with everything committed
    And I run "spec verify --gate none"
    And I replace "total * 0.9" with "total * 0.8" in the file "src/api/price.ts"
    When I run "spec verify --changed --gate none --json"
    Then the exit code is 1
    And the verdict counts 5 passed and 2 failed scenarios
