/**
 * Steps for sharded runs: the verdicts several `spec verify --shard I/N` runs wrote, checked
 * against each other and against the unsharded run's verdict, field by field.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Then } from '@cucumber/cucumber';
import { VerdictSchema, type Verdict } from '../src/report/verdict.js';
import type { SpecWorld } from './support/world.js';

function verdictFile(world: SpecWorld, relative: string): Verdict {
  const file = path.join(world.project, relative);
  assert.ok(existsSync(file), `${relative} should exist`);
  const checked = VerdictSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!checked.success) assert.fail(`${relative} does not match the verdict schema:\n${checked.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  return checked.data;
}

const ids = (verdict: Verdict) => verdict.scenarios.map((s) => s.id);

Then('the verdicts {string}, {string} and {string} hold every scenario of {string} exactly once', function (this: SpecWorld, a: string, b: string, c: string, whole: string) {
  const shards = [a, b, c].map((f) => verdictFile(this, f));
  const ran = shards.flatMap(ids);
  assert.equal(new Set(ran).size, ran.length, `a scenario ran in two shards: ${ran.join(', ')}`);
  assert.deepEqual([...ran].sort(), ids(verdictFile(this, whole)).sort(), 'the shards together ran what the whole run ran');
  for (const [i, shard] of shards.entries()) assert.deepEqual(ids(shard).sort(), [...(shard.shard?.scenarios ?? [])].sort(), `shard ${i + 1} ran what it was given`);
});

Then('the verdicts {string} and {string} ran the same scenarios', function (this: SpecWorld, a: string, b: string) {
  const [first, again] = [a, b].map((f) => verdictFile(this, f));
  assert.ok(ids(first!).length > 0, `${a} ran no scenario`);
  assert.deepEqual(ids(again!), ids(first!));
  assert.deepEqual(again!.shard, first!.shard);
});

/** What a second machine must agree on: everything but times, dates and where the run happened. */
function comparable(verdict: Verdict) {
  const byId = (x: { id?: string; scenarioId?: string }, y: { id?: string; scenarioId?: string }) => String(x.id ?? x.scenarioId).localeCompare(String(y.id ?? y.scenarioId));
  return {
    status: verdict.status,
    exitCode: verdict.exitCode,
    summary: verdict.summary,
    counts: verdict.counts,
    scenarios: verdict.scenarios.map((s) => ({ id: s.id, status: s.status, steps: s.steps.map((t) => `${t.line} ${t.status}`) })).sort(byId),
    failures: verdict.failures.map((f) => ({ ...f, stack: undefined })).sort(byId),
    unusedSteps: verdict.unusedSteps,
  };
}

Then('the verdict in {string} has the same counts, statuses and failures as {string}', function (this: SpecWorld, merged: string, whole: string) {
  assert.deepEqual(comparable(verdictFile(this, merged)), comparable(verdictFile(this, whole)));
});

Then('the last line of {string} is JSON in which {string} is {string}', function (this: SpecWorld, relative: string, dotted: string, expected: string) {
  const file = path.join(this.project, relative);
  assert.ok(existsSync(file), `${relative} should exist`);
  const last = readFileSync(file, 'utf8').trimEnd().split('\n').at(-1) ?? '';
  let value: unknown = JSON.parse(last);
  for (const key of dotted.split('.')) value = value === null || typeof value !== 'object' ? undefined : (value as Record<string, unknown>)[key];
  assert.deepEqual(value, JSON.parse(expected), `${dotted} in the last line of ${relative}: ${last}`);
});
