import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeVerdicts } from '../src/api/merge.js';
import { isSpecloopError, type SpecloopError } from '../src/core/errors.js';
import { tempDir } from './helpers.js';
import { mergeShards, type NamedVerdict } from '../src/report/merge.js';
import { assignShards, parseShard, suiteOf } from '../src/spec/shard.js';
import { emptyCounts, VerdictSchema, type ScenarioResult, type Verdict } from '../src/report/verdict.js';

const ids = Array.from({ length: 40 }, (_, i) => `features/f${i % 7}.feature:${3 + i}`);

function codeOf(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    if (isSpecloopError(error)) return error.problems.map((p) => p.code).join(',');
    throw error;
  }
  return undefined;
}

describe('parseShard', () => {
  it('says a number too big to count is too big, not that the slice is out of range', () => {
    expect(() => parseShard('1/99999999999999999999')).toThrow(/more slices than can be counted/);
  });
  it('takes I/N with 1 ≤ I ≤ N', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, total: 3 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, total: 1 });
  });
  it.each(['0/3', '4/3', 'a/b', '1/0', '1', '1/3/4', '-1/3', '1.5/3', ''])('refuses %j with SPEC_SHARD_INVALID', (text) => {
    expect(codeOf(() => parseShard(text))).toBe('SPEC_SHARD_INVALID');
  });
});

describe('assignShards', () => {
  it('puts every scenario in exactly one shard', () => {
    for (const total of [1, 2, 3, 7, 40, 55]) {
      const slices = assignShards(ids, new Map(), total);
      expect(slices).toHaveLength(total);
      expect(slices.flat().sort()).toEqual([...ids].sort());
    }
  });

  it('computes the same slices whatever order the ids come in (every machine agrees)', () => {
    const durations = new Map(ids.map((id, i) => [id, (i * 37) % 11]));
    expect(assignShards([...ids].reverse(), durations, 4)).toEqual(assignShards(ids, durations, 4));
  });

  it('balances by recorded time: the slowest shard is within one scenario of the mean', () => {
    const durations = new Map(ids.map((id, i) => [id, 10 + ((i * 53) % 97)]));
    const slices = assignShards(ids, durations, 4);
    const loads = slices.map((s) => s.reduce((sum, id) => sum + durations.get(id)!, 0));
    const mean = loads.reduce((a, b) => a + b) / 4;
    expect(Math.max(...loads) - mean).toBeLessThanOrEqual(Math.max(...durations.values()));
    // One slow scenario gets a shard of its own rather than being counted as one of many.
    const slow = new Map(ids.map((id, i) => [id, i === 0 ? 10_000 : 1]));
    expect(assignShards(ids, slow, 2).find((s) => s.includes(ids[0]!))).toEqual([ids[0]]);
  });

  it('counts a scenario without a recorded time as the median of the recorded ones, and splits by counts when none is', () => {
    expect(assignShards(ids, new Map(), 4).map((s) => s.length)).toEqual([10, 10, 10, 10]);
    // Two recorded at 100 and 300: the 38 others weigh 200 each, not 0.
    const two = new Map([
      [ids[0]!, 100],
      [ids[1]!, 300],
    ]);
    const sizes = assignShards(ids, two, 2).map((s) => s.length);
    expect(Math.abs(sizes[0]! - sizes[1]!)).toBeLessThanOrEqual(2);
  });

  it('spreads scenarios too short to measure (0 ms) over the shards instead of piling them on one', () => {
    const zeros = new Map(ids.map((id, i) => [id, i < 3 ? 50 : 0]));
    const slices = assignShards(ids, zeros, 9);
    const weigh = (id: string) => zeros.get(id)! + 2;
    const share = ids.reduce((sum, id) => sum + weigh(id), 0) / 9;
    expect(slices.every((s) => s.length > 0)).toBe(true);
    for (const slice of slices) expect(slice.reduce((sum, id) => sum + weigh(id), 0)).toBeLessThanOrEqual(share + 52);
  });

  it('keeps a spec file whole where balance allows, and cuts the suite in path order', () => {
    const many = Array.from({ length: 200 }, (_, i) => `features/area-${String(Math.floor(i / 10)).padStart(2, '0')}.feature:${1 + (i % 10) * 4}`);
    const slices = assignShards(many, new Map(), 4);
    expect(slices.map((s) => s.length)).toEqual([50, 50, 50, 50]);
    // Twenty files of ten: five whole files a slice, in order.
    expect(slices.map((s) => new Set(s.map((id) => id.split(':')[0])).size)).toEqual([5, 5, 5, 5]);
    expect(slices[0]![0]).toBe('features/area-00.feature:1');
    expect(slices[3]!.at(-1)).toBe('features/area-19.feature:37');
  });
});

function scenario(id: string, status: ScenarioResult['status']): ScenarioResult {
  const [file, line] = id.split(':');
  return { id, name: id, feature: 'F', file: file!, line: Number(line), tags: [], status, durationMs: 1, steps: [] };
}

function shardVerdict(index: number, total: number, all: string[], failing: Set<string>): NamedVerdict {
  const mine = assignShards(all, new Map(), total)[index - 1]!;
  const scenarios = mine.map((id) => scenario(id, failing.has(id) ? 'failed' : 'passed'));
  const counts = { ...emptyCounts(), total: scenarios.length, passed: scenarios.filter((s) => s.status === 'passed').length, failed: scenarios.filter((s) => s.status === 'failed').length };
  const failures = scenarios.filter((s) => s.status === 'failed').map((s) => ({ kind: 'failed-step' as const, code: 'SPEC_STEP_FAILED' as const, scenarioId: s.id, message: 'boom', hint: 'fix it' }));
  const verdict: Verdict & { counts: Verdict['counts'] & { extra?: number } } = {
    schemaVersion: 3,
    tool: { name: 'specloop', version: '0.1.0' },
    status: failures.length ? 'failed' : 'passed',
    exitCode: failures.length ? 1 : 0,
    startedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString(),
    durationMs: 1000,
    counts: { scenarios: counts, steps: emptyCounts() },
    scenarios,
    failures,
    warnings: [],
    gates: [{ name: 'typecheck', command: ['tsc'], status: index === 2 ? 'failed' : 'passed', durationMs: 5, exitCode: index === 2 ? 1 : 0, log: '' }] as Verdict['gates'],
    unusedSteps: [],
    debt: null,
    summary: '',
    shard: { index, total, scenarios: mine, suite: suiteOf(all), recorded: 0, strict: true },
  };
  return { name: `shard-${index}.json`, verdict };
}

describe('mergeShards', () => {
  const all = ids.slice(0, 10);
  const failing = new Set([all[4]!]);
  const shards = [1, 2, 3].map((i) => shardVerdict(i, 3, all, failing));

  it('gives the whole run: every scenario, counts summed, failures and the worst gate once, judged again', () => {
    const merged = VerdictSchema.parse(mergeShards(shards));
    expect(merged.scenarios.map((s) => s.id).sort()).toEqual([...all].sort());
    expect(merged.counts.scenarios).toMatchObject({ total: 10, passed: 9, failed: 1 });
    expect(merged.failures.map((f) => f.scenarioId)).toEqual([all[4]]);
    expect(merged.gates).toHaveLength(1);
    expect(merged.gates[0]!.status).toBe('failed');
    expect(merged.exitCode).toBe(1);
    expect(merged.summary).toBe('spec: 9 passed, 2 failed (1 scenario, gate typecheck)');
    expect(merged.shard).toBeUndefined();
    expect(merged.durationMs).toBe(3000);
  });

  it('sums every count, also ones it does not name (a count added to the schema later)', () => {
    const extra = shards.map((s, i) => ({ ...s, verdict: { ...s.verdict, counts: { ...s.verdict.counts, scenarios: { ...s.verdict.counts.scenarios, flaky: i + 1 } } as Verdict['counts'] } }));
    expect((mergeShards(extra).counts.scenarios as Record<string, number>).flaky).toBe(6);
  });

  it('keeps the lists only some shards have (flaky[] when only a later shard had a flaky scenario)', () => {
    const flaky = { id: all[7]!, name: all[7]!, file: 'f.feature', line: 1, attempts: 2, failures: [{ attempt: 1, message: 'first try' }] };
    const withFlaky = shards.map((s, i) => (i === 2 ? { ...s, verdict: { ...s.verdict, flaky: [flaky] } } : s));
    expect(VerdictSchema.parse(mergeShards(withFlaky)).flaky).toEqual([flaky]);
  });

  it('names a missing shard, a duplicated one, mixed totals and slices of another suite', () => {
    expect(codeOf(() => mergeShards([shards[0]!, shards[2]!]))).toBe('SPEC_MERGE_SHARD_MISSING');
    expect(codeOf(() => mergeShards([...shards, shards[1]!]))).toBe('SPEC_MERGE_SHARD_DUPLICATE');
    expect(codeOf(() => mergeShards([shards[0]!, shardVerdict(2, 2, all, failing)]))).toBe('SPEC_MERGE_SHARD_TOTALS');
    const other = shardVerdict(2, 3, [...all.slice(0, 9), 'features/x.feature:1'], failing);
    expect(codeOf(() => mergeShards([shards[0]!, other, shards[2]!]))).toBe('SPEC_MERGE_SUITES');
    const { shard: _none, ...unsharded } = shards[0]!.verdict;
    expect(codeOf(() => mergeShards([{ name: 'whole.json', verdict: unsharded }]))).toBe('SPEC_MERGE_INPUT');
  });

  it('refuses a passing shard that ran fewer scenarios than it was given: the whole would pass over them', () => {
    const passing = shards.findIndex((s) => s.verdict.exitCode === 0);
    const short = shards.map((s, i) => (i === passing ? { ...s, verdict: { ...s.verdict, scenarios: s.verdict.scenarios.slice(1) } } : s));
    expect(codeOf(() => mergeShards(short))).toBe('SPEC_MERGE_INPUT');
  });

  it("never passes a shard's own (slice) figures off as the whole run's: null, with a warning when the shards measured any", () => {
    expect(mergeShards(shards).debt).toBeNull();
    expect(mergeShards(shards).warnings.map((w) => w.code)).not.toContain('SPEC_MERGE_DEBT');
    // Equal figures too: the old comparison of whole JSON (measuredAt included) made this always null by accident.
    const same = shards.map((s) => ({ ...s, verdict: { ...s.verdict, debt: { same: true } as unknown as Verdict['debt'] } }));
    const merged = mergeShards(same);
    expect(merged.debt).toBeNull();
    expect(merged.warnings.map((w) => w.code)).toContain('SPEC_MERGE_DEBT');
  });

  it('keeps an unused definition only the shards that loaded its step file could judge (a shard loads its slice\'s step files)', () => {
    const unused = { file: 'steps/fines.steps.ts', line: 9, pattern: 'a fine of {int}' };
    const judged = shards.map((s, i) => (i === 1 ? { ...s, verdict: { ...s.verdict, unusedSteps: [unused], unusedNote: 'judged against every scenario in the specs: the run was split into shards' } } : s));
    expect(VerdictSchema.parse(mergeShards(judged)).unusedSteps).toEqual([unused]);
  });

  it("puts the merge's own debt gate in place of the shards' deferred ones, and judges the exit code with it", () => {
    const deferred = { name: 'debt', command: [], status: 'skipped' as const, durationMs: 0, exitCode: null, log: 'deferred', reason: 'checked by spec merge' };
    const passing = shards.map((s) => ({ ...s, verdict: { ...s.verdict, scenarios: s.verdict.scenarios.map((sc) => ({ ...sc, status: 'passed' as const })), failures: [], exitCode: 0 as const, gates: [deferred] } }));
    expect(mergeShards(passing).exitCode).toBe(0);
    const breached = { ...deferred, status: 'failed' as const, log: 'unspecified is 4, over maxUnspecified: 3' };
    const merged = VerdictSchema.parse(mergeShards(passing, { debt: null, gate: breached, warnings: [] }));
    expect(merged.gates).toEqual([breached]);
    expect(merged.exitCode).toBe(1);
    expect(merged.failures.map((f) => f.code)).toEqual(['SPEC_DEBT_THRESHOLD']);
    expect(mergeShards(passing, { debt: null, warnings: [] }).gates).toEqual([]);
  });
});

describe('mergeVerdicts', () => {
  it('names the file and the schema path of a file that is not a verdict, and refuses an unknown option', async () => {
    const dir = tempDir('merge-input-');
    writeFileSync(path.join(dir, 'notes.json'), JSON.stringify({ schemaVersion: 3, status: 'passed' }));
    const rejection = (await mergeVerdicts(['notes.json'], { cwd: dir }).catch((e: unknown) => e)) as SpecloopError;
    expect(rejection.problems[0]).toMatchObject({ code: 'SPEC_MERGE_INPUT' });
    expect(rejection.problems[0]!.message).toMatch(/^notes\.json is not a verdict: tool: /);
    const unknown = (await mergeVerdicts([], { cwdd: dir } as never).catch((e: unknown) => e)) as SpecloopError;
    expect(unknown.problems[0]!.code).toBe('SPEC_OPTION_INVALID');
  });
});
