import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bindingOf } from '../src/api/debt-ran.js';
import { shortHash } from '../src/core/hash.js';
import type { RunDefinition, RunResult, RunScenario, RunStep } from '../src/core/run-result.js';
import { vacuousChecks } from '../src/debt/vacuous-cache.js';
import { judgeVacuous, type StepAnalysis } from '../src/debt/vacuous-judge.js';
import { recordDurations } from '../src/impact/durations.js';
import { removeTempDirs, tempProject } from './helpers.js';

// What verify's tail counts and writes once per scenario or step (bench/RESULTS.md, session 12
// P1 made each cheaper): these pin the results, so a cheaper way cannot change a figure or a file.

afterAll(removeTempDirs);

type Step = Partial<RunStep> & Pick<RunStep, 'status'>;
function scenario(uri: string, line: number, steps: Step[]): RunScenario {
  const full = steps.map((s, i) => ({ keyword: 'Then ', text: `step ${i}`, line: line + i + 1, column: 5, durationMs: 1, definitionIds: [], ...s }));
  return { uri, line, name: `s${line}`, feature: 'F', tags: [], status: 'passed', durationMs: 1, hookFailures: [], steps: full } as RunScenario;
}

const definitions: RunDefinition[] = [
  { id: 'then-vacuous', pattern: 'a', patternType: 'cucumber', uri: 'steps/a.ts', line: 3, used: true },
  { id: 'then-checks', pattern: 'b', patternType: 'cucumber', uri: 'steps/a.ts', line: 8, used: true },
  { id: 'given', pattern: 'c', patternType: 'cucumber', uri: 'steps/b.ts', line: 1, used: false },
];
const analysis: StepAnalysis = {
  calls: [
    { uri: 'steps/a.ts', line: 3, patternLine: 3, keyword: 'Then' },
    { uri: 'steps/b.ts', line: 1, patternLine: 1, keyword: 'Given' },
    { uri: 'steps/a.ts', line: 8, patternLine: 9, keyword: 'Then', failsBy: { kind: 'assert', line: 10 } as never },
  ],
  read: [],
};

describe("verify's tail counts", () => {
  const scenarios = [
    scenario('f/x.feature', 2, [{ status: 'passed', type: 'Context', definitionIds: ['given'] }, { status: 'passed', type: 'Outcome', definitionIds: ['then-vacuous'] }, { status: 'undefined', type: 'Outcome' }]),
    scenario('f/x.feature', 9, [{ status: 'ambiguous', type: 'Context', definitionIds: ['given', 'then-vacuous'] }, { status: 'pending', type: 'Outcome', definitionIds: ['then-checks'] }]),
    scenario('f/y.feature', 4, [{ status: 'undefined', type: 'Context' }, { status: 'passed', type: 'Action', definitionIds: ['then-vacuous'] }]),
  ];

  it('binding: steps by status across every scenario, and the unused definitions when judged', () => {
    const result = { scenarios, definitions } as unknown as RunResult;
    expect(bindingOf(result, { scope: 'suite' } as never)).toEqual({ undefinedSteps: 2, ambiguousSteps: 1, pendingSteps: 1, unusedDefinitions: 1, steps: 7, definitions: 3 });
    expect(bindingOf(result, undefined)).toMatchObject({ undefinedSteps: 2, unusedDefinitions: null, because: 'unused definitions not judged' });
  });

  it('vacuous: Then steps bound to a definition that cannot fail, once per line, and scenarios with no Then', async () => {
    const report = judgeVacuous(analysis, definitions, scenarios);
    expect(report.vacuousSteps.map((d) => d.id)).toEqual(['then-vacuous']);
    expect(report.checked.map((d) => d.id)).toEqual(['then-vacuous', 'then-checks']);
    expect(report.scenariosWithoutThen).toEqual([{ uri: 'f/y.feature', line: 4, name: 's4' }]);
    const counted = await vacuousChecks({ definitions, scenarios, partial: false }, analysis);
    expect(counted).toEqual({
      value: {
        checks: 3 + 3,
        bySpec: new Map([
          ['f/x.feature', [{ kind: 'vacuous-then', line: 4, text: 'Then step 1', definition: { file: 'steps/a.ts', line: 3 } }]],
          ['f/y.feature', [{ kind: 'no-then', line: 4, text: 's4' }]],
        ]),
      },
    });
  });

  it('vacuous: with no vacuous definition, only the scenarios with no Then', async () => {
    const sound = { ...analysis, calls: analysis.calls.map((c) => ({ ...c, failsBy: { kind: 'assert', line: 1 } as never })) };
    const counted = await vacuousChecks({ definitions, scenarios, partial: false }, sound);
    expect(counted).toEqual({ value: { checks: 6, bySpec: new Map([['f/y.feature', [{ kind: 'no-then', line: 4, text: 's4' }]]]) } });
  });
});

describe('durations and hashes', () => {
  it('merges a run into .spec/durations.json by id, in id order, rounded, one space indented', async () => {
    const root = tempProject('durations', { '.spec/durations.json': `${JSON.stringify({ version: 1, scenarios: { 'f/a.feature:3': 1, 'f/c.feature:2': 7 } })}\n` });
    await recordDurations(root, [{ id: 'f/c.feature:2', durationMs: 2.04 }, { id: 'f/b.feature:10', durationMs: 0.06 }, { id: 'f/a.feature:12', durationMs: 3 }]);
    const text = readFileSync(path.join(root, '.spec/durations.json'), 'utf8');
    expect(text).toBe(`${JSON.stringify({ version: 1, scenarios: { 'f/a.feature:12': 3, 'f/a.feature:3': 1, 'f/b.feature:10': 0.1, 'f/c.feature:2': 2 } }, null, 1)}\n`);
    // A second run with the same ids (the file already in order) writes the same text.
    await recordDurations(root, [{ id: 'f/b.feature:10', durationMs: 0.06 }]);
    expect(readFileSync(path.join(root, '.spec/durations.json'), 'utf8')).toBe(text);
  });

  it('shortHash is the first 16 hex digits of sha256, for text and bytes', () => {
    for (const data of ['', 'a step file\n', 'é€😀'.repeat(300), Buffer.from([0, 1, 2, 255])]) {
      expect(shortHash(data)).toBe(createHash('sha256').update(data).digest('hex').slice(0, 16));
    }
  });
});
