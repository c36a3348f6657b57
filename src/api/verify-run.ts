import path from 'node:path';
import { glob } from 'tinyglobby';
import { readObjectProfiles } from '../config/cucumber-profile.js';
import { loadConfig } from '../config/load.js';
import type { ResolvedConfig, ResolvedGate } from '../config/schema.js';
import { relativePath, type SpecEnvironment } from '../core/env.js';
import { isSpecloopError, SpecloopError, type SpecProblem } from '../core/errors.js';
import { readTextIfExists } from '../core/fs.js';
import { discoverSpecs } from '../spec/discover.js';
import { specKind, type CompiledSpecs, type SpecFile } from '../spec/model.js';
import type { Runner, RunOutcome } from '../run/runner.js';
import { runnerKindFor, startRunner } from '../run/start.js';
import { compactPaths } from '../run/compact-paths.js';
import { resolveGates, runGate } from '../run/gates.js';
import { missingGateNotes } from '../run/missing-gates.js';
import type { RunJob, SupportJob } from '../run/protocol.js';
import type { RunResult } from '../core/run-result.js';
import type { Selection } from '../impact/select.js';
import type { GateResult, Verdict } from '../report/verdict.js';
import { runScenarios } from './run-scenarios.js';
import { ranNothing } from './ran-nothing.js';
import { combineTags, findCucumberConfig, isResolvedDefaultSpecs, isResolvedDefaultSteps, overlayProfile, profileProblems, runSettings, type ProfileOverlay } from './profile.js';
import { makeExcerpter } from './source-excerpt.js';
import { judgeUnusedAcrossSuite, unusedScope, type UnusedScope } from './unused-scope.js';
import { specloopVersion } from './version.js';
import { mark } from '../core/timing.js';

import type { VerifyOptions } from './verify.js';

interface Prepared {
  config: ResolvedConfig;
  overlay: ProfileOverlay | undefined;
  /** Strict as the run got it (spec.config, else the profile, else the default). */
  strict: boolean;
  /** The specs were left for cucumber to parse (plain Gherkin, no line filters): no documents here. */
  parsedInRunner: boolean;
  wholeFiles: string[];
  /** Set by --changed: what the git changes selected, and why. */
  selection: Selection | undefined;
  supportFiles: string[];
  specFiles: string[];
  job: RunJob | undefined;
  support: SupportJob;
  runnable: SpecFile[];
  lines: Map<string, number[]>;
  problems: SpecProblem[];
  /** Said in the verdict, never failing it: what may not be what the author meant (Markdown, the cucumber profile). */
  warnings: SpecProblem[];
  /** Source files whose front matter says `status: draft`. */
  drafts: Set<string>;
  filtered: boolean;
  unused: UnusedScope;
  sourceOf: Map<string, string>;
}

/** What watch needs beyond verify's options: the step files to load (those the selection binds to). */
export interface RunOptions extends VerifyOptions {
  stepFiles?: string[];
  /** Keep the first runner alive after the run (watch's long-lived runner; CommonJS steps only). */
  keepRunner?: boolean;
  /** Files edited since the runner last loaded support code (absolute), for a long-lived runner. */
  invalidate?: string[];
  /** The paths come from impact selection, not a person: a stale file:line just runs nothing. */
  selected?: boolean;
  /** Parse every spec here, before the run (after cucumber reported a spec it cannot parse). */
  parseSpecsHere?: boolean;
  /** Told, before the run starts, the files it will write itself (the profile's report files), absolute. */
  onOutputs?: (files: string[]) => void;
}

/** A verdict plus what the run leaves for the impact map. */
export interface VerifyDetails {
  verdict: Verdict;
  result: RunResult | undefined;
  sourceOf: (uri: string) => string;
  /** Every step and support file the run loaded, project-relative. */
  supportFiles: string[];
  /** The globs those came from: a new file matching them may define steps. */
  supportGlobs: string[];
  /** The spec files the run compiled, project-relative. */
  specFiles: string[];
  /** The run covered a subset (paths, tags, names, --changed). */
  partial: boolean;
  /** Spec files this run covered in full (no line, tag or name filter): the map may drop their vanished scenarios. */
  wholeFiles: string[];
  /** The first runner was left alive, with its support code loaded, for the next run. */
  kept: boolean;
}

/** verify() after the fork: everything that needs the heavier modules. */
export async function verifyWith(first: Runner, options: RunOptions, env: SpecEnvironment, startedAt: Date, started: number): Promise<Verdict> {
  // Loaded while the scenarios run: after them, recording the map would wait on module loading.
  const preload = import('../impact/scenario-map.js').then((m) => m.preloadWriter());
  const details = await verifyDetailed(first, options, env, startedAt, started);
  if (details.result?.loadActive) await recordCoverageBaseline(env.cwd, details.result, startedAt, !details.partial && !options.failFast);
  await preload;
  await recordScenarioMap(env.cwd, details, details.partial);
  mark('spec', 'map recorded');
  return details.verdict;
}

export async function verifyDetailed(first: Runner, options: RunOptions, env: SpecEnvironment, startedAt: Date, started: number): Promise<VerifyDetails> {
  const children = [first];
  // Loaded while the scenarios run, so building the verdict is not waiting on module loading.
  const verdictModule = import('../report/build-verdict.js');
  let prepared: Prepared | undefined;
  let outcome: RunOutcome | undefined;
  const gates: GateResult[] = [];
  const problems: SpecProblem[] = [];
  const notes: SpecProblem[] = [];
  try {
    prepared = await prepare(options, env, children);
    mark('spec', 'prepared');
    problems.push(...prepared.problems);
    // Gate names are checked before the run: a typo must not cost a whole run first.
    const selectedGates = planGates(prepared.config, options.gates);
    notes.push(...missingGateNotes({ root: env.cwd, configured: prepared.config.gates, only: options.gates, loadsTypeScript: prepared.supportFiles.some((f) => /\.[mc]?ts$/.test(f)) }));
    outcome = await runPrepared(prepared, children[0]!, env, options, children);
    if (prepared.parsedInRunner && outcome?.kind === 'result' && outcome.result.parseErrors?.length) {
      // cucumber met a spec it cannot parse and ran nothing: parse here, report every error, run the rest.
      const retry = [startRunner(children[0]!.kind, env.cwd, env.env, options.onOutput)];
      prepared = await prepare({ ...options, parseSpecsHere: true }, env, retry);
      children.push(...retry);
      problems.splice(0, problems.length, ...prepared.problems);
      outcome = await runPrepared(prepared, retry[0]!, env, options, children);
    }
    problems.push(...unparsedByUs(outcome));
    if (problems.length === 0) problems.push(...ranNothing(prepared, outcome, options));
    if (prepared.unused.scope === 'suite') outcome = await judgeUnusedAcrossSuite(outcome, prepared.specFiles, env.cwd);
    mark('spec', 'scenarios done');
    const scenariosFailed = outcome?.kind !== 'result' || !outcome.result.success;
    if (!(options.failFast && scenariosFailed)) {
      for (const gate of selectedGates) {
        if (options.signal?.aborted) break;
        gates.push(await runGate(env.cwd, gate, env.env, options.signal));
      }
    }
  } catch (error) {
    if (!isSpecloopError(error)) throw error;
    problems.push(...error.problems);
  } finally {
    for (const child of children) if (!(child === children[0] && keep(prepared, outcome))) child.kill();
  }
  const sources = prepared?.sourceOf ?? new Map<string, string>();
  const sourceOf = (uri: string) => sources.get(uri) ?? uri;
  const { buildVerdict, loadVerdictTools } = await verdictModule;
  const verdict = buildVerdict({
    root: env.cwd,
    version: specloopVersion(),
    startedAt,
    durationMs: performance.now() - started,
    problems,
    outcome,
    gates,
    filtered: (prepared?.unused.scope ?? 'none') === 'none',
    ...(prepared && prepared.unused.scope !== 'run' ? { unusedNote: prepared.unused.because } : {}),
    strict: prepared?.strict ?? true,
    sourceOf,
    excerpt: makeExcerpter(env.cwd),
    tools: await loadVerdictTools(outcome, prepared?.overlay ?? {}),
    warnings: [...(prepared?.warnings ?? []), ...notes],
    isDraft: (file) => prepared?.drafts.has(file) ?? false,
    stepGlobs: prepared ? supportGlobsOf(prepared.config, prepared.overlay) : [],
  });
  mark('spec', 'verdict built');
  const supportFiles = prepared ? [...prepared.supportFiles] : [];
  const supportGlobs = prepared ? supportGlobsOf(prepared.config, prepared.overlay) : [];
  const changes = prepared?.selection;
  const explained = changes ? { ...verdict, watch: { trigger: changes.triggers, all: changes.all, selected: changes.reasons, delta: { newlyFailing: [], fixed: [] } } } : verdict;
  return { verdict: explained, result: outcome?.kind === 'result' ? outcome.result : undefined, sourceOf, supportFiles, supportGlobs, specFiles: prepared?.specFiles ?? [], partial: prepared?.filtered ?? true, kept: keep(prepared, outcome) && children[0]!.alive, wholeFiles: prepared?.wholeFiles ?? [] };
}

async function runPrepared(prepared: Prepared, runner: Runner, env: SpecEnvironment, options: RunOptions, children: Runner[]): Promise<RunOutcome | undefined> {
  if (!prepared.job) return undefined;
  const { config, job, support, runnable, lines } = prepared;
  const run = { root: env.cwd, env: env.env, support, job, limits: limitsFor(config), files: runnable, lines, signal: options.signal, onOutput: options.onOutput };
  const ran = await runScenarios(runner, run, (child) => children.push(child));
  // Scenarios cut for blocking never reported which definitions they used.
  if (ran.cut > 0) {
    prepared.filtered = true;
    prepared.unused = { scope: 'none', because: 'not judged: scenarios were cut short' };
  }
  return ran.outcome;
}

/** Parse errors only cucumber's own parser found (another Gherkin version than ours). */
function unparsedByUs(outcome: RunOutcome | undefined): SpecProblem[] {
  if (outcome?.kind !== 'result') return [];
  return (outcome.result.parseErrors ?? []).map((e) => ({
    code: 'SPEC_PARSE' as const,
    message: e.message,
    location: { file: e.uri, line: e.line ?? 1, ...(e.column ? { column: e.column } : {}) },
    hint: 'fix the Gherkin syntax at this line',
  }));
}

async function prepare(options: RunOptions, env: SpecEnvironment, runners: Runner[]): Promise<Prepared> {
  const config = await loadConfig(env.cwd, options.configFile, { ...options.config, ...(options.profile ? { profile: options.profile } : {}) });
  // The runner started before the config was read: a config that asks for the other kind gets it.
  const kind = runnerKindFor(env.cwd, options.runner ?? config.runner ?? options.defaultRunner ?? 'process', env.processCwd);
  if (kind !== runners[0]!.kind) {
    runners[0]!.kill();
    runners[0] = startRunner(kind, env.cwd, env.env, options.onOutput);
  }
  const child = runners[0]!;
  const overlay = await readProfile(config, env, child);
  await checkFilterOptions(options, config, overlay);
  const outputs = Object.keys(overlay?.formatFiles ?? {}).map((f) => path.resolve(env.cwd, f));
  options.onOutputs?.(outputs);
  // Support code starts loading in the child now, in parallel with compiling the specs here.
  const files = await supportFiles(env.cwd, config, overlay, options.stepFiles);
  const support: SupportJob = { requirePaths: compactPaths(files.requirePaths), importPaths: compactPaths(files.importPaths), requireModules: [...config.requireModules, ...(overlay?.requireModules ?? [])], ...(overlay?.loaders.length ? { loaders: overlay.loaders } : {}), module: config.module, timeout: config.timeout, coverage: config.coverage, ...(options.invalidate ? { invalidate: options.invalidate } : {}) };
  child.load(support);
  const loaded = [...files.requirePaths, ...files.importPaths].map((f) => relativePath(env.cwd, f));
  const specGlobs = overlay?.specs ?? config.specs;
  const changes = options.changed || options.since ? await selectChanged(env.cwd, specGlobs, options, outputs) : undefined;
  const selection = await discoverSpecs(env.cwd, specGlobs, changes && !changes.all ? changes.paths : (options.paths ?? []));
  // Plain Gherkin without line filters goes to cucumber as it is: the runner parses it anyway, and
  // not loading a Gherkin parser here leaves the CPU to the runner's start-up (≈ 25 ms at 200
  // scenarios). A parse error there brings the parse back here, for every error with our messages.
  const parsedInRunner = !options.parseSpecsHere && selection.lines.size === 0 && selection.files.length > 0 && selection.files.every((f) => specKind(f) === 'feature');
  const compiled = parsedInRunner ? unparsed(selection.files) : await (await import('../spec/compile.js')).compileSpecs(env.cwd, selection.files);
  const problems = [...compiled.problems];
  const hasScenarios = parsedInRunner ? () => true : (await import('../spec/gherkin.js')).hasScenarios;
  const runnable = compiled.files.filter((f) => f.problems.length === 0 && hasScenarios(f.document));
  if (!changes && !options.selected) problems.push(...(await unmatchedLines(runnable, selection.lines)));
  const filtered = selection.filtered || Boolean(changes) || Boolean(options.tags || config.tags || overlay?.tags || options.names?.length || overlay?.names.length);
  const narrowed = Boolean(options.tags || config.tags || overlay?.tags || options.names?.length || overlay?.names.length);
  const unused = unusedScope(selection.filtered || Boolean(changes) || Boolean(options.tags || options.names?.length), combineTags(config.tags, overlay?.tags), overlay?.names ?? []);
  const wholeFiles = narrowed ? [] : compiled.files.map((f) => f.path).filter((f) => !selection.lines.has(f));
  const drafts = new Set(compiled.files.filter((f) => f.frontMatter?.status === 'draft').map((f) => f.path));
  const settings = runSettings(config, overlay);
  const base = { parsedInRunner, overlay, strict: settings.strict, wholeFiles, config, problems, warnings: [...(config.warnings ?? []), ...compiled.warnings, ...(overlay?.notes ?? [])], drafts, filtered, unused, sourceOf: compiled.sourceOf, support, runnable, lines: selection.lines, supportFiles: loaded, specFiles: compiled.files.map((f) => f.path), selection: changes };
  if (changes && !changes.all && changes.paths.length === 0) return { ...base, runnable: [], job: undefined };
  if (compiled.files.length === 0 && problems.length === 0 && !changes && !(options.passWithNoScenarios ?? config.passWithNoScenarios)) {
    const where = options.paths?.length ? `in ${options.paths.join(', ')}` : `(looked for ${specGlobs.join(', ')})`;
    problems.push({ code: 'SPEC_NO_SPECS', message: `no specs found ${where}`, hint: 'write a .feature or Markdown spec under features/ (spec init makes an example), or set "specs" in spec.config' });
  }
  if (runnable.length === 0) return { ...base, job: undefined };
  const paths = runnable.map((f) => {
    const lines = selection.lines.get(f.path);
    const file = path.join(env.cwd, f.runPath);
    return lines ? `${file}:${lines.join(':')}` : file;
  });
  const job: RunJob = {
    paths: compactPaths(paths),
    tagExpression: combineTags(config.tags, overlay?.tags, options.tags),
    names: [...(overlay?.names ?? []), ...(options.names ?? [])],
    failFast: options.failFast ?? false,
    retry: settings.retry,
    strict: settings.strict,
    worldParameters: { ...overlay?.worldParameters, ...config.worldParameters },
    formatFiles: overlay?.formatFiles ?? {},
    ...(overlay?.snippetSyntax ? { snippetOptions: { snippetSyntax: overlay.snippetSyntax, ...(overlay.snippetInterface ? { snippetInterface: overlay.snippetInterface } : {}) } } : {}),
    hangAfterMs: config.timeout + HANG_GRACE_MS,
    // ESM modules can't be dropped from Node's cache, so only CommonJS steps keep a runner alive.
    persistent: Boolean(options.keepRunner) && config.module === 'cjs' && support.importPaths.length === 0,
  };
  return { ...base, job };
}

/** A bad --tags or --name is bad input, named with where it was written, before anything runs. */
async function checkFilterOptions(options: RunOptions, config: ResolvedConfig, overlay: ProfileOverlay | undefined): Promise<void> {
  if (!options.tags && !config.tags && !overlay?.tags && !options.names?.length && !overlay?.names.length) return;
  const { checkFilters } = await import('../config/filters.js');
  const [first, ...more] = checkFilters({
    tags: [
      { expression: options.tags, where: '--tags' },
      { expression: config.tags, where: '"tags" in spec.config' },
      { expression: overlay?.tags, where: 'tags in the cucumber profile' },
    ],
    names: [
      { patterns: options.names ?? [], where: '--name' },
      { patterns: overlay?.names ?? [], where: 'name in the cucumber profile' },
    ],
  });
  if (first) throw new SpecloopError(first, more);
}

/** Spec files as cucumber will read them, not parsed here. */
function unparsed(files: string[]): CompiledSpecs {
  const specs: SpecFile[] = files.map((file) => ({ path: file, kind: 'feature', runPath: file, document: undefined, frontMatter: undefined, problems: [] }));
  return { files: specs, problems: [], warnings: [], sourceOf: new Map(files.map((f) => [f, f])) };
}

async function readProfile(config: ResolvedConfig, env: SpecEnvironment, child: Runner): Promise<ProfileOverlay | undefined> {
  const file = findCucumberConfig(env.cwd);
  if (!file && !config.profile) return undefined;
  const names = config.profile ? [config.profile] : [];
  const profile = (file && readObjectProfiles(env.cwd, file, names)) || (await child.profile(file, names));
  if ('code' in profile) throw new SpecloopError(profile);
  const [rejected, ...more] = profileProblems(env.cwd, profile, file);
  if (rejected) throw new SpecloopError(rejected, more);
  return overlayProfile(profile, !isResolvedDefaultSpecs(config), !isResolvedDefaultSteps(config), file);
}

/** Absolute support files to load: the profile's or the config's; `only` narrows them to what a selection binds to. */
async function supportFiles(root: string, config: ResolvedConfig, overlay: ProfileOverlay | undefined, only?: string[]): Promise<Pick<SupportJob, 'requirePaths' | 'importPaths'>> {
  const all = await allSupportFiles(root, config, overlay);
  if (!only) return all;
  const keep = new Set(only.map((f) => path.resolve(root, f)));
  return { requirePaths: all.requirePaths.filter((f) => keep.has(f)), importPaths: all.importPaths.filter((f) => keep.has(f)) };
}

function supportGlobsOf(config: ResolvedConfig, overlay: ProfileOverlay | undefined): string[] {
  const globs = overlay && (overlay.requirePaths.length || overlay.importPaths.length) ? [...overlay.requirePaths, ...overlay.importPaths] : config.steps;
  return globs.map((g) => g.replace(/^\.\//, ''));
}

async function allSupportFiles(root: string, config: ResolvedConfig, overlay: ProfileOverlay | undefined): Promise<Pick<SupportJob, 'requirePaths' | 'importPaths'>> {
  const fromProfile = overlay && (overlay.requirePaths.length || overlay.importPaths.length);
  if (fromProfile) {
    const expand = async (globs: string[]) => (await glob(globs, { cwd: root, absolute: true, ignore: ['**/node_modules/**'] })).sort();
    return { requirePaths: await expand(overlay.requirePaths), importPaths: await expand(overlay.importPaths) };
  }
  const files = (await glob(config.steps, { cwd: root, absolute: true, ignore: ['**/node_modules/**', '.spec/**', '**/*.d.ts'] })).sort();
  if (config.module === 'esm') return { requirePaths: [], importPaths: files };
  const esmOnly = (f: string) => f.endsWith('.mjs') || f.endsWith('.mts');
  return { requirePaths: files.filter((f) => !esmOnly(f)), importPaths: files.filter(esmOnly) };
}

/** Past cucumber's own timeout, how long a step may go on before it counts as blocking the event loop. */
const HANG_GRACE_MS = 2_000;

function limitsFor(config: ResolvedConfig) {
  return { hangAfterMs: config.timeout + HANG_GRACE_MS, loadTimeoutMs: Math.max(60_000, config.timeout), runTimeoutMs: config.runTimeout };
}

/** A file:line that names no scenario or example row would silently run nothing: say so instead. */
async function unmatchedLines(files: SpecFile[], lines: Map<string, number[]>): Promise<SpecProblem[]> {
  if (lines.size === 0) return [];
  const { compilePickles } = await import('../spec/gherkin.js');
  const { indexPickles } = await import('../spec/pickle-index.js');
  const problems: SpecProblem[] = [];
  for (const file of files) {
    const wanted = lines.get(file.path);
    if (!wanted) continue;
    const pickles = indexPickles(file.document, compilePickles(file.document, file.path));
    for (const line of wanted.filter((l) => !pickles.some((p) => p.line === l || p.scenarioLine === l))) {
      const nearest = pickles.map((p) => p.scenarioLine).filter((l, i, all) => all.indexOf(l) === i);
      problems.push({
        code: 'SPEC_NO_SCENARIO_AT_LINE',
        message: `no scenario at ${file.path}:${line}`,
        location: { file: file.path, line },
        hint: `name the line of a Scenario, Scenario Outline or example row${nearest.length ? ` (scenarios start at lines ${nearest.slice(0, 12).join(', ')})` : ''}`,
      });
    }
  }
  return problems;
}

function planGates(config: ResolvedConfig, only: string[] | false | undefined): ResolvedGate[] {
  if (only === false) return [];
  const { gates, unknown } = resolveGates(config, only);
  if (unknown.length === 0) return gates;
  const configured = resolveGates(config, undefined).gates.map((g) => g.name);
  throw new SpecloopError({
    code: 'SPEC_USAGE',
    message: `unknown gate${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')}`,
    hint: `configured gates: ${configured.join(', ') || 'none'} (or --gate none)`,
  });
}

/** --changed: git's changed files → the scenarios they reach (the map recorded by earlier runs + the import graph). */
async function selectChanged(root: string, specGlobs: string[], options: RunOptions, outputs: string[]): Promise<Selection> {
  if (options.paths?.length) {
    throw new SpecloopError({ code: 'SPEC_USAGE', message: '--changed selects the scenarios itself: give it no paths', hint: 'drop the paths, or drop --changed' });
  }
  const [{ changedFiles }, { loadScenarioMap }, { selectScenarios }, { loadGraph, saveGraph }, { codeFiles, isCode, isIgnored }] = await Promise.all([
    import('../impact/git.js'),
    import('../impact/scenario-map.js'),
    import('../impact/select.js'),
    import('../impact/cache.js'),
    import('../watch/watch-files.js'),
  ]);
  // specloop's own output (.spec/), the reports the last run wrote and dependencies are never a reason to run anything.
  const own = new Set(outputs);
  const told = (options.changedFiles ?? []).map((f) => path.relative(root, path.resolve(root, f)).split(path.sep).join('/')).filter((f) => f !== '' && f !== '..' && !f.startsWith('../') && !path.isAbsolute(f));
  const changed = [...new Set([...(await changedFiles(root, options.since)), ...told])].filter((f) => !isIgnored(root, path.join(root, f)) && !own.has(path.join(root, f)));
  const [map, graph, specs] = await Promise.all([loadScenarioMap(root), loadGraph(root, undefined, { files: await codeFiles(root) }), discoverSpecs(root, specGlobs, [])]);
  await saveGraph(graph).catch(() => undefined);
  const baseline = map?.loadActive ? await (await import('../impact/baseline.js')).loadBaseline(root) : {};
  const bodyOnly = map?.loadActive ? await bodyOnlyEdits(root, changed.filter(isCode), baseline) : undefined;
  const sharedSupport = map ? (await import('../impact/support-kind.js')).sharedSupportFiles(root, map.supportFiles) : [];
  return selectScenarios({ root, changed, map, graph, specFiles: specs.files, bodyOnly, sharedSupport });
}

/** Which changed files differ only inside function bodies from the text the last coverage run ran. */
async function bodyOnlyEdits(root: string, files: string[], baseline: Record<string, string>): Promise<(file: string) => boolean> {
  const known = files.filter((file) => baseline[file] !== undefined);
  if (known.length === 0) return () => false;
  const { isBodyOnlyEdit } = await import('../impact/body-edit.js');
  const exact = new Set<string>();
  for (const file of known) {
    const now = readTextIfExists(path.join(root, file));
    if (now !== undefined && isBodyOnlyEdit(baseline[file]!, now, file)) exact.add(file);
  }
  return (file) => exact.has(file);
}

/** Every run teaches the scenario map which step files each scenario binds to (for --changed and watch). */
/**
 * With coverage on: after a run of every scenario, the covered files as it ran them, for the next
 * --changed to compare with; after a partial run, covered files whose text moved on lose theirs.
 */
async function recordCoverageBaseline(root: string, result: RunResult, startedAt: Date, whole: boolean): Promise<void> {
  const { forgetMoved, recordBaseline } = await import('../impact/baseline.js');
  const covered = new Set(result.scenarios.flatMap((s) => s.covered ?? []));
  await (whole ? recordBaseline(root, covered, startedAt.getTime()) : forgetMoved(root, covered)).catch(() => undefined);
}

async function recordScenarioMap(root: string, details: Omit<VerifyDetails, 'verdict'>, partial: boolean): Promise<void> {
  if (!details.result) return;
  const { buildScenarioMap, recordScenarioMap: record } = await import('../impact/scenario-map.js');
  const next = buildScenarioMap(details.result, details.sourceOf, details.supportFiles, details.supportGlobs);
  // The map is a cache: failing to write it must not fail the run.
  await record(root, next, partial, details.wholeFiles).catch(() => undefined);
}

/** The runner stays alive only after a clean, persistent run: anything else may have left it half-loaded. */
function keep(prepared: Prepared | undefined, outcome: RunOutcome | undefined): boolean {
  return Boolean(prepared?.job?.persistent) && outcome?.kind === 'result';
}
