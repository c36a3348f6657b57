/**
 * Steps about retries: the verdict's flaky count and list, read from the last command's JSON verdict.
 */
import assert from 'node:assert/strict';
import { Then } from '@cucumber/cucumber';
import type { Verdict } from '../src/report/verdict.js';
import type { SpecWorld } from './support/world.js';

type FlakyEntry = NonNullable<Verdict['flaky']>[number];
type FlakyWorld = SpecWorld & { flaky?: FlakyEntry };

function verdict(world: SpecWorld): Verdict {
  const run = world.lastRun();
  try {
    return JSON.parse(run.stdout) as Verdict;
  } catch (error) {
    assert.fail(`stdout is not a JSON verdict (${(error as Error).message}):\n${run.stdout}\n${run.stderr}`);
  }
}

Then('the verdict counts {int} passed, {int} flaky and {int} failed scenario(s)', function (this: SpecWorld, passed: number, flaky: number, failed: number) {
  const s = verdict(this).counts.scenarios;
  assert.ok(typeof s.flaky === 'number', `the scenario counts have no flaky count: ${JSON.stringify(s)}`);
  // Every scenario is in exactly one status count: flaky ones are not also passed.
  const actual = { passed: s.passed, flaky: s.flaky, failed: s.total - s.passed - s.flaky - s.skipped };
  assert.deepEqual(actual, { passed, flaky, failed }, `scenario counts ${JSON.stringify(s)}`);
});

Then('the verdict lists {string} as flaky after {int} attempts', function (this: FlakyWorld, id: string, attempts: number) {
  const v = verdict(this);
  const entry = v.flaky?.find((f) => f.id === id);
  assert.ok(entry, `no flaky scenario ${id} in ${JSON.stringify(v.flaky ?? null)}`);
  assert.equal(entry.attempts, attempts, `attempts of the flaky scenario ${id}`);
  const scenario = v.scenarios.find((s) => s.id === id);
  assert.equal(scenario?.flaky, true, `scenarios[] should mark ${id} flaky: ${JSON.stringify(scenario)}`);
  this.flaky = entry;
});

Then('that flaky scenario\'s attempt {int} failed at {string} saying {string}', function (this: FlakyWorld, attempt: number, where: string, text: string) {
  const failures = this.flaky?.failures.filter((f) => f.attempt === attempt) ?? [];
  const found = failures.find((f) => f.location && `${f.location.file}:${f.location.line}` === where && f.message.includes(text));
  assert.ok(found, `attempt ${attempt} has no failure at ${where} saying ${JSON.stringify(text)}: ${JSON.stringify(this.flaky?.failures)}`);
});
