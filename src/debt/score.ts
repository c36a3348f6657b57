import type { Figure, MetricName, Metrics } from './model.js';
import type { MeasureInput } from './measure.js';

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
 * score = round(100 × (1 − Σ wᵢ·pᵢ / Σ wᵢ)) over the metrics measured this run (a metric whose
 * figure is null is left out of both sums, and named in `because`); null when none was measured.
 */
export function scoreOf(metrics: Metrics, shares: Partial<Record<Scored, number>>): Figure {
  const names = (Object.keys(SCORE_WEIGHTS) as Scored[]).filter((n) => metrics[n].value !== null && shares[n] !== undefined);
  if (names.length === 0) return { value: null, because: 'no scored metric was measured' };
  const weights = sum(names.map((n) => SCORE_WEIGHTS[n]));
  const debt = sum(names.map((n) => SCORE_WEIGHTS[n] * shares[n]!)) / weights;
  const left = (Object.keys(SCORE_WEIGHTS) as Scored[]).filter((n) => !names.includes(n));
  return { value: Math.round(100 * (1 - debt)), ...(left.length ? { because: `over ${names.join(', ')} only: ${left.join(', ')} not measured` } : {}) };
}


const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
