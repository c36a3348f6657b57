import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DebtConfig } from '../config/schema.js';
import type { RunResult } from '../core/run-result.js';
import type { GateResult } from '../core/results.js';
import type { SpecProblem } from '../core/errors.js';
import type { UnusedScope } from '../bind/unused-scope.js';
import { headCommit } from '../debt/commit.js';
import { preloadLock } from '../impact/locked-update.js';
import { debtGate } from '../debt/gate.js';
import { appendHistory, readHistory, type History } from '../debt/history.js';
import { writeLastReport } from '../debt/last-report.js';
import { measureDebt, valuesOf, type AckInput, type BindingInput, type CoverageInput, type Measured } from '../debt/measure.js';
import type { DebtReport, DebtSummary } from '../debt/model.js';
import { analyzeSteps, vacuousChecks } from '../debt/vacuous-cache.js';
import type { StepAnalysis } from '../debt/vacuous.js';

// Comprehension debt around a run: startDebt begins the static part (cache checks, history, the
// commit) as soon as the run is prepared, so it overlaps the scenarios running in the child;
// finishDebt combines it with the run's result, records the history line and the report, and
// checks the thresholds. Both return data; nothing here prints.

export interface DebtWork {
  root: string;
  config: DebtConfig;
  started: number;
  /** The step files' analysis, or why there is none. */
  steps: Promise<StepAnalysis | { because: string }>;
  history: Promise<History>;
  commit: Promise<string | null>;
  coverage: Promise<Measured<CoverageInput>>;
  ack: Promise<Measured<AckInput>>;
  /** The writers the records need, loaded while the scenarios run rather than after them. */
  writers: Promise<unknown>;
}

/** The history line and last report being written: verify awaits them before it returns; the verdict does not wait. */
const writing = new Set<Promise<unknown>>();

export async function debtRecorded(): Promise<void> {
  await Promise.all(writing);
}

export function startDebt(root: string, config: false | DebtConfig, stepFiles: string[]): DebtWork | undefined {
  if (config === false) return undefined;
  const steps = analyzeSteps(root, stepFiles).catch((error: unknown) => ({ because: `the step files could not be analysed: ${error instanceof Error ? error.message : String(error)}` }));
  return { root, config, started: performance.now(), steps, history: readHistory(root), commit: headCommit(root), coverage: coverageInput(root), ack: ackInput(root), writers: Promise.all([preloadLock(), import('write-file-atomic')]) };
}

/** H1's line-coverage record plugs in here: until a run records line coverage, the figures say so. */
async function coverageInput(_root: string): Promise<Measured<CoverageInput>> {
  return { because: 'no line-coverage record: this version of spec records which files a scenario runs, not which lines' };
}

/** H2's ack diff plugs in here: until `spec ack` has recorded a reviewed state, the figures say so. */
async function ackInput(root: string): Promise<Measured<AckInput>> {
  const why = existsSync(path.join(root, '.spec/ack.json')) ? 'this version of spec cannot read .spec/ack.json' : 'no reviewed state recorded yet (no .spec/ack.json)';
  return { because: why };
}

export interface RunForDebt {
  result: RunResult | undefined;
  partial: boolean;
  unused: UnusedScope | undefined;
  kind: 'verify' | 'watch';
}

export interface DebtOutcome {
  summary: DebtSummary;
  report: DebtReport;
  gate: GateResult | undefined;
  /** What measuring met (a torn history line), as verdict warnings. */
  problems: SpecProblem[];
}

export async function finishDebt(work: DebtWork, run: RunForDebt): Promise<DebtOutcome> {
  const { root } = work;
  const [steps, history, commit, coverage, ack] = await Promise.all([work.steps, work.history, work.commit, work.coverage, work.ack]);
  const result = run.result;
  const noRun = { because: 'the run ended before any scenario result (see the failures)' };
  const vacuous = !result ? noRun : 'because' in steps ? steps : await vacuousChecks({ definitions: result.definitions, scenarios: result.scenarios, partial: run.partial }, steps);
  const report = measureDebt({
    measuredAt: new Date().toISOString(),
    commit,
    binding: result ? { value: bindingOf(result, run.unused) } : noRun,
    vacuous,
    coverage,
    ack,
    specs: specsOf(result),
    history: history.entries.slice(-50),
    warnings: history.warnings,
  });
  if (result) {
    const entry = { at: report.summary.measuredAt, kind: run.kind, partial: run.partial, commit, metrics: valuesOf(report.summary.metrics) };
    const write = work.writers.then(() => Promise.all([appendHistory(root, entry), run.partial ? undefined : writeLastReport(root, report)])).catch(() => undefined);
    writing.add(write);
    void write.finally(() => writing.delete(write));
  }
  const problems = report.warnings.map(({ code, message, file, line }): SpecProblem => ({ code, message, ...(file ? { location: { file, line: line ?? 1 } } : {}) }));
  return { summary: report.summary, report, gate: debtGate(work.config, report, performance.now() - work.started), problems };
}

function bindingOf(result: RunResult, unused: UnusedScope | undefined): BindingInput {
  const steps = result.scenarios.flatMap((s) => s.steps);
  const count = (status: string) => steps.filter((s) => s.status === status).length;
  const judged = unused !== undefined && unused.scope !== 'none';
  return {
    undefinedSteps: count('undefined'),
    ambiguousSteps: count('ambiguous'),
    pendingSteps: count('pending'),
    unusedDefinitions: judged ? result.definitions.filter((d) => !d.used).length : null,
    steps: steps.length,
    definitions: result.definitions.length,
    ...(judged ? {} : { because: `unused definitions ${unused?.because ?? 'not judged'}` }),
  };
}

/** Each spec that ran: its scenarios and the files they trace (executed, with coverage; else the step files they bind to). */
function specsOf(result: RunResult | undefined): Map<string, { scenarios: number; traced: string[] }> {
  const specs = new Map<string, { scenarios: number; traced: Set<string> }>();
  const defFile = new Map(result?.definitions.map((d) => [d.id, d.uri]) ?? []);
  for (const s of result?.scenarios ?? []) {
    const spec = specs.get(s.uri) ?? { scenarios: 0, traced: new Set<string>() };
    spec.scenarios++;
    for (const file of s.covered ?? s.steps.flatMap((st) => st.definitionIds.map((id) => defFile.get(id) ?? ''))) if (file) spec.traced.add(file);
    specs.set(s.uri, spec);
  }
  return new Map([...specs].map(([file, s]) => [file, { scenarios: s.scenarios, traced: [...s.traced].sort() }]));
}
