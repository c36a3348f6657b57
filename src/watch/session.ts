// Size: the watch loop is one state machine (a run at a time, cancel and queue, the map's recording
// after a verdict): split, its running/queued/recording state would be shared across files.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { watch as watchFiles, type FSWatcher } from 'chokidar';
import { relativePath, type SpecEnvironment } from '../core/env.js';
import { isSpecloopError } from '../core/errors.js';
import { mark, timingForwarder } from '../core/timing.js';
import { isFolder } from '../core/fs.js';
import type { Selection } from '../impact/select.js';
import { isIgnored } from '../impact/project-files.js';
import { inBuildFolders, loadedBuildFolders } from '../impact/loaded-builds.js';
import { staleBuilds } from '../impact/stale-build.js';
import type { RunOptions } from '../run/options.js';
import type { Runner } from '../run/runner.js';
import type { SupportJob } from '../run/protocol.js';
import { loadGitignore, type GitIgnored } from './gitignore.js';
import { mergeRequests, SuiteKnowledge, type Request } from './knowledge.js';
import { failedOutsideSteps, RunnerPool, startWatchRunner } from './runners.js';
import { createSettler, type Settler } from './settle.js';
import { stampAll, unchangedSince } from './stamps.js';
import { createTrailingCheck } from './trailing-check.js';
import type { RunPass, VerifyDetails, WatchEvent, WatchOptions } from './types.js';
import { startWatcher } from './watcher.js';
import { linkedPackageOf } from '../core/linked-packages.js';
import { idleCollector } from '../core/idle-gc.js';

/** What a session runs and watches with; tests put fakes in their place. */
export interface SessionDeps {
  /** Starts a scenario runner (a child process). */
  fork: (root: string, env: Record<string, string | undefined>, onOutput?: (chunk: string) => void, support?: SupportJob) => Runner;
  /** One run of the selected scenarios on a runner: every stage, composed by api/ (watch/ does not import it). */
  runScenarios: RunPass;
  /** The file watcher. */
  watchFiles: typeof watchFiles;
}

const DEFAULT_SETTLE_MS = 30;
/** Quiet after a run before the watcher's heap is collected: edits in a burst come closer than this. */
const IDLE_GC_MS = 500;

/** The watch loop: one run at a time, scheduled from settled edits and keys; what it learns lives in SuiteKnowledge. */
export class WatchSession {
  readonly done: Promise<void>;
  private resolveDone!: () => void;
  private watcher: FSWatcher | undefined;
  private settler: Settler;
  private readonly trailing = createTrailingCheck((file) => this.settler.add(relativePath(this.env.cwd, file)));
  private readonly known: SuiteKnowledge;
  private readonly runners: RunnerPool;
  /** `cancelledBy`: why the run was aborted, for its run-cancelled event. */
  private running: { controller: AbortController; request: Request; stamps: Map<string, string>; cancelledBy?: string } | undefined;
  /** The last run's scenario map being written to disk (after its verdict). */
  private recording: Promise<void> = Promise.resolve();
  private queued: Request | undefined;
  private debtNow: VerifyDetails['debtNow'];
  private stopped = false;
  /** Files runs write themselves (the profile's reports), project-relative: never an edit. */
  private readonly outputs = new Set<string>();
  private gitIgnored: GitIgnored = () => false;
  /** Build folders the suite loads code from (impact/loaded-builds.ts): watched though build output is not. */
  private readonly buildFolders: string[] = [];
  private readonly deps: SessionDeps;
  private readonly idleGc = idleCollector(IDLE_GC_MS);

  constructor(
    private readonly env: SpecEnvironment,
    private readonly options: WatchOptions,
    private readonly emit: (event: WatchEvent) => void,
    deps: Pick<SessionDeps, 'runScenarios'> & Partial<SessionDeps>,
  ) {
    this.deps = { fork: startWatchRunner, watchFiles, ...deps };
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
    this.known = new SuiteKnowledge(env.cwd, options);
    // Runners' timing marks join this process's.
    this.runners = new RunnerPool((support) => this.deps.fork(this.env.cwd, this.env.env, timingForwarder(), support));
    this.settler = createSettler(options.settleMs ?? DEFAULT_SETTLE_MS, (paths) => this.onSettled(paths));
  }

  async start(): Promise<void> {
    this.runners.start();
    await this.known.loadMap();
    const [gitIgnored] = await Promise.all([loadGitignore(this.env.cwd), this.known.loadGraph(), this.startWatcher()]);
    this.gitIgnored = gitIgnored;
    this.watchOutside();
    this.schedule({ mode: 'all', changed: [] });
  }

  rerun(mode: 'all' | 'failed' | 'last'): void {
    this.schedule({ mode, changed: [] });
  }

  async stop(): Promise<void> {
    if (this.stopped) return this.done;
    this.stopped = true;
    this.idleGc.cancel();
    this.settler.cancel();
    this.trailing.stop();
    if (this.running) this.running.cancelledBy = 'watch stopped';
    this.running?.controller.abort();
    this.runners.stop();
    await this.watcher?.close();
    await this.recording;
    await this.known.saveGraph();
    this.resolveDone();
    return this.done;
  }

  private async startWatcher(): Promise<void> {
    const root = this.env.cwd;
    const seen = (file: string) => {
      if ((isIgnored(root, file) && !this.inLoadedBuild(file)) || this.notAnEdit(relativePath(root, file))) return;
      mark('watch', 'file event');
      this.trailing.saw(file);
      this.settler.add(relativePath(root, file));
    };
    const error = (e: Error) => this.emit({ type: 'error', problem: { code: 'SPEC_INTERNAL', message: `file watcher: ${e.message}` } });
    const { watcher, ready } = startWatcher(root, this.deps.watchFiles, { saw: seen, error }, (file) => this.inLoadedBuild(file));
    this.watcher = watcher;
    this.emit({ type: 'ready', watching: await ready });
  }

  /** Code the graph reaches outside the project (a suite in tests/acceptance importing ../../src) is watched too: an edit there is an edit to the code under test. */
  private watchOutside(): void {
    // Linked packages' folders are watched whole already (watcher.ts).
    const root = this.env.cwd;
    const files = (this.known.importGraph()?.files() ?? []).filter((f) => relativePath(root, f).startsWith('../') && !linkedPackageOf(root, f));
    // A build the suite loads is the code under test: its rebuild is the edit that runs the new code.
    const builds = loadedBuildFolders(root, this.known.importGraph()).filter((d) => !this.buildFolders.includes(d));
    this.buildFolders.push(...builds);
    if (files.length + builds.length > 0) this.watcher?.add([...files, ...builds]);
  }

  private inLoadedBuild(file: string): boolean {
    return inBuildFolders(this.buildFolders, file);
  }

  private onSettled(batch: string[]): void {
    mark('watch', 'settled');
    // An editor's temporary file, created and gone within the burst, is nobody's change; nor is a
    // folder (its files report their own changes) or a file the run wrote itself.
    const changed = batch.filter((f) => !this.notAnEdit(f) && (existsSync(path.join(this.env.cwd, f)) ? !isFolder(path.join(this.env.cwd, f)) : this.known.knows(f)));
    if (changed.length === 0) return;
    const rewired = this.known.edited(changed);
    // What is watched beyond the project follows the import graph's wiring and linked packages'
    // entries: walking the whole graph for it cost ≈ 60 ms an edit on a 1,000-module suite.
    if (rewired || changed.some((f) => path.basename(f) === 'package.json')) this.watchOutside();
    this.schedule({ mode: 'changes', changed });
  }

  /**
   * The run's own writes (the profile's reports) and what git ignores (logs, screenshots, build
   * output) — unless the import graph, a spec or a step file knows it: generated code that steps
   * import is still code the scenarios run.
   */
  private notAnEdit(file: string): boolean {
    if (this.outputs.has(file)) return true;
    return this.gitIgnored(file) && !this.known.knows(file) && !this.inLoadedBuild(path.join(this.env.cwd, file));
  }

  /** Runs never overlap: a request during a run cancels it, and the two requests' changes run together next. */
  private schedule(request: Request): void {
    if (this.stopped) return;
    this.idleGc.cancel();
    if (!this.running) return void this.run(request);
    if (request.mode === 'changes' && unchangedSince(this.env.cwd, this.running.stamps, request.changed)) return mark('watch', 'change event ignored: the run reads this');
    this.queued = mergeRequests(mergeRequests(this.queued, this.running.request), request);
    this.running.cancelledBy ??= request.mode === 'changes' ? 'a newer edit arrived' : 'a re-run was asked for';
    this.running.controller.abort();
  }

  private async run(request: Request): Promise<void> {
    const controller = new AbortController();
    this.running = { controller, request, stamps: stampAll(this.env.cwd, request.changed) };
    // The last run's map is recorded before this one selects from it.
    await this.recording;
    const edit = await this.known.classify(request);
    if (controller.signal.aborted) {
      this.running = undefined;
      return this.next();
    }
    const selection = await this.known.select(request, edit?.bodyOnly);
    mark('watch', 'selected');
    if (!selection.all && selection.paths.length === 0) {
      edit?.commit();
      // New code no spec reaches is exactly where debt lands: measured now, though nothing runs.
      const debt = request.mode === 'changes' ? await this.debtNow?.().then((now) => now && this.known.idleDebt(now, request.changed), () => undefined) : undefined;
      this.running = undefined;
      this.emit({ type: 'idle', trigger: request.changed, reason: selection.reasons[0]?.because ?? (request.mode === 'failed' ? 'nothing is failing: no scenario to re-run' : 'no scenario reaches the changed files'), ...(debt ? { debt } : {}) });
      return this.next();
    }
    this.emit({ type: 'run-started', trigger: request.changed, mode: request.mode, all: selection.all, selected: selection.reasons, ...(await this.known.scenarioCount(selection, request.changed)) });
    mark('watch', 'run-started sent');
    let { child, reused, runs } = this.runners.take(request.changed);
    let kept = false;
    try {
      const started = new Date();
      const options = { ...this.runOptions(selection, controller.signal), keepRunner: this.runners.reuseAllowed, runKind: 'watch' as const, changeProblems: staleBuilds(this.env.cwd, request.changed, this.known.importGraph()) };
      let details = await this.deps.runScenarios(child, { ...options, ...(reused ? { invalidate: request.changed.map((f) => path.join(this.env.cwd, f)) } : {}) }, this.env, started, performance.now());
      if (reused && !controller.signal.aborted && failedOutsideSteps(details.verdict)) {
        // Project modules loaded a second time can trip over state their first load left in a
        // dependency (a registry that refuses a name twice, a port already taken): a fresh runner
        // decides, and this session stops reusing runners if the failure was the reuse's doing.
        child.kill();
        child = this.runners.takeSpare();
        reused = false;
        runs = 0;
        const fresh = await this.deps.runScenarios(child, options, this.env, started, performance.now());
        if (!failedOutsideSteps(fresh.verdict)) this.runners.distrustReuse();
        details = fresh;
      }
      kept = this.runners.keep(child, runs, { kept: details.kept, cancelled: controller.signal.aborted, all: selection.all });
      if (controller.signal.aborted) {
        this.emit({ type: 'run-cancelled', trigger: request.changed, reason: this.running?.cancelledBy ?? 'a newer edit arrived' });
      } else {
        // Only scenarios that ran make the texts they ran against the new baseline.
        if (details.result) edit?.commit();
        this.known.learn(details, selection);
        this.debtNow = details.debtNow ?? this.debtNow;
        this.emit({ type: 'run-finished', verdict: this.known.withWatch(details.verdict, request, selection) });
        mark('watch', 'run-finished sent');
        // On disk after the verdict, while the session is free for the next edit (which waits for it: run()).
        this.recording = this.known.record(details, selection).catch((error: Error) => this.emit({ type: 'error', problem: { code: 'SPEC_INTERNAL', message: error.message } }));
      }
    } catch (error) {
      this.emit({ type: 'error', problem: isSpecloopError(error) ? error.problem : { code: 'SPEC_INTERNAL', message: (error as Error).message } });
    } finally {
      if (!kept) child.kill();
      this.running = undefined;
    }
    if (!this.stopped) this.runners.refill(!this.queued);
    this.next();
  }

  private next(): void {
    const queued = this.queued;
    this.queued = undefined;
    if (queued && !this.stopped) void this.run(queued);
    else if (!this.stopped) this.idleGc.schedule();
  }

  private runOptions(selection: Selection, signal: AbortSignal): RunOptions {
    const stepFiles = this.known.stepFilesFor(selection);
    const onOutputs = (files: string[]) => files.forEach((f) => this.outputs.add(relativePath(this.env.cwd, f)));
    return { runner: 'process', paths: selection.paths, selected: true, gates: false, signal, onOutputs, ...(this.options.coverage ? { coverage: true } : {}), tags: this.options.tags, names: this.options.names, profile: this.options.profile, configFile: this.options.configFile, ...(stepFiles ? { stepFiles } : {}) };
  }
}
