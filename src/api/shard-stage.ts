import type { RunConfig } from '../config/run-config.js';
import type { SpecFile } from '../spec/model.js';
import type { RunSpecs } from '../spec/select-run.js';
import type { ShardSelection } from '../spec/shard-select.js';
import type { ListedSpec } from '../spec/shard-list.js';
import { CUT_SHORT, type UnusedScope } from '../bind/unused-scope.js';
import type { SpecProblem } from '../core/errors.js';
import type { GateResult } from '../core/results.js';
import type { ShardDebt } from '../debt/shard-debt.js';
import type { DebtGlobs, DebtOutcome } from './debt.js';
import type { ResolvedConfig } from '../config/schema.js';
import { chooseDebtGate, DEFERRED_TO_MERGE } from '../debt/gate.js';
import type { RunOptions } from '../run/options.js';
import type { RunOutcome } from '../run/runner.js';
import { runsEverything } from './run-coverage.js';

export interface ShardFirst {
  root: string;
  shard: string;
  globs: string[];
  paths?: string[];
  parseHere?: boolean;
  supportGlobs: string[];
  values: RunConfig['values'];
  /** The run's Gherkin language (the profile's `language:`). */
  language?: string | undefined;
}

/** The suite listed, this shard's slice of it (none when nothing is runnable), and the step files the slice binds (undefined: all). */
export async function shardFirst(request: ShardFirst, compile: () => Promise<RunSpecs>): Promise<{ specs: RunSpecs; slice?: ShardSelection; stepFiles?: string[] }> {
  const { specs, listed } = await listForShard(request.root, request.globs, request.paths ?? [], Boolean(request.parseHere), compile, request.language);
  if (listed.length === 0) return { specs };
  const slice = await shardOf(request.shard, request.root, listed, specs.selection.lines, request.values);
  const stepFiles = await shardStepFiles(request.root, request.supportGlobs, slice.field.scenarios);
  return { specs, slice, ...(stepFiles ? { stepFiles } : {}) };
}

/** The slice of specs compiled the usual way (--shard with --changed: the support code already loads). */
export async function sliceOfCompiled(shard: string, root: string, files: SpecFile[], lines: Map<string, number[]>, values: RunConfig['values']): Promise<ShardSelection> {
  return shardOf(shard, root, await (await import('../spec/shard-list.js')).listDocuments(files), lines, values);
}

// What --shard adds to the stages (stages.ts): listing the suite, the slice, and the step files
// the slice binds, before the support code starts loading.

/** The step files the slice's scenarios bind, from the stamped scenario map; undefined: load them all. */
async function shardStepFiles(root: string, globs: string[], ids: string[]): Promise<string[] | undefined> {
  const [{ loadScenarioMap }, { stepFilesOfShard }, { supportState }] = await Promise.all([import('../impact/scenario-map.js'), import('../impact/selection-steps.js'), import('../impact/binding-stamp.js')]);
  const [map, support] = await Promise.all([loadScenarioMap(root), supportState(root, globs)]);
  return stepFilesOfShard(root, map, ids, support);
}

/**
 * The specs a shard lists before its support code loads: plain Gherkin from the list kept by text
 * hash (no parse for a file seen before: shard-list.ts), anything else compiled as usual.
 */
async function listForShard(root: string, globs: string[], paths: string[], parseHere: boolean, compile: () => Promise<RunSpecs>, language: string | undefined): Promise<{ specs: RunSpecs; listed: ListedSpec[] }> {
  const { listPlainSpecs, listDocuments } = await import('../spec/shard-list.js');
  const plain = parseHere ? undefined : await listPlainSpecs(root, globs, paths, language);
  if (!plain) {
    const specs = await compile();
    return { specs, listed: await listDocuments(specs.runnable) };
  }
  const files = plain.listed.map((l) => l.file);
  const listed = plain.listed.filter((l) => l.scenarios.length > 0);
  // Left to cucumber to parse, as a whole run leaves plain Gherkin: a parse error there brings the parse back here.
  const compiled = { files, problems: [], warnings: [], sourceOf: new Map(files.map((f) => [f.path, f.path])) };
  return { specs: { selection: plain.selection, parsedInRunner: true, compiled, runnable: listed.map((l) => l.file), problems: [] }, listed };
}

/** This shard's slice of the listed scenarios, balanced by the recorded durations. */
async function shardOf(text: string, root: string, files: ListedSpec[], lines: Map<string, number[]>, values: RunConfig['values']): Promise<ShardSelection> {
  const [{ parseShard }, { selectShard }, { loadDurations }] = await Promise.all([import('../spec/shard.js'), import('../spec/shard-select.js'), import('../impact/durations.js')]);
  return selectShard({ files, lines, tagExpression: values.tags.value, names: values.names.value, shard: parseShard(text), durations: loadDurations(root), strict: values.strict.value });
}

/** What a slice changes in the prepared run: it is filtered, no file ran whole, unused definitions are judged against the suite. */
export function narrowToSlice(base: { shard?: ShardSelection['field']; filtered: boolean; wholeFiles: string[]; unused: UnusedScope; warnings: SpecProblem[] }, slice: ShardSelection): void {
  base.shard = slice.field;
  base.filtered = true;
  // No file ran whole: the scenario map must keep what the other shards' scenarios recorded.
  base.wholeFiles = [];
  // A definition only other shards' scenarios use is still used: judged against the whole suite.
  if (base.unused.scope === 'run') base.unused = { scope: 'suite', because: 'judged against every scenario in the specs: the run was split into shards' };
  if (slice.empty) base.warnings.push(slice.empty);
}

/**
 * The debt gate's choice: a shard of a run of everything is one slice of that run, not a narrowed
 * one, so its gate is chosen as the whole run's and deferred to spec merge, which judges the whole.
 */
export function debtGateOf(options: RunOptions, prepared: { filtered: boolean; shard?: ShardSelection['field']; run: RunConfig; config: ResolvedConfig }): ReturnType<typeof chooseDebtGate> & { deferred: boolean } {
  const slice = Boolean(prepared.shard) && runsEverything(options, prepared.run.values);
  return { ...chooseDebtGate(options.gates, prepared.config.debt, prepared.filtered && !slice), deferred: Boolean(prepared.shard) };
}

/**
 * Whether debt reads the step files for vacuous checks: a whole run does, and so does each shard,
 * for its share of the merged figures (without it the merged record would have none).
 */
export function analysesSteps(prepared: { filtered: boolean; shard?: ShardSelection['field'] }): boolean {
  return !prepared.filtered || Boolean(prepared.shard);
}

/**
 * A shard's debt gate: a shard ran one slice, so it cannot check a whole-project threshold; spec
 * merge checks it over every shard's lines. Not `passed`: nothing was checked here.
 */
export function deferredDebtGate(): GateResult {
  return { name: 'debt', command: [], status: 'skipped', durationMs: 0, exitCode: null, reason: DEFERRED_TO_MERGE, log: 'deferred: a shard measures only its slice, so the debt thresholds are checked by spec merge over every shard\'s lines' };
}

/** What a shard's verdict carries for spec merge's debt: its slice's lines (null without line coverage) and its share of the figures. */
export async function shardDebtOf(root: string, request: { executed: Record<string, number[]> | undefined; globs: DebtGlobs; startedAt: Date; share: DebtOutcome['share'] }): Promise<ShardDebt | undefined> {
  if (!request.share) return undefined;
  if (!request.executed) return { globs: request.globs, lines: null, ...request.share };
  const [{ lineRecordOf }, { shardLinesOf }, { sourceFiles }] = await Promise.all([import('../debt/line-record.js'), import('../debt/shard-lines.js'), import('../debt/sources.js')]);
  const record = lineRecordOf(root, request.executed, await sourceFiles(root, { steps: request.globs.steps }), request.startedAt);
  return { globs: request.globs, lines: shardLinesOf(record), ...request.share };
}

/** The shard field of a shard's verdict, with what spec merge needs for the debt (none when debt is off, no lines when the run was cut short). */
export async function withShardDebt(root: string, prepared: { shard?: ShardSelection['field']; unused: UnusedScope; run: RunConfig }, outcome: RunOutcome | undefined, request: { supportGlobs: string[]; startedAt: Date; share: DebtOutcome['share'] }): Promise<ShardSelection['field'] & { debt?: ShardDebt }> {
  const field = prepared.shard!;
  // Scenarios cut for blocking ran only part of their lines: the whole run's record cannot be built from them.
  const cut = prepared.unused.scope === 'none' && prepared.unused.because === CUT_SHORT.because;
  const executed = outcome?.kind === 'result' && !cut ? outcome.result.executedLines : undefined;
  const debt = await shardDebtOf(root, { executed, globs: { specs: prepared.run.values.specs.value, steps: request.supportGlobs }, startedAt: request.startedAt, share: request.share });
  return debt ? { ...field, debt } : field;
}
