import type { Figure, MetricName, Metrics } from './model.js';
import type { MeasureInput } from './measure.js';
import { NO_ACK } from './ack-debt.js';
import { NO_LINE_RECORD, NO_SOURCES } from './line-debt.js';

/*
 * The debt score, 0–100 (100: no debt): each scored metric as a share of its whole, weighted. The
 * README's "Comprehension debt" gives the formula with a worked example; test/debt-measure.test.ts
 * checks that example.
 */

/**
 * Each scored metric's share of its whole, 0–1 (see the README's score formula). Missing when the
 * metric was not measured or its whole is empty.
 */
export const SCORE_WEIGHTS = { unspecified: 3, opaqueComplexity: 2, unreviewed: 2, vacuousChecks: 2, drift: 1, selfGraded: 1, bindingHealth: 1 } as const satisfies Partial<Record<MetricName, number>>;
type Scored = keyof typeof SCORE_WEIGHTS;

export function penalties(input: MeasureInput): Partial<Record<Scored, number>> {
  const out: Partial<Record<Scored, number>> = {};
  const ratio = (part: number, whole: number) => (whole > 0 ? Math.min(1, part / whole) : undefined);
  const set = (name: Scored, value: number | undefined) => {
    if (value !== undefined) out[name] = value;
  };
  if ('value' in input.coverage) {
    const files = input.coverage.value.files;
    set('unspecified', ratio(sum(files.map((f) => f.unspecifiedLines?.length ?? 0)), sum(files.map((f) => f.executableLines))));
    set('opaqueComplexity', ratio(sum(files.map((f) => f.opaqueComplexity ?? 0)), sum(files.flatMap((f) => f.functions.map((fn) => fn.complexity)))));
  }
  if ('value' in input.ack) {
    const a = input.ack.value;
    set('unreviewed', ratio(sum(Object.values(a.unreviewedByFile)), a.weightedTotal));
    set('drift', ratio(Object.values(a.drift).filter((f) => f.length > 0).length, input.specs.size));
    set('selfGraded', ratio(a.selfGraded.length, input.specs.size));
  }
  if ('value' in input.vacuous) set('vacuousChecks', ratio(sum([...input.vacuous.value.bySpec.values()].map((c) => c.length)), input.vacuous.value.checks));
  if ('value' in input.binding) {
    const b = input.binding.value;
    set('bindingHealth', ratio(b.undefinedSteps + b.ambiguousSteps + b.pendingSteps + (b.unusedDefinitions ?? 0), b.steps + b.definitions));
  }
  return out;
}

/**
 * Why a metric may be left out of the score: the project has not set it up yet (no line-coverage
 * record, no ack). Any other reason (stale lines, a narrowed run, a run cut short) is this run
 * missing a figure the project does measure.
 */
const NOT_SET_UP = new Set([NO_LINE_RECORD, NO_ACK, NO_SOURCES]);

/**
 * score = round(100 × (1 − Σ wᵢ·pᵢ / Σ wᵢ)) over the scored metrics the project measures. A metric
 * the project has not set up is left out of both sums (and named in `because`); one it measures
 * that this run could not is not left out: the score is then null, since a score over the rest
 * would read better than the truth (a stale unspecified once lifted 67 to 91).
 */
export function scoreOf(metrics: Metrics, shares: Partial<Record<Scored, number>>): Figure {
  const scored = Object.keys(SCORE_WEIGHTS) as Scored[];
  const missed = scored.filter((n) => metrics[n].value === null && !NOT_SET_UP.has(metrics[n].because ?? ''));
  if (missed.length > 0) {
    const why = [...new Set(missed.map((n) => metrics[n].because ?? 'not measured'))].join('; ');
    // The reasons carry parentheses of their own: set after a dash, not wrapped in more.
    return { value: null, because: `the score needs ${missed.join(', ')}, which this run could not measure — ${why}` };
  }
  const names = scored.filter((n) => metrics[n].value !== null && shares[n] !== undefined);
  if (names.length === 0) return { value: null, because: 'no scored metric was measured' };
  const weights = sum(names.map((n) => SCORE_WEIGHTS[n]));
  const debt = sum(names.map((n) => SCORE_WEIGHTS[n] * shares[n]!)) / weights;
  // A metric measured over an empty whole (0 of 0) is not "not measured": its figure says 0.
  const empty = scored.filter((n) => !names.includes(n) && metrics[n].value !== null);
  const left = scored.filter((n) => !names.includes(n) && metrics[n].value === null);
  const why = [...(empty.length ? [`${empty.join(', ')} measured over nothing (0 of 0)`] : []), ...(left.length ? [`${left.join(', ')} not measured`] : [])];
  return { value: Math.round(100 * (1 - debt)), ...(why.length ? { because: `over ${names.join(', ')} only: ${why.join('; ')}` } : {}) };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
