import { describe, expect, it } from 'vitest';
import { ImportGraph, MemoryFileSystem } from '../src/impact/graph.js';
import { buildScenarioMap, mergeScenarioMap, type ScenarioMap } from '../src/impact/scenario-map.js';
import { selectScenarios } from '../src/impact/select.js';
import type { RunResult, RunScenario } from '../src/core/run-result.js';

const ROOT = '/p';

const FILES: Record<string, string> = {
  'src/price.ts': 'export const price = (n: number) => n * 2;\n',
  'src/cart.ts': "import { price } from './price.js';\nexport const total = (xs: number[]) => xs.map(price).reduce((a, b) => a + b, 0);\n",
  'src/user.ts': 'export const name = "ann";\n',
  'src/types.ts': 'export interface Cart { n: number }\n',
  'src/unrelated.ts': 'export const x = 1;\n',
  'steps/cart.steps.ts': "import { total } from '../src/cart.js';\nimport type { Cart } from '../src/types.js';\nexport { total };\n",
  'steps/user.steps.ts': "import { name } from '../src/user.js';\nexport { name };\n",
  'steps/hooks.ts': 'export {};\n',
};

const MAP: ScenarioMap = {
  version: 1,
  scenarios: [
    { id: 'features/cart.feature:3', file: 'features/cart.feature', line: 3, stepFiles: ['steps/cart.steps.ts'] },
    { id: 'features/cart.feature:8', file: 'features/cart.feature', line: 8, stepFiles: ['steps/cart.steps.ts', 'steps/user.steps.ts'] },
    { id: 'specs/users.md:12', file: 'specs/users.md', line: 12, stepFiles: ['steps/user.steps.ts'] },
  ],
  globalSupportFiles: ['steps/hooks.ts'],
  supportFiles: ['steps/cart.steps.ts', 'steps/hooks.ts', 'steps/user.steps.ts'],
};

async function select(changed: string[], map: ScenarioMap | 'no map' = MAP) {
  const graph = await ImportGraph.build(ROOT, Object.keys(FILES), { fs: new MemoryFileSystem(FILES, ROOT) });
  return selectScenarios({ root: ROOT, changed, map: map === 'no map' ? undefined : map, graph, specFiles: ['features/cart.feature', 'specs/users.md'] });
}

describe('selectScenarios', () => {
  it('a source module selects the scenarios whose step files reach it, and says through which', async () => {
    const selection = await select(['src/price.ts']);
    expect(selection.all).toBe(false);
    expect(selection.paths).toEqual(['features/cart.feature:3', 'features/cart.feature:8']);
    expect(selection.reasons[0]).toEqual({ target: 'features/cart.feature:3', because: 'src/price.ts changed (reached through steps/cart.steps.ts)' });
  });

  it('a module imported only as a type reaches nothing', async () => {
    expect((await select(['src/types.ts'])).paths).toEqual([]);
  });

  it('a module nothing imports selects nothing', async () => {
    const selection = await select(['src/unrelated.ts']);
    expect(selection).toMatchObject({ all: false, paths: [] });
  });

  it('a step file selects the scenarios bound to it', async () => {
    expect((await select(['steps/user.steps.ts'])).paths).toEqual(['features/cart.feature:8', 'specs/users.md:12']);
  });

  it('a changed spec runs as a whole file, and its file:line entries give way to it', async () => {
    const selection = await select(['features/cart.feature', 'src/price.ts']);
    expect(selection.paths).toEqual(['features/cart.feature']);
  });

  it('config, hooks, a missing map and an unknown step file select everything', async () => {
    expect((await select(['tsconfig.json'])).all).toBe(true);
    expect((await select(['spec.config.ts'])).all).toBe(true);
    expect((await select(['steps/hooks.ts'])).all).toBe(true);
    expect((await select(['src/price.ts'], 'no map')).all).toBe(true);
    const fresh = await select(['steps/new.steps.ts']);
    expect(fresh.all).toBe(true);
    expect(fresh.reasons[0]!.because).toMatch(/no run has loaded yet/);
  });
});

describe('selectScenarios: what may define steps, and config at any depth', () => {
  it('a new file the step globs match runs everything, even in a folder no step file was in', async () => {
    const map = { ...MAP, supportGlobs: ['steps/**/*.ts', 'e2e/**/*.steps.ts'] };
    expect((await select(['steps/admin/new.ts'], map)).all).toBe(true);
    expect((await select(['e2e/login.steps.ts'], map)).all).toBe(true);
    expect((await select(['e2e/helpers.ts'], map)).paths).toEqual([]);
  });

  it('with steps beside the code, an edit to a source module still selects by the import graph', async () => {
    const map = { ...MAP, supportGlobs: ['src/**/*.steps.ts'] };
    expect((await select(['src/price.ts'], map)).all).toBe(false);
  });

  it('without recorded globs, a root-level file beside root-level step files counts as a step file', async () => {
    const map = { ...MAP, supportFiles: ['steps.ts'] };
    expect((await select(['more-steps.ts'], map)).all).toBe(true);
    expect((await select(['lib/x.ts'], map)).all).toBe(false);
  });

  it('a tsconfig.json or package.json in a subfolder runs everything', async () => {
    expect((await select(['packages/web/tsconfig.json'])).all).toBe(true);
    expect((await select(['packages/web/package.json'])).all).toBe(true);
    expect((await select(['docs/cucumber.js'])).all).toBe(false);
  });
});

describe('selectScenarios with coverage', () => {
  // cart.feature:3 ran code in price.ts; cart.feature:8 reaches price.ts through the same step file but never called it.
  const covered: ScenarioMap = {
    ...MAP,
    loadActive: ['src/user.ts'],
    scenarios: [
      { ...MAP.scenarios[0]!, covered: ['src/cart.ts', 'src/price.ts', 'steps/cart.steps.ts'] },
      { ...MAP.scenarios[1]!, covered: ['src/cart.ts', 'src/user.ts', 'steps/cart.steps.ts', 'steps/user.steps.ts'] },
      { ...MAP.scenarios[2]!, covered: ['src/user.ts', 'src/unrelated.ts', 'steps/user.steps.ts'] },
    ],
  };
  async function selectWith(changed: string[], bodyOnly: boolean, map: ScenarioMap = covered) {
    const graph = await ImportGraph.build(ROOT, Object.keys(FILES), { fs: new MemoryFileSystem(FILES, ROOT) });
    return selectScenarios({ root: ROOT, changed, map, graph, specFiles: ['features/cart.feature', 'specs/users.md'], bodyOnly: () => bodyOnly });
  }

  it('an edit inside function bodies selects only the scenarios that ran code in the file', async () => {
    const selection = await selectWith(['src/price.ts'], true);
    expect(selection.paths).toEqual(['features/cart.feature:3']);
    expect(selection.reasons).toEqual([{ target: 'features/cart.feature:3', because: 'src/price.ts changed (its code ran in this scenario)' }]);
  });

  it('coverage of a scenario that did not pass, or that misses its own step files, never rules it out', async () => {
    const stopped = { ...covered, scenarios: covered.scenarios.map((s, i) => (i === 1 ? { ...s, incomplete: true as const } : s)) };
    expect((await selectWith(['src/price.ts'], true, stopped)).paths).toEqual(['features/cart.feature:3', 'features/cart.feature:8']);
    const unmapped = { ...covered, scenarios: covered.scenarios.map((s, i) => (i === 1 ? { ...s, covered: ['src/user.ts'] } : s)) };
    expect((await selectWith(['src/price.ts'], true, unmapped)).paths).toEqual(['features/cart.feature:3', 'features/cart.feature:8']);
  });

  it('a scenario that failed is recorded as incomplete coverage', () => {
    const scenario = (status: RunScenario['status']): RunScenario => ({ uri: 'features/a.feature', line: 3, name: 'a', feature: 'A', tags: [], status, durationMs: 1, steps: [], hookFailures: [], covered: ['src/a.ts'] });
    const result = { cucumberVersion: undefined, scenarios: [scenario('failed'), { ...scenario('passed'), line: 9 }], definitions: [], parameterTypes: [], undefinedParameterTypes: [], globalSupportFiles: [], runErrors: [], success: false } as RunResult;
    const map = buildScenarioMap(result, (u) => u, []);
    expect(map.scenarios.map((s) => s.incomplete)).toEqual([true, undefined]);
  });

  it('any other edit also selects every scenario the import graph reaches', async () => {
    expect((await selectWith(['src/price.ts'], false)).paths).toEqual(['features/cart.feature:3', 'features/cart.feature:8']);
  });

  it('a file whose functions ran at load time falls back to the import graph even for a body edit', async () => {
    expect((await selectWith(['src/user.ts'], true)).paths).toEqual(['features/cart.feature:8', 'specs/users.md:12']);
  });

  it('coverage finds what the import graph cannot see (a computed import)', async () => {
    const selection = await selectWith(['src/unrelated.ts'], false);
    expect(selection.paths).toEqual(['specs/users.md:12']);
  });

  it('a scenario recorded without coverage keeps the import-graph rule', async () => {
    const partly = { ...covered, scenarios: [covered.scenarios[0]!, MAP.scenarios[1]!, covered.scenarios[2]!] };
    expect((await selectWith(['src/price.ts'], true, partly)).paths).toEqual(['features/cart.feature:3', 'features/cart.feature:8']);
  });

  it('without load-time data in the map, nothing is narrowed', async () => {
    const { loadActive: _, ...noLoadPhase } = covered;
    expect((await selectWith(['src/price.ts'], true, noLoadPhase)).paths).toEqual(['features/cart.feature:3', 'features/cart.feature:8']);
  });
});

describe('scenario map', () => {
  const scenario = (uri: string, line: number, ids: string[]): RunScenario => ({
    uri, line, name: 's', feature: 'f', tags: [], status: 'passed', durationMs: 1, hookFailures: [],
    steps: ids.map((id) => ({ keyword: 'Given', text: 'x', line: line + 1, column: 5, status: 'passed', durationMs: 0, definitionIds: [id] })),
  });
  const result: RunResult = {
    cucumberVersion: '12.9.0', success: true, runErrors: [], parameterTypes: [], undefinedParameterTypes: [], globalSupportFiles: ['steps/hooks.ts'],
    definitions: [
      { id: 'a', pattern: 'x', patternType: 'cucumber', uri: 'steps/a.ts', line: 1, used: true },
      { id: 'b', pattern: 'y', patternType: 'cucumber', uri: 'steps/b.ts', line: 1, used: true },
    ],
    scenarios: [scenario('features/a.feature', 3, ['a', 'b']), scenario('.spec/compiled/specs/x.md.feature', 7, ['b'])],
  };
  const sourceOf = (uri: string) => (uri.startsWith('.spec/compiled/') ? uri.slice('.spec/compiled/'.length, -'.feature'.length) : uri);

  it('records each scenario at its source line with the step files it bound to', () => {
    const map = buildScenarioMap(result, sourceOf, ['steps/a.ts', 'steps/b.ts', 'steps/hooks.ts']);
    expect(map.scenarios).toEqual([
      { id: 'features/a.feature:3', file: 'features/a.feature', line: 3, stepFiles: ['steps/a.ts', 'steps/b.ts'], status: 'passed' },
      { id: 'specs/x.md:7', file: 'specs/x.md', line: 7, stepFiles: ['steps/b.ts'], status: 'passed' },
    ]);
    expect(map.globalSupportFiles).toEqual(['steps/hooks.ts']);
  });

  it('a partial run replaces only the spec files it ran', () => {
    const full = buildScenarioMap(result, sourceOf, []);
    const partial = buildScenarioMap({ ...result, scenarios: [scenario('features/a.feature', 4, ['a'])] }, sourceOf, []);
    const merged = mergeScenarioMap(full, partial, ['features/a.feature']);
    expect(merged.scenarios.map((s) => s.id).sort()).toEqual(['features/a.feature:4', 'specs/x.md:7']);
  });

  it('keeps coverage with the scenarios it was recorded for, and load-time activity only grows', () => {
    const withCoverage: RunResult = { ...result, loadActive: ['src/config.ts'], scenarios: result.scenarios.map((s) => ({ ...s, covered: ['src/a.ts'] })) };
    const first = buildScenarioMap(withCoverage, sourceOf, []);
    expect(first.loadActive).toEqual(['src/config.ts']);
    expect(first.scenarios.map((s) => s.covered)).toEqual([['src/a.ts'], ['src/a.ts']]);
    const rerun = buildScenarioMap({ ...withCoverage, loadActive: ['src/late.ts'], scenarios: [{ ...withCoverage.scenarios[0]!, covered: ['src/b.ts'] }] }, sourceOf, []);
    const merged = mergeScenarioMap(first, rerun, []);
    expect(merged.loadActive).toEqual(['src/config.ts', 'src/late.ts']);
    expect(merged.scenarios.find((s) => s.id === 'features/a.feature:3')?.covered).toEqual(['src/b.ts']);
    const withoutCoverage = mergeScenarioMap(merged, buildScenarioMap({ ...result, scenarios: [result.scenarios[0]!] }, sourceOf, []), []);
    expect(withoutCoverage.scenarios.find((s) => s.id === 'features/a.feature:3')?.covered).toBeUndefined();
  });
});

describe('regressions', () => {
  it('a helper beside the step files reaches the scenarios whose step files import it', async () => {
    const files = { ...FILES, 'steps/support/helpers.ts': 'export const h = 1;\n', 'steps/user.steps.ts': "import { name } from '../src/user.js';\nimport { h } from './support/helpers.js';\nexport { name, h };\n" };
    const graph = await ImportGraph.build(ROOT, Object.keys(files), { fs: new MemoryFileSystem(files, ROOT) });
    const map = { ...MAP, supportFiles: [...MAP.supportFiles, 'steps/support/helpers.ts'] };
    const selection = selectScenarios({ root: ROOT, changed: ['steps/support/helpers.ts'], map, graph, specFiles: [] });
    expect(selection.paths).toEqual(['features/cart.feature:8', 'specs/users.md:12']);
  });

  it('code a World in its own file calls reaches every scenario, though step files import the World only as a type', async () => {
    const files = {
      ...FILES,
      'features/support/world.ts': "import { setWorldConstructor } from '@cucumber/cucumber';\nimport { price } from '../../src/price.js';\nclass W { price = price; }\nsetWorldConstructor(W);\n",
      'steps/user.steps.ts': "import type { W } from '../features/support/world.js';\nimport { name } from '../src/user.js';\nexport { name };\n",
    };
    const graph = await ImportGraph.build(ROOT, Object.keys(files), { fs: new MemoryFileSystem(files, ROOT) });
    const map = { ...MAP, supportFiles: [...MAP.supportFiles, 'features/support/world.ts'] };
    const viaWorld = selectScenarios({ root: ROOT, changed: ['src/price.ts'], map, graph, specFiles: [] });
    expect(viaWorld.paths).toEqual(['features/cart.feature:3', 'features/cart.feature:8', 'specs/users.md:12']);
    expect(viaWorld.reasons).toContainEqual({ target: 'specs/users.md:12', because: 'src/price.ts changed (reached through features/support/world.ts, which every scenario loads)' });
    expect(selectScenarios({ root: ROOT, changed: ['features/support/world.ts'], map, graph, specFiles: [] }).paths).toHaveLength(3);
  });

  it('a step file that also registers a World reaches every scenario through what it imports', async () => {
    const files = { ...FILES, 'steps/user.steps.ts': "import { setWorldConstructor } from '@cucumber/cucumber';\nimport { name } from '../src/user.js';\nsetWorldConstructor(class { name = name; });\n" };
    const graph = await ImportGraph.build(ROOT, Object.keys(files), { fs: new MemoryFileSystem(files, ROOT) });
    const readText = (file: string) => files[file as keyof typeof files];
    const selection = selectScenarios({ root: ROOT, changed: ['src/user.ts'], map: MAP, graph, specFiles: [], readText });
    expect([...selection.paths].sort()).toEqual(['features/cart.feature:3', 'features/cart.feature:8', 'specs/users.md:12']);
    expect(selectScenarios({ root: ROOT, changed: ['src/user.ts'], map: MAP, graph, specFiles: [] }).paths).toEqual(['features/cart.feature:8', 'specs/users.md:12']);
  });

  it('a support file nothing imports (loaded for its side effects) reaches every scenario', async () => {
    const files = { ...FILES, 'steps/support/env.ts': "import { name } from '../../src/user.js';\nprocess.env.USER_NAME = name;\n" };
    const graph = await ImportGraph.build(ROOT, Object.keys(files), { fs: new MemoryFileSystem(files, ROOT) });
    const map = { ...MAP, supportFiles: [...MAP.supportFiles, 'steps/support/env.ts'] };
    expect(selectScenarios({ root: ROOT, changed: ['src/user.ts'], map, graph, specFiles: [] }).paths).toEqual(['features/cart.feature:3', 'features/cart.feature:8', 'specs/users.md:12']);
  });

  it('a run of one scenario keeps the map entries of the others in that file', () => {
    const next: ScenarioMap = { ...MAP, scenarios: [MAP.scenarios[0]!] };
    expect(mergeScenarioMap(MAP, next, []).scenarios.map((s) => s.id).sort()).toEqual(['features/cart.feature:3', 'features/cart.feature:8', 'specs/users.md:12']);
  });
});

describe('support code every scenario loads (a World in its own file)', () => {
  const files = { ...FILES, 'features/support/world.ts': "import { total } from '../../src/cart.js';\nexport class W { total = total; }\n" };
  const map: ScenarioMap = { ...MAP, globalSupportFiles: [], supportFiles: [...MAP.supportFiles, 'features/support/world.ts'] };
  async function selectWith(changed: string[], sharedSupport: string[]) {
    const graph = await ImportGraph.build(ROOT, Object.keys(files), { fs: new MemoryFileSystem(files, ROOT) });
    return selectScenarios({ root: ROOT, changed, map, graph, specFiles: ['features/cart.feature', 'specs/users.md'], sharedSupport });
  }

  it('an edit to it runs every scenario', async () => {
    const selection = await selectWith(['features/support/world.ts'], ['features/support/world.ts']);
    expect(selection.all).toBe(true);
    expect(selection.reasons[0]!.because).toBe('features/support/world.ts changed (support code every scenario loads: World, hooks or setup)');
  });

  it('an edit to code only it imports runs every scenario', async () => {
    const selection = await selectWith(['src/price.ts'], ['features/support/world.ts']);
    expect(selection.all).toBe(true);
    expect(selection.reasons[0]!.because).toBe('src/price.ts changed (it reaches features/support/world.ts, support code every scenario loads)');
  });

  it('code it does not reach keeps the narrow selection', async () => {
    const selection = await selectWith(['src/user.ts'], ['features/support/world.ts']);
    expect(selection.all).toBe(false);
    expect(selection.paths).toEqual(['features/cart.feature:8', 'specs/users.md:12']);
  });
});
