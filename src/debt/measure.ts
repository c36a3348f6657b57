import { METRIC_NAMES, type DebtReport, type DebtSummary, type Figure, type FileDebt, type HistoryEntry, type Metrics, type SpecDebt, type Values } from './model.js';
import { penalties, SCORE_WEIGHTS, scoreOf } from './score.js';
import { nameFew } from '../core/name-few.js';
import { builtReason, NO_SOURCES } from './line-debt.js';

const SCORED = Object.keys(SCORE_WEIGHTS) as (keyof typeof SCORE_WEIGHTS)[];

/*
 * The composition of comprehension debt: what each analysis measured, in, one DebtReport out. Pure:
 * the api/ layer gathers the inputs (binding health from the run, vacuous checks from the cached
 * analysis, line coverage and the ack when they exist) and this file only combines them and scores.
 * An input that is missing leaves its figures null with the reason, never a 0 that reads as "no debt".
 */

/** Binding health, from the run's result: steps by status, and definitions nothing used. */
export interface BindingInput {
  undefinedSteps: number;
  ambiguousSteps: number;
  pendingSteps: number;
  /** null when unused definitions were not judged (a narrowed run): the figure is then not measured. */
  unusedDefinitions: number | null;
  /** Steps run plus definitions: the score's denominator. */
  steps: number;
  definitions: number;
  /** Why unusedDefinitions is null. */
  because?: string;
}

/** Vacuous checks (debt/vacuous.ts), per spec file. */
export interface VacuousInput {
  /** `Then` steps run plus scenarios: the score's denominator. */
  checks: number;
  bySpec: Map<string, SpecDebt['vacuousChecks']>;
}

/**
 * H1's input: the last line-coverage record. `files` are the project's source files (FileDebt with
 * `unreviewed: null`: the ack fills that); `stale` are files whose content changed since the record
 * (their lines are not counted: the figures are then null, with the reason naming them).
 */
export interface CoverageInput {
  recordedAt: string;
  files: FileDebt[];
  stale: string[];
  /** Sources the suite ran as their build: not measured, named in the figures' `because`. */
  ranAsBuild?: { file: string; build: string }[];
}

/**
 * H2's input: the ack diff. `unreviewedByFile` are weighted changed lines per source file;
 * `weightedTotal` the same weight summed over every executable source line (the score's
 * denominator); `drift` maps a spec to its traced files that changed while it did not; `selfGraded`
 * lists the specs whose spec or steps changed with their traced code.
 */
export interface AckInput {
  ackAt: string;
  unreviewedByFile: Record<string, number>;
  weightedTotal: number;
  drift: Record<string, string[]>;
  selfGraded: string[];
  /** Why no spec is traced: drift and selfGraded null, never 0. */
  untraced?: string;
  /** null when no code line changed since the ack (a ratio over 0). */
  specChurnRatio: number | null;
}

/** Either the measurement, or why there is none (and what to do). */
export type Measured<T> = { value: T } | { because: string };

export interface MeasureInput {
  measuredAt: string;
  commit: string | null;
  binding: Measured<BindingInput>;
  vacuous: Measured<VacuousInput>;
  coverage: Measured<CoverageInput>;
  ack: Measured<AckInput>;
  /** Spec file → scenario count and traced files (from the run). */
  specs: Map<string, { scenarios: number; traced: string[] }>;
  /** Earlier runs, oldest first: the last is the one the delta compares with. */
  history: HistoryEntry[];
  warnings: DebtReport['warnings'];
}

export function measureDebt(input: MeasureInput): DebtReport {
  const metrics = figures(input);
  const previous = input.history.at(-1);
  const summary: DebtSummary = {
    measuredAt: input.measuredAt,
    commit: input.commit,
    ackAt: 'value' in input.ack ? input.ack.value.ackAt : null,
    metrics,
    delta: previous ? comparableDelta(valuesOf(metrics), previous.metrics) : null,
    files: changedFiles(input),
  };
  return { schemaVersion: 1, summary, history: input.history, files: fileShares(input), specs: specShares(input), warnings: input.warnings };
}

function figures(input: MeasureInput): Metrics {
  const { binding, vacuous, coverage, ack } = input;
  const cov = coverageFigures(coverage);
  const metrics: Metrics = {
    unspecified: cov.unspecified,
    declaredOnly: cov.declaredOnly,
    opaqueComplexity: cov.opaqueComplexity,
    unreviewed: from(ack, (a) => sum(Object.values(a.unreviewedByFile))),
    drift: traced(ack, (a) => Object.values(a.drift).filter((files) => files.length > 0).length),
    selfGraded: traced(ack, (a) => a.selfGraded.length),
    specChurnRatio: 'value' in ack && ack.value.specChurnRatio === null ? { value: null, because: NO_CODE_CHANGE } : from(ack, (a) => a.specChurnRatio ?? 0),
    vacuousChecks: from(vacuous, (v) => sum([...v.bySpec.values()].map((c) => c.length))),
    bindingHealth: 'value' in binding && binding.value.unusedDefinitions === null ? { value: null, because: binding.value.because ?? 'unused definitions not judged' } : from(binding, (b) => b.undefinedSteps + b.ambiguousSteps + b.pendingSteps + (b.unusedDefinitions ?? 0)),
    score: { value: null },
  };
  metrics.score = scoreOf(metrics, penalties(input));
  return metrics;
}

function coverageFigures(coverage: Measured<CoverageInput>): Pick<Metrics, 'unspecified' | 'declaredOnly' | 'opaqueComplexity'> {
  if (!('value' in coverage)) return { unspecified: { value: null, because: coverage.because }, declaredOnly: { value: null, because: coverage.because }, opaqueComplexity: { value: null, because: coverage.because } };
  const { files, stale } = coverage.value;
  // 0 over no code would read as "all of it specified": say it was not measured, and why.
  if (files.length === 0) return { unspecified: { value: null, because: NO_SOURCES }, declaredOnly: { value: null, because: NO_SOURCES }, opaqueComplexity: { value: null, because: NO_SOURCES } };
  if (stale.length > 0) {
    const because = `stale: ${nameFew(stale)} changed since the last line-coverage run (${coverage.value.recordedAt}): run spec verify --coverage (every scenario) to measure them`;
    return { unspecified: { value: null, because }, declaredOnly: { value: null, because }, opaqueComplexity: { value: null, because } };
  }
  const built = new Set((coverage.value.ranAsBuild ?? []).map((b) => b.file));
  const unmeasured = builtReason(coverage.value.ranAsBuild ?? []);
  const total = (pick: (f: FileDebt) => number | null) => {
    const values = files.filter((f) => !built.has(f.file)).map(pick);
    if (values.some((v) => v === null)) return { value: null, because: 'a file has no line-level record' };
    // A total without them would read better than the truth (the score over it too): not measured, and why.
    return unmeasured ? { value: null, because: unmeasured } : { value: sum(values as number[]) };
  };
  return { unspecified: total((f) => f.unspecifiedLines?.length ?? null), declaredOnly: total((f) => f.declaredOnlyLines?.length ?? null), opaqueComplexity: total((f) => f.opaqueComplexity) };
}

function traced(ack: Measured<AckInput>, value: (input: AckInput) => number): Figure {
  return 'value' in ack && ack.value.untraced ? { value: null, because: ack.value.untraced } : from(ack, value);
}

function from<T>(measured: Measured<T>, value: (input: T) => number): Figure {
  return 'value' in measured ? { value: value(measured.value) } : { value: null, because: measured.because };
}

export function valuesOf(metrics: Metrics): Values {
  return Object.fromEntries(METRIC_NAMES.map((n) => [n, metrics[n].value])) as Values;
}

/** Per metric, now − before; null where either side was not measured. */
export function deltaOf(now: Values, before: Values): Values {
  return Object.fromEntries(METRIC_NAMES.map((n) => [n, now[n] === null || before[n] === null ? null : round(now[n] - before[n])])) as Values;
}

/** A score over other metrics than the run before's is not comparable with it: its change is then null. */
function comparableDelta(now: Values, before: Values): Values {
  const delta = deltaOf(now, before);
  const scored = (v: Values) => SCORED.map((n) => v[n] === null).join();
  return scored(now) === scored(before) ? delta : { ...delta, score: null };
}

/** Why specChurnRatio is null though the ack is measured: a ratio over no changed code line. */
export const NO_CODE_CHANGE = 'no code line changed since the ack';

/** Source files changed since the ack (unreviewed lines) or since the line record (stale), with their own figures. */
function changedFiles(input: MeasureInput): NonNullable<DebtSummary['files']> {
  const unreviewed = 'value' in input.ack ? input.ack.value.unreviewedByFile : undefined;
  const coverage = 'value' in input.coverage ? input.coverage.value : undefined;
  const stale = new Set(coverage?.stale ?? []);
  const names = [...new Set([...Object.keys(unreviewed ?? {}), ...stale])].sort();
  return names.map((file) => {
    const lines = stale.has(file) ? null : (coverage?.files.find((f) => f.file === file)?.unspecifiedLines?.length ?? null);
    return { file, unreviewed: unreviewed ? (unreviewed[file] ?? 0) : null, unspecified: lines, stale: stale.has(file) };
  });
}

function fileShares(input: MeasureInput): FileDebt[] {
  if (!('value' in input.coverage)) return [];
  const unreviewed = 'value' in input.ack ? input.ack.value.unreviewedByFile : undefined;
  return input.coverage.value.files.map((f) => ({ ...f, unreviewed: unreviewed ? (unreviewed[f.file] ?? 0) : null }));
}

function specShares(input: MeasureInput): SpecDebt[] {
  const ack = 'value' in input.ack && !input.ack.value.untraced ? input.ack.value : undefined;
  const vacuous = 'value' in input.vacuous ? input.vacuous.value.bySpec : undefined;
  // Code-unit order, not localeCompare: that loads ICU's collator (≈ 25 ms) on every verify.
  return [...input.specs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([file, spec]) => ({
    file,
    scenarios: spec.scenarios,
    vacuousChecks: vacuous?.get(file) ?? [],
    traced: spec.traced,
    drift: ack ? (ack.drift[file] ?? []) : null,
    selfGraded: ack ? ack.selfGraded.includes(file) : null,
  }));
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const round = (n: number) => Math.round(n * 100) / 100;
