import { describe, expect, it } from 'vitest';
import { debtChange } from '../src/debt/change.js';
import { NO_ACK } from '../src/debt/ack-debt.js';
import { NO_LINE_RECORD } from '../src/debt/line-debt.js';
import { METRIC_NAMES, type DebtSummary, type Metrics } from '../src/debt/model.js';

const NARROWED = 'a narrowed run sees only some scenarios';

function summary(values: Partial<Record<keyof Metrics, number | string>>, delta: DebtSummary['delta'], files?: DebtSummary['files']): DebtSummary {
  const metrics = Object.fromEntries(METRIC_NAMES.map((n) => {
    const v = values[n];
    return [n, typeof v === 'number' ? { value: v } : { value: null, because: v ?? NO_LINE_RECORD }];
  })) as Metrics;
  return { measuredAt: 'now', commit: null, ackAt: null, metrics, delta, ...(files ? { files } : {}) };
}

const zero = Object.fromEntries(METRIC_NAMES.map((n) => [n, 0])) as NonNullable<DebtSummary['delta']>;

describe('watch debt line', () => {
  it('on a first run, lists the figures measured', () => {
    const change = debtChange(summary({ vacuousChecks: 2, bindingHealth: 0, score: 73, unreviewed: NO_ACK }, null), undefined, [], { partial: false, steps: { undefined: 0, ambiguous: 0, pending: 0 } });
    expect(change.line).toBe('debt: first measured run: vacuousChecks 2 checks, bindingHealth 0 problems, score 73');
    expect(change.notMeasured).toEqual([]);
  });

  it('on a narrowed pass with nothing set up, says what the pass did not measure rather than nothing', () => {
    const change = debtChange(summary({ unreviewed: NO_ACK, drift: NO_ACK, selfGraded: NO_ACK, specChurnRatio: NO_ACK, vacuousChecks: NARROWED, bindingHealth: NARROWED, score: 'the score needs vacuousChecks' }, { ...zero, vacuousChecks: null, bindingHealth: null, score: null }), undefined, ['src/a.ts'], { partial: true, steps: { undefined: 1, ambiguous: 0, pending: 0 } });
    expect(change.line).toBe('debt: binding problems in the scenarios run: 1; not measured on this pass: vacuousChecks, bindingHealth, score');
    expect(change.bindingInPass).toBe(1);
    expect(change.files).toEqual([]);
  });

  it("names an edited file's own change against the run before, and a file back to no unreviewed line", () => {
    const before = summary({ unreviewed: 5, vacuousChecks: 1, bindingHealth: 0, score: 90 }, zero, [{ file: 'src/a.ts', unreviewed: 3, unspecified: 2, stale: false }, { file: 'src/b.ts', unreviewed: 2, unspecified: 0, stale: false }]);
    const now = summary({ unreviewed: 2, vacuousChecks: 1, bindingHealth: 0, score: 92 }, { ...zero, unreviewed: -3, score: 2 }, [{ file: 'src/b.ts', unreviewed: 2, unspecified: 0, stale: false }]);
    const change = debtChange(now, before, ['src/a.ts'], { partial: false, steps: { undefined: 0, ambiguous: 0, pending: 0 } });
    expect(change.files).toEqual([{ file: 'src/a.ts', unreviewed: 0, change: -3, stale: false }]);
    expect(change.line).toBe('debt: unreviewed -3 weighted lines, score +2; -3 unreviewed weighted lines in src/a.ts');
  });
  it('after an edit no scenario reaches, names the files nothing runs and claims no binding count', () => {
    const now = summary({ unreviewed: 6, vacuousChecks: 'no scenario ran: the edit reaches none', bindingHealth: 'no scenario ran: the edit reaches none', score: 'the score needs vacuousChecks' }, { ...zero, unreviewed: 6, vacuousChecks: null, bindingHealth: null, score: null }, [{ file: 'src/tax.ts', unreviewed: 6, unspecified: null, stale: true }]);
    const change = debtChange(now, undefined, ['src/tax.ts'], { partial: true, steps: { undefined: 0, ambiguous: 0, pending: 0 }, ranNone: true });
    expect(change.bindingInPass).toBeNull();
    expect(change.ranNone).toEqual(['src/tax.ts']);
    expect(change.line).toBe('debt: unreviewed +6 weighted lines; 6 unreviewed weighted lines in src/tax.ts; no scenario runs src/tax.ts; not measured with no run: vacuousChecks, bindingHealth, score');
  });
  it('a data file no scenario reached is one no scenario reads, not runs', () => {
    const now = summary({ unreviewed: 0, vacuousChecks: 'no scenario ran: the edit reaches none', bindingHealth: 'no scenario ran: the edit reaches none', score: 'the score needs vacuousChecks' }, { ...zero, vacuousChecks: null, bindingHealth: null, score: null }, []);
    const change = debtChange(now, undefined, ['src/rates.json', 'src/tax.ts'], { partial: true, steps: { undefined: 0, ambiguous: 0, pending: 0 }, ranNone: true });
    expect(change.line).toContain('no scenario runs src/tax.ts; no scenario reads src/rates.json');
  });
});
