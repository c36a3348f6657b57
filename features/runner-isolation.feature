Feature: What the steps do stays inside the run
  Scenarios run in a worker thread by default (no second Node start-up), or in a child process
  with "runner": "process". Either way a step cannot end the run, and nothing it starts outlives it.

  Background:
    Given the "todo" fixture
    And the file "steps/process.steps.ts" contains:
      """
      import { When } from '@cucumber/cucumber';
      import { spawn } from 'node:child_process';
      import { writeFileSync } from 'node:fs';

      When('a step starts a server and a detached helper', function () {
        const server = spawn('sleep', ['300'], { stdio: 'ignore' });
        writeFileSync('server.pid', String(server.pid));
        const helper = spawn('sh', ['-c', 'sleep 301 & echo $! > grandchild.pid; wait'], { stdio: 'ignore', detached: true });
        writeFileSync('helper.pid', String(helper.pid));
      });

      When('a step calls process.exit', function () {
        process.exit(3);
      });

      When('a step changes the working folder', function () {
        process.chdir('..');
      });
      """
    And the file "features/process.feature" contains:
      """
      Feature: Processes

        Scenario: Starting things
          When a step starts a server and a detached helper

        Scenario: Exiting
          Given an empty todo list
          When a step calls process.exit

        Scenario: Afterwards
          Given an empty todo list
          Then 0 todos remain
      """

  Scenario: A step that calls process.exit fails there and the run goes on
    When I run "spec verify features/process.feature --json"
    Then the exit code is 1
    And the verdict has a "failed-step" failure at "features/process.feature:8"
    And that failure's message contains "process.exit(3) was called"
    And the verdict reports the scenario "features/process.feature:10" as passed
    And the verdict counts 2 passed and 1 failed scenarios

  Scenario: What a step starts does not outlive the run
    When I run "spec verify features/process.feature --json"
    Then the exit code is 1
    And the process whose id is in "server.pid" is no longer running
    And the process whose id is in "helper.pid" is no longer running
    And the process whose id is in "grandchild.pid" is no longer running

  Scenario: In a child process too
    Given the file "spec.config.json" contains:
      """
      { "runner": "process" }
      """
    When I run "spec verify features/process.feature --json"
    Then the exit code is 1
    And the verdict has a "failed-step" failure at "features/process.feature:8"
    And the verdict reports the scenario "features/process.feature:10" as passed
    And the process whose id is in "server.pid" is no longer running
    And the process whose id is in "helper.pid" is no longer running
    And the process whose id is in "grandchild.pid" is no longer running

  Scenario: The runner spec.config asks for is the first one started, not a thread it then replaces
    The CLI starts its runner before it has read the config, to overlap the runner's start-up:
    a config that asks for a child process must not cost a thread started and killed first.
    Given the file "spec.config.json" contains:
      """
      { "runner": "process" }
      """
    When I run "spec verify features/process.feature:10" with the environment:
      | SPECLOOP_TIMING | 1 |
    Then the exit code is 0
    And stderr contains "[specloop timing] spec runner start: process"
    And stderr does not contain "runner start: thread"

  Scenario: The same from a spec.config.mjs, and a thread where nothing asks otherwise
    Given the file "spec.config.mjs" contains:
      """
      // Steps here change the working folder: each run gets its own process.
      export default {
        runner: 'process',
      };
      """
    When I run "spec verify features/process.feature:10" with the environment:
      | SPECLOOP_TIMING | 1 |
    Then the exit code is 0
    And stderr contains "[specloop timing] spec runner start: process"
    And stderr does not contain "runner start: thread"
    Given there is no file "spec.config.mjs"
    When I run "spec verify features/process.feature:10" with the environment:
      | SPECLOOP_TIMING | 1 |
    Then the exit code is 0
    And stderr contains "[specloop timing] spec runner start: thread"
    And stderr does not contain "runner start: process"

  Scenario: What a thread may not do names the setting that allows it
    Given the file "features/folders.feature" contains:
      """
      Feature: Folders

        Scenario: Moving
          When a step changes the working folder
      """
    When I run "spec verify features/folders.feature --json"
    Then the exit code is 1
    And the verdict has a "failed-step" failure at "features/folders.feature:4"
    And that failure's hint contains "\"runner\": \"process\""

  Scenario: A child process allows it
    Given the file "spec.config.json" contains:
      """
      { "runner": "process" }
      """
    And the file "features/folders.feature" contains:
      """
      Feature: Folders

        Scenario: Moving
          When a step changes the working folder
      """
    When I run "spec verify features/folders.feature --json"
    Then the exit code is 0
