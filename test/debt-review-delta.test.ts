import { describe, expect, it } from 'vitest';
import { AckSchema } from '../src/debt/ack-store.js';
import { debtSinceAck } from '../src/debt/review-debt.js';
import { METRIC_NAMES, type DebtSummary, type Values } from '../src/debt/model.js';

const values = (over: Partial<Values>): Values => ({ ...(Object.fromEntries(METRIC_NAMES.map((n) => [n, 0])) as Values), ...over });
const summary = (v: Values): DebtSummary => ({ measuredAt: 'now', commit: null, ackAt: 'then', metrics: Object.fromEntries(METRIC_NAMES.map((n) => [n, { value: v[n] }])) as DebtSummary['metrics'], delta: null });
const live = { unreviewed: { value: 4 }, drift: { value: 1 }, selfGraded: { value: 0 }, specChurnRatio: { value: 0 } };

describe("spec review's debt since the ack", () => {
  it('reads an ack.json written before it kept figures', () => {
    expect(AckSchema.parse({ version: 1, at: 'x', message: null, commit: null, files: {} }).debt).toBeUndefined();
  });

  it('compares each figure, the ack-based ones from 0, and the score only over the same figures', () => {
    const since = debtSinceAck({ measuredAt: 'then', metrics: values({ unspecified: 10, score: 80 }) }, summary(values({ unspecified: 12, score: 75 })), live);
    expect(since.metrics.unspecified).toEqual({ atAck: 10, now: 12, change: 2 });
    expect(since.metrics.unreviewed).toEqual({ atAck: 0, now: 4, change: 4 });
    expect(since.metrics.score).toEqual({ atAck: 80, now: 75, change: -5 });
  });

  it('gives no score change when the kept score still counted the debt of an earlier ack', () => {
    const since = debtSinceAck({ measuredAt: 'then', metrics: values({ unreviewed: 7, score: 80 }) }, summary(values({ score: 75 })), live);
    expect(since.metrics.score.change).toBeNull();
    expect(since.metrics.unreviewed).toEqual({ atAck: 0, now: 4, change: 4 });
  });

  it('says what is missing when the ack kept nothing and no full run measured anything', () => {
    const since = debtSinceAck(undefined, undefined, live);
    expect(since.metrics.unspecified).toEqual({ atAck: null, now: null, change: null });
    expect(since.because).toContain('the ack recorded no debt figures');
    expect(since.because).toContain('no full spec verify has measured the figures');
  });
});
