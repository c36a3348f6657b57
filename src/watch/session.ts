import { existsSync } from 'node:fs';
import path from 'node:path';
import { watch as watchFiles, type FSWatcher } from 'chokidar';
import { relativePath, type SpecEnvironment } from '../core/env.js';
import { isSpecloopError } from '../core/errors.js';
import { isFolder } from '../core/fs.js';
import type { ImportGraph } from '../impact/graph.js';
import { loadGraph, saveGraph } from '../impact/cache.js';
import { buildScenarioMap, loadScenarioMap, mergeScenarioMap, recordScenarioMap, type ScenarioMap } from '../impact/scenario-map.js';
import { selectScenarios, type Selection } from '../impact/select.js';
import { sharedSupportFiles } from '../impact/support-kind.js';
import { startChildRunner } from '../run/child.js';
import type { Runner } from '../run/runner.js';
import type { Verdict } from '../report/verdict.js';
import { verifyDetailed, type RunOptions } from '../api/verify-run.js';
import type { WatchEvent, WatchOptions } from './types.js';
import { createSettler, type Settler } from './settle.js';
import { createTrailingCheck } from './trailing-check.js';
import { codeFiles, isCode, isIgnored } from '../impact/project-files.js';
import { SourceSnapshots, type EditCheck } from './snapshots.js';
import { loadGitignore, type GitIgnored } from './gitignore.js';
import { SuiteState } from './suite-state.js';
import { compileSpecs } from '../spec/compile.js';
import { compilePickles } from '../spec/gherkin.js';

interface Request {
  mode: 'changes' | 'all' | 'failed' | 'last';
  changed: string[];
}

/** What a session runs and watches with; tests put fakes in their place. */
export interface SessionDeps {
  /** Starts a scenario runner (a child process). */
  fork: (root: string, env: Record<string, string | undefined>) => Runner;
  /** One run of the selected scenarios on a runner. */
  runScenarios: typeof verifyDetailed;
  /** The file watcher. */
  watchFiles: typeof watchFiles;
}

const realDeps: SessionDeps = { fork: startChildRunner, runScenarios: verifyDetailed, watchFiles };

const DEFAULT_SETTLE_MS = 30;
const RECYCLE_AFTER = 30;
/** Purged modules grow a long-lived runner slowly; past this it is replaced (watch's budget is 300 MB in all). */
const RECYCLE_RSS = 150 * 1024 * 1024;
const CONFIG_FILE = /(^|\/)(spec\.config\.[cm]?[jt]s|spec\.config\.json|cucumber\.(js|cjs|mjs|json|ya?ml)|package\.json|tsconfig[^/]*\.json)$/;

/** The watch loop's state: one run at a time, a spare runner forked between runs, the impact map. */
export class WatchSession {
  readonly done: Promise<void>;
  private resolveDone!: () => void;
  private watcher: FSWatcher | undefined;
  private settler: Settler;
  private readonly trailing = createTrailingCheck((file) => this.settler.add(relativePath(this.env.cwd, file)));
  private graph: ImportGraph | undefined;
  private map: ScenarioMap | undefined;
  private specFiles: string[] = [];
  private readonly suite = new SuiteState();
  private spare: Runner | undefined;
  /** A runner that kept its support code loaded after the last run (CommonJS steps only). */
  private warm: { child: Runner; runs: number } | undefined;
  /** A reused runner failed where a fresh one passed: every run gets a fresh runner from then on. */
  private warmUnsafe = false;
  private running: { controller: AbortController; request: Request } | undefined;
  private queued: Request | undefined;
  private lastSelection: Selection | undefined;
  private stopped = false;
  private readonly snapshots: SourceSnapshots;
  /** Files runs write themselves (the profile's reports), project-relative: never an edit. */
  private readonly outputs = new Set<string>();
  private gitIgnored: GitIgnored = () => false;
  private readonly deps: SessionDeps;

  constructor(
    private readonly env: SpecEnvironment,
    private readonly options: WatchOptions,
    private readonly emit: (event: WatchEvent) => void,
    deps: Partial<SessionDeps> = {},
  ) {
    this.deps = { ...realDeps, ...deps };
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
    this.snapshots = new SourceSnapshots(env.cwd);
    this.settler = createSettler(options.settleMs ?? DEFAULT_SETTLE_MS, (paths) => this.onSettled(paths));
  }

  async start(): Promise<void> {
    this.spare = this.fork();
    this.map = await loadScenarioMap(this.env.cwd);
    // From the disk cache: only files whose size or mtime changed since it was written are parsed.
    const [graph, gitIgnored] = await Promise.all([loadGraph(this.env.cwd, undefined, { files: await codeFiles(this.env.cwd) }), loadGitignore(this.env.cwd), this.startWatcher()]);
    this.graph = graph;
    this.gitIgnored = gitIgnored;
    this.schedule({ mode: 'all', changed: [] });
  }

  rerun(mode: 'all' | 'failed' | 'last'): void {
    this.schedule({ mode, changed: [] });
  }

  async stop(): Promise<void> {
    if (this.stopped) return this.done;
    this.stopped = true;
    this.settler.cancel();
    this.trailing.stop();
    this.running?.controller.abort();
    this.spare?.kill();
    this.warm?.child.kill();
    await this.watcher?.close();
    // The next watch or --changed starts from what this session learned.
    if (this.graph) await saveGraph(this.graph).catch(() => undefined);
    this.resolveDone();
    return this.done;
  }

  private async startWatcher(): Promise<void> {
    const root = this.env.cwd;
    this.watcher = this.deps.watchFiles(root, { ignoreInitial: true, ignored: (file: string) => isIgnored(root, file) });
    const seen = (file: string) => {
      if (isIgnored(root, file) || this.notAnEdit(relativePath(root, file))) return;
      this.trailing.saw(file);
      this.settler.add(relativePath(root, file));
    };
    this.watcher.on('all', (_event, file) => seen(file));
    // chokidar swallows repeated 'change' events within 50 ms; the raw events of each write keep a
    // burst's quiet window open until its last write (where the platform reports them).
    this.watcher.on('raw', (_event, name, details) => {
      const watched = (details as { watchedPath?: string } | undefined)?.watchedPath;
      if (!watched || !name) return;
      seen(path.basename(watched) === name ? watched : path.join(watched, name));
    });
    this.watcher.on('error', (error) => this.emit({ type: 'error', problem: { code: 'SPEC_INTERNAL', message: `file watcher: ${(error as Error).message}` } }));
    await new Promise<void>((resolve) => this.watcher!.once('ready', () => resolve()));
    const watched = Object.values(this.watcher.getWatched()).reduce((n, names) => n + names.length, 0);
    this.emit({ type: 'ready', watching: watched });
  }

  private onSettled(batch: string[]): void {
    // An editor's temporary file, created and gone within the burst, is nobody's change; nor is a
    // folder (its files report their own changes) or a file the run wrote itself.
    const changed = batch.filter((f) => !this.notAnEdit(f) && (existsSync(path.join(this.env.cwd, f)) ? !isFolder(path.join(this.env.cwd, f)) : this.knows(f)));
    if (changed.length === 0) return;
    // The graph follows every edit at once (≈ 0.1 ms each), whatever runs.
    for (const file of changed) if (isCode(file)) this.graph?.update(path.join(this.env.cwd, file));
    this.schedule({ mode: 'changes', changed });
  }

  /**
   * The run's own writes (the profile's reports) and what git ignores (logs, screenshots, build
   * output) — unless the import graph, a spec or a step file knows it: generated code that steps
   * import is still code the scenarios run.
   */
  private notAnEdit(file: string): boolean {
    if (this.outputs.has(file)) return true;
    return this.gitIgnored(file) && !this.knows(file);
  }

  private knows(file: string): boolean {
    return Boolean(this.graph?.has(path.join(this.env.cwd, file))) || this.specFiles.includes(file) || Boolean(this.map?.supportFiles.includes(file));
  }

  /** Runs never overlap: a request during a run cancels it, and the two requests' changes run together next. */
  private schedule(request: Request): void {
    if (this.stopped) return;
    if (!this.running) return void this.run(request);
    this.queued = merge(merge(this.queued, this.running.request), request);
    this.running.controller.abort();
  }

  private async run(request: Request): Promise<void> {
    const controller = new AbortController();
    this.running = { controller, request };
    const edit = await this.classify(request);
    if (controller.signal.aborted) {
      this.running = undefined;
      return this.next();
    }
    const selection = this.select(request, edit?.bodyOnly);
    if (!selection.all && selection.paths.length === 0) {
      edit?.commit();
      this.running = undefined;
      this.emit({ type: 'idle', trigger: request.changed, reason: selection.reasons[0]?.because ?? (request.mode === 'failed' ? 'nothing is failing: no scenario to re-run' : 'no scenario reaches the changed files') });
      return this.next();
    }
    this.emit({ type: 'run-started', trigger: request.changed, mode: request.mode, all: selection.all, selected: selection.reasons, ...(await this.scenarioCount(selection, request.changed)) });
    let { child, reused } = this.runnerFor(request);
    let kept = false;
    try {
      const started = new Date();
      const options = { ...this.runOptions(selection, controller.signal), keepRunner: !this.warmUnsafe };
      let details = await this.deps.runScenarios(child, { ...options, ...(reused ? { invalidate: request.changed.map((f) => path.join(this.env.cwd, f)) } : {}) }, this.env, started, performance.now());
      if (reused && !controller.signal.aborted && failedOutsideSteps(details.verdict)) {
        // Project modules loaded a second time can trip over state their first load left in a
        // dependency (a registry that refuses a name twice, a port already taken): a fresh runner
        // decides, and this session stops reusing runners if the failure was the reuse's doing.
        child.kill();
        child = this.takeSpare();
        reused = false;
        const fresh = await this.deps.runScenarios(child, options, this.env, started, performance.now());
        if (!failedOutsideSteps(fresh.verdict)) this.warmUnsafe = true;
        details = fresh;
      }
      // A runner that ran every scenario holds the whole suite's heap; a fresh one that grows only
      // with what edits select keeps watch's memory down (the first edit after it pays a cold start).
      kept = details.kept && !this.warmUnsafe && !controller.signal.aborted && !selection.all && child.lastRss < RECYCLE_RSS;
      this.warm = kept ? { child, runs: (reused ? (this.warm?.runs ?? 0) : 0) + 1 } : undefined;
      if (controller.signal.aborted) {
        this.emit({ type: 'run-cancelled', trigger: request.changed, reason: 'a newer edit arrived' });
      } else {
        // Only scenarios that ran make the texts they ran against the new baseline.
        if (details.result) edit?.commit();
        await this.learn(details, selection);
        this.emit({ type: 'run-finished', verdict: this.withWatch(details.verdict, request, selection) });
      }
    } catch (error) {
      this.emit({ type: 'error', problem: isSpecloopError(error) ? error.problem : { code: 'SPEC_INTERNAL', message: (error as Error).message } });
    } finally {
      if (!kept) child.kill();
      this.running = undefined;
    }
    // Forked after the result, not during the run: on two cores a fork slows the run it overlaps.
    // With a warm runner no spare is kept: it would only cost memory.
    if (!this.stopped && !this.warm) this.spare ??= this.fork();
    this.next();
  }

  /**
   * The warm runner when it can take this run (it only re-reads what changed), else a fresh one:
   * after config changes (tsconfig paths, loaders), every RECYCLE_AFTER runs (purged modules grow
   * memory slowly), and whenever the last run did not end cleanly.
   */
  private runnerFor(request: Request): { child: Runner; reused: boolean } {
    const warm = this.warm;
    this.warm = undefined;
    if (warm && warm.child.alive && warm.runs < RECYCLE_AFTER && !request.changed.some((f) => CONFIG_FILE.test(f))) return { child: warm.child, reused: true };
    warm?.child.kill();
    return { child: this.takeSpare(), reused: false };
  }

  private takeSpare(): Runner {
    const child = this.spare ?? this.fork();
    this.spare = undefined;
    return child;
  }

  private next(): void {
    const queued = this.queued;
    this.queued = undefined;
    if (queued && !this.stopped) void this.run(queued);
  }

  /** With coverage in the map, which edits stayed inside function bodies (those select exactly). */
  private async classify(request: Request): Promise<EditCheck | undefined> {
    if (!this.map?.loadActive) return undefined;
    return this.snapshots.begin(request.changed.filter(isCode), new Set(this.map.scenarios.flatMap((s) => s.covered ?? [])));
  }

  private select(request: Request, bodyOnly?: (file: string) => boolean): Selection {
    const all: Selection = { all: true, paths: [], reasons: [{ target: 'every scenario', because: request.mode === 'all' ? 'full run' : 'requested' }], triggers: request.changed };
    if (request.mode === 'all') return (this.lastSelection = all);
    if (request.mode === 'last') return this.lastSelection ?? all;
    if (request.mode === 'failed') return this.failedSelection(all);
    const sharedSupport = this.map ? sharedSupportFiles(this.env.cwd, this.map.supportFiles) : [];
    const selection = selectScenarios({ root: this.env.cwd, changed: request.changed, map: this.map, graph: this.graph, specFiles: this.specFiles, bodyOnly, sharedSupport });
    this.lastSelection = selection;
    return this.failingFirst(selection);
  }

  /** Scenarios failing now run (and report) first: they are what the person is working on. */
  private failingFirst(selection: Selection): Selection {
    const failing = (p: string) => (this.suite.status(p) ?? 'passed') !== 'passed';
    return { ...selection, paths: [...selection.paths.filter(failing), ...selection.paths.filter((p) => !failing(p))] };
  }

  private runOptions(selection: Selection, signal: AbortSignal): RunOptions {
    const stepFiles = selection.all ? undefined : this.stepFilesFor(selection);
    const onOutputs = (files: string[]) => files.forEach((f) => this.outputs.add(relativePath(this.env.cwd, f)));
    return { runner: 'process', paths: selection.paths, selected: true, gates: false, signal, onOutputs, ...(this.options.coverage ? { config: { coverage: true } } : {}), tags: this.options.tags, names: this.options.names, profile: this.options.profile, configFile: this.options.configFile, ...(stepFiles ? { stepFiles } : {}) };
  }

  /**
   * The step files the selected scenarios bind to, plus every support file that does more than
   * define steps (World, hooks, parameter types, setup): leaving out the other step files saves
   * loading them, leaving out those would change what the scenarios run.
   */
  private stepFilesFor(selection: Selection): string[] | undefined {
    if (!this.map) return undefined;
    const ids = new Set(selection.paths);
    const entries = this.map.scenarios.filter((s) => ids.has(s.id));
    // A whole spec file was selected (it changed): its steps may bind anywhere.
    if (entries.length < ids.size) return undefined;
    return [...new Set([...entries.flatMap((s) => s.stepFiles), ...this.map.globalSupportFiles, ...sharedSupportFiles(this.env.cwd, this.map.supportFiles)])];
  }

  private async learn(details: Awaited<ReturnType<typeof verifyDetailed>>, selection: Selection): Promise<void> {
    this.specFiles = selection.all ? details.specFiles : [...new Set([...this.specFiles, ...details.specFiles])];
    if (details.result) {
      const next = buildScenarioMap(details.result, details.sourceOf, details.supportFiles, details.supportGlobs);
      // Merged into the map on disk under its lock, so a spec verify run meanwhile keeps its part.
      const merged = selection.all ? next : mergeScenarioMap(this.map, next, details.wholeFiles);
      this.map = await recordScenarioMap(this.env.cwd, next, !selection.all, details.wholeFiles).catch(() => merged);
      if (this.map.loadActive) warmEditCheck();
      warmSupportKinds(this.env.cwd, this.map.supportFiles);
    }
  }

  /** What is failing now: failing scenarios, and whole spec files with a problem outside any scenario (every scenario when the run itself failed to load). */
  private failedSelection(all: Selection): Selection {
    const files = this.suite.problemFiles();
    if (!files) return { ...all, reasons: [{ target: 'every scenario', because: 'the last run failed outside any scenario' }] };
    const failing = this.suite.failing().filter((id) => !files.includes(id.replace(/:\d+$/, '')));
    const reasons = [...files.map((file) => ({ target: file, because: 'failing (outside any scenario)' })), ...failing.map((id) => ({ target: id, because: 'failing' }))];
    return { all: false, paths: reasons.map((r) => r.target), reasons, triggers: [] };
  }

  /**
   * How many scenarios a selection holds: a whole spec file counts its scenarios, not 1 (from the
   * scenario map, or parsed afresh when the edit was to that file). Unknown under --tags/--name,
   * which cucumber applies to a file's scenarios later.
   */
  private async scenarioCount(selection: Selection, changed: string[]): Promise<{ scenarios?: number }> {
    if (selection.all) return {};
    const files = selection.paths.filter((p) => !/:\d+$/.test(p));
    if (files.length && (this.options.tags || this.options.names?.length)) return {};
    const known = this.map?.scenarios ?? [];
    const fresh = files.filter((f) => changed.includes(f) || !known.some((s) => s.file === f));
    const compiled = fresh.length ? await compileSpecs(this.env.cwd, fresh, { write: false }).catch(() => undefined) : undefined;
    if (fresh.length && (!compiled || compiled.problems.length)) return {};
    const parsed = new Map(compiled?.files.map((f) => [f.path, compilePickles(f.document, f.runPath).length]));
    let count = selection.paths.length - files.length;
    for (const file of files) count += parsed.get(file) ?? (changed.includes(file) ? 0 : known.filter((s) => s.file === file).length);
    return { scenarios: count };
  }

  private withWatch(verdict: Verdict, request: Request, selection: Selection): Verdict {
    const deleted = request.changed.filter((f) => !existsSync(path.join(this.env.cwd, f)));
    const { newlyFailing, fixed } = this.suite.record(verdict, { all: selection.all, paths: selection.paths, deleted });
    const suite = this.suite.summary(this.map?.scenarios.map((s) => s.id) ?? []);
    const order = (f: Verdict['failures'][number]) => (f.location && newlyFailing.some((id) => id.startsWith(`${f.location!.file}:`)) ? 0 : 1);
    const failures = [...verdict.failures].sort((a, b) => order(a) - order(b));
    return { ...verdict, failures, watch: { trigger: request.changed, all: selection.all, selected: selection.reasons, delta: { newlyFailing, fixed }, suite } };
  }

  private fork(): Runner {
    return this.deps.fork(this.env.cwd, this.env.env);
  }
}



/** Failures a second load of the project's modules can cause, as opposed to a step's own. */
function failedOutsideSteps(verdict: Verdict): boolean {
  return verdict.failures.some((f) => f.kind === 'support-error' || f.kind === 'run-error' || f.kind === 'hook-error');
}

let warming: Promise<unknown> | undefined;

/** The TypeScript parser takes ≈ 300 ms to load: between runs, not in the first edit's latency. */
function warmEditCheck(): void {
  warming ??= new Promise((resolve) => setTimeout(resolve, 50).unref())
    .then(() => import('../impact/body-edit.js'))
    .then(({ isBodyOnlyEdit }) => isBodyOnlyEdit('export function f() {}\n', 'export function f() { return 1; }\n', 'warm.ts'))
    .catch(() => undefined);
}

/** Reading the support files' kinds takes ≈ 10–60 ms the first time: between runs, not in the first edit's latency. */
function warmSupportKinds(root: string, supportFiles: string[]): void {
  setTimeout(() => sharedSupportFiles(root, supportFiles), 50).unref();
}

function merge(a: Request | undefined, b: Request): Request {
  if (!a) return b;
  const mode = a.mode === 'all' || b.mode === 'all' ? 'all' : b.mode === 'changes' || a.mode === 'changes' ? 'changes' : b.mode;
  return { mode, changed: [...new Set([...a.changed, ...b.changed])] };
}
