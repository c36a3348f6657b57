/**
 * Steps for several spec commands at once in one project, and for what they leave in .spec/.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Then, When, type DataTable } from '@cucumber/cucumber';
import type { CliRun, SpecWorld } from './support/world.js';

interface ConcurrentState {
  together?: CliRun[];
}

type ConcurrentWorld = SpecWorld & ConcurrentState;

When('I run these at the same time:', async function (this: ConcurrentWorld, table: DataTable) {
  const commands = table.raw().map((row) => row[0]!.trim());
  assert.ok(this.project, 'no project: start the scenario with a "Given the … fixture" step');
  // Every process is spawned before any is awaited: they overlap for real.
  this.together = await Promise.all(
    commands.map((command) => {
      const [program, ...args] = command.split(/\s+/);
      assert.equal(program, 'spec', `commands start with "spec": ${command}`);
      return this.runSpec(args);
    }),
  );
});

Then('every one of those runs exited with code {int}', function (this: ConcurrentWorld, expected: number) {
  assert.ok(this.together?.length, 'no runs were started together');
  for (const run of this.together) {
    run.checked = true;
    assert.equal(run.exitCode, expected, `spec ${run.args.join(' ')} exited ${run.exitCode}\n--- stdout:\n${run.stdout}\n--- stderr:\n${run.stderr}`);
  }
});

Then('{string} is valid JSON', function (this: SpecWorld, relative: string) {
  readJson(this, relative);
});

Then('{string} is valid JSON listing exactly these scenarios:', function (this: SpecWorld, relative: string, table: DataTable) {
  const map = readJson(this, relative) as { scenarios?: { id: string }[] };
  assert.ok(Array.isArray(map.scenarios), `${relative} has no "scenarios" list`);
  const ids = map.scenarios.map((s) => s.id);
  assert.equal(new Set(ids).size, ids.length, `${relative} lists a scenario twice: ${ids.join(', ')}`);
  assert.deepEqual([...ids].sort(), table.raw().map((row) => row[0]!).sort(), `the scenarios in ${relative}`);
});

Then('there is no file left in {string} whose name ends in {string}', function (this: SpecWorld, folder: string, suffix: string) {
  const dir = path.join(this.project, folder);
  const left = existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith(suffix)) : [];
  assert.deepEqual(left, [], `left in ${folder}`);
});

function readJson(world: SpecWorld, relative: string): unknown {
  const file = path.join(world.project, relative);
  assert.ok(existsSync(file), `${relative} does not exist`);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    assert.fail(`${relative} is not valid JSON (${(error as Error).message})`);
  }
}
