import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, githubAnnotations, renderGithub, renderGithubSummary } from '../src/report/github.js';
import type { Failure, Verdict } from '../src/report/verdict.js';

// The runner's own unescaping (actions/runner ActionCommand.cs): what GitHub reads back.
const unescapeProperty = (v: string) => v.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
const unescapeData = (v: string) => v.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');

/** A workflow command line split the way the runner splits it: `::name props::data`, props on `,`, each on its first `=`. */
function parse(line: string): { name: string; props: Record<string, string>; data: string } {
  const m = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  if (!m) throw new Error(`not a workflow command: ${line}`);
  const props = Object.fromEntries(m[2]!.split(',').map((p) => [p.slice(0, p.indexOf('=')), unescapeProperty(p.slice(p.indexOf('=') + 1))]));
  return { name: m[1]!, props, data: unescapeData(m[3]!) };
}

const HOSTILE = 'Totals: 50%, rounded\r\nthen, again: done';

function failure(overrides: Partial<Failure>): Failure {
  return { kind: 'failed-step', code: 'SPEC_STEP_FAILED', message: 'boom', hint: 'fix it', ...overrides } as Failure;
}

function verdict(failures: Failure[]): Verdict {
  return { failures, summary: `spec: 1 passed, ${failures.length} failed`, status: failures.length ? 'failed' : 'passed', exitCode: failures.length ? 1 : 0 } as unknown as Verdict;
}

describe('GitHub annotations', () => {
  it('escapes %, CR and LF in data, and also : and , in properties, so GitHub reads back exactly what was meant', () => {
    expect(escapeData('a%b\r\nc')).toBe('a%25b%0D%0Ac');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
    expect(unescapeProperty(escapeProperty(HOSTILE))).toBe(HOSTILE);
    expect(unescapeData(escapeData(HOSTILE))).toBe(HOSTILE);
  });

  it('gives one single-line ::error per failure at its spec line, title and message intact', () => {
    const text = githubAnnotations(verdict([failure({ location: { file: 'features/a, b.feature', line: 17, column: 5 }, scenario: HOSTILE, step: 'Then x', message: HOSTILE, expected: '4', actual: '3' })]));
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const { name, props, data } = parse(lines[0]!);
    expect(name).toBe('error');
    expect(props).toEqual({ file: 'features/a, b.feature', line: '17', col: '5', title: `${HOSTILE} › Then x` });
    expect(data).toBe(`${HOSTILE}\nexpected: 4\nactual: 3\nfix: fix it`);
  });

  it('a draft failure is a warning; one with no location (a gate) is annotated without a file', () => {
    const text = githubAnnotations(verdict([failure({ draft: true, location: { file: 'specs/d.md', line: 3 } }), failure({ kind: 'gate-error', code: 'SPEC_GATE', message: 'tsc failed' })]));
    const [draft, gate] = text.trimEnd().split('\n').map(parse);
    expect(draft!.name).toBe('warning');
    expect(gate!.props).toEqual({ title: 'gate-error SPEC_GATE' });
  });

  it('the github report ends with the closing line; no failure, no annotation', () => {
    expect(renderGithub(verdict([]))).toBe('spec: 1 passed, 0 failed\n');
    expect(githubAnnotations(verdict([]))).toBe('');
  });
});

describe('the job summary', () => {
  it('is Markdown with the closing line and one table row per failure, cells kept to one line and their pipes escaped', () => {
    const md = renderGithubSummary(verdict([failure({ location: { file: 'features/a.feature', line: 9 }, scenario: 'a | b', message: 'first | line\nsecond' })]));
    expect(md).toContain('`spec: 1 passed, 1 failed`');
    const rows = md.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows).toEqual(['| `features/a.feature:9` | a \\| b | first \\| line |']);
  });
});

describe('GitHub annotations: flaky scenarios', () => {
  const flaky = { id: 'features/a, b.feature:9', name: HOSTILE, file: 'features/a, b.feature', line: 9, attempts: 2, failures: [{ attempt: 1, message: 'no order\nsecond line', location: { file: 'features/a, b.feature', line: 11 } }] };

  it('a flaky scenario that passed the run is a ::warning at its line, saying what the failed attempt said', () => {
    const v = { ...verdict([]), flaky: [flaky] } as Verdict;
    const lines = githubAnnotations(v).trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const { name, props, data } = parse(lines[0]!);
    expect(name).toBe('warning');
    expect(props).toEqual({ file: 'features/a, b.feature', line: '9', title: `Flaky: ${HOSTILE}` });
    expect(data).toBe('flaky: failed, then passed on attempt 2\nattempt 1: features/a, b.feature:11 no order');
    expect(renderGithubSummary(v)).toContain('Flaky (passed only on a retry): `features/a, b.feature:9`');
  });

  it('one --fail-on-flaky made a failure is annotated once, as the ::error', () => {
    const v = { ...verdict([failure({ kind: 'flaky', code: 'SPEC_FLAKY', scenarioId: flaky.id, location: { file: flaky.file, line: 9 } })]), flaky: [flaky] } as Verdict;
    const lines = githubAnnotations(v).trimEnd().split('\n');
    expect(lines.map((l) => parse(l).name)).toEqual(['error']);
  });
});
