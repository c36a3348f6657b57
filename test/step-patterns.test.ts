import { describe, expect, it } from 'vitest';
import { ImportGraph, MemoryFileSystem } from '../src/impact/graph.js';
import { buildScenarioMap, mergeScenarioMap, type ScenarioMap } from '../src/impact/scenario-map.js';
import { selectScenarios } from '../src/impact/select.js';
import { definedPatterns } from '../src/impact/step-patterns.js';
import type { RunResult } from '../src/core/run-result.js';

describe('definedPatterns', () => {
  it('reads string, template and regular-expression patterns as cucumber records them', () => {
    const text = [
      "import { Given, When, Then } from '@cucumber/cucumber';",
      "Given('a basket with:', function () {});",
      'When("it\'s {int} o\\\'clock", () => {});',
      'Then(`the state is \\\\(new\\\\)`, () => {});',
      'Given(/^(\\d+) items?$/, function (n) {});',
      "cucumber.defineStep('via a namespace', () => {});",
      '// When(\'in a comment\', () => {});',
    ].join('\n');
    expect(definedPatterns(text)).toEqual(['a basket with:', "it's {int} o'clock", 'the state is \\(new\\)', '^(\\d+) items?$', 'via a namespace']);
  });

  it('reads past type arguments, as in Given<World>(…)', () => {
    expect(definedPatterns("Given<ShopWorld>('a typed step', function () {});\nWhen<Map<string, number>>('nested', () => {});")).toEqual(['a typed step', 'nested']);
    expect(definedPatterns('const ok = Given < 3;')).toEqual([]);
  });

  it('is unsure of a pattern it cannot read without running the code', () => {
    expect(definedPatterns("const p = 'x';\nGiven(p, () => {});")).toBeUndefined();
    expect(definedPatterns("Given('a ' + kind, () => {});")).toBeUndefined();
    expect(definedPatterns('Given(`a ${kind}`, () => {});')).toBeUndefined();
  });

  it('finds nothing in a file that defines no step', () => {
    expect(definedPatterns("import { Given } from '@cucumber/cucumber';\nexport const x = 1;\n")).toEqual([]);
  });
});

const ROOT = '/p';
const ORDERS = "import { When } from '@cucumber/cucumber';\nWhen('the order receives {word}', function () {});\n";
const PARSER = "import { When } from '@cucumber/cucumber';\nWhen('I parse {string}', function () {});\n";
const FILES: Record<string, string> = { 'steps/orders.steps.ts': ORDERS, 'steps/parser.steps.ts': PARSER };

const MAP: ScenarioMap = {
  version: 1,
  scenarios: [
    { id: 'features/orders.feature:3', file: 'features/orders.feature', line: 3, stepFiles: ['steps/orders.steps.ts'] },
    { id: 'features/parser.feature:3', file: 'features/parser.feature', line: 3, stepFiles: ['steps/parser.steps.ts'] },
  ],
  globalSupportFiles: [],
  supportFiles: ['steps/orders.steps.ts', 'steps/parser.steps.ts'],
  stepPatterns: { 'steps/orders.steps.ts': ['the order receives {word}'], 'steps/parser.steps.ts': ['I parse {string}'] },
};

async function select(parserText: string, map: ScenarioMap = MAP) {
  const files: Record<string, string> = { ...FILES, 'steps/parser.steps.ts': parserText };
  const graph = await ImportGraph.build(ROOT, Object.keys(files), { fs: new MemoryFileSystem(files, ROOT) });
  return selectScenarios({ root: ROOT, changed: ['steps/parser.steps.ts'], map, graph, specFiles: ['features/orders.feature', 'features/parser.feature'], readText: (f) => files[f] });
}

describe('a step file that gains a step pattern', () => {
  it('runs every scenario: the new pattern may match (and make ambiguous) steps bound elsewhere', async () => {
    const selection = await select(`${PARSER}When('the order receives {word}', function () {});\n`);
    expect(selection.all).toBe(true);
    expect(selection.reasons[0]!.because).toContain('steps/parser.steps.ts defines a step pattern');
  });

  it('runs only its bound scenarios when its patterns are the ones the map recorded', async () => {
    const selection = await select(`${PARSER}// a note\n`);
    expect(selection).toMatchObject({ all: false, paths: ['features/parser.feature:3'] });
  });

  it('runs every scenario when the map recorded no patterns for it (a map from an older specloop)', async () => {
    const { stepPatterns: _, ...old } = MAP;
    expect((await select(PARSER, old)).all).toBe(true);
  });

  it('runs every scenario when it cannot read a pattern', async () => {
    expect((await select(`${PARSER}When(name, function () {});\n`)).all).toBe(true);
  });
});

describe('a helper that defines steps outside the step globs', () => {
  const HELPER = "import { Given } from '@cucumber/cucumber';\nGiven('a shared step', () => {});\n";
  const run = async (text: string, stepPatterns: Record<string, string[]>) => {
    const files: Record<string, string> = { ...FILES, 'lib/common-steps.ts': text, 'src/calc.ts': 'export const When = (x: unknown) => x;\nWhen(1);\n' };
    const graph = await ImportGraph.build(ROOT, Object.keys(files), { fs: new MemoryFileSystem(files, ROOT) });
    return (changed: string) => selectScenarios({ root: ROOT, changed: [changed], map: { ...MAP, stepPatterns: { ...MAP.stepPatterns, ...stepPatterns } }, graph, specFiles: [], readText: (f) => files[f] });
  };

  it('runs every scenario when it gains a pattern, though no run loaded it from the globs', async () => {
    const select = await run(`${HELPER}Given('the order receives {word}', () => {});\n`, { 'lib/common-steps.ts': ['a shared step'] });
    expect(select('lib/common-steps.ts').all).toBe(true);
  });

  it('leaves a source module that does not use cucumber to the import graph', async () => {
    const select = await run(HELPER, { 'lib/common-steps.ts': ['a shared step'] });
    expect(select('lib/common-steps.ts').all).toBe(false);
    expect(select('src/calc.ts').all).toBe(false);
  });
});

describe('the scenario map records each loaded step file\'s patterns', () => {
  const result = {
    scenarios: [],
    definitions: [
      { id: '1', pattern: 'I parse {string}', patternType: 'cucumber', uri: 'steps/parser.steps.ts', line: 2, used: true },
      { id: '2', pattern: 'a new one', patternType: 'cucumber', uri: 'steps/parser.steps.ts', line: 3, used: false },
    ],
    globalSupportFiles: [],
  } as unknown as RunResult;

  it('a partial run replaces the patterns of the files it loaded and keeps the others', () => {
    const next = buildScenarioMap(result, (u) => u, ['steps/parser.steps.ts']);
    expect(next.stepPatterns).toEqual({ 'steps/parser.steps.ts': ['I parse {string}', 'a new one'] });
    expect(mergeScenarioMap(MAP, next, []).stepPatterns).toEqual({ 'steps/orders.steps.ts': ['the order receives {word}'], 'steps/parser.steps.ts': ['I parse {string}', 'a new one'] });
  });
});
