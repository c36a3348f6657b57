import { Chalk } from 'chalk';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SpecloopError } from '../src/core/errors.js';
import { pickReporter } from '../src/cli/shared.js';
import { REPORTER_NAMES } from '../src/core/reporters.js';
import { parseCommandArgs, splitList } from '../src/cli/args.js';
import { buildVerdict, loadVerdictTools, type VerdictInput } from '../src/report/build-verdict.js';
import { colorFor, colorLevel } from '../src/report/color.js';
import { renderAgent } from '../src/report/agent.js';
import { renderTerminal } from '../src/report/terminal.js';
import type { RunOutcome } from '../src/run/runner.js';
import type { RunScenario } from '../src/core/run-result.js';
import type { Verdict } from '../src/report/verdict.js';

const ANSI = /\u001b\[/;
const tty = { write: () => true, isTTY: true };
const pipe = { write: () => true, isTTY: false };

describe('colorLevel', () => {
  it('a TTY gets colour, a pipe does not', () => {
    expect(colorLevel(tty, {})).toBe(2);
    expect(colorLevel(pipe, {})).toBe(0);
    expect(colorLevel({ write: () => true }, {})).toBe(0);
  });

  it('truecolor terminals get level 3, dumb terminals none', () => {
    expect(colorLevel(tty, { COLORTERM: 'truecolor' })).toBe(3);
    expect(colorLevel(tty, { TERM: 'dumb' })).toBe(0);
  });

  it('NO_COLOR (non-empty) turns colour off, even on a TTY and even with FORCE_COLOR', () => {
    expect(colorLevel(tty, { NO_COLOR: '1' })).toBe(0);
    expect(colorLevel(tty, { NO_COLOR: '1', FORCE_COLOR: '3' })).toBe(0);
  });

  it('an empty NO_COLOR is ignored', () => {
    expect(colorLevel(tty, { NO_COLOR: '' })).toBe(2);
  });

  it('FORCE_COLOR=0 turns colour off on a TTY', () => {
    expect(colorLevel(tty, { FORCE_COLOR: '0' })).toBe(0);
    expect(colorLevel(tty, { FORCE_COLOR: 'false' })).toBe(0);
  });

  it('FORCE_COLOR=1/2/3 forces that level on a pipe', () => {
    expect(colorLevel(pipe, { FORCE_COLOR: '1' })).toBe(1);
    expect(colorLevel(pipe, { FORCE_COLOR: '2' })).toBe(2);
    expect(colorLevel(pipe, { FORCE_COLOR: '3' })).toBe(3);
  });

  it('FORCE_COLOR with no level (empty, "true") means basic colour', () => {
    expect(colorLevel(pipe, { FORCE_COLOR: '' })).toBe(1);
    expect(colorLevel(pipe, { FORCE_COLOR: 'true' })).toBe(1);
  });

  it('colorFor makes a chalk of that level', () => {
    expect(colorFor(pipe, {}).level).toBe(0);
    expect(colorFor(pipe, { FORCE_COLOR: '3' }).level).toBe(3);
    expect(colorFor(pipe, { FORCE_COLOR: '1' }).red('x')).toMatch(ANSI);
  });
});

const ROOT = '/proj';

function scenario(overrides: Partial<RunScenario>): RunScenario {
  return { uri: 'features/cart.feature', line: 3, name: 'pay', feature: 'Cart', tags: [], status: 'passed', durationMs: 1, steps: [], hookFailures: [], ...overrides };
}

const SOURCE = ['Feature: Cart', '', '  Scenario: pay', '    Given a cart', '    When I pay 3 euros', '    Then I get a receipt', '', '  Scenario: browse', '    Given a shelf with 2 items', '', '  Scenario: later'];

async function verdictOf(outcome: RunOutcome, extra: Partial<VerdictInput> = {}): Promise<Verdict> {
  return buildVerdict({
    root: ROOT,
    version: '0.1.0',
    startedAt: new Date(0),
    durationMs: 1500,
    problems: [],
    outcome,
    gates: [],
    filtered: false,
    strict: true,
    sourceOf: (uri) => uri,
    excerpt: (_file, line) => {
      const startLine = Math.max(1, line - 1);
      return { startLine, lines: SOURCE.slice(startLine - 1, line + 1) };
    },
    tools: await loadVerdictTools(outcome),
    ...extra,
  });
}

const failedRun: RunOutcome = {
  kind: 'result',
  log: '',
  result: {
    cucumberVersion: '12.9.0',
    definitions: [
      { id: 'd1', pattern: 'a cart', patternType: 'cucumber', uri: 'steps/cart.ts', line: 3, used: true },
      { id: 'd2', pattern: 'I pay {int} euros', patternType: 'cucumber', uri: 'steps/cart.ts', line: 6, used: true },
      { id: 'd3', pattern: 'an old step', patternType: 'cucumber', uri: 'steps/old.ts', line: 2, used: false },
    ],
    parameterTypes: [],
    undefinedParameterTypes: [],
    globalSupportFiles: [],
    runErrors: [],
    success: false,
    scenarios: [
      scenario({
        status: 'failed',
        steps: [
          { keyword: 'Given', text: 'a cart', line: 4, column: 5, status: 'passed', durationMs: 1, definitionIds: ['d1'] },
          {
            keyword: 'When',
            text: 'I pay 3 euros',
            line: 5,
            column: 5,
            status: 'failed',
            durationMs: 1,
            definitionIds: ['d2'],
            error: { message: 'Expected values to be equal:\n3 !== 4', generatedMessage: true, expected: '3', actual: '4', stack: `AssertionError\n    at pay (${ROOT}/src/cart.ts:9:3)` },
          },
          { keyword: 'Then', text: 'I get a receipt', line: 6, column: 5, status: 'skipped', durationMs: 0, definitionIds: [] },
        ],
      }),
      scenario({ line: 8, name: 'browse', status: 'undefined', steps: [{ keyword: 'Given', text: 'a shelf with 2 items', line: 9, column: 5, status: 'undefined', durationMs: 0, definitionIds: [] }] }),
      scenario({ line: 11, name: 'later', status: 'skipped', steps: [] }),
    ],
  },
};

function emptyVerdict(): Verdict {
  const counts = { total: 0, passed: 0, failed: 0, undefined: 0, ambiguous: 0, pending: 0, skipped: 0 };
  return {
    schemaVersion: 3,
    tool: { name: 'specloop', version: '0.1.0' },
    status: 'error',
    exitCode: 2,
    startedAt: new Date(0).toISOString(),
    durationMs: 0,
    counts: { scenarios: counts, steps: { ...counts } },
    scenarios: [],
    failures: [],
    warnings: [],
    gates: [],
    unusedSteps: [],
    debt: null,
    summary: 'spec: 0 passed, 0 failed',
  };
}

describe('renderTerminal', () => {
  it('names a gate without a command (the built-in debt gate) without empty parentheses', async () => {
    const verdict = await verdictOf(failedRun, { gates: [{ name: 'debt', command: [], status: 'failed', durationMs: 200, exitCode: 1, log: '' }] });
    const text = renderTerminal(verdict, new Chalk({ level: 0 }));
    expect(text).toContain('✗ gate debt 0.2s failed');
    expect(text).not.toContain('()');
  });

  it('shows each failure with its excerpt, the > marker on the failing line, the hint, and ends with the summary', async () => {
    const verdict = await verdictOf(failedRun, { gates: [{ name: 'typecheck', command: ['tsc', '--noEmit'], status: 'passed', durationMs: 2300, exitCode: 0, log: '' }] });
    const text = renderTerminal(verdict, new Chalk({ level: 0 }));
    expect(text).not.toMatch(ANSI);
    const lines = text.split('\n');
    expect(text.endsWith('\n')).toBe(true);
    expect(lines[lines.length - 2]).toBe('spec: 0 passed, 2 failed, 1 skipped');
    expect(verdict.summary).toBe('spec: 0 passed, 2 failed, 1 skipped');

    // the title names the scenario as `spec verify` takes it, the step line the exact place
    expect(lines[0]).toBe(' FAILED   features/cart.feature:3  Scenario: pay');
    expect(lines[1]).toBe('  When I pay 3 euros  features/cart.feature:5:5');
    expect(lines).toContain('  > 5 |     When I pay 3 euros');
    expect(lines).toContain('    4 |     Given a cart');
    // lines 8-10 are shown for the second failure: the gutter is as wide as "10"
    expect(lines.filter((l) => l.startsWith('  > '))).toEqual(['  > 5 |     When I pay 3 euros', '  >  9 |     Given a shelf with 2 items']);
    expect(lines).toContain('    10 | ');
    // the caret under column 5
    const marker = lines.indexOf('  > 5 |     When I pay 3 euros');
    expect(lines[marker + 1]).toBe(`  ${' '.repeat('> 5 | '.length)}${' '.repeat(4)}^`);
    expect(text).toContain('  - 3');
    expect(text).toContain('  + 4');
    expect(text).toContain('at pay (src/cart.ts:9:3)');
    expect(text).toContain(`  → ${verdict.failures[0]!.hint}`);
    // the undefined step's snippet and hint
    expect(text).toContain(' UNDEFINED   features/cart.feature:8  Scenario: browse');
    expect(text).toContain('  Given a shelf with 2 items  features/cart.feature:9:5');
    expect(text).toContain("    Given('a shelf with {int} items', function (int: number) {");
    expect(text).toContain(`  → ${verdict.failures[1]!.hint}`);
    // unused steps, gates, counts
    expect(text).toContain('1 unused step definition:');
    expect(text).toContain('  steps/old.ts:2  an old step');
    expect(text).toContain('✓ gate typecheck (tsc --noEmit) 2.3s');
    expect(lines[lines.length - 3]).toBe('3 scenarios (1 failed, 1 undefined, 1 skipped), 4 steps, 1.50s');
  });

  it('a passing run is just the counts and the summary line', async () => {
    const outcome: RunOutcome = {
      kind: 'result',
      log: '',
      result: { ...failedRun.result, definitions: [], scenarios: [scenario({ steps: [{ keyword: 'Given', text: 'x', line: 4, column: 5, status: 'passed', durationMs: 1, definitionIds: [] }] })] },
    } as RunOutcome;
    const verdict = await verdictOf(outcome);
    expect(renderTerminal(verdict, new Chalk({ level: 0 }))).toBe('1 scenario (1 passed), 1 steps, 1.50s\nspec: 1 passed, 0 failed\n');
  });

  it('pads the gutter to the widest line number shown (lines 7-9: one digit)', () => {
    const verdict = {
      ...emptyVerdict(),
      failures: [{ kind: 'parse-error' as const, code: 'SPEC_PARSE' as const, location: { file: 'a.feature', line: 8 }, message: 'bad', excerpt: { startLine: 7, lines: ['seven', 'eight', 'nine'] }, hint: 'fix it' }],
    };
    const lines = renderTerminal(verdict, new Chalk({ level: 0 })).split('\n');
    expect(lines.slice(1, 4)).toEqual(['    7 | seven', '  > 8 | eight', '    9 | nine']);
  });

  it('uses colour only when the chalk has a level', async () => {
    const verdict = await verdictOf(failedRun);
    const coloured = renderTerminal(verdict, new Chalk({ level: 1 }));
    expect(coloured).toMatch(ANSI);
    expect(stripVTControlCharacters(coloured)).toBe(renderTerminal(verdict, new Chalk({ level: 0 })));
  });

  it('a failed gate shows as ✗ with its status', async () => {
    const verdict = await verdictOf({ kind: 'result', log: '', result: { ...failedRun.result, scenarios: [], definitions: [] } } as RunOutcome, {
      gates: [{ name: 'lint', command: ['eslint', '.'], status: 'failed', durationMs: 100, exitCode: 1, log: 'src/a.ts: bad' }],
    });
    const text = renderTerminal(verdict, new Chalk({ level: 0 }));
    expect(text).toContain(' GATE FAILED ');
    expect(text).toContain('✗ gate lint (eslint .) 0.1s failed');
    expect(text.trimEnd().split('\n').pop()).toBe('spec: 0 passed, 1 failed (gate lint)');
  });
});

describe('renderAgent', () => {
  it('one dense block per failure, then unused steps, gates and the summary', async () => {
    const verdict = await verdictOf(failedRun, { gates: [{ name: 'typecheck', command: ['tsc'], status: 'passed', durationMs: 1, exitCode: 0, log: '' }] });
    const text = renderAgent(verdict);
    expect(text).not.toMatch(ANSI);
    const lines = text.trimEnd().split('\n');
    expect(lines.slice(0, 8)).toEqual([
      'failed-step SPEC_STEP_FAILED features/cart.feature:5:5',
      '  scenario: pay (features/cart.feature:3)',
      '  step: When I pay 3 euros',
      '  message: Expected values to be equal:',
      '  expected: 3',
      '  actual: 4',
      '  at: pay (src/cart.ts:9:3)',
      `  fix: ${verdict.failures[0]!.hint}`,
    ]);
    expect(lines[8]).toBe('undefined SPEC_UNDEFINED features/cart.feature:9:5');
    expect(lines).toContain('  snippet:');
    expect(lines).toContain("    Given('a shelf with {int} items', function (int: number) {");
    expect(lines.slice(-3)).toEqual(['unused-step steps/old.ts:2 an old step', 'gate typecheck passed', 'spec: 0 passed, 2 failed, 1 skipped']);
  });

  it('continues multi-line messages indented, and lists ambiguous matches', async () => {
    const verdict = await verdictOf({ kind: 'crash', exitCode: 1, signal: null, log: 'line a\nline b' });
    expect(renderAgent(verdict)).toBe(
      ['run-error SPEC_RUN_CRASH', '  message: the runner exited unexpectedly (exit code 1):', '    line a', '    line b', `  fix: ${verdict.failures[0]!.hint}`, 'spec: 0 passed, 1 failed (runner crash)', ''].join('\n'),
    );
  });
});

describe('drafts and warnings in the reports', () => {
  function withDraftAndWarning(): Verdict {
    const v = emptyVerdict();
    v.status = 'passed';
    v.exitCode = 0;
    v.failures = [{ kind: 'no-steps', code: 'SPEC_NO_STEPS', location: { file: 'docs/draft.md', line: 9 }, scenario: 'later', message: 'scenario "later" has no steps', hint: 'add steps', draft: true }];
    v.warnings = [{ code: 'SPEC_TABLE_NO_DELIMITER', location: { file: 'docs/prd.md', line: 7, column: 3 }, message: 'no | --- | row', hint: 'add | --- |' }];
    v.counts.drafts = { total: 1, passed: 0, failed: 1, undefined: 0, ambiguous: 0, pending: 0, skipped: 0 };
    v.summary = 'spec: 0 passed, 0 failed, 1 draft (1 failed)';
    return v;
  }

  it('the human report labels a draft failure DRAFT and lists warnings with their place and fix', () => {
    const text = renderTerminal(withDraftAndWarning(), new Chalk({ level: 0 }));
    expect(text).toContain(' DRAFT NO STEPS   docs/draft.md:9  Scenario: later');
    expect(text).toContain('warning docs/prd.md:7:3 no | --- | row (SPEC_TABLE_NO_DELIMITER)\n  → add | --- |');
    expect(text).toContain('0 scenarios, 1 draft (1 failed), 0 steps');
    expect(text.trimEnd().split('\n').at(-1)).toBe('spec: 0 passed, 0 failed, 1 draft (1 failed)');
  });

  it('the agent report prefixes a draft failure with "draft" and lists warnings', () => {
    const text = renderAgent(withDraftAndWarning());
    expect(text).toContain('draft no-steps SPEC_NO_STEPS docs/draft.md:9');
    expect(text).toContain('warning SPEC_TABLE_NO_DELIMITER docs/prd.md:7:3\n  message: no | --- | row\n  fix: add | --- |');
  });
});

describe('pickReporter', () => {
  it('an explicit reporter wins, even under an agent', () => {
    expect(pickReporter('human', { CLAUDECODE: '1' })).toBe('human');
    expect(pickReporter('json', {})).toBe('json');
    expect(pickReporter('agent', {})).toBe('agent');
  });

  it('a detected agent gets the agent reporter', () => {
    for (const name of ['AI_AGENT', 'CLAUDECODE', 'CLAUDE_CODE', 'CODEX_SANDBOX', 'CURSOR_AGENT', 'GEMINI_CLI']) {
      expect(pickReporter(undefined, { [name]: '1' }), name).toBe('agent');
    }
    expect(pickReporter(undefined, { CODEX_ANYTHING: 'x' })).toBe('agent');
  });

  it('people get the human reporter; empty agent variables do not count', () => {
    expect(pickReporter(undefined, {})).toBe('human');
    expect(pickReporter(undefined, { CLAUDECODE: '' })).toBe('human');
  });

  it('an unknown reporter is SPEC_USAGE listing the known ones', () => {
    let error: unknown;
    try {
      pickReporter('tap', {});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SpecloopError);
    expect((error as SpecloopError).problem).toEqual({ code: 'SPEC_USAGE', message: 'unknown reporter "tap"', hint: `use one of: ${REPORTER_NAMES.join(', ')}` });
  });
});

describe('cli args', () => {
  const options = { json: { type: 'boolean' }, gate: { type: 'string', multiple: true } } as const;

  it('parses known options and positionals', () => {
    const parsed = parseCommandArgs('verify', ['features/a.feature', '--json', '--gate', 'lint,test', '--gate', 'types'], options);
    expect(parsed.values.json).toBe(true);
    expect(parsed.positionals).toEqual(['features/a.feature']);
    expect(splitList(parsed.values.gate)).toEqual(['lint', 'test', 'types']);
  });

  it('an unknown option is SPEC_USAGE naming the command', () => {
    let error: unknown;
    try {
      parseCommandArgs('verify', ['--nope'], options);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SpecloopError);
    const problem = (error as SpecloopError).problem;
    expect(problem.code).toBe('SPEC_USAGE');
    expect(problem.message).toMatch(/^verify: .*--nope/);
    expect(problem.message).not.toMatch(/To specify a positional argument/);
    expect(problem.hint).toBe('see spec verify --help');
  });

  it('splitList trims and drops empties, and keeps undefined', () => {
    expect(splitList([' a , b,,', 'c'])).toEqual(['a', 'b', 'c']);
    expect(splitList(undefined)).toBeUndefined();
  });
});
