import fs, { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deltaOf, measureDebt, type MeasureInput } from '../src/debt/measure.js';
import { appendHistory, parseHistory, readHistory } from '../src/debt/history.js';
import { REPO, startWriters, tempDir } from './helpers.js';

import { chooseDebtGate, debtGate, hasDebtThresholds, thresholdsNeedLines } from '../src/debt/gate.js';
import { DebtReportSchema, type FileDebt, type Values } from '../src/debt/model.js';
import { debtReportJsonSchema } from '../src/report/json-schema.js';
import { sparkline, deltaLine } from '../src/report/debt-text.js';
import { NO_LINE_RECORD, NO_SOURCES } from '../src/debt/line-debt.js';
import { NO_ACK } from '../src/debt/ack-debt.js';
import { METRICS_START, withMetricsTable } from '../src/debt/metrics-table.js';

// Not set up in the project (no line record, no ack): left out of the score rather than voiding it.
const noLines = { because: NO_LINE_RECORD };
const noAck = { because: NO_ACK };

function input(over: Partial<MeasureInput> = {}): MeasureInput {
  return {
    measuredAt: '2026-11-30T00:00:00.000Z',
    commit: null,
    binding: { value: { undefinedSteps: 1, ambiguousSteps: 0, pendingSteps: 0, unusedDefinitions: 1, steps: 18, definitions: 2 } },
    vacuous: { value: { checks: 10, bySpec: new Map([['features/a.feature', [{ kind: 'no-then' as const, line: 3, text: 'a' }]]]) } },
    coverage: noLines,
    ack: noAck,
    specs: new Map([['features/a.feature', { scenarios: 2, traced: ['src/a.ts'] }]]),
    history: [],
    warnings: [],
    ...over,
  };
}

const file = (name: string, executable: number, unspecified: number[], complexity: number[], opaque: number): FileDebt => ({
  file: name,
  executableLines: executable,
  unspecifiedLines: unspecified,
  declaredOnlyLines: [],
  opaqueComplexity: opaque,
  unreviewed: null,
  functions: complexity.map((c, i) => ({ name: `f${i}`, line: i + 1, endLine: i + 1, complexity: c, executed: null })),
});

describe('measureDebt', () => {
  it('scores over the measured metrics only, and says which it leaves out', () => {
    // vacuous 1/10 (weight 2), binding 2/20 (weight 1): 100 × (1 − (0.2 + 0.1) / 3) = 90
    const report = measureDebt(input());
    expect(DebtReportSchema.parse(report)).toEqual(report);
    expect(report.summary.metrics.vacuousChecks).toEqual({ value: 1 });
    expect(report.summary.metrics.bindingHealth).toEqual({ value: 2 });
    expect(report.summary.metrics.score.value).toBe(90);
    expect(report.summary.metrics.score.because).toContain('unspecified');
    expect(report.summary.metrics.unspecified).toEqual({ value: null, because: NO_LINE_RECORD });
  });

  it('has no score when a figure the project measures was missed this run: a score over the rest would read better', () => {
    // The same figures with stale lines score 90 over vacuous and binding alone; with them, 84.
    const stale = { value: { recordedAt: 'x', stale: ['src/pay.ts'], files: [file('src/pay.ts', 120, [1, 2], [30], 12)] } };
    const report = measureDebt(input({ coverage: stale }));
    expect(report.summary.metrics.unspecified.value).toBeNull();
    expect(report.summary.metrics.score.value).toBeNull();
    expect(report.summary.metrics.score.because).toMatch(/^the score needs unspecified, opaqueComplexity, which this run could not measure — stale: src\/pay.ts/);
    const narrowed = measureDebt(input({ vacuous: { because: 'a narrowed run' } }));
    expect(narrowed.summary.metrics.score).toEqual({ value: null, because: 'the score needs vacuousChecks, which this run could not measure — a narrowed run' });
  });

  it('never reads 0 over no source code: the line figures are not measured, and the score says so without contradicting them', () => {
    const none = measureDebt(input({ coverage: { value: { recordedAt: 'x', stale: [], files: [] } } }));
    expect(none.summary.metrics.unspecified).toEqual({ value: null, because: NO_SOURCES });
    expect(none.summary.metrics.score.value).toBe(90);
    expect(none.summary.metrics.score.because).toMatch(/unspecified, opaqueComplexity, unreviewed, drift, selfGraded not measured/);
    // A file with no executable line: unspecified is 0 of 0, measured, and the score says that rather than "not measured".
    const empty = measureDebt(input({ coverage: { value: { recordedAt: 'x', stale: [], files: [file('src/types.ts', 0, [], [], 0)] } } }));
    expect(empty.summary.metrics.unspecified).toEqual({ value: 0 });
    expect(empty.summary.metrics.score.because).toContain('unspecified, opaqueComplexity measured over nothing (0 of 0); unreviewed, drift, selfGraded not measured');
  });

  it('fails a minScore it could not check as an error naming the metric and why', () => {
    const report = measureDebt(input({ vacuous: { because: 'a narrowed run' } }));
    const gate = debtGate({ minScore: 50 }, report, 1)!;
    expect(gate.status).toBe('error');
    expect(gate.log).toContain('score: not measured, so minScore: 50 cannot be checked\n  why: the score needs vacuousChecks');
  });

  it('says why a figure was not measured without nesting parentheses in parentheses', () => {
    // The reasons carry parentheses of their own (a narrowed run's, a stale file's date): wrapping
    // them in more made the line unreadable.
    const stale = { value: { recordedAt: '2026-11-30T10:00:00.000Z', stale: ['src/pay.ts'], files: [file('src/pay.ts', 120, [1, 2], [30], 12)] } };
    const narrowed = { because: 'a narrowed run (paths, tags, --changed or a watch pass) sees only some scenarios: measured by a full spec verify' };
    const gate = debtGate({ minScore: 50, maxUnspecified: 0 }, measureDebt(input({ coverage: stale, vacuous: narrowed })), 1)!;
    const depth = (text: string) => [...text].reduce((d, c) => ({ now: d.now + (c === '(' ? 1 : c === ')' ? -1 : 0), max: Math.max(d.max, d.now + (c === '(' ? 1 : 0)) }), { now: 0, max: 0 }).max;
    expect(gate.log.split('\n').length).toBe(4);
    for (const line of gate.log.split('\n')) expect(depth(line), line).toBeLessThanOrEqual(1);
  });

  it('weighs coverage when H1 gives it (the README worked example)', () => {
    // unspecified 40/200 = 0.2 (w 3), opaque 12/60 = 0.2 (w 2), vacuous 0.1 (w 2), binding 0.1 (w 1)
    // → 1 − (0.6 + 0.4 + 0.2 + 0.1) / 8 = 0.8375 → 84
    const unspecified = Array.from({ length: 40 }, (_, i) => i + 1);
    const coverage = { value: { recordedAt: 'x', stale: [], files: [file('src/pay.ts', 120, unspecified, [30, 18], 12), file('src/cart.ts', 80, [], [12], 0)] } };
    const report = measureDebt(input({ coverage }));
    expect(report.summary.metrics.unspecified).toEqual({ value: 40 });
    expect(report.summary.metrics.opaqueComplexity).toEqual({ value: 12 });
    expect(report.summary.metrics.score.value).toBe(84);
    expect(report.files.map((f) => f.file)).toEqual(['src/pay.ts', 'src/cart.ts']);
  });

  it('a stale coverage record gives null with the files named, never an old number', () => {
    const coverage = { value: { recordedAt: '2026-11-29', stale: ['src/pay.ts'], files: [file('src/pay.ts', 10, [1], [1], 1)] } };
    const m = measureDebt(input({ coverage })).summary.metrics;
    expect(m.unspecified.value).toBeNull();
    expect(m.unspecified.because).toContain('src/pay.ts');
  });

  it('unjudged unused definitions leave binding health unmeasured', () => {
    const binding = { value: { undefinedSteps: 0, ambiguousSteps: 0, pendingSteps: 0, unusedDefinitions: null, steps: 3, definitions: 2, because: 'not judged: narrowed' } };
    expect(measureDebt(input({ binding })).summary.metrics.bindingHealth).toEqual({ value: null, because: 'not judged: narrowed' });
  });

  it('the delta compares with the last history entry; null where either side is unmeasured', () => {
    const before = measureDebt(input());
    const entry = { at: 'x', kind: 'verify' as const, partial: false, commit: null, metrics: { ...(Object.fromEntries(Object.entries(before.summary.metrics).map(([k, f]) => [k, f.value])) as Values), vacuousChecks: 3 } };
    const report = measureDebt(input({ history: [entry] }));
    expect(report.summary.delta?.vacuousChecks).toBe(-2);
    expect(report.summary.delta?.unspecified).toBeNull();
    expect(deltaLine(report.summary.delta)).toBe('debt: vacuousChecks -2 checks');
  });
});

describe('history', () => {
  it('skips a torn line with a warning naming it', () => {
    const good = JSON.stringify({ at: 'a', kind: 'watch', partial: true, commit: null, metrics: deltaOf({} as Values, {} as Values) });
    const { entries, warnings } = parseHistory(`${good}\n{"at":"b","ki`);
    expect(entries).toHaveLength(1);
    expect(warnings).toEqual([expect.objectContaining({ code: 'SPEC_DEBT_HISTORY_TORN', line: 2 })]);
  });

  it('a whole JSON line of another shape (a newer spec\'s) is skipped with a warning that says it stays, not that it will be dropped', () => {
    const { entries, warnings } = parseHistory('{"at":"b","kind":"verify","future":true}\n');
    expect(entries).toHaveLength(0);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).not.toContain('dropped');
    expect(warnings[0]!.message).toContain('kept');
  });
});

describe('debt gate', () => {
  it('names the metric, the threshold, the value and the offenders', () => {
    const gate = debtGate({ maxVacuousChecks: 0, minScore: 50 }, measureDebt(input()), 1)!;
    expect(gate.status).toBe('failed');
    expect(gate.log).toBe('vacuousChecks is 1, over maxVacuousChecks: 0\n  features/a.feature:3 scenario "a" has no Then');
    expect(debtGate({}, measureDebt(input()), 1)).toBeUndefined();
  });
});

describe('debt text', () => {
  it('draws a sparkline, unmeasured runs as dots', () => {
    expect(sparkline([0, 7, null, 14])).toBe('▁▅·█');
    expect(sparkline([null])).toBe('');
  });
});

describe('debt-report JSON Schema', () => {
  it('the committed debt-report.schema.json is exactly debtReportJsonSchema()', () => {
    const committed = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '..', 'debt-report.schema.json'), 'utf8')) as unknown;
    expect(committed).toEqual(JSON.parse(JSON.stringify(debtReportJsonSchema())));
  });
});

describe('README', () => {
  it('holds the metrics table as METRICS writes it', () => {
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, '..', 'README.md'), 'utf8');
    expect(readme).toContain(METRICS_START);
    expect(withMetricsTable(readme)).toBe(readme);
  });
});

describe('history housekeeping', () => {
  const entry = (at: string) => ({ at, kind: 'verify' as const, partial: false, commit: null, metrics: deltaOf({} as Values, {} as Values) });
  const fileOf = (root: string) => path.join(root, '.spec', 'history.jsonl');

  it('drops a torn line once, under the lock, so the next read is quiet', async () => {
    const root = tempDir('specloop-history-torn-');
    fs.mkdirSync(path.join(root, '.spec'));
    writeFileSync(fileOf(root), `${JSON.stringify(entry('a'))}\n{"at":"b","ki`);
    await appendHistory(root, entry('c'));
    const { entries, warnings } = await readHistory(root);
    expect(warnings).toEqual([]);
    expect(entries.map((e) => e.at)).toEqual(['a', 'c']);
  });

  it('keeps a line that is whole JSON but not this version\'s shape (a newer spec wrote it)', async () => {
    const root = tempDir('specloop-history-newer-');
    fs.mkdirSync(path.join(root, '.spec'));
    const newer = JSON.stringify({ ...entry('n'), extra: 1 });
    writeFileSync(fileOf(root), `${newer}\n{"at":"b","ki`);
    await appendHistory(root, entry('c'));
    expect(fs.readFileSync(fileOf(root), 'utf8').split('\n').filter(Boolean)).toEqual([newer, JSON.stringify(entry('c'))]);
  });

  it('keeps the last entries only, oldest dropped first, in order', async () => {
    const root = tempDir('specloop-history-rotate-');
    for (let i = 0; i < 12; i++) await appendHistory(root, entry(`e${i}`), { keep: 5 });
    const { entries } = await readHistory(root);
    expect(entries.length).toBeGreaterThanOrEqual(5);
    expect(entries.length).toBeLessThanOrEqual(6);
    expect(entries.map((e) => e.at)).toEqual(Array.from({ length: 12 }, (_, i) => `e${i}`).slice(-entries.length));
  });

  it('rotating while processes append at once loses no newer line and tears none', async () => {
    const root = tempDir('specloop-history-rotate-procs-');
    const script = path.join(root, 'append.mts');
    writeFileSync(
      script,
      `import { appendHistory } from ${JSON.stringify(path.join(REPO, 'src', 'debt', 'history.ts'))};
const [root, who] = process.argv.slice(2);
const metrics = { unspecified: null, declaredOnly: null, unreviewed: null, drift: null, selfGraded: null, opaqueComplexity: null, vacuousChecks: 1, bindingHealth: 0, specChurnRatio: null, score: 90 };
for (let i = 0; i < 15; i++) await appendHistory(root, { at: who + '-' + String(i).padStart(2, '0'), kind: 'verify', partial: false, commit: who.repeat(3000), metrics }, { keep: 10 });
`,
    );
    expect(await Promise.all(startWriters(script, root, ['a', 'b', 'c']))).toEqual([0, 0, 0]);
    const { entries, warnings } = await readHistory(root);
    expect(warnings).toEqual([]);
    expect(entries.length).toBeGreaterThanOrEqual(10);
    expect(entries.length).toBeLessThanOrEqual(11);
    // Each writer's kept lines are the newest of its own, in order: rotation dropped only the oldest.
    for (const who of ['a', 'b', 'c']) {
      const mine = entries.filter((e) => e.at.startsWith(`${who}-`)).map((e) => e.at);
      expect(mine).toEqual(Array.from({ length: 15 }, (_, i) => `${who}-${String(i).padStart(2, '0')}`).slice(15 - mine.length));
    }
  }, 60_000);
});

describe('history under processes appending at once', () => {
  it('every line stays whole and none is lost', async () => {
    const root = tempDir('specloop-history-procs-');
    const script = path.join(root, 'append.mts');
    const historyModule = path.join(REPO, 'src', 'debt', 'history.ts');
    // A long commit string makes each line several KB, so an unlocked write could tear.
    writeFileSync(
      script,
      `import { appendHistory } from ${JSON.stringify(historyModule)};
const [root, who] = process.argv.slice(2);
const metrics = { unspecified: null, declaredOnly: null, unreviewed: null, drift: null, selfGraded: null, opaqueComplexity: null, vacuousChecks: 1, bindingHealth: 0, specChurnRatio: null, score: 90 };
for (let i = 0; i < 15; i++) await appendHistory(root, { at: who + i, kind: 'verify', partial: false, commit: who.repeat(5000), metrics });
`,
    );
    const codes = await Promise.all(startWriters(script, root, ['a', 'b', 'c']));
    expect(codes).toEqual([0, 0, 0]);
    const { entries, warnings } = await readHistory(root);
    expect(warnings).toEqual([]);
    expect(entries.map((e) => e.at).sort()).toEqual(['a', 'b', 'c'].flatMap((w) => Array.from({ length: 15 }, (_, i) => `${w}${i}`)).sort());
  }, 60_000);
});

describe('choosing the debt gate', () => {
  const thresholds = { minScore: 70 };
  it('runs by default, never with --gate none, and with "debt" among the names, taken out of the command gates', () => {
    expect(chooseDebtGate(undefined, thresholds)).toEqual({ debt: true, only: undefined, available: true });
    expect(chooseDebtGate(false, thresholds)).toEqual({ debt: false, only: false, available: true });
    expect(chooseDebtGate(['typecheck'], thresholds)).toEqual({ debt: false, only: ['typecheck'], available: true });
    expect(chooseDebtGate(['debt', 'lint'], thresholds)).toEqual({ debt: true, only: ['lint'], available: true });
    expect(chooseDebtGate(['typecheck'], {})).toEqual({ debt: false, only: ['typecheck'], available: false });
  });

  it('leaves a narrowed run\'s thresholds to the full run as a skipped gate, never a passed one', () => {
    const chosen = chooseDebtGate(undefined, thresholds, true);
    expect(chosen).toMatchObject({ debt: false, note: { code: 'SPEC_DEBT_NOT_GATED' }, skipped: { name: 'debt', status: 'skipped', reason: 'narrowed run' } });
    expect(chooseDebtGate(undefined, {}, true).skipped).toBeUndefined();
    expect(chooseDebtGate(['debt'], thresholds, true)).toMatchObject({ debt: true, only: [] });
    expect(chooseDebtGate(['debt'], thresholds, true).skipped).toBeUndefined();
  });

  it('refuses --gate debt when no threshold is set', () => {
    expect(() => chooseDebtGate(['debt'], {})).toThrow(/no debt threshold/);
    expect(() => chooseDebtGate(['debt'], false)).toThrow(/no debt threshold/);
  });

  it('says which thresholds need line coverage', () => {
    expect(hasDebtThresholds({ noVacuousChecks: true })).toBe(true);
    expect(hasDebtThresholds({})).toBe(false);
    expect(thresholdsNeedLines({ maxDrift: 1, noVacuousChecks: true })).toBe(false);
    expect(thresholdsNeedLines({ maxOpaqueComplexity: 10 })).toBe(true);
    expect(thresholdsNeedLines({ minScore: 50 })).toBe(true);
    expect(thresholdsNeedLines(false)).toBe(false);
  });
});
