import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stampsOf, supportState } from '../src/impact/binding-stamp.js';
import type { ScenarioMap } from '../src/impact/scenario-map.js';
import { stepFilesOfShard } from '../src/impact/selection-steps.js';

let root: string;
const GLOBS = ['steps/**/*.js'];

function write(file: string, text: string, mtime = Date.now() / 1000 - 60): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
  utimesSync(path.join(root, file), mtime, mtime);
}

/** A map as a run recorded it now: every scenario stamped with the files as they are. */
async function recordedMap(stepFilesById: Record<string, string[]>): Promise<ScenarioMap> {
  const support = await supportState(root, GLOBS);
  const files = Object.keys(stepFilesById).map((id) => id.replace(/:\d+$/, ''));
  const stamps = await stampsOf(root, files, support, Date.now());
  const scenarios = Object.entries(stepFilesById).map(([id, stepFiles]) => {
    const file = id.replace(/:\d+$/, '');
    return { id, file, line: Number(id.split(':')[1]), stepFiles, ...(stamps.has(file) ? { stamp: stamps.get(file)! } : {}) };
  });
  return { version: 1, scenarios, globalSupportFiles: ['steps/hooks.js'], supportFiles: support.files };
}

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'shard-steps-'));
  write('features/a.feature', 'Feature: A\n  Scenario: one\n    Given a\n');
  write('features/b.feature', 'Feature: B\n  Scenario: two\n    Given b\n');
  write('steps/a.steps.js', "import { Given } from '@cucumber/cucumber';\nGiven('a', function () {});\n");
  write('steps/b.steps.js', "import { Given } from '@cucumber/cucumber';\nGiven('b', function () {});\n");
  write('steps/hooks.js', "import { Before } from '@cucumber/cucumber';\nBefore(function () {});\n");
  write('steps/effect.steps.js', "import { Given } from '@cucumber/cucumber';\nglobalThis.currency = 'EUR';\nGiven('c', function () {});\n");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('stepFilesOfShard', () => {
  it("loads the slice's recorded step files, the hooks, and every file that does more than define steps", async () => {
    const map = await recordedMap({ 'features/a.feature:2': ['steps/a.steps.js'], 'features/b.feature:2': ['steps/b.steps.js'] });
    const files = await stepFilesOfShard(root, map, ['features/a.feature:2'], await supportState(root, GLOBS));
    expect(files?.sort()).toEqual(['steps/a.steps.js', 'steps/effect.steps.js', 'steps/hooks.js']);
  });

  it('loads everything with no map, a scenario the map does not know, or a spec or support file changed since it was recorded', async () => {
    const map = await recordedMap({ 'features/a.feature:2': ['steps/a.steps.js'], 'features/b.feature:2': ['steps/b.steps.js'] });
    const now = async () => supportState(root, GLOBS);
    expect(await stepFilesOfShard(root, undefined, ['features/a.feature:2'], await now())).toBeUndefined();
    expect(await stepFilesOfShard(root, map, ['features/a.feature:2', 'features/c.feature:2'], await now())).toBeUndefined();
    write('features/a.feature', 'Feature: A\n  Scenario: one\n    Given b\n');
    expect(await stepFilesOfShard(root, map, ['features/a.feature:2'], await now())).toBeUndefined();
    // b's spec is untouched, but a step file changed: a new definition may match its steps.
    expect(await stepFilesOfShard(root, map, ['features/b.feature:2'], await now())).toBeDefined();
    write('steps/a.steps.js', "import { Given } from '@cucumber/cucumber';\nGiven('a', function () {});\nGiven('b', function () {});\n");
    expect(await stepFilesOfShard(root, map, ['features/b.feature:2'], await now())).toBeUndefined();
  });

  it('loads everything when a recorded step file is no support file (a definition registered from an imported module)', async () => {
    const map = await recordedMap({ 'features/a.feature:2': ['lib/shared-steps.js'] });
    expect(await stepFilesOfShard(root, map, ['features/a.feature:2'], await supportState(root, GLOBS))).toBeUndefined();
  });
});

describe('stampsOf', () => {
  it('stamps no file written since the run started, and nothing at all when a support file was', async () => {
    const started = Date.now() - 10_000;
    write('features/b.feature', 'Feature: B\n  Scenario: two\n    Given b\n', Date.now() / 1000);
    const stamps = await stampsOf(root, ['features/a.feature', 'features/b.feature'], await supportState(root, GLOBS), started);
    expect([...stamps.keys()]).toEqual(['features/a.feature']);
    write('steps/b.steps.js', '// edited\n', Date.now() / 1000);
    expect((await stampsOf(root, ['features/a.feature'], await supportState(root, GLOBS), started)).size).toBe(0);
  });
});
