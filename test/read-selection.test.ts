import { describe, expect, it } from 'vitest';
import { ImportGraph, MemoryFileSystem } from '../src/impact/graph.js';
import { mergeScenarioMap, type ScenarioMap } from '../src/impact/scenario-map.js';
import { selectScenarios } from '../src/impact/select.js';

const ROOT = '/p';
const FILES: Record<string, string> = {
  'src/rates.ts': "import { readFileSync } from 'node:fs';\nexport const rates = JSON.parse(readFileSync('src/rates.json', 'utf8'));\n",
  'src/config.json': '{ "a": 1 }\n',
  'src/uses-config.ts': "import config from './config.json';\nexport { config };\n",
  'steps/a.steps.ts': "import { rates } from '../src/rates.js';\nexport { rates };\n",
  'steps/b.steps.ts': "import { config } from '../src/uses-config.js';\nexport { config };\n",
};

const passed = 'passed' as const;
const MAP: ScenarioMap = {
  version: 1,
  scenarios: [
    { id: 'features/a.feature:3', file: 'features/a.feature', line: 3, stepFiles: ['steps/a.steps.ts'], status: passed, reads: ['data/template.txt'] },
    { id: 'features/a.feature:8', file: 'features/a.feature', line: 8, stepFiles: ['steps/a.steps.ts'], status: passed, reads: ['fixtures/'] },
    { id: 'features/b.feature:3', file: 'features/b.feature', line: 3, stepFiles: ['steps/b.steps.ts'], status: passed, reads: [] },
  ],
  globalSupportFiles: [],
  supportFiles: ['steps/a.steps.ts', 'steps/b.steps.ts'],
  loadReads: ['src/rates.json'],
  writes: ['out/report.txt'],
};

async function select(changed: string[], map: ScenarioMap = MAP) {
  const graph = await ImportGraph.build(ROOT, Object.keys(FILES), { fs: new MemoryFileSystem(FILES, ROOT) });
  return selectScenarios({ root: ROOT, changed, map, graph, specFiles: ['features/a.feature', 'features/b.feature'], readText: (f) => FILES[f] });
}

describe('a changed file the code reads with fs', async () => {
  it('runs the scenarios that read it, and only those', async () => {
    const selection = await select(['data/template.txt']);
    expect(selection.all).toBe(false);
    expect(selection.paths).toEqual(['features/a.feature:3']);
    expect(selection.reasons[0]!.because).toBe('data/template.txt changed (this scenario read it)');
  });

  it('runs the scenarios that listed its folder (a file added there may be read next)', async () => {
    expect((await select(['fixtures/new-case.json'])).paths).toEqual(['features/a.feature:8']);
  });

  it('runs every scenario for a file read while loading or in BeforeAll/AfterAll hooks', async () => {
    const selection = await select(['src/rates.json']);
    expect(selection.all).toBe(true);
    expect(selection.reasons[0]!.because).toContain('read it while loading');
  });

  it('runs nothing for a data file no recorded scenario read, nor for one the run wrote', async () => {
    expect((await select(['data/unused.txt'])).paths).toEqual([]);
    expect((await select(['out/report.txt'])).paths).toEqual([]);
  });

  it('runs every scenario for any file when a child process started in BeforeAll may run project code (a server as `node src/main.ts`)', async () => {
    const selection = await select(['src/unreached.ts'], { ...MAP, loadReads: ['*'] });
    expect(selection.all).toBe(true);
    expect(selection.reasons[0]!.because).toContain('a child process');
  });

  it('runs a scenario that started such a child process for any file no scenario reaches otherwise', async () => {
    const map = { ...MAP, scenarios: MAP.scenarios.map((s, i) => (i === 2 ? { ...s, reads: ['*'] } : s)) };
    const selection = await select(['src/unreached.ts'], map);
    expect(selection.paths).toEqual(['features/b.feature:3']);
    expect(selection.reasons[0]!.because).toBe('src/unreached.ts changed (this scenario started a child process that may run or read it)');
  });

  it('leaves a JSON module the graph follows to the graph: its importers, not every reader', async () => {
    expect((await select(['src/config.json'])).paths).toEqual(['features/b.feature:3']);
  });

  it('runs a scenario whose record cannot say: no reads recorded, or it did not pass', async () => {
    const unsure: ScenarioMap = {
      ...MAP,
      scenarios: [
        { ...MAP.scenarios[0]!, reads: undefined },
        { ...MAP.scenarios[1]!, status: 'failed' },
        MAP.scenarios[2]!,
      ],
    };
    const selection = await select(['data/unused.txt'], unsure);
    expect(selection.paths).toEqual(['features/a.feature:3', 'features/a.feature:8']);
    expect(selection.reasons.map((r) => r.because)).toEqual([
      'data/unused.txt changed, and the run that recorded this scenario did not record which files it reads',
      'data/unused.txt changed, and this scenario did not pass when recorded (it may read it in the steps it did not reach)',
    ]);
    // A module is the graph's to judge, recorded reads or not.
    expect((await select(['src/other.ts'], unsure)).paths).toEqual([]);
  });

  it('keeps what was read at load, and written, across partial runs', async () => {
    const next: ScenarioMap = { ...MAP, scenarios: [], loadReads: ['src/limits.json'], writes: [] };
    const merged = mergeScenarioMap(MAP, next, []);
    expect(merged.loadReads).toEqual(['src/limits.json', 'src/rates.json']);
    expect(merged.writes).toEqual(['out/report.txt']);
  });
});
