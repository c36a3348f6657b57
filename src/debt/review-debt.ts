import { stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from '../core/zod.js';
import { METRIC_NAMES, type DebtSummary, type Figure, type MetricName, type Values } from './model.js';
import { SCORE_WEIGHTS } from './score.js';
import { valuesOf } from './measure.js';
import { nameFew } from '../core/name-few.js';

/*
 * `spec review`'s last section: each debt figure at the ack and now, and its change. The ack keeps
 * the figures of the last full run before it (.spec/ack.json's `debt`); "now" is the last full
 * run's figures, with the ack-based ones measured by the review itself. Those four are 0 at an ack
 * by definition (nothing has changed since it yet; specChurnRatio has no code change to divide by).
 */

const RowSchema = z.strictObject({
  atAck: z.number().nullable(),
  now: z.number().nullable(),
  change: z.number().nullable().describe('null when either side is not measured, when "now" is stale, or (score) they are over different metrics'),
  stale: z.literal(true).optional().describe('"now" is the last full verify\'s figure and a file changed since it: no change can be given'),
});

export const DebtSinceAckSchema = z.strictObject({
  atAck: z.string().nullable().describe('when the full run whose figures the ack kept ran; null: the ack kept none'),
  now: z.string().nullable().describe('when the last full run measured the current figures; null: none has'),
  metrics: z.strictObject(Object.fromEntries(METRIC_NAMES.map((n) => [n, RowSchema])) as { [K in MetricName]: typeof RowSchema }),
  because: z.string().optional().describe('what is missing, and how to get it'),
  stale: z.array(z.string()).optional().describe('spec, step and source files changed since the last full verify: the figures it measured are stale'),
});
export type DebtSinceAck = z.infer<typeof DebtSinceAckSchema>;

type AckFigures = Record<'unreviewed' | 'drift' | 'selfGraded' | 'specChurnRatio', Figure>;
const AT_ACK: Partial<Values> = { unreviewed: 0, drift: 0, selfGraded: 0, specChurnRatio: null };

/** `edited`: the project's files changed since the last full verify (their figures there are stale). */
export function debtSinceAck(recorded: { measuredAt: string; metrics: Values } | undefined, last: DebtSummary | undefined, live: AckFigures, edited: string[] = []): DebtSinceAck {
  const before = { ...(recorded?.metrics ?? nothing()), ...AT_ACK } as Values;
  const now = { ...(last ? valuesOf(last.metrics) : nothing()), ...Object.fromEntries(Object.entries(live).map(([n, f]) => [n, f.value])) } as Values;
  // Scores over different metrics (e.g. the ack-based ones left out at the ack, counted now) are not
  // comparable, nor is one that still counted the debt of the ack before (the ack resets it).
  const scoredAlike =
    recorded &&
    (Object.keys(SCORE_WEIGHTS) as MetricName[]).every((n) => (recorded.metrics[n] === null) === (now[n] === null)) &&
    (['unreviewed', 'drift', 'selfGraded'] as const).every((n) => !recorded.metrics[n]);
  const metrics = Object.fromEntries(
    METRIC_NAMES.map((n) => {
      const [a, b] = [recorded || n in AT_ACK ? before[n] : null, now[n]];
      // The ack-based figures are measured now; the others (and the score over them) are the last run's.
      const stale = Boolean(last && edited.length && !(n in live));
      const change = a === null || b === null || stale || (n === 'score' && !scoredAlike) ? null : Math.round((b - a) * 100) / 100;
      return [n, { atAck: a, now: b, change, ...(stale ? { stale: true as const } : {}) }];
    }),
  ) as DebtSinceAck['metrics'];
  const because = [
    recorded ? '' : 'the ack recorded no debt figures (no full spec verify had measured them before it, or an older spec wrote it): run spec verify, then spec ack',
    last ? '' : 'no full spec verify has measured the figures: run spec verify',
    last && edited.length ? `${nameFew(edited)} changed since the last full verify: the figures it measured are stale until spec verify` : '',
  ].filter(Boolean).join('; ');
  return { atAck: recorded?.measuredAt ?? null, now: last?.measuredAt ?? null, metrics, ...(because ? { because } : {}), ...(last && edited.length ? { stale: edited } : {}) };
}

function nothing(): Values {
  return Object.fromEntries(METRIC_NAMES.map((n) => [n, null])) as Values;
}

/** Files modified after `since` (an ISO time): a last-modified time is all a past run left to compare with. */
export async function changedSince(root: string, files: readonly string[], since: string | undefined): Promise<string[]> {
  if (!since) return [];
  const at = Date.parse(since);
  const times = await Promise.all(files.map((f) => stat(path.join(root, f)).then((s) => s.mtimeMs, () => Number.POSITIVE_INFINITY)));
  return files.filter((_, i) => times[i]! > at);
}
