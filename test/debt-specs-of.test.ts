import { describe, expect, it } from 'vitest';
import { specsOf } from '../src/api/debt-ran.js';
import type { RunResult, RunScenario } from '../src/core/run-result.js';

// specsOf runs in verify's tail once per scenario: these pin what it returns, so making it
// cheaper cannot change a debt figure.

function scenario(uri: string, line: number, definitionIds: string[][], covered?: string[]): RunScenario {
  const steps = definitionIds.map((ids, i) => ({ keyword: 'Given ', text: `step ${i}`, line: line + i + 1, column: 5, status: 'passed' as const, durationMs: 1, definitionIds: ids }));
  return { uri, line, name: `s${line}`, feature: 'F', tags: [], status: 'passed', durationMs: 1, hookFailures: [], steps, ...(covered ? { covered } : {}) } as RunScenario;
}

function result(scenarios: RunScenario[]): RunResult {
  const definitions = [
    { id: 'd1', uri: 'steps/b.ts', line: 1 },
    { id: 'd2', uri: 'steps/a.ts', line: 2 },
  ];
  return { cucumberVersion: undefined, scenarios, definitions, parameterTypes: [], undefinedParameterTypes: [], globalSupportFiles: [], runErrors: [], success: true } as unknown as RunResult;
}

describe('specsOf', () => {
  it('counts scenarios per spec and traces their step files plus the shared ones, sorted and once each', () => {
    const ran = result([scenario('f/x.feature', 3, [['d1'], ['d2'], ['d1']]), scenario('f/x.feature', 9, [['d2'], []]), scenario('f/y.feature', 2, [['unknown']])]);
    expect([...specsOf(ran, ['support/world.ts', 'steps/a.ts'])]).toEqual([
      ['f/x.feature', { scenarios: 2, traced: ['steps/a.ts', 'steps/b.ts', 'support/world.ts'] }],
      ['f/y.feature', { scenarios: 1, traced: ['steps/a.ts', 'support/world.ts'] }],
    ]);
  });

  it('traces what a scenario executed when coverage recorded it, not its bindings or the shared files', () => {
    const ran = result([scenario('f/x.feature', 3, [['d1']], ['src/z.ts', 'src/a.ts']), scenario('f/x.feature', 9, [['d2']])]);
    expect(specsOf(ran, ['support/world.ts']).get('f/x.feature')).toEqual({ scenarios: 2, traced: ['src/a.ts', 'src/z.ts', 'steps/a.ts', 'support/world.ts'] });
  });

  it('is empty without a result', () => {
    expect(specsOf(undefined).size).toBe(0);
  });
});
