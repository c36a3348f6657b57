/**
 * Steps for runs on cucumber's workers: two verdicts that must say the same thing, and the
 * processes a run may leave behind (none).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { Then } from '@cucumber/cucumber';
import { VerdictSchema, type Verdict } from '../src/report/verdict.js';
import type { SpecWorld } from './support/world.js';

/** What a verdict says about the scenarios: everything but when and how long (which two runs never share). */
function content(verdict: Verdict): unknown {
  const { status, exitCode, counts, scenarios, failures, unusedSteps } = verdict;
  return withoutTimes({ status, exitCode, counts, scenarios, failures, unusedSteps });
}

function withoutTimes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTimes);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'durationMs').map(([key, v]) => [key, withoutTimes(v)]));
}

function readVerdict(world: SpecWorld, relative: string): Verdict {
  return VerdictSchema.parse(JSON.parse(readFileSync(path.join(world.project, relative), 'utf8')));
}

Then('the verdicts in {string} and {string} agree on every scenario, step, status and failure', function (this: SpecWorld, first: string, second: string) {
  const a = readVerdict(this, first);
  const b = readVerdict(this, second);
  assert.ok(a.scenarios.length > 0, `${first} ran no scenarios: nothing to compare`);
  assert.deepStrictEqual(content(b), content(a));
});

Then('the verdict does not have a(n) {string} warning', function (this: SpecWorld, code: string) {
  const verdict = VerdictSchema.parse(this.json());
  assert.deepEqual(verdict.warnings.filter((w) => w.code === code).map((w) => w.message), []);
});

/** Processes whose working folder or command line is inside `folder` (Linux: /proc). */
function processesIn(folder: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cwd = readlinkSync(`/proc/${pid}/cwd`);
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      if (cwd === folder || cwd.startsWith(folder + path.sep) || command.includes(folder)) found.push(`${pid} ${command}`);
    } catch {
      // The process ended while we looked, or is not ours to read.
    }
  }
  return found;
}

Then('no process is left running in the project', async function (this: SpecWorld) {
  if (process.platform !== 'linux') return 'skipped';
  const folder = realpathSync(this.project);
  // A process the command killed as it exited may take a moment to be reaped.
  for (let waited = 0; waited < 2000 && processesIn(folder).length > 0; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
  assert.deepEqual(processesIn(folder), []);
  return undefined;
});
