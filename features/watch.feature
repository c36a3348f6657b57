Feature: Watching edits
  `spec watch` runs every scenario once, then after each settled burst of edits re-runs only the
  scenarios the edit reaches, and says why. With --json it prints one event per line for a harness.

  Background:
    Given the "todo" fixture
    And the file "src/unrelated.ts" contains:
      """
      export const answer = 42;
      """

  Scenario: An edit to a source module re-runs the scenarios that reach it
    Given the file "features/clock.feature" contains:
      """
      Feature: Clock

        Scenario: Noon is twelve
          Given the hour 12
          Then it is noon
      """
    And the file "steps/clock.steps.ts" contains:
      """
      import assert from 'node:assert/strict';
      import { Given, Then } from '@cucumber/cucumber';

      let hour = 0;

      Given('the hour {int}', function (h: number) {
        hour = h;
      });

      Then('it is noon', function () {
        assert.equal(hour, 12);
      });
      """
    When I start "spec watch --json --settle 20"
    And I append "// touched" to "src/todo.ts"
    Then a run triggered by "src/todo.ts" finishes, having run exactly these scenarios:
      | features/todo.feature:4  |
      | features/todo.feature:8  |
      | features/todo.feature:18 |
      | features/planning.md:10  |
      | features/planning.md:22  |

  Scenario: An edit nothing reaches runs nothing
    When I start "spec watch --json --settle 20"
    And I append "export const more = 1;" to "src/unrelated.ts"
    Then the watcher says no scenario reaches "src/unrelated.ts"

  Scenario: An edit to a spec re-runs that spec, and a parse error recovers on the next edit
    When I start "spec watch --json --settle 20"
    And I write "features/todo.feature" with:
      """
      Feature: Todo list
        Scenario: A new list is empty
          Given an empty todo list
          Then 0 todos remain
        this line is not Gherkin
      """
    Then the next run reports a "parse-error" failure at "features/todo.feature:5"
    When I write "features/todo.feature" with:
      """
      Feature: Todo list
        Scenario: A new list is empty
          Given an empty todo list
          Then 0 todos remain
      """
    Then the next run ran exactly these scenarios:
      | features/todo.feature:2 |

  # The settle window is wider than the default so a busy machine (CI, parallel jobs) pausing the
  # writer mid-burst does not split the burst; the check stays exact: one run for the whole burst.
  Scenario: A burst of 200 writes gives exactly one run, on the final state
    When I start "spec watch --json --settle 250"
    And I write "src/todo.ts" 200 times within a second, ending with:
      """
      export interface Todo {
        title: string;
        done: boolean;
        note?: string;
      }

      export class TodoList {
        private readonly items: Todo[] = [];

        add(title: string, note?: string): void {
          if (!title.trim()) throw new Error('a todo needs a title');
          this.items.push(note === undefined ? { title, done: false } : { title, done: false, note });
        }

        complete(title: string): void {
          const item = this.items.find((todo) => todo.title === title);
          if (!item) throw new Error(`no todo called "${title}"`);
          item.done = true;
        }

        remaining(): number {
          return this.items.filter((todo) => !todo.done).length;
        }

        titles(): string[] {
          return this.items.map((todo) => todo.title);
        }

        find(title: string): Todo | undefined {
          return this.items.find((todo) => todo.title === title);
        }
      }
      """
    Then exactly one run follows, on the final content

  Scenario: An edit during a run cancels the stale run
    Given the file "features/slow.feature" contains:
      """
      Feature: Slow
        Scenario: slow work
          Given an empty todo list
          Then the work takes a second
      """
    And a step that takes a second is used by "features/slow.feature"
    When I start "spec watch --json --settle 20"
    And I append "// first" to "src/todo.ts"
    And a run starts
    And I append "# second, mid-run" to "features/slow.feature"
    Then a run is cancelled and the next one covers both edits

  Scenario: State a scenario leaves in a module does not reach the next run
    Given the file "src/counter.ts" contains:
      """
      let count = 0;
      export function bump(): number {
        count += 1;
        return count;
      }
      """
    And the file "steps/counter.steps.ts" contains:
      """
      import assert from 'node:assert/strict';
      import { Then } from '@cucumber/cucumber';
      import { bump } from '../src/counter.js';

      Then('the counter starts from zero', function () {
        assert.equal(bump(), 1);
      });
      """
    And the file "features/counter.feature" contains:
      """
      Feature: Counter
        Scenario: Fresh state
          Then the counter starts from zero
      """
    When I start "spec watch --json --settle 20"
    And I append "# touched" to "features/counter.feature"
    Then the next run passes
    When I append "# touched again" to "features/counter.feature"
    Then the next run passes

  Scenario: A failure in a step file that reloads unchanged still names its own TypeScript line
    Given the file "src/limits.ts" contains:
      """
      export const maxShipment = 10;
      """
    And the file "steps/limits.steps.ts" contains:
      """
      import assert from 'node:assert/strict';
      import { Then } from '@cucumber/cucumber';
      import { maxShipment } from '../src/limits.js';

      /** Types only: compiling them away moves the lines below, which only the source map puts back. */
      interface Shipment {
        units: number;
      }

      function checked(shipment: Shipment): Shipment {
        assert.ok(shipment.units <= maxShipment, `${shipment.units} units exceed the limit of ${maxShipment}`);
        return shipment;
      }

      Then('a shipment of {int} units is allowed', function (units: number) {
        checked({ units });
      });
      """
    And the file "features/limits.feature" contains:
      """
      Feature: Limits
        Scenario: A small shipment
          Then a shipment of 5 units is allowed
      """
    When I start "spec watch --json --settle 20"
    And I append "// touched" to "src/limits.ts"
    Then the next run passes
    When I append "// touched again" to "src/limits.ts"
    Then the next run passes
    When I write "src/limits.ts" with:
      """
      export const maxShipment = 4;
      """
    Then the next run fails with a stack frame at "steps/limits.steps.ts:11"

  Scenario: A file that takes over a require's name is what the next run loads
    Given the file "src/label/index.js" contains:
      """
      module.exports = { label: 'from the folder' };
      """
    And the file "src/labels.js" contains:
      """
      module.exports = require('./label');
      """
    And the file "steps/label.steps.ts" contains:
      """
      import assert from 'node:assert/strict';
      import { Then } from '@cucumber/cucumber';
      import { label } from '../src/labels.js';

      Then('the label comes from the {word}', function (where: string) {
        assert.equal(label, `from the ${where}`);
      });
      """
    And the file "features/label.feature" contains:
      """
      Feature: Label
        Scenario: Where the label comes from
          Then the label comes from the folder
      """
    When I start "spec watch --json --settle 20"
    And I append "# touched" to "features/label.feature"
    Then the next run passes
    When I write "src/label.js" with:
      """
      module.exports = { label: 'from the file' };
      """
    And I append "# touched again" to "features/label.feature"
    Then the next run reports a "failed-step" failure at "features/label.feature:3"

  Scenario: The long-lived runner sees every edit: breaking the code, then fixing it
    When I start "spec watch --json --settle 20"
    And I write "src/todo.ts" with:
      """
      export interface Todo {
        title: string;
        done: boolean;
        note?: string;
      }

      export class TodoList {
        private readonly items: Todo[] = [];

        add(title: string, note?: string): void {
          if (!title.trim()) throw new Error('a todo needs a title');
          this.items.push(note === undefined ? { title, done: false } : { title, done: false, note });
        }

        complete(title: string): void {
          const item = this.items.find((todo) => todo.title === title);
          if (!item) throw new Error(`no todo called "${title}"`);
          item.done = true;
        }

        remaining(): number {
          return this.items.filter((todo) => !todo.done).length + 1;
        }

        titles(): string[] {
          return this.items.map((todo) => todo.title);
        }

        find(title: string): Todo | undefined {
          return this.items.find((todo) => todo.title === title);
        }
      }
      """
    Then the next run reports a "failed-step" failure at "features/todo.feature:6"
    When I write "src/todo.ts" with:
      """
      export interface Todo {
        title: string;
        done: boolean;
        note?: string;
      }

      export class TodoList {
        private readonly items: Todo[] = [];

        add(title: string, note?: string): void {
          if (!title.trim()) throw new Error('a todo needs a title');
          this.items.push(note === undefined ? { title, done: false } : { title, done: false, note });
        }

        complete(title: string): void {
          const item = this.items.find((todo) => todo.title === title);
          if (!item) throw new Error(`no todo called "${title}"`);
          item.done = true;
        }

        remaining(): number {
          return this.items.filter((todo) => !todo.done).length;
        }

        titles(): string[] {
          return this.items.map((todo) => todo.title);
        }

        find(title: string): Todo | undefined {
          return this.items.find((todo) => todo.title === title);
        }
      }
      """
    Then the next run passes
    When I write "src/todo.ts" with:
      """
      export interface Todo {
        title: string;
        done: boolean;
        note?: string;
      }

      export class TodoList {
        private readonly items: Todo[] = [];

        add(title: string, note?: string): void {
          if (!title.trim()) throw new Error('a todo needs a title');
          this.items.push(note === undefined ? { title, done: false } : { title, done: false, note });
        }

        complete(title: string): void {
          const item = this.items.find((todo) => todo.title === title);
          if (!item) throw new Error(`no todo called "${title}"`);
          item.done = true;
        }

        remaining(): number {
          return this.items.filter((todo) => !todo.done).length + 1;
        }

        titles(): string[] {
          return this.items.map((todo) => todo.title);
        }

        find(title: string): Todo | undefined {
          return this.items.find((todo) => todo.title === title);
        }
      }
      """
    Then the next run reports a "failed-step" failure at "features/todo.feature:6"

  Scenario: q stops the watcher and leaves nothing running
    When I start "spec watch --json --settle 20"
    And I press "q" in the watcher
    Then the watcher exits with code 0 within 5 seconds
    And no process is left running in the project folder

  Scenario: SIGTERM stops the watcher and leaves nothing running
    When I start "spec watch --json --settle 20"
    And I send SIGTERM to the watcher
    Then the watcher exits with code 0 within 5 seconds
    And no process is left running in the project folder
