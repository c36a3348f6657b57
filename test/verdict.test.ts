import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SpecProblem } from '../src/core/errors.js';
import type { RunOutcome } from '../src/run/runner.js';
import type { RunDefinition, RunResult, RunScenario, RunStep } from '../src/core/run-result.js';
import { buildVerdict, loadVerdictTools, type VerdictInput } from '../src/report/build-verdict.js';
import { userStack } from '../src/report/error-fields.js';
import { verdictJsonSchema } from '../src/report/json-schema.js';
import { emptyCounts, FailureKindSchema, GateStatusSchema, judge, VerdictSchema, type Failure, type GateResult, type Verdict } from '../src/report/verdict.js';

const ROOT = '/work/proj';

function step(overrides: Partial<RunStep> = {}): RunStep {
  return { keyword: 'Given', text: 'a step', line: 4, column: 5, status: 'passed', durationMs: 1.234, definitionIds: ['d1'], ...overrides };
}

function scenario(overrides: Partial<RunScenario> = {}): RunScenario {
  return {
    uri: 'features/cart.feature',
    line: 3,
    name: 'a scenario',
    feature: 'Cart',
    tags: [],
    status: 'passed',
    durationMs: 2.5,
    steps: [step()],
    hookFailures: [],
    ...overrides,
  };
}

function definition(overrides: Partial<RunDefinition> = {}): RunDefinition {
  return { id: 'd1', pattern: 'a step', patternType: 'cucumber', uri: 'steps/cart.steps.ts', line: 7, used: true, ...overrides };
}

function result(overrides: Partial<RunResult> = {}): RunResult {
  return {
    cucumberVersion: '12.9.0',
    scenarios: [],
    definitions: [definition()],
    parameterTypes: [],
    undefinedParameterTypes: [],
    globalSupportFiles: [],
    runErrors: [],
    success: true,
    ...overrides,
  };
}

function ran(r: RunResult): RunOutcome {
  return { kind: 'result', result: r, log: '' };
}

function gate(overrides: Partial<GateResult> = {}): GateResult {
  return { name: 'typecheck', command: ['tsc', '--noEmit'], status: 'passed', durationMs: 1200, exitCode: 0, log: '', ...overrides };
}

const excerpt = (file: string, line: number) => ({ startLine: Math.max(1, line - 1), lines: [`${file} line ${line - 1}`, `${file} line ${line}`] });

function input(overrides: Partial<VerdictInput> = {}): VerdictInput {
  return {
    root: ROOT,
    version: '0.1.0',
    startedAt: new Date('2024-05-01T10:00:00.000Z'),
    durationMs: 1234.6,
    problems: [],
    outcome: ran(result({ scenarios: [scenario()] })),
    gates: [],
    filtered: false,
    strict: true,
    sourceOf: (uri) => (uri.startsWith('.spec/compiled/') ? uri.slice('.spec/compiled/'.length).replace(/\.feature$/, '') : uri),
    excerpt,
    tools: {},
    ...overrides,
  };
}

async function build(overrides: Partial<VerdictInput> = {}): Promise<Verdict> {
  const base = input(overrides);
  const tools = overrides.tools ?? (await loadVerdictTools(base.outcome));
  const verdict = buildVerdict({ ...base, tools });
  expect(VerdictSchema.safeParse(verdict).success).toBe(true);
  return verdict;
}

const problem = (code: SpecProblem['code'], extra: Partial<SpecProblem> = {}): SpecProblem => ({ code, message: `${code} happened`, ...extra });

describe('buildVerdict: status and exit code', () => {
  it('all passed: exit 0, counts, summary, tool info', async () => {
    const v = await build({ outcome: ran(result({ scenarios: [scenario(), scenario({ line: 9, name: 'b' })] })) });
    expect(v.status).toBe('passed');
    expect(v.exitCode).toBe(0);
    expect(v.failures).toEqual([]);
    expect(v.counts.scenarios).toEqual({ ...emptyCounts(), total: 2, passed: 2, flaky: 0 });
    expect(v.counts.steps).toEqual({ ...emptyCounts(), total: 2, passed: 2 });
    expect(v.summary).toBe('spec: 2 passed, 0 failed');
    expect(v.tool).toEqual({ name: 'specloop', version: '0.1.0', cucumber: '12.9.0' });
    expect(v.schemaVersion).toBe(3);
    expect(v.startedAt).toBe('2024-05-01T10:00:00.000Z');
    expect(v.durationMs).toBe(1235);
    expect(v.debt).toBeNull();
  });

  it('scenario results carry id file:line, mapped source paths and single definitions', async () => {
    const compiled = scenario({ uri: '.spec/compiled/docs/login.md.feature', line: 5, steps: [step({ definitionIds: ['d1'] }), step({ line: 6, definitionIds: ['d1', 'd2'] })] });
    const v = await build({ outcome: ran(result({ scenarios: [compiled], definitions: [definition(), definition({ id: 'd2', line: 9 })] })) });
    const s = v.scenarios[0]!;
    expect(s.id).toBe('docs/login.md:5');
    expect(s.file).toBe('docs/login.md');
    expect(s.durationMs).toBe(2.5);
    expect(s.steps[0]!.definition).toEqual({ pattern: 'a step', file: 'steps/cart.steps.ts', line: 7 });
    expect(s.steps[0]!.durationMs).toBe(1.23);
    expect(s.steps[1]!.definition).toBeUndefined();
  });

  it('a failed scenario: exit 1, failed-step with location, step, excerpt and a hint naming the definition', async () => {
    const failing = scenario({
      status: 'failed',
      steps: [step(), step({ keyword: 'When', text: 'I pay', line: 5, column: 5, status: 'failed', error: { message: 'boom' } }), step({ keyword: 'Then', text: 'done', line: 6, status: 'skipped' })],
    });
    const v = await build({ outcome: ran(result({ scenarios: [failing, scenario({ line: 10 })] })) });
    expect(v.status).toBe('failed');
    expect(v.exitCode).toBe(1);
    expect(v.failures).toHaveLength(1);
    const f = v.failures[0]!;
    expect(f).toMatchObject({
      kind: 'failed-step',
      code: 'SPEC_STEP_FAILED',
      location: { file: 'features/cart.feature', line: 5, column: 5 },
      feature: 'Cart',
      scenario: 'a scenario',
      step: 'When I pay',
      message: 'boom',
      excerpt: { startLine: 4, lines: ['features/cart.feature line 4', 'features/cart.feature line 5'] },
    });
    expect(f.hint).toBe('make the code do what features/cart.feature:5 says, or fix the step definition at steps/cart.steps.ts:7');
    expect(v.counts.scenarios).toMatchObject({ total: 2, passed: 1, failed: 1 });
    expect(v.counts.steps).toMatchObject({ total: 4, passed: 2, failed: 1, skipped: 1 });
    expect(v.summary).toBe('spec: 1 passed, 1 failed');
  });

  it('a step that timed out is a timeout failure', async () => {
    const s = scenario({ status: 'failed', steps: [step({ status: 'failed', error: { message: 'function timed out, ensure the promise resolves within 5000 milliseconds' } })] });
    const v = await build({ outcome: ran(result({ scenarios: [s] })) });
    expect(v.failures[0]).toMatchObject({ kind: 'timeout', code: 'SPEC_STEP_TIMEOUT' });
    expect(v.failures[0]!.hint).toMatch(/missing await/);
    expect(v.exitCode).toBe(1);
  });

  it('undefined step (strict): exit 1, snippet with the effective keyword of an And', async () => {
    const s = scenario({
      status: 'undefined',
      steps: [step({ keyword: 'When', text: 'I log in' }), step({ keyword: 'And', text: 'I buy 3 apples', line: 5, status: 'undefined', definitionIds: [] })],
    });
    const v = await build({ outcome: ran(result({ scenarios: [s] })) });
    expect(v.exitCode).toBe(1);
    const f = v.failures[0]!;
    expect(f.kind).toBe('undefined');
    expect(f.code).toBe('SPEC_UNDEFINED');
    expect(f.step).toBe('And I buy 3 apples');
    expect(f.message).toBe('undefined step: I buy 3 apples');
    expect(f.snippet?.split('\n')[0]).toBe("When('I buy {int} apples', function (int: number) {");
    expect(v.summary).toBe('spec: 0 passed, 1 failed');
  });

  it('strict=false lets undefined and pending scenarios pass', async () => {
    const undef = scenario({ status: 'undefined', steps: [step({ status: 'undefined', definitionIds: [] })] });
    const pending = scenario({ line: 8, status: 'pending', steps: [step({ status: 'pending' })] });
    const v = await build({ strict: false, outcome: ran(result({ scenarios: [undef, pending, scenario({ line: 12 })] })) });
    expect(v.exitCode).toBe(0);
    expect(v.status).toBe('passed');
    expect(v.failures.map((f) => f.kind)).toEqual(['undefined', 'pending']);
    const strict = await build({ strict: true, outcome: ran(result({ scenarios: [undef, pending, scenario({ line: 12 })] })) });
    expect(strict.exitCode).toBe(1);
  });

  it('strict=false does not excuse a failed or ambiguous scenario', async () => {
    const undef = scenario({ status: 'undefined', steps: [step({ status: 'undefined', definitionIds: [] })] });
    const failed = scenario({ line: 8, status: 'failed', steps: [step({ status: 'failed', error: { message: 'x' } })] });
    expect((await build({ strict: false, outcome: ran(result({ scenarios: [undef, failed] })) })).exitCode).toBe(1);
    const ambiguous = scenario({ status: 'ambiguous', steps: [step({ status: 'ambiguous', definitionIds: ['d1', 'd2'] })] });
    expect((await build({ strict: false, outcome: ran(result({ scenarios: [ambiguous], definitions: [definition(), definition({ id: 'd2' })] })) })).exitCode).toBe(1);
  });

  it('ambiguous step lists every matching definition', async () => {
    const s = scenario({ status: 'ambiguous', steps: [step({ text: 'a step with x', status: 'ambiguous', definitionIds: ['d1', 'd2'] })] });
    const defs = [definition({ pattern: '^a (.*?) with (.*?)$', patternType: 'regexp' }), definition({ id: 'd2', pattern: '^a step with (.*?)$', patternType: 'regexp', line: 11 })];
    const v = await build({ outcome: ran(result({ scenarios: [s], definitions: defs })) });
    const f = v.failures[0]!;
    expect(f.kind).toBe('ambiguous');
    expect(f.code).toBe('SPEC_AMBIGUOUS');
    expect(f.message).toBe('2 step definitions match: a step with x');
    expect(f.matches).toEqual([
      { pattern: '^a (.*?) with (.*?)$', file: 'steps/cart.steps.ts', line: 7 },
      { pattern: '^a step with (.*?)$', file: 'steps/cart.steps.ts', line: 11 },
    ]);
    expect(v.exitCode).toBe(1);
  });

  it('pending step points at the definition to implement', async () => {
    const s = scenario({ status: 'pending', steps: [step({ status: 'pending' })] });
    const v = await build({ outcome: ran(result({ scenarios: [s] })) });
    expect(v.failures[0]).toMatchObject({ kind: 'pending', code: 'SPEC_PENDING', message: 'step is pending', hint: 'implement the step definition at steps/cart.steps.ts:7' });
  });

  it('a failing Before hook is a hook-error at the hook, not a step failure', async () => {
    const s = scenario({
      status: 'failed',
      steps: [step({ status: 'skipped' })],
      hookFailures: [{ uri: 'steps/hooks.ts', line: 3, status: 'failed', error: { message: 'db down', stack: `Error: db down\n    at Object.<anonymous> (${ROOT}/steps/hooks.ts:3:9)` } }],
    });
    const v = await build({ outcome: ran(result({ scenarios: [s] })) });
    expect(v.failures).toHaveLength(1);
    expect(v.failures[0]).toMatchObject({ kind: 'hook-error', code: 'SPEC_HOOK', location: { file: 'steps/hooks.ts', line: 3 }, message: 'db down', scenario: 'a scenario' });
    expect(v.failures[0]!.stack).toBe('at Object.<anonymous> (steps/hooks.ts:3:9)');
    expect(v.failures[0]!.hint).toContain('steps/hooks.ts:3');
    expect(v.exitCode).toBe(1);
  });

  // A Before hook that returns 'pending' makes the scenario pending and skips its steps. The run
  // fails (strict), so the verdict must say why: a failure located at the hook.
  it('a pending Before hook fails a strict run with a failure that points at the hook', async () => {
    const s = scenario({ status: 'pending', steps: [step({ status: 'skipped' })], hookFailures: [{ uri: 'steps/hooks.ts', line: 4, status: 'pending' }] });
    const v = await build({ outcome: ran(result({ scenarios: [s] })) });
    expect(v.exitCode).toBe(1);
    expect(v.failures).toHaveLength(1);
    expect(['pending', 'hook-error']).toContain(v.failures[0]!.kind);
    expect(v.failures[0]!.location).toMatchObject({ file: 'steps/hooks.ts', line: 4 });
  });

  it('keeps a message the author wrote whole, next to the diff', async () => {
    const s = scenario({ status: 'failed', steps: [step({ status: 'failed', error: { message: 'the list is wrong\nit held: a, b', expected: '3', actual: '4' } })] });
    const v = await build({ outcome: ran(result({ scenarios: [s] })) });
    const f = v.failures[0]!;
    expect(f.message).toBe('the list is wrong\nit held: a, b');
    expect(f.expected).toBe('3');
    expect(f.diff).toContain('- 3');
  });

  it('a failed step with expected/actual gets a diff and keeps only the headline of the message', async () => {
    const s = scenario({
      status: 'failed',
      steps: [step({ status: 'failed', error: { message: 'Expected values to be strictly equal:\n\n3 !== 4\n', generatedMessage: true, expected: '3', actual: '4' } })],
    });
    const v = await build({ outcome: ran(result({ scenarios: [s] })) });
    const f = v.failures[0]!;
    expect(f.message).toBe('Expected values to be strictly equal:');
    expect(f.expected).toBe('3');
    expect(f.actual).toBe('4');
    expect(f.diff).toBe(['- expected', '+ actual', '', '- 3', '+ 4'].join('\n'));
  });

  it('no diff without both expected and actual', async () => {
    const s = scenario({ status: 'failed', steps: [step({ status: 'failed', error: { message: 'plain failure\nsecond line' } })] });
    const v = await build({ outcome: ran(result({ scenarios: [s] })) });
    expect(v.failures[0]!.diff).toBeUndefined();
    expect(v.failures[0]!.expected).toBeUndefined();
    expect(v.failures[0]!.message).toBe('plain failure\nsecond line');
  });

  it('a run error no hook reported is support code outside the steps, placed at its first own frame: a World constructor is named', async () => {
    const world = await build({
      outcome: ran(result({ runErrors: [{ message: 'db not configured', stack: `Error: db not configured\n    at new BankWorld (${ROOT}/test/support/world.js:5:11)\n    at TestCaseRunner.resetTestProgressData (${ROOT}/node_modules/@cucumber/cucumber/lib/runtime/test_case_runner.js:94:22)` }], success: false })),
    });
    expect(world.failures[0]).toMatchObject({ kind: 'support-error', code: 'SPEC_SUPPORT_RUN', location: { file: 'test/support/world.js', line: 5 }, message: expect.stringContaining('the World constructor BankWorld threw') });
    expect(world.failures[0]!.message).toContain('db not configured');
    const nowhere = await build({ outcome: ran(result({ runErrors: [{ message: 'boom' }], success: false })) });
    expect(nowhere.failures[0]).toMatchObject({ code: 'SPEC_SUPPORT_RUN', message: expect.stringContaining('boom') });
    expect(nowhere.failures[0]!.location).toBeUndefined();
  });

  it('run errors and undefined parameter types become failures', async () => {
    const v = await build({
      outcome: ran(result({ runErrors: [{ message: 'BeforeAll hook went wrong', code: 'SPEC_HOOK' }], undefinedParameterTypes: [{ name: 'airport', expression: '{airport} is closed' }], success: false })),
    });
    expect(v.failures.map((f) => [f.kind, f.code])).toEqual([
      ['hook-error', 'SPEC_HOOK'],
      ['support-error', 'SPEC_UNDEFINED_PARAMETER_TYPE'],
    ]);
    expect(v.failures[1]!.message).toBe('undefined parameter type {airport} in "{airport} is closed"');
    expect(v.failures[1]!.hint).toContain("name: 'airport'");
    expect(v.exitCode).toBe(1);
  });

  for (const code of ['SPEC_PARSE', 'SPEC_MARKDOWN', 'SPEC_CONFIG_INVALID', 'SPEC_CONFIG_LOAD', 'SPEC_CONFIG_NOT_FOUND', 'SPEC_USAGE', 'SPEC_PATH_NOT_FOUND', 'SPEC_NO_SPECS', 'SPEC_CUCUMBER_MISSING', 'SPEC_PROFILE_REJECTED'] as const) {
    it(`${code} is bad input: exit 2, status error`, async () => {
      const v = await build({ problems: [problem(code, { location: { file: 'features/x.feature', line: 2, column: 3 }, hint: 'do this' })], outcome: undefined });
      expect(v.exitCode).toBe(2);
      expect(v.status).toBe('error');
      expect(v.failures[0]).toMatchObject({ code, message: `${code} happened`, hint: 'do this', location: { file: 'features/x.feature', line: 2, column: 3 } });
    });
  }

  it('parse errors are parse-error failures with an excerpt; config problems are config-error', async () => {
    const v = await build({
      problems: [problem('SPEC_PARSE', { location: { file: 'features/x.feature', line: 4, column: 5 } }), problem('SPEC_CONFIG_INVALID', { location: { file: 'spec.config.json', line: 2 } })],
      outcome: undefined,
    });
    expect(v.failures.map((f) => f.kind)).toEqual(['parse-error', 'config-error']);
    expect(v.failures[0]!.excerpt).toEqual(excerpt('features/x.feature', 4));
    expect(v.failures[1]!.excerpt).toBeUndefined();
    expect(v.failures[1]!.hint).toBe('fix the problem at the location shown');
  });

  it('bad input wins over failed scenarios and gates (exit 2)', async () => {
    const failed = scenario({ status: 'failed', steps: [step({ status: 'failed', error: { message: 'x' } })] });
    const v = await build({ problems: [problem('SPEC_PARSE', { location: { file: 'a.feature', line: 1 } })], outcome: ran(result({ scenarios: [failed] })), gates: [gate({ status: 'failed', exitCode: 1 })] });
    expect(v.exitCode).toBe(2);
  });

  it('a support file that fails to load is a support-error and fails the run', async () => {
    const v = await build({ outcome: { kind: 'fatal', problem: problem('SPEC_SUPPORT_LOAD', { hint: 'fix the import' }), stack: `Error: x\n    at load (${ROOT}/steps/broken.ts:1:7)\n    at x (${ROOT}/node_modules/@cucumber/cucumber/lib/a.js:1:1)`, log: '' } });
    expect(v.failures).toHaveLength(1);
    expect(v.failures[0]).toMatchObject({ kind: 'support-error', code: 'SPEC_SUPPORT_LOAD', hint: 'fix the import', stack: 'at load (steps/broken.ts:1:7)' });
    expect(v.exitCode).toBeGreaterThan(0);
  });

  it('cucumber missing (fatal outcome) is exit 2', async () => {
    const v = await build({ outcome: { kind: 'fatal', problem: problem('SPEC_CUCUMBER_MISSING', { hint: 'npm i -D @cucumber/cucumber' }), log: '' } });
    expect(v.exitCode).toBe(2);
    expect(v.failures[0]).toMatchObject({ kind: 'config-error', code: 'SPEC_CUCUMBER_MISSING' });
    expect(v.scenarios).toEqual([]);
  });

  it('a run timeout names the step it was in, with an excerpt of the source', async () => {
    const v = await build({
      outcome: { kind: 'timeout', progress: { uri: '.spec/compiled/docs/a.md.feature', line: 12, scenario: 'slow one', step: 'When it loops' }, limitMs: 5000, log: '' },
    });
    expect(v.exitCode).toBe(1);
    expect(v.failures[0]).toMatchObject({
      kind: 'timeout',
      code: 'SPEC_RUN_TIMEOUT',
      location: { file: 'docs/a.md', line: 12 },
      scenario: 'slow one',
      step: 'When it loops',
      excerpt: excerpt('docs/a.md', 12),
    });
    expect(v.failures[0]!.message).toContain('"When it loops" did not finish within 5000 ms');
  });

  it('a run timeout before any step is still a located-less timeout', async () => {
    const v = await build({ outcome: { kind: 'timeout', progress: undefined, limitMs: 100, log: '' } });
    expect(v.failures[0]).toMatchObject({ kind: 'timeout', message: 'the run did not finish within 100 ms and was stopped' });
    expect(v.failures[0]!.location).toBeUndefined();
    expect(v.exitCode).toBe(1);
  });

  it('a crash is a run-error with the signal or exit code and the log tail', async () => {
    const bySignal = await build({ outcome: { kind: 'crash', exitCode: null, signal: 'SIGKILL', log: 'some output\n' } });
    expect(bySignal.failures[0]).toMatchObject({ kind: 'run-error', code: 'SPEC_RUN_CRASH' });
    expect(bySignal.failures[0]!.message).toBe('the runner exited unexpectedly (SIGKILL):\nsome output');
    const byCode = await build({ outcome: { kind: 'crash', exitCode: 3, signal: null, log: '' } });
    expect(byCode.failures[0]!.message).toBe('the runner exited unexpectedly (exit code 3)');
    expect(byCode.exitCode).toBe(1);
  });

  it('a cancelled run keeps the scenarios that finished, and judges no step unused', async () => {
    const partial = result({ scenarios: [scenario(), scenario({ line: 9, name: 'b' })], definitions: [definition(), definition({ id: 'd2', used: false })], success: false });
    const v = await build({ outcome: { kind: 'aborted', log: '', partial } });
    expect(v.scenarios.map((s) => [s.id, s.status])).toEqual([['features/cart.feature:3', 'passed'], ['features/cart.feature:9', 'passed']]);
    expect(v.unusedSteps).toEqual([]);
    expect(v.failures.map((f) => f.code)).toEqual(['SPEC_CANCELLED']);
    expect([v.exitCode, v.summary]).toEqual([1, 'spec: 2 passed, 1 failed (cancelled)']);
  });

  it('every undefined step of a scenario is a failure of its own, also after a failed step or a failed hook', async () => {
    const steps = [step({ status: 'failed', error: { message: 'boom' } }), step({ line: 5, text: 'one', status: 'undefined', definitionIds: [] }), step({ line: 6, text: 'two', status: 'undefined', definitionIds: [] })];
    const v = await build({ outcome: ran(result({ success: false, scenarios: [scenario({ status: 'failed', steps }), scenario({ line: 9, status: 'failed', steps: [step({ line: 10, status: 'undefined', definitionIds: [] })], hookFailures: [{ name: 'db', uri: 'steps/hooks.ts', line: 2, status: 'failed', error: { message: 'no db' } }] })] })) });
    expect(v.failures.map((f) => [f.kind, f.location && `${f.location.file}:${f.location.line}`, f.scenarioId, Boolean(f.snippet)])).toEqual([
      ['failed-step', 'features/cart.feature:4', 'features/cart.feature:3', false],
      ['undefined', 'features/cart.feature:5', 'features/cart.feature:3', true],
      ['undefined', 'features/cart.feature:6', 'features/cart.feature:3', true],
      ['hook-error', 'steps/hooks.ts:2', 'features/cart.feature:9', false],
      ['undefined', 'features/cart.feature:10', 'features/cart.feature:9', true],
    ]);
    expect(v.summary).toBe('spec: 0 passed, 2 failed');
  });

  it('a failure in an outline example is located at its example row', async () => {
    const v = await build({ outcome: ran(result({ success: false, scenarios: [scenario({ line: 12, example: true, status: 'failed', steps: [step({ line: 5, status: 'failed', error: { message: 'no' } })] })] })) });
    expect(v.failures[0]).toMatchObject({ location: { file: 'features/cart.feature', line: 12 }, scenarioId: 'features/cart.feature:12' });
    expect(v.failures[0]!.hint).toContain('features/cart.feature:5');
  });

  it('an aborted run is a run-error, exit 1', async () => {
    const v = await build({ outcome: { kind: 'aborted', log: '' } });
    expect(v.failures).toEqual([{ kind: 'run-error', code: 'SPEC_CANCELLED', message: 'the run was cancelled (interrupted) and its child processes stopped', hint: 'run again to get a full verdict' }]);
    expect(v.exitCode).toBe(1);
    expect(v.summary).toBe('spec: 0 passed, 1 failed (cancelled)');
  });
});

describe('buildVerdict: gates', () => {
  it('passed and skipped gates are no failures', async () => {
    const v = await build({ gates: [gate(), gate({ name: 'lint', status: 'skipped', exitCode: null })] });
    expect(v.exitCode).toBe(0);
    expect(v.failures).toEqual([]);
    expect(v.gates).toHaveLength(2);
  });

  it('a failed gate fails the run with its exit code and the last 15 log lines', async () => {
    const log = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n');
    const v = await build({ gates: [gate({ status: 'failed', exitCode: 2, log })] });
    expect(v.exitCode).toBe(1);
    const f = v.failures[0]!;
    expect(f.kind).toBe('gate-error');
    expect(f.code).toBe('SPEC_GATE');
    expect(f.message.split('\n')[0]).toBe('gate "typecheck" failed (exit 2):');
    expect(f.message.split('\n').slice(1)).toEqual(Array.from({ length: 15 }, (_, i) => `line ${i + 6}`));
    expect(f.hint).toBe('run `tsc --noEmit` to see all of it, and fix what it reports');
  });

  it('timed-out and unrunnable gates say so', async () => {
    const v = await build({ gates: [gate({ status: 'timeout', exitCode: null }), gate({ name: 'lint', command: ['eslint', '.'], status: 'error', exitCode: null, log: 'command not found: eslint' })] });
    expect(v.failures.map((f) => f.message)).toEqual(['gate "typecheck" timed out', 'gate "lint" could not run:\ncommand not found: eslint']);
    expect(v.exitCode).toBe(1);
  });
});

describe('buildVerdict: unused steps', () => {
  const r = () => result({ scenarios: [scenario()], definitions: [definition(), definition({ id: 'd2', pattern: 'never used', line: 20, used: false })] });

  it('lists unused definitions on a full run', async () => {
    const v = await build({ outcome: ran(r()) });
    expect(v.unusedSteps).toEqual([{ pattern: 'never used', file: 'steps/cart.steps.ts', line: 20 }]);
    expect(v.exitCode).toBe(0);
  });

  it('is empty when the run was filtered', async () => {
    expect((await build({ filtered: true, outcome: ran(r()) })).unusedSteps).toEqual([]);
  });

  it('is empty when nothing ran', async () => {
    expect((await build({ outcome: { kind: 'aborted', log: '' } })).unusedSteps).toEqual([]);
  });
});

describe('judge: the closing line and the exit code', () => {
  const sc = (status: Verdict['scenarios'][number]['status'], id = `f.feature:${Math.random()}`) => ({ id, status });
  const base = { failures: [] as Failure[], gates: [] as GateResult[], strict: true, isBadInput: () => false };

  it('spec: N passed, N failed, with skipped only when there are any', () => {
    expect(judge({ ...base, scenarios: [] }).summary).toBe('spec: 0 passed, 0 failed');
    expect(judge({ ...base, scenarios: [sc('passed'), sc('passed'), sc('passed'), sc('failed'), sc('failed')] }).summary).toBe('spec: 3 passed, 2 failed');
    expect(judge({ ...base, scenarios: [sc('passed'), sc('failed'), sc('skipped'), sc('skipped')] }).summary).toBe('spec: 1 passed, 1 failed, 2 skipped');
  });

  it('undefined, ambiguous and pending count as failed; without strict, undefined and pending as skipped', () => {
    const scenarios = [sc('passed'), sc('undefined'), sc('ambiguous'), sc('pending')];
    expect(judge({ ...base, scenarios })).toMatchObject({ summary: 'spec: 1 passed, 3 failed', exitCode: 1 });
    expect(judge({ ...base, scenarios, strict: false })).toMatchObject({ summary: 'spec: 1 passed, 1 failed, 2 skipped', exitCode: 1 });
  });

  it('a failed gate and failures outside any scenario are counted and named', () => {
    const gates = [gate({ status: 'failed', name: 'typecheck' })];
    expect(judge({ ...base, scenarios: [sc('passed')], gates }).summary).toBe('spec: 1 passed, 1 failed (gate typecheck)');
    const parse: Failure = { kind: 'parse-error', code: 'SPEC_PARSE', message: 'x', hint: 'y' };
    expect(judge({ ...base, scenarios: [sc('passed'), sc('failed')], failures: [parse, parse], gates, isBadInput: (f) => f.code === 'SPEC_PARSE' })).toMatchObject({
      summary: 'spec: 1 passed, 4 failed (1 scenario, gate typecheck, 2 parse errors)',
      exitCode: 2,
    });
  });

  it('a skipped gate is named last with its reason: neither passed nor failed', () => {
    const gates = [gate({ status: 'skipped', name: 'debt', reason: 'narrowed run' })];
    expect(judge({ ...base, scenarios: [sc('passed'), sc('skipped')], gates })).toMatchObject({ summary: 'spec: 1 passed, 0 failed, 1 skipped, gate debt skipped: narrowed run', exitCode: 0 });
    expect(judge({ ...base, scenarios: [sc('passed')], gates: [gate({ status: 'skipped', name: 'lint' })] }).summary).toBe('spec: 1 passed, 0 failed, gate lint skipped');
  });

  it('a failure of a failing scenario is not counted twice; one of a scenario counted as passed is', () => {
    const failure: Failure = { kind: 'failed-step', code: 'SPEC_STEP_FAILED', scenarioId: 'a.feature:3', message: 'x', hint: 'y' };
    expect(judge({ ...base, scenarios: [sc('failed', 'a.feature:3')], failures: [failure, { ...failure, kind: 'undefined' }] }).summary).toBe('spec: 0 passed, 1 failed');
    expect(judge({ ...base, scenarios: [sc('passed', 'a.feature:3')], failures: [failure] })).toMatchObject({ summary: 'spec: 1 passed, 1 failed (failed step)', exitCode: 1 });
  });

  it('a draft scenario is counted apart: its failure is named but fails nothing, and it never counts as passed', () => {
    const draftFailure: Failure = { kind: 'failed-step', code: 'SPEC_STEP_FAILED', scenarioId: 'd.md:5', message: 'x', hint: 'y', draft: true };
    const draft = { id: 'd.md:5', status: 'failed' as const, draft: true as const };
    expect(judge({ ...base, scenarios: [sc('passed'), draft], failures: [draftFailure] })).toMatchObject({ summary: 'spec: 1 passed, 0 failed, 1 draft (1 failed)', exitCode: 0 });
    expect(judge({ ...base, scenarios: [sc('failed'), { ...draft, status: 'passed' }] })).toMatchObject({ summary: 'spec: 0 passed, 1 failed, 1 draft', exitCode: 1 });
  });

  // The promise the closing line makes: "0 failed" only with exit 0, whatever went wrong where.
  const statuses = ['passed', 'failed', 'undefined', 'ambiguous', 'pending', 'skipped', 'unknown'] as const;
  for (const kind of [undefined, ...FailureKindSchema.options]) {
    for (const gateStatus of [undefined, ...GateStatusSchema.options]) {
      for (const strict of [true, false]) {
        for (const attached of [false, true]) {
          it(`"0 failed" only with exit 0: failure ${kind ?? 'none'}${attached ? ' of a scenario' : ''}, gate ${gateStatus ?? 'none'}, ${strict ? 'strict' : 'lenient'}`, () => {
            for (const status of statuses) {
              const failures: Failure[] = kind ? [{ kind, code: kind === 'parse-error' ? 'SPEC_PARSE' : 'SPEC_HOOK', message: 'm', hint: 'h', ...(attached ? { scenarioId: 'a.feature:3' } : {}) }] : [];
              const gates = gateStatus ? [gate({ status: gateStatus })] : [];
              const j = judge({ scenarios: [sc(status, 'a.feature:3'), sc('passed')], failures, gates, strict, isBadInput: (f) => f.code === 'SPEC_PARSE' });
              expect(/ 0 failed/.test(j.summary), `${j.summary} with exit ${j.exitCode} (scenario ${status})`).toBe(j.exitCode === 0);
              expect(j.status).toBe(j.exitCode === 0 ? 'passed' : j.exitCode === 1 ? 'failed' : 'error');
            }
          });
        }
      }
    }
  }

  it('through buildVerdict: every way a run can end without a result is counted', async () => {
    const outcomes: RunOutcome[] = [
      { kind: 'fatal', problem: problem('SPEC_SUPPORT_LOAD'), log: '' },
      { kind: 'timeout', progress: undefined, limitMs: 100, log: '' },
      { kind: 'crash', exitCode: 1, signal: null, log: '' },
      { kind: 'aborted', log: '' },
      ran(result({ runErrors: [{ message: 'BeforeAll failed' }], success: false })),
      ran(result({ undefinedParameterTypes: [{ name: 'colour', expression: '{colour}' }] })),
    ];
    const problems = [[], [problem('SPEC_PARSE')], [problem('SPEC_CONFIG_INVALID')]];
    for (const outcome of outcomes) {
      for (const p of problems) {
        for (const gates of [[], [gate({ status: 'failed' })], [gate({ status: 'passed' })]]) {
          const v = await build({ outcome, problems: p, gates });
          expect(v.exitCode).not.toBe(0);
          expect(v.summary).not.toMatch(/ 0 failed/);
        }
      }
    }
    const passing = await build({ gates: [gate({ status: 'passed' })] });
    expect([passing.exitCode, passing.summary]).toEqual([0, 'spec: 1 passed, 0 failed']);
  });

  it('the verdict summary counts scenarios by status, skipped included', async () => {
    const v = await build({ outcome: ran(result({ scenarios: [scenario(), scenario({ line: 5, status: 'skipped', steps: [step({ status: 'skipped' })] })] })) });
    expect(v.summary).toBe('spec: 1 passed, 0 failed, 1 skipped');
    expect(v.exitCode).toBe(0);
  });
});

describe('userStack', () => {
  const stack = [
    'AssertionError: nope',
    `    at World.<anonymous> (${ROOT}/steps/cart.steps.ts:12:5)`,
    `    at Cart.total (file://${ROOT}/src/cart.ts:30:11)`,
    `    at run (${ROOT}/node_modules/@cucumber/cucumber/lib/runtime.js:1:1)`,
    `    at compiled (${ROOT}/.spec/compiled/docs/a.md.feature:1:1)`,
    '    at node:internal/process/task_queues:95:5',
    `    at other (${ROOT}-other/src/x.ts:1:1)`,
    `    at Object.<anonymous> (/somewhere/else/lib.js:3:3)`,
  ].join('\n');

  it('keeps only project frames, project-relative, in order', () => {
    expect(userStack(stack, ROOT)).toBe(['at World.<anonymous> (steps/cart.steps.ts:12:5)', 'at Cart.total (src/cart.ts:30:11)'].join('\n'));
  });

  it('accepts a root with a trailing slash', () => {
    expect(userStack(stack, `${ROOT}/`)).toBe(userStack(stack, ROOT));
  });

  it('keeps at most 8 frames', () => {
    const deep = Array.from({ length: 12 }, (_, i) => `    at f${i} (${ROOT}/src/f.ts:${i + 1}:1)`).join('\n');
    const frames = userStack(`Error: x\n${deep}`, ROOT)!.split('\n');
    expect(frames).toHaveLength(8);
    expect(frames[0]).toBe('at f0 (src/f.ts:1:1)');
  });

  it('is undefined when no frame is the user\'s', () => {
    expect(userStack(`Error: x\n    at run (${ROOT}/node_modules/a.js:1:1)\n    at node:internal/x:1:1`, ROOT)).toBeUndefined();
    expect(userStack('just a message', ROOT)).toBeUndefined();
  });
});

describe('verdict JSON Schema', () => {
  it('the committed verdict.schema.json is exactly verdictJsonSchema()', () => {
    const file = path.resolve(import.meta.dirname, '..', 'verdict.schema.json');
    const committed = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    expect(committed).toEqual(JSON.parse(JSON.stringify(verdictJsonSchema())));
  });

  it('describes the verdict fields and the exit codes', () => {
    const schema = verdictJsonSchema() as { $id: string; properties: Record<string, unknown>; required: string[] };
    expect(schema.$id).toBe('https://specloop.dev/verdict.schema.json');
    expect(Object.keys(schema.properties)).toEqual(Object.keys(VerdictSchema.shape));
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'status', 'exitCode', 'failures', 'summary']));
  });

  it('VerdictSchema rejects a verdict with a bad exit code or status', async () => {
    const v = await build();
    expect(VerdictSchema.safeParse({ ...v, exitCode: 3 }).success).toBe(false);
    expect(VerdictSchema.safeParse({ ...v, status: 'ok' }).success).toBe(false);
    expect(VerdictSchema.safeParse({ ...v, failures: [{ kind: 'nope', code: 'X', message: 'm', hint: 'h' }] }).success).toBe(false);
  });
});

describe('buildVerdict: scenarios with no steps', () => {
  const stepless = scenario({ uri: '.spec/compiled/docs/prd.md.feature', line: 12, name: 'later', steps: [] });

  it('fails one under strict mode, at its line, with a code and a hint', async () => {
    const v = await build({ outcome: ran(result({ scenarios: [scenario(), stepless] })) });
    expect(v.exitCode).toBe(1);
    expect(v.scenarios[1]!.status).toBe('failed');
    expect(v.failures).toEqual([expect.objectContaining({ kind: 'no-steps', code: 'SPEC_NO_STEPS', location: { file: 'docs/prd.md', line: 12 }, scenario: 'later', hint: expect.stringContaining('add steps') })]);
    expect(v.summary).toBe('spec: 1 passed, 1 failed');
  });

  it('counts one as skipped with a warning when strict is off', async () => {
    const v = await build({ strict: false, outcome: ran(result({ scenarios: [stepless] })) });
    expect(v.exitCode).toBe(0);
    expect(v.scenarios[0]!.status).toBe('skipped');
    expect(v.failures).toEqual([]);
    expect(v.warnings.map((w) => [w.code, w.location])).toEqual([['SPEC_NO_STEPS', { file: 'docs/prd.md', line: 12 }]]);
    expect(v.summary).toBe('spec: 0 passed, 0 failed, 1 skipped');
  });

  it('leaves a scenario a hook failed or skipped to the hook', async () => {
    const hooked = { ...stepless, status: 'failed' as const, hookFailures: [{ name: 'db', uri: 'steps/hooks.ts', line: 3, status: 'failed' as const, error: { message: 'no db' } }] };
    const skipped = { ...stepless, line: 20, status: 'skipped' as const };
    const v = await build({ outcome: ran(result({ scenarios: [hooked, skipped] })) });
    expect(v.failures.map((f) => f.kind)).toEqual(['hook-error']);
    expect(v.scenarios.map((s) => s.status)).toEqual(['failed', 'skipped']);
  });
});

describe('buildVerdict: drafts and warnings', () => {
  const draftUri = '.spec/compiled/docs/draft.md.feature';
  const failing = scenario({ uri: draftUri, line: 5, name: 'not built yet', status: 'failed', steps: [step({ status: 'failed', line: 6, error: { message: 'boom' } })] });
  const passing = scenario({ uri: draftUri, line: 9, name: 'already works' });
  const isDraft = (file: string) => file === 'docs/draft.md';

  it('runs drafts apart: their failures are listed last and flagged, never fail the run, never count as passed', async () => {
    const v = await build({ isDraft, outcome: ran(result({ success: false, scenarios: [failing, scenario(), passing] })) });
    expect(v.exitCode).toBe(0);
    expect(v.counts.scenarios).toEqual({ ...emptyCounts(), total: 1, passed: 1, flaky: 0 });
    expect(v.counts.drafts).toEqual({ ...emptyCounts(), total: 2, passed: 1, failed: 1, flaky: 0 });
    expect(v.counts.steps.total).toBe(1);
    expect(v.failures).toEqual([expect.objectContaining({ kind: 'failed-step', draft: true, location: expect.objectContaining({ file: 'docs/draft.md', line: 6 }) })]);
    expect(v.scenarios.filter((s) => s.draft).map((s) => s.id)).toEqual(['docs/draft.md:5', 'docs/draft.md:9']);
    expect(v.summary).toBe('spec: 1 passed, 0 failed, 2 draft (1 failed)');
  });

  it('still fails the run for a failure outside the drafts, and puts it before the draft ones', async () => {
    const broken = scenario({ status: 'failed', steps: [step({ status: 'failed', error: { message: 'real' } })] });
    const v = await build({ isDraft, outcome: ran(result({ success: false, scenarios: [failing, broken] })) });
    expect(v.exitCode).toBe(1);
    expect(v.failures.map((f) => f.draft ?? false)).toEqual([false, true]);
    expect(v.summary).toBe('spec: 0 passed, 1 failed, 1 draft (1 failed)');
  });

  it('fails a stepless draft scenario as a draft', async () => {
    const v = await build({ isDraft, outcome: ran(result({ scenarios: [scenario({ uri: draftUri, line: 14, steps: [] })] })) });
    expect(v.exitCode).toBe(0);
    expect(v.failures).toEqual([expect.objectContaining({ kind: 'no-steps', draft: true })]);
    expect(v.counts.scenarios.total).toBe(0);
  });

  it('carries compile warnings into the verdict without changing the exit code', async () => {
    const warning: SpecProblem = { code: 'SPEC_TABLE_NO_DELIMITER', message: 'no | --- | row', location: { file: 'docs/prd.md', line: 7, column: 3 }, hint: 'add one' };
    const v = await build({ warnings: [warning] });
    expect(v.exitCode).toBe(0);
    expect(v.warnings).toEqual([{ code: 'SPEC_TABLE_NO_DELIMITER', message: 'no | --- | row', location: { file: 'docs/prd.md', line: 7, column: 3 }, hint: 'add one' }]);
  });
});

describe('buildVerdict: hints that teach', () => {
  const arity = (has: number, wants: number) => `function has ${has} arguments, should have ${wants} (if synchronous or returning a promise) or ${wants + 1} (if accepting a callback)`;
  const failing = (s: Partial<RunStep>) => ran(result({ scenarios: [scenario({ status: 'failed', steps: [step({ status: 'failed', ...s })] })] }));

  it.each([
    [0, 1, 'dataTable', 'the step has a data table, which cucumber passes after the pattern\'s parameters: add a last parameter `table: DataTable` to the step definition at steps/cart.steps.ts:7'],
    [1, 2, 'docString', 'the step has a doc string, which cucumber passes after the pattern\'s parameters: add a last parameter `docString: string` to the step definition at steps/cart.steps.ts:7'],
    [0, 2, undefined, 'the pattern captures 2 values: give the step definition at steps/cart.steps.ts:7 one parameter for each'],
    [4, 2, 'dataTable', "the step definition at steps/cart.steps.ts:7 takes more parameters than the pattern's 1 value plus a data table: remove the extra ones"],
    [3, 1, undefined, 'the step has no data table or doc string, and the pattern captures 1 value: remove the extra parameters from the step definition at steps/cart.steps.ts:7, or give the step the table or doc string it expects'],
  ] as const)('an arity error (has %i, wants %i, argument %s) says which parameter is missing or extra', async (has, wants, argument, hint) => {
    const v = await build({ outcome: failing({ error: { message: arity(has, wants) }, ...(argument ? { argument } : {}) }) });
    expect(v.failures[0]!.hint).toBe(hint);
  });

  it('a step the watchdog cut for blocking the event loop gets a hint about loops, not await', async () => {
    const v = await build({ outcome: failing({ error: { message: 'timed out: the step blocked the event loop for more than 5000 ms and was stopped' } }) });
    expect(v.failures[0]!.kind).toBe('timeout');
    expect(v.failures[0]!.hint).toMatch(/endless or very long loop/);
    expect(v.failures[0]!.hint).not.toMatch(/await/);
  });

  it('a failure carries the Rule and the keyword as the spec wrote them; an outline example takes the dialect\'s Scenario', async () => {
    const rule = { keyword: 'Règle', name: 'Remise' };
    const v = await build({ outcome: ran(result({ scenarios: [
      scenario({ status: 'failed', keyword: 'Scénario', rule, language: 'fr', steps: [step({ status: 'failed', error: { message: 'x' } })] }),
      scenario({ line: 12, example: true, status: 'failed', keyword: 'Plan du scénario', language: 'fr', steps: [step({ status: 'failed', error: { message: 'y' } })] }),
    ] })) });
    expect(v.failures.map((f) => [f.scenarioKeyword, f.rule])).toEqual([['Scénario', rule], ['Scénario', undefined]]);
  });
});

describe('buildVerdict: retries', () => {
  const failedStep = step({ line: 6, status: 'failed', error: { message: 'no order found\nmore detail', expected: '1', actual: '0' } });
  const flakyRun = scenario({ line: 9, name: 'flaky', attempts: 3, failedAttempts: [scenario({ line: 9, status: 'failed', steps: [failedStep] }), scenario({ line: 9, status: 'failed', steps: [failedStep] })] });
  const outcome = ran(result({ scenarios: [scenario(), flakyRun] }));

  it('a scenario that passed only on a retry is flaky: counted apart from passed, listed with each failed attempt, named in the closing line', async () => {
    const v = await build({ outcome });
    expect(v.exitCode).toBe(0);
    expect(v.counts.scenarios).toEqual({ ...emptyCounts(), total: 2, passed: 1, flaky: 1 });
    expect(v.scenarios[1]).toMatchObject({ id: 'features/cart.feature:9', status: 'passed', attempts: 3, flaky: true });
    expect(v.scenarios[0]!.flaky).toBeUndefined();
    expect(v.flaky).toEqual([
      {
        id: 'features/cart.feature:9',
        name: 'flaky',
        file: 'features/cart.feature',
        line: 9,
        attempts: 3,
        failures: [1, 2].map((attempt) => ({ attempt, message: 'no order found\nmore detail', location: { file: 'features/cart.feature', line: 6, column: 5 }, step: 'Given a step', expected: '1', actual: '0' })),
      },
    ]);
    expect(v.failures).toEqual([]);
    expect(v.summary).toBe('spec: 1 passed, 0 failed, 1 flaky');
  });

  it('--fail-on-flaky: each flaky scenario is a SPEC_FLAKY failure at its line, and the closing line counts it failed', async () => {
    const v = await build({ outcome, failOnFlaky: true });
    expect(v.exitCode).toBe(1);
    expect(v.failures).toHaveLength(1);
    expect(v.failures[0]).toMatchObject({ code: 'SPEC_FLAKY', kind: 'flaky', scenarioId: 'features/cart.feature:9', location: { file: 'features/cart.feature', line: 9 } });
    expect(v.failures[0]!.message).toContain('it failed 2 times, then passed on attempt 3');
    expect(v.failures[0]!.message).toContain('attempt 2: features/cart.feature:6 no order found (expected 1, actual 0)');
    expect(v.summary).toBe('spec: 1 passed, 1 failed (flaky scenario)');
  });

  it('no retry taken: no flaky list, a zero flaky count', async () => {
    const v = await build({ failOnFlaky: true });
    expect(v.flaky).toBeUndefined();
    expect(v.counts.scenarios.flaky).toBe(0);
    expect(v.exitCode).toBe(0);
  });

  it('a scenario that failed every attempt is a failure that says how many it had, and is not flaky', async () => {
    const v = await build({ outcome: ran(result({ success: false, scenarios: [scenario({ status: 'failed', steps: [failedStep], attempts: 2, failedAttempts: [scenario({ status: 'failed', steps: [failedStep] })] })] })) });
    expect(v.exitCode).toBe(1);
    expect(v.flaky).toBeUndefined();
    expect(v.counts.scenarios).toMatchObject({ failed: 1, flaky: 0 });
    expect(v.failures[0]).toMatchObject({ code: 'SPEC_STEP_FAILED', attempts: 2 });
  });

  it('a flaky draft scenario never fails the run, even with --fail-on-flaky', async () => {
    const v = await build({ outcome, failOnFlaky: true, isDraft: () => true });
    expect(v.exitCode).toBe(0);
    expect(v.failures[0]).toMatchObject({ code: 'SPEC_FLAKY', draft: true });
    expect(v.counts.drafts).toMatchObject({ total: 2, flaky: 1 });
  });
});
