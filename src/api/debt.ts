import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DebtConfig } from '../config/schema.js';
import type { RunResult } from '../core/run-result.js';
import type { GateResult } from '../core/results.js';
import type { SpecProblem } from '../core/errors.js';
import type { UnusedScope } from '../bind/unused-scope.js';
import { headCommit } from '../core/git-head.js';
import { preloadLock } from '../impact/locked-update.js';
import type { ScenarioMap } from '../impact/scenario-map.js';
import { debtGate } from '../debt/gate.js';
import { appendHistory, readHistory, type History } from '../debt/history.js';
import { writeLastReport } from '../debt/last-report.js';
import { measureDebt, valuesOf, type AckInput, type BindingInput, type CoverageInput, type Measured, type VacuousInput } from '../debt/measure.js';
import { shareOf, type ShardDebt, type SpecsRan } from '../debt/shard-debt.js';
import type { DebtReport, DebtSummary } from '../debt/model.js';
import { analyzeSteps, NARROWED_RUN, vacuousChecks } from '../debt/vacuous-cache.js';
import type { StepAnalysis } from '../debt/vacuous.js';
import { NO_LINE_RECORD } from '../debt/line-debt.js';
import { LINE_RECORD_FILE } from '../debt/line-record.js';
import { projectFiles, type ProjectFiles } from '../debt/ack-files.js';
import { ACK_FILE } from '../debt/ack-store.js';
import { ackInputs, coverageInput, measureLines, type AckTrace } from './debt-inputs.js';
import { sharedSupportFiles } from '../impact/support-kind.js';
import { bindingOf, specsOf } from './debt-ran.js';
import { hashMeasured, type MeasuredFiles } from '../debt/measured-files.js';

// Comprehension debt around a run: startDebt begins the static part (cache checks, history, the
// commit) as soon as the run is prepared, so it overlaps the scenarios running in the child;
// finishDebt combines it with the run's result, records the history line and the report, and
// checks the thresholds. Both return data; nothing here prints.

export interface DebtWork {
  root: string;
  config: DebtConfig;
  globs: DebtGlobs;
  /** The run's support files (step files and the rest): those defining no step are traced by every scenario. */
  supportFiles: string[];
  /** Of those, the ones every scenario runs with, read while the scenarios run: after them it would delay the verdict. */
  shared: Promise<string[]>;
  /** The project's specs, steps and sources, listed once when a line record or an ack needs them. */
  files: Promise<ProjectFiles> | undefined;
  started: number;
  /** The step files' analysis, or why there is none. */
  steps: Promise<StepAnalysis | { because: string }>;
  history: Promise<History>;
  commit: Promise<string | null>;
  coverage: Promise<Measured<CoverageInput>>;
  /** Traced by the scenario map of the run before; `traceAck` traces by another (the run's own). */
  ack: Promise<Measured<AckInput>>;
  traceAck: AckTrace;
  mapBefore: Promise<ScenarioMap | undefined>;
  /** The writers the records need, loaded while the scenarios run rather than after them. */
  writers: Promise<unknown>;
  /** A whole run's files by content, kept with its report (undefined for a narrowed run, which writes none). */
  measured: Promise<MeasuredFiles | undefined> | undefined;
}

/** The history line and last report being written: verify awaits them before it returns; the verdict does not wait. */
const writing = new Set<Promise<unknown>>();

export async function debtRecorded(): Promise<void> {
  await Promise.all(writing);
}

/** Where the run's specs and step files are (globs, as the run resolved them): what debt counts as spec, step or source. */
export interface DebtGlobs {
  specs: string[];
  steps: string[];
}

/** After this run recorded its line coverage (`recorded`), the coverage figures are measured again against it. */
export function refreshLines(work: DebtWork, recorded: boolean): DebtWork {
  if (!recorded) return work;
  const lines = measureLines(work.root, work.globs, work.files ?? projectFiles(work.root, work.globs.specs, work.globs.steps));
  return { ...work, coverage: coverageInput(lines) };
}

/** `analyse`: read the step files for vacuous checks (default: unless partial). `env`: git's variables for HEAD's commit. */
export interface DebtStart { stepFiles: string[]; globs: DebtGlobs; partial: boolean; analyse?: boolean; env?: Record<string, string | undefined> }

export function startDebt(root: string, config: false | DebtConfig, { stepFiles, globs, partial, analyse = !partial, env }: DebtStart): DebtWork | undefined {
  if (config === false) return undefined;
  // A narrowed run (a watch pass) counts no vacuous checks, so it does not analyse the step files either.
  const steps = !analyse ? Promise.resolve({ because: NARROWED_RUN }) : analyzeSteps(root, stepFiles).catch((error: unknown) => ({ because: `the step files could not be analysed: ${error instanceof Error ? error.message : String(error)}` }));
  // Without a line record or an ack, nothing needs the source files: that is skipped, not guessed.
  const needsSources = existsSync(path.join(root, LINE_RECORD_FILE)) || existsSync(path.join(root, ACK_FILE));
  // Listed once, for the line figures and the ack's diff alike.
  const files = needsSources ? projectFiles(root, globs.specs, globs.steps) : undefined;
  // A narrowed run writes no report, and with no ack nothing weighs the lines: files edited since the line record stay unparsed.
  const staleShapes = !partial || existsSync(path.join(root, ACK_FILE));
  const lines = files ? measureLines(root, globs, files, staleShapes) : Promise.resolve({ because: NO_LINE_RECORD });
  // Hashed as the run begins, so an edit made while it runs reads as a change, never as measured.
  const measured = partial ? undefined : hashMeasured(root, globs, files ?? projectFiles(root, globs.specs, globs.steps)).catch(() => undefined);
  // A turn of the loop later: the run's job goes to the runner first.
  const shared = new Promise<void>((resolve) => setImmediate(resolve)).then(() => sharedSupportFiles(root, stepFiles));
  // Awaited only when a scenario ran; a read that failed is that run's error, never an unhandled one.
  shared.catch(() => undefined);
  const ack = ackInputs(root, files, lines);
  return { root, config, globs, supportFiles: stepFiles, shared, started: performance.now(), steps, history: readHistory(root), commit: headCommit(root, env), coverage: coverageInput(lines), ack: ack.early, traceAck: ack.trace, mapBefore: ack.before, files, writers: Promise.all([preloadLock(), import('write-file-atomic')]), measured };
}

export interface RunForDebt {
  result: RunResult | undefined;
  partial: boolean;
  unused: UnusedScope | undefined;
  kind: 'verify' | 'watch';
  /** Why there is no result, when it is not a run that ended early. */
  because?: string;
  /** A shard of a sharded run: its share of the whole run's figures is returned too, for spec merge. */
  shard?: boolean;
  /** The scenario map as this run leaves it: specs trace what their scenarios ran this time. */
  map?: (before: ScenarioMap | undefined) => Promise<ScenarioMap>;
}

export interface DebtOutcome {
  summary: DebtSummary;
  report: DebtReport;
  gate: GateResult | undefined;
  /** What measuring met (a torn history line), as verdict warnings. */
  problems: SpecProblem[];
  /** A shard's share of the figures that are sums over scenarios. */
  share?: Pick<ShardDebt, 'binding' | 'vacuous' | 'specs'>;
}

export async function finishDebt(work: DebtWork, run: RunForDebt): Promise<DebtOutcome> {
  const steps = await work.steps;
  const result = run.result;
  const noRun = { because: run.because ?? 'the run ended before any scenario result (see the failures)' };
  const judgeVacuous = (partial: boolean) => (!result ? noRun : 'because' in steps ? steps : vacuousChecks({ definitions: result.definitions, scenarios: result.scenarios, partial }, steps));
  const binding: Measured<BindingInput> = result ? { value: bindingOf(result, run.unused) } : noRun;
  const specs = specsOf(result, result ? [...result.globalSupportFiles, ...(await work.shared)] : []);
  const traced = run.map && existsSync(path.join(work.root, ACK_FILE)) ? { ...work, ack: work.mapBefore.then(run.map).then(work.traceAck, () => work.ack) } : work;
  const outcome = await measureRecorded(traced, { binding, vacuous: await judgeVacuous(run.partial), specs }, result ? { kind: run.kind, partial: run.partial } : undefined);
  // A shard's slice is one part of a run of everything: its counts are the whole's once summed (spec merge).
  return run.shard && result ? { ...outcome, share: shareOf(binding, await judgeVacuous(false), specs) } : outcome;
}

/**
 * The figures from what a run (or spec merge, from its shards) measured of binding health, vacuous
 * checks and specs; with `record`, the history line (and for a whole run the report) is written.
 */
export async function measureRecorded(work: DebtWork, ran: { binding: Measured<BindingInput>; vacuous: Measured<VacuousInput>; specs: SpecsRan }, record: { kind: 'verify' | 'watch'; partial: boolean } | undefined): Promise<DebtOutcome> {
  const { root } = work;
  const [history, commit, coverage, ack] = await Promise.all([work.history, work.commit, work.coverage, work.ack]);
  const report = measureDebt({ measuredAt: new Date().toISOString(), commit, ...ran, coverage, ack, history: history.entries.slice(-50), warnings: history.warnings });
  if (record) {
    const entry = { at: report.summary.measuredAt, kind: record.kind, partial: record.partial, commit, metrics: valuesOf(report.summary.metrics) };
    const write = work.writers.then(() => Promise.all([appendHistory(root, entry), record.partial ? undefined : Promise.resolve(work.measured).then((measured) => writeLastReport(root, report, measured))])).catch(() => undefined);
    writing.add(write);
    void write.finally(() => writing.delete(write));
  }
  const problems = report.warnings.map(({ code, message, file, line }): SpecProblem => ({ code, message, ...(file ? { location: { file, line: line ?? 1 } } : {}) }));
  return { summary: report.summary, report, gate: debtGate(work.config, report, performance.now() - work.started), problems };
}
