import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportGraph, MemoryFileSystem } from '../src/impact/graph.js';
import { loadScenarioMap, mergeScenarioMap, saveScenarioMap, type ScenarioMap } from '../src/impact/scenario-map.js';
import { selectScenarios } from '../src/impact/select.js';
import { tempDir } from './helpers.js';

// Complements select.test.ts: every rule of issue 3 with its reason text, plus map persistence.
const ROOT = '/proj';
const FILES: Record<string, string> = {
  'src/money.ts': 'export const cents = (n: number) => n * 100;\n',
  'src/cart.ts': "import { cents } from './money.js';\nexport const total = (xs: number[]) => xs.map(cents);\n",
  'src/auth.ts': "export * from './money.js';\n",
  'src/orphan.ts': 'export const nobody = 1;\n',
  'steps/cart.steps.ts': "import { total } from '../src/cart.js';\nexport { total };\n",
  'steps/auth.steps.ts': "const auth = await import('../src/auth.js');\nexport { auth };\n",
  'steps/hooks.ts': 'export {};\n',
};
const MAP: ScenarioMap = {
  version: 1,
  scenarios: [
    { id: 'features/cart.feature:4', file: 'features/cart.feature', line: 4, stepFiles: ['steps/cart.steps.ts'] },
    { id: 'features/cart.feature:9', file: 'features/cart.feature', line: 9, stepFiles: ['steps/auth.steps.ts', 'steps/cart.steps.ts'] },
    { id: 'specs/login.md:20', file: 'specs/login.md', line: 20, stepFiles: ['steps/auth.steps.ts'] },
    { id: 'features/old.feature:3', file: 'features/old.feature', line: 3, stepFiles: ['steps/cart.steps.ts'] },
  ],
  globalSupportFiles: ['steps/hooks.ts'],
  supportFiles: ['steps/auth.steps.ts', 'steps/cart.steps.ts', 'steps/hooks.ts'],
};
// features/old.feature is in the map but no longer on disk: it was deleted.
const SPECS = ['features/cart.feature', 'specs/login.md', 'features/new.feature'];

async function select(changed: string[], map: ScenarioMap | 'no map' = MAP) {
  const graph = await ImportGraph.build(ROOT, Object.keys(FILES), { fs: new MemoryFileSystem(FILES, ROOT) });
  return selectScenarios({ root: ROOT, changed, map: map === 'no map' ? undefined : map, graph, specFiles: SPECS });
}

describe('selectScenarios: everything', () => {
  it.each(['spec.config.json', 'spec.config.mjs', 'cucumber.cjs', 'cucumber.yml', 'cucumber.yaml', 'package.json', 'tsconfig.base.json'])(
    '%s is configuration: run all, with one reason naming it',
    async (file) => {
      const selection = await select(['src/orphan.ts', file]);
      expect(selection).toEqual({
        all: true,
        paths: [],
        reasons: [{ target: 'every scenario', because: `${file} changed (configuration)` }],
        triggers: ['src/orphan.ts', file],
      });
    },
  );

  it('without a map every change runs all, and says the map is missing', async () => {
    const selection = await select(['src/orphan.ts'], 'no map');
    expect(selection.all).toBe(true);
    expect(selection.reasons).toEqual([{ target: 'every scenario', because: 'src/orphan.ts changed, and no scenario map exists yet' }]);
  });

  it('a hook or parameter-type file runs all', async () => {
    expect((await select(['steps/hooks.ts'])).reasons).toEqual([{ target: 'every scenario', because: 'steps/hooks.ts changed (it defines hooks or parameter types)' }]);
  });

  it('a step file no run has loaded runs all: it may define steps that are undefined now', async () => {
    const selection = await select(['steps/checkout.steps.ts']);
    expect(selection.all).toBe(true);
    expect(selection.reasons[0]!.because).toMatch(/^steps\/checkout\.steps\.ts is a step or support file .*undefined/);
  });
});

describe('selectScenarios: specs', () => {
  it('a changed .feature runs as a whole file', async () => {
    expect(await select(['features/cart.feature'])).toEqual({
      all: false,
      paths: ['features/cart.feature'],
      reasons: [{ target: 'features/cart.feature', because: 'features/cart.feature changed' }],
      triggers: ['features/cart.feature'],
    });
  });

  it('a Markdown spec and a spec the map has not seen yet run whole', async () => {
    expect((await select(['specs/login.md', 'features/new.feature'])).paths).toEqual(['specs/login.md', 'features/new.feature']);
  });

  it('a deleted spec has nothing left to run', async () => {
    expect(await select(['features/old.feature'])).toMatchObject({ all: false, paths: [], reasons: [] });
  });

  it('a Markdown file that is not a spec runs nothing', async () => {
    expect((await select(['README.md'])).paths).toEqual([]);
  });
});

describe('selectScenarios: code', () => {
  it('a step file selects the scenarios bound to it, in map order', async () => {
    const selection = await select(['steps/auth.steps.ts']);
    expect(selection.paths).toEqual(['features/cart.feature:9', 'specs/login.md:20']);
    expect(selection.reasons).toContainEqual({ target: 'specs/login.md:20', because: 'step file steps/auth.steps.ts changed' });
  });

  it('a module reached through a re-export and a dynamic import selects every scenario above it', async () => {
    const selection = await select(['src/money.ts']);
    expect(selection.paths).toEqual(['features/cart.feature:4', 'features/cart.feature:9', 'specs/login.md:20', 'features/old.feature:3']);
    expect(selection.reasons).toContainEqual({ target: 'specs/login.md:20', because: 'src/money.ts changed (reached through steps/auth.steps.ts)' });
  });

  it('several changes reaching one scenario give one path and the first reason', async () => {
    const selection = await select(['src/cart.ts', 'steps/cart.steps.ts', 'src/cart.ts']);
    expect(selection.paths).toEqual(['features/cart.feature:4', 'features/cart.feature:9', 'features/old.feature:3']);
    expect(selection.reasons.map((r) => r.target)).toEqual(selection.paths);
    expect(selection.reasons[0]!.because).toBe('step file steps/cart.steps.ts changed');
  });

  it('a module nothing reaches runs nothing', async () => {
    expect(await select(['src/orphan.ts'])).toEqual({ all: false, paths: [], reasons: [], triggers: ['src/orphan.ts'] });
  });

  it('no graph: step files still select, source modules reach nothing', async () => {
    const base = { root: ROOT, map: MAP, graph: undefined, specFiles: SPECS };
    expect(selectScenarios({ ...base, changed: ['steps/cart.steps.ts'] }).paths).toHaveLength(3);
    expect(selectScenarios({ ...base, changed: ['src/money.ts'] }).paths).toEqual([]);
  });
});

describe('scenario map on disk', () => {
  it('round-trips through .spec/scenario-map.json, creating the folder', async () => {
    const root = tempDir('specloop-map-');
    await saveScenarioMap(root, MAP);
    expect(JSON.parse(readFileSync(path.join(root, '.spec/scenario-map.json'), 'utf8'))).toEqual(MAP);
  });

  it('a missing, corrupt or other-version map loads as none', async () => {
    const root = tempDir('specloop-map-');
    expect(await loadScenarioMap(root)).toBeUndefined();
    await saveScenarioMap(root, MAP);
    expect(await loadScenarioMap(root)).toEqual(MAP);
    for (const text of ['{"version":1,"scenar', JSON.stringify({ ...MAP, version: 2 }), 'null']) {
      writeFileSync(path.join(root, '.spec/scenario-map.json'), text);
      expect(await loadScenarioMap(root)).toBeUndefined();
    }
  });

  it('a merge keeps the files that did not run and unions the support files', () => {
    const next: ScenarioMap = {
      version: 1,
      scenarios: [{ id: 'specs/login.md:22', file: 'specs/login.md', line: 22, stepFiles: [] }],
      globalSupportFiles: ['steps/params.ts'],
      supportFiles: ['steps/params.ts'],
    };
    const merged = mergeScenarioMap(MAP, next, ['specs/login.md']);
    expect(merged.scenarios.map((s) => s.id)).toEqual(['features/cart.feature:4', 'features/cart.feature:9', 'features/old.feature:3', 'specs/login.md:22']);
    expect(merged.globalSupportFiles).toEqual(['steps/hooks.ts', 'steps/params.ts']);
    expect(mergeScenarioMap(undefined, next, [])).toBe(next);
  });
});
