import { DebtReportSchema, METRIC_NAMES, type DebtReport, type HistoryEntry, type Values } from '../src/debt/model.js';

/*
 * Debt reports built by hand the way `spec debt --json` shapes them, checked by the schema, for
 * the debt page's tests. Names and step text carry `<`, `&` and quotes on purpose: the page must
 * show them as text.
 */

const COVERAGE = ['unspecified', 'declaredOnly', 'opaqueComplexity'] as const;
const ACK = ['unreviewed', 'drift', 'selfGraded', 'specChurnRatio'] as const;
export const HOSTILE_FILE = `src/<img src=x onerror=alert(1)> & "quoted" 'file'.ts`;
export const HOSTILE_STEP = `Then the total is <b>"12 & 13"</b> '</td>'`;

function values(run: number): Values {
  const entry = Object.fromEntries(METRIC_NAMES.map((name) => [name, null])) as Values;
  // Coverage was first recorded on run 3 and missed on run 7; the first ack came before run 5.
  const covered = run >= 3 && run !== 7;
  const acked = run >= 5;
  if (covered) Object.assign(entry, { unspecified: 420 - run * 18, declaredOnly: 30 - run, opaqueComplexity: 96 - run * 4 });
  if (acked) Object.assign(entry, { unreviewed: [0, 0, 0, 0, 0, 12.5, 40, 3, 55.25, 80, 14, 22][run]!, drift: run % 3, selfGraded: run > 8 ? 1 : 0, specChurnRatio: 18.4 + run });
  entry.vacuousChecks = run < 6 ? 7 : 4;
  entry.bindingHealth = run === 4 ? 3 : 1;
  entry.score = Math.min(100, 48 + run * 3.5);
  return entry;
}

function history(runs: number): HistoryEntry[] {
  return Array.from({ length: runs }, (_, run) => ({
    at: new Date(Date.UTC(2026, 10, 18 + run, 9 + (run % 5), 12)).toISOString(),
    kind: run % 4 === 3 ? ('watch' as const) : ('verify' as const),
    partial: run % 4 === 3,
    commit: run % 2 ? `9f3c2${run}a7d41be0c11aa2e6f0` : null,
    metrics: values(run),
  }));
}

/** A project measured over twelve runs: coverage from run 3 (missed on run 7), an ack from run 5. */
export function richReport(): DebtReport {
  const runs = history(12);
  const last = runs.at(-1)!.metrics;
  const previous = runs.at(-2)!.metrics;
  const metrics = Object.fromEntries(METRIC_NAMES.map((name) => [name, { value: last[name] }]));
  const delta = Object.fromEntries(METRIC_NAMES.map((name) => [name, last[name] === null || previous[name] === null ? null : last[name]! - previous[name]!]));
  return DebtReportSchema.parse({
    schemaVersion: 1,
    summary: { measuredAt: runs.at(-1)!.at, commit: '9f3c2b7a7d41be0c11aa2e6f0', ackAt: '2026-11-22T08:00:00.000Z', metrics, delta },
    history: runs,
    files: [
      { file: 'src/pay/refund.ts', executableLines: 140, unspecifiedLines: [...range(12, 58), ...range(90, 121), 133], declaredOnlyLines: range(12, 20), opaqueComplexity: 31, unreviewed: 14, functions: [fn('refundPartial', 12, 58, 17, false), fn('refundAll', 60, 88, 4, true), fn('reverseFee', 90, 121, 14, false)] },
      { file: HOSTILE_FILE, executableLines: 22, unspecifiedLines: [3, 4, 5, 9], declaredOnlyLines: [], opaqueComplexity: 2, unreviewed: 0, functions: [fn('<anonymous>', 3, 9, 2, false)] },
      { file: 'src/cart/total.ts', executableLines: 64, unspecifiedLines: [40, 41], declaredOnlyLines: [], opaqueComplexity: 0, unreviewed: 8, functions: [fn('total', 5, 38, 6, true)] },
      { file: 'src/cart/empty.ts', executableLines: 10, unspecifiedLines: [], declaredOnlyLines: [], opaqueComplexity: 0, unreviewed: 0, functions: [] },
    ],
    specs: [
      { file: 'features/refund.feature', scenarios: 6, vacuousChecks: [{ kind: 'vacuous-then', line: 14, text: 'Then the refund is recorded', definition: { file: 'steps/refund.steps.ts', line: 31 } }, { kind: 'no-then', line: 22, text: 'Scenario: refund a gift card' }], traced: ['src/pay/refund.ts'], drift: ['src/pay/refund.ts'], selfGraded: false },
      { file: 'specs/cart & "checkout".md', scenarios: 3, vacuousChecks: [{ kind: 'vacuous-then', line: 9, text: HOSTILE_STEP, definition: { file: 'steps/cart.steps.ts', line: 7 } }], traced: ['src/cart/total.ts', HOSTILE_FILE], drift: [], selfGraded: true },
      { file: 'features/login.feature', scenarios: 4, vacuousChecks: [], traced: ['src/auth/login.ts'], drift: [], selfGraded: false },
    ],
    // No debt-specific warning code exists on main yet: a parse problem stands in for "a file that does not parse".
    warnings: [{ code: 'SPEC_PARSE', message: 'does not parse as TypeScript: its complexity is not measured', file: 'src/legacy/<old>.ts', line: 7 }],
  });
}

/** The first measured run of a project with no coverage run and no ack: most figures unmeasured. */
export function firstRunReport(): DebtReport {
  const notCovered = { value: null, because: 'no line-coverage run yet: run spec verify --coverage' };
  const notAcked = { value: null, because: 'no review recorded yet: run spec ack' };
  const metrics = Object.fromEntries(METRIC_NAMES.map((name) => [name, (COVERAGE as readonly string[]).includes(name) ? notCovered : (ACK as readonly string[]).includes(name) ? notAcked : { value: name === 'score' ? null : 0, ...(name === 'score' ? { because: 'needs line coverage: run spec verify --coverage' } : {}) }]));
  return DebtReportSchema.parse({
    schemaVersion: 1,
    summary: { measuredAt: '2026-11-30T02:00:00.000Z', commit: null, ackAt: null, metrics, delta: null },
    history: [],
    files: [{ file: 'src/index.ts', executableLines: 12, unspecifiedLines: null, declaredOnlyLines: null, opaqueComplexity: null, unreviewed: null, functions: [fn('main', 1, 12, 3, null)] }],
    specs: [{ file: 'features/hello.feature', scenarios: 1, vacuousChecks: [], traced: ['src/index.ts'], drift: null, selfGraded: null }],
    warnings: [],
  });
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function fn(name: string, line: number, endLine: number, complexity: number, executed: boolean | null) {
  return { name, line, endLine, complexity, executed };
}
