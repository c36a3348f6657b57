import path from 'node:path';
import type { ResolvedConfig } from '../config/schema.js';
import { relativePath, type SpecEnvironment } from '../core/env.js';
import { SpecloopError, type SpecProblem } from '../core/errors.js';
import { noSpecsAtAll, noSpecsFound, selectRunSpecs } from '../spec/select-run.js';
import { supportFiles, supportGlobsOf } from '../bind/support-files.js';
import { unusedScope, type UnusedScope } from '../bind/unused-scope.js';
import { planRun, supportJob, type RunPlan } from '../run/job.js';
import { replaceForLines } from '../run/start.js';
import { workersOf } from '../run/workers.js';
import { coverageOf } from './run-coverage.js';
import type { RunOptions } from '../run/options.js';
import type { Runner } from '../run/runner.js';
import type { Selection } from '../impact/select.js';
import { mark } from '../core/timing.js';
import { combineTags, type ProfileOverlay } from '../config/profile.js';
import { suiteScope } from '../impact/record.js';
import type { RunConfig } from '../config/run-config.js';
import { failOnFlakyWithoutRetry } from '../config/run-checks.js';
import { dryRunRefused } from '../config/profile-checks.js';
import type { ShardField } from '../spec/shard-select.js';
import { narrowToSlice, shardFirst, sliceOfCompiled } from './shard-stage.js';

// The stages between the resolved config and the verdict, composed for verify-run.ts: binding
// (support files), --changed (impact), the specs, the run job; then the run and what it found.
// Each stage is a function of its own folder; this file only hands one's data to the next.

export interface Prepared {
  config: ResolvedConfig;
  /** The resolved config: every value with its source (config/run-config.ts). */
  run: RunConfig;
  overlay: ProfileOverlay | undefined;
  /** Strict as the run got it (spec.config, else the profile, else the default). */
  strict: boolean;
  /** A flaky scenario fails the verdict (--fail-on-flaky, or spec.config's failOnFlaky). */
  failOnFlaky: boolean;
  /** The specs were left for cucumber to parse (plain Gherkin, no line filters). */
  parsedInRunner: boolean;
  wholeFiles: string[];
  /** Configured tags and names (impact/record.ts suiteScope). */
  scope: string;
  /** Set by --changed: what the git changes selected, and why. */
  selection: Selection | undefined;
  supportFiles: string[];
  specFiles: string[];
  /** Undefined when there is nothing to run. */
  plan: RunPlan | undefined;
  problems: SpecProblem[];
  /** Said in the verdict, never failing it: what may not be what the author meant (Markdown, the cucumber profile). */
  warnings: SpecProblem[];
  /** Source files whose front matter says `status: draft`. */
  drafts: Set<string>;
  filtered: boolean;
  unused: UnusedScope;
  sourceOf: Map<string, string>;
  /** Set by --shard: this run's slice of the suite, for the verdict. */
  shard?: ShardField;
}

/** What the config stage resolved, and the runner the support code loads in. */
export interface Resolved {
  options: RunOptions;
  env: SpecEnvironment;
  child: Runner;
  config: ResolvedConfig;
  run: RunConfig;
  /** Files the run writes itself (the profile's reports), absolute. */
  outputs: string[];
  /** Where `child` is kept: a run that records lines replaces it there with one whose compile cache is off. */
  runners?: Runner[];
}

export async function prepareStages({ options, env, child, config, run, outputs, runners }: Resolved): Promise<Prepared> {
  const { overlay, values } = run;
  // A dry run executes no step: a verdict from it would pass on nothing run (spec steps is the dry run).
  if (overlay?.dryRun && !options.dryRun) throw new SpecloopError(dryRunRefused(run.cucumberConfig ?? 'the cucumber config', values.profile.value ?? 'default'));
  const specGlobs = values.specs.value;
  const configuredTags = combineTags(config.tags, overlay?.tags);
  const scope = suiteScope(configuredTags, overlay?.names ?? []);
  const selectChanges = () => (options.changed || options.since ? import('../impact/changes.js').then((m) => m.selectChanged({ root: env.cwd, specGlobs, paths: options.paths, since: options.since, changedFiles: options.changedFiles, outputs, scope })) : Promise.resolve(undefined));
  // A warm runner re-reads every module it loads: selecting first, it loads only the step files the selection binds to.
  const early = options.stepsOfSelection ? await selectChanges() : undefined;
  const specsOf = (changes: Selection | undefined) => selectRunSpecs({ root: env.cwd, globs: specGlobs, paths: changes && !changes.all ? changes.paths : (options.paths ?? []), parseHere: Boolean(options.parseSpecsHere || options.shard), checkLines: !changes && !options.selected, language: overlay?.language });
  // A shard lists its slice first, to load only the step files it binds.
  const first = options.shard && !options.changed && !options.since ? await shardFirst({ root: env.cwd, shard: options.shard, globs: specGlobs, paths: options.paths, parseHere: options.parseSpecsHere, supportGlobs: supportGlobsOf(config, overlay), values, language: overlay?.language }, () => specsOf(undefined)) : undefined;
  const workers = workersOf(options, overlay);
  const coverage = coverageOf(options, values, config, workers.parallel);
  // A shard recording lines for the merged debt loads every step file, as the whole run would (their load runs code; every definition counts).
  const stepFiles = options.stepFiles ?? (early ? await stepFilesOf(env.cwd, early) : coverage.lines && coverage.coverage ? undefined : first?.stepFiles);
  // Support code starts loading in the child now, in parallel with compiling the specs here.
  const files = await supportFiles(env.cwd, config, overlay, stepFiles);
  const support = supportJob(config, { requireModules: values.requireModules.value, ...coverage, loaders: overlay?.loaders ?? [] }, files, options.invalidate);
  // Cached code has no block counts: line coverage in a runner with the cache on would read better than the truth.
  (support.lines && child.compileCache && runners ? (runners[0] = replaceForLines(child, env.cwd, env.env, options.onOutput)) : child).load(support);
  mark('spec', 'support sent');
  const loaded = [...files.requirePaths, ...files.importPaths].map((f) => relativePath(env.cwd, f));
  const changes = early ?? (await selectChanges());
  const specs = first?.specs ?? (await specsOf(changes));
  const { selection, compiled, problems } = specs;
  // A stale build: the run cannot check it.
  problems.push(...(changes?.problems ?? []), ...(options.changeProblems ?? []));
  let { runnable } = specs;
  let lines = selection.lines;
  const narrowed = Boolean(values.tags.value || values.names.value.length);
  // Only what the person narrowed makes a run partial: tags and names the project configures define its suite.
  const filtered = selection.filtered || Boolean(changes) || Boolean(options.tags || options.names?.length);
  const wholeFiles = narrowed ? [] : compiled.files.map((f) => f.path).filter((f) => !selection.lines.has(f));
  const drafts = new Set(compiled.files.filter((f) => f.frontMatter?.status === 'draft').map((f) => f.path));
  const base: Omit<Prepared, 'plan'> = { parsedInRunner: specs.parsedInRunner, overlay, run, strict: values.strict.value, failOnFlaky: values.failOnFlaky.value, wholeFiles, scope, config, problems, warnings: [...(config.warnings ?? []), ...compiled.warnings, ...(overlay?.notes ?? []), ...workers.notes(values.coverage.value), ...failOnFlakyWithoutRetry(values)], drafts, filtered, unused: unusedScope(filtered, configuredTags, overlay?.names ?? []), sourceOf: compiled.sourceOf, supportFiles: loaded, specFiles: compiled.files.map((f) => f.path), selection: changes };
  // --changed (the edit hooks, MCP's changedOnly) in a project with no spec at all is bad input, as a plain run is.
  if (changes && !values.passWithNoScenarios.value && compiled.files.length === 0) problems.push(...(await noSpecsAtAll(env.cwd, specGlobs)));
  if (changes && !changes.all && changes.paths.length === 0) return { ...base, plan: undefined };
  if (!changes && !values.passWithNoScenarios.value) problems.push(...(await noSpecsFound(env.cwd, specs, options.paths, specGlobs)));
  if (options.shard && runnable.length > 0) {
    const slice = first?.slice ?? (await sliceOfCompiled(options.shard, env.cwd, runnable, lines, values));
    ({ files: runnable, lines } = slice);
    narrowToSlice(base, slice);
  }
  if (runnable.length === 0) return { ...base, plan: undefined };
  const plan = planRun({ root: env.cwd, config, profile: overlay, support, files: runnable, lines, tagExpression: values.tags.value, names: values.names.value, worldParameters: values.worldParameters.value, failFast: values.failFast.value, retry: values.retry.value, retryTagFilter: values.retryTagFilter.value, strict: values.strict.value, parallel: workers.parallel, keepRunner: Boolean(options.keepRunner), dryRun: Boolean(options.dryRun), ...(options.messagesFile ? { messagesFile: path.resolve(env.cwd, options.messagesFile) } : {}) });
  return { ...base, plan };
}

async function stepFilesOf(root: string, selection: Selection): Promise<string[] | undefined> {
  const [{ loadScenarioMap }, { stepFilesOfSelection }] = await Promise.all([import('../impact/scenario-map.js'), import('../impact/selection-steps.js')]);
  return stepFilesOfSelection(root, await loadScenarioMap(root), selection);
}
