import type { DebtConfig } from '../config/schema.js';
import { SpecloopError, type SpecProblem } from '../core/errors.js';
import type { GateResult } from '../core/results.js';
import type { DebtReport, MetricName } from './model.js';

/*
 * The debt gate: spec.config's `debt` thresholds checked against this run's figures. It is a gate
 * like typecheck or lint (named `debt` in the verdict's gates and the closing line), so a figure
 * past its threshold fails verify with exit 1. A threshold on a figure that was not measured is an
 * error, not a pass: the run cannot say the threshold holds.
 */

const LIMITS: { key: keyof DebtConfig; metric: MetricName; min?: true }[] = [
  { key: 'maxUnspecified', metric: 'unspecified' },
  { key: 'maxDeclaredOnly', metric: 'declaredOnly' },
  { key: 'maxOpaqueComplexity', metric: 'opaqueComplexity' },
  { key: 'maxUnreviewed', metric: 'unreviewed' },
  { key: 'maxDrift', metric: 'drift' },
  { key: 'maxSelfGraded', metric: 'selfGraded' },
  { key: 'maxVacuousChecks', metric: 'vacuousChecks' },
  { key: 'maxBindingHealth', metric: 'bindingHealth' },
  { key: 'minScore', metric: 'score', min: true },
];

/** The figures only a run that records line coverage measures (the score is over them too). */
const LINE_METRICS: ReadonlySet<MetricName> = new Set(['unspecified', 'declaredOnly', 'opaqueComplexity', 'score']);

/** Whether spec.config sets any debt threshold: only then is there a `debt` gate to run. */
export function hasDebtThresholds(config: DebtConfig | false): boolean {
  return config !== false && (Boolean(config.noVacuousChecks) || LIMITS.some((l) => config[l.key] !== undefined));
}

/** Whether a threshold is on a figure that needs line coverage: a full run then records it, or the gate could never be checked after an edit. */
export function thresholdsNeedLines(config: DebtConfig | false): boolean {
  return config !== false && LIMITS.some((l) => config[l.key] !== undefined && LINE_METRICS.has(l.metric));
}

/**
 * `--gate` names the debt gate as it names the others: every gate by default (on a run of the whole
 * suite, a shard included), `none` none, and `debt` among the names runs it (the other names are
 * the command gates'). A watch pass or an
 * agent's edit hook asks for no gates: a narrowed run cannot check a whole-project threshold, and
 * failing every pass as unchecked would send the agent after a fault no code change fixes.
 */
export function chooseDebtGate(only: string[] | false | undefined, config: DebtConfig | false, narrowed = false): DebtGateChoice {
  // An empty list names no gate to pick, so every gate runs, as with none given (an agent's MCP
  // call often fills an optional list with []): only `false` ("none") turns the gates off.
  const picked = only && only.length === 0 ? undefined : only;
  // `available`: a `debt` gate exists to name (an unknown --gate name's message lists it).
  return { ...choose(picked, config, narrowed), available: hasDebtThresholds(config) };
}

/** A shard's debt gate left to spec merge, which measures the whole run from every shard's lines. */
export const DEFERRED_TO_MERGE = 'checked by spec merge';

/** Whether a gate is a shard's deferred debt gate (a narrowed shard's skipped gate is not: merge leaves it skipped). */
export function isDeferredDebtGate(gate: Pick<GateResult, 'name' | 'status' | 'reason'>): boolean {
  return gate.name === 'debt' && gate.status === 'skipped' && gate.reason === DEFERRED_TO_MERGE;
}

interface DebtGateChoice {
  debt: boolean;
  only: string[] | false | undefined;
  note?: SpecProblem;
  skipped?: GateResult;
  available?: boolean;
}

function choose(only: string[] | false | undefined, config: DebtConfig | false, narrowed: boolean): DebtGateChoice {
  // A run the person narrowed (paths, --tags, --name, --changed) measures only what it ran: the
  // whole-project thresholds are the full run's to check, unless asked for by name. It says so,
  // in the warnings and as a skipped gate the closing line names, so it never reads as passed.
  if (only === undefined && narrowed && hasDebtThresholds(config)) {
    const note = notGated();
    return { debt: false, only, note, skipped: { name: 'debt', command: [], status: 'skipped', durationMs: 0, exitCode: null, log: note.message, reason: 'narrowed run' } };
  }
  if (only === undefined || only === false) return { debt: only === undefined && !narrowed, only };
  if (!only.includes('debt')) return { debt: false, only };
  if (!hasDebtThresholds(config)) {
    throw new SpecloopError({ code: 'SPEC_USAGE', message: '--gate debt: no debt threshold is set, so there is no debt gate to run', hint: 'set one in spec.config, e.g. "debt": { "minScore": 70 } (`spec debt` prints the figures without a gate)' });
  }
  return { debt: true, only: only.filter((name) => name !== 'debt') };
}

/** What a narrowed run says instead of checking the thresholds it cannot measure. */
function notGated(): SpecProblem {
  return { code: 'SPEC_DEBT_NOT_GATED', message: 'the debt thresholds in spec.config were not checked: this run was narrowed (paths, --tags, --name or --changed) and measures only what it ran', hint: 'a full spec verify checks them; --gate debt asks for them here (they fail as unchecked when this run cannot measure them)' };
}

/** undefined when no threshold is set. */
export function debtGate(config: DebtConfig, report: DebtReport, durationMs: number): GateResult | undefined {
  const limits = LIMITS.map((l) => ({ ...l, threshold: config[l.key] as number | undefined })).filter((l) => l.threshold !== undefined);
  if (config.noVacuousChecks) limits.push({ key: 'noVacuousChecks', metric: 'vacuousChecks', threshold: 0 });
  if (limits.length === 0) return undefined;
  const lines: string[] = [];
  let unmeasured = false;
  for (const { key, metric, min, threshold } of limits) {
    const figure = report.summary.metrics[metric];
    if (figure.value === null) {
      unmeasured = true;
      // Why on a line of its own: the reasons carry parentheses and colons of their own.
      lines.push(`${metric}: not measured, so ${key}: ${threshold} cannot be checked\n  why: ${figure.because ?? 'no reason given'}`);
    } else if (min ? figure.value < threshold! : figure.value > threshold!) {
      lines.push(`${metric} is ${figure.value}, ${min ? 'below' : 'over'} ${key}: ${key === 'noVacuousChecks' ? 'true' : threshold}${offenders(metric, report)}`);
    }
  }
  const status = lines.length === 0 ? 'passed' : unmeasured && lines.every((l) => l.includes('not measured')) ? 'error' : 'failed';
  return { name: 'debt', command: [], status, durationMs, exitCode: null, log: lines.join('\n') };
}

/** The worst few places behind a figure, so the message says where to pay. */
export function offenders(metric: MetricName, report: DebtReport, max = 5): string {
  const list = offenderList(metric, report).slice(0, max);
  return list.length ? `\n  ${list.join('\n  ')}` : '';
}

export function offenderList(metric: MetricName, report: DebtReport): string[] {
  const byFile = (pick: (f: DebtReport['files'][number]) => number | null, unit: string) =>
    report.files.map((f) => ({ f: f.file, n: pick(f) ?? 0 })).filter((x) => x.n > 0).sort((a, b) => b.n - a.n).map((x) => `${x.f}: ${x.n} ${x.n === 1 ? unit.replace(/(lines|points)\b/, (w) => w.slice(0, -1)) : unit}`);
  switch (metric) {
    case 'unspecified':
      return byFile((f) => f.unspecifiedLines?.length ?? null, 'unspecified lines');
    case 'declaredOnly':
      return byFile((f) => f.declaredOnlyLines?.length ?? null, 'declared-only lines');
    case 'opaqueComplexity':
      return byFile((f) => f.opaqueComplexity, 'points of opaque complexity');
    case 'unreviewed':
      return byFile((f) => f.unreviewed, 'weighted unreviewed lines');
    case 'vacuousChecks':
      return report.specs.flatMap((s) => s.vacuousChecks.map((v) => `${s.file}:${v.line} ${v.kind === 'no-then' ? `scenario "${v.text}" has no Then` : `"${v.text}" cannot fail${v.definition ? ` (${v.definition.file}:${v.definition.line})` : ''}`}`));
    case 'drift':
      return report.specs.filter((s) => s.drift?.length).map((s) => `${s.file}: ${s.drift!.join(', ')} changed since the ack`);
    case 'selfGraded':
      return report.specs.filter((s) => s.selfGraded).map((s) => `${s.file}: changed together with its code`);
    case 'score':
      return (['unspecified', 'vacuousChecks', 'drift', 'bindingHealth'] as const).flatMap((m) => offenderList(m, report).slice(0, 2));
    default:
      return [];
  }
}
