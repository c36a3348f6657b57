/**
 * The runner child: loads the user's own @cucumber/cucumber (a peer dependency, resolved from the
 * project so step definitions register with the runner we drive), runs one job, reports, exits.
 * A child, not in-process, so a step that blocks the event loop can be cut and nothing the user's
 * code starts outlives the run.
 * Size: one runner's whole life (load, run, report, exit) in one place, so what a run sends back and when it exits can be read together.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Envelope } from '@cucumber/messages';
import type { SpecProblem } from '../core/errors.js';
import captureErrors from './capture-errors.cjs';
import { RunCollector } from './collect.js';
import { recordMessages } from './message-record.js';
import { loadsEsModules, type RunJob, type SupportJob } from './protocol.js';
import type { RunError, RunResult } from '../core/run-result.js';
import { purgeModules } from './purge.js';
import { expandCompacted, supportLoadSources } from './compact-paths.js';
import type { CoverageRecorder } from './coverage-recorder.js';
import { configureTiming, cpuMs, mark as markPhase } from '../core/timing.js';
import { loadCucumber, stdoutFormatter, type CucumberApi } from './load-cucumber.js';
import { hangLimitMs, type TimedLibrary } from './hang-limit.js';
import { heartbeat, onParentMessage, onWorkerError, reportSpawns, send, thread } from './runner-channel.js';
import { forWorkers, lateErrorsFromThreads, oldestOpenStep, stepKey, thrownInWorkers, type WorkerReads } from './parallel-support.js';
import { workersFor } from './workers.js';
import { OWN_DIST, supportLoadProblem } from './support-load-problem.js';
import { jsSyntaxErrorAt } from '../core/syntax-check.js';
import lateErrors from './late-errors.cjs';
import { freshModules, registerCommonJs, registerTypeScript } from './typescript-hooks.js';
import { compileCacheIsOn, enableCompileCache } from '../core/compile-cache.js';
import readRecorder from './read-recorder.cjs';
import { linkedPackages } from '../core/linked-packages.js';
import { indexStepDefinitions, type Indexable } from './step-index.js';
import { readFeaturesWhole } from './feature-reads.js';
import { idleCollector } from '../core/idle-gc.js';
import { reuseCompiledModules, type CompiledModules } from './compiled-modules.js';
import { keepResolutions, type KeptResolutions } from './kept-resolutions.js';
import { projectModule } from './project-module.js';

/** Quiet after a run before a long-lived runner's heap is collected. */
const IDLE_GC_MS = 500;

const ownRequire = createRequire(import.meta.url);
function mark(label: string): void {
  markPhase('runner', label);
}

const nullStream = new Writable({ write: (_chunk, _encoding, done) => done() });
/** cucumber's stderr, less the parse errors it logs: the verdict reports each one itself, with its excerpt and hint. */
const cucumberStderr = new Writable({ write: (chunk, _encoding, done) => (String(chunk).startsWith('Parse error in "') ? done() : process.stderr.write(chunk, done)) });
const environment = { cwd: process.cwd(), stdout: nullStream, stderr: cucumberStderr, env: process.env };

type Library = Awaited<ReturnType<CucumberApi['loadSupport']>>;
interface Loaded { library: Library; takeThrown: () => RunError | undefined; support: SupportJob }

let lastSupport: string[] = [];
let loads = 0;

/** The project's own modules and its linked packages': what each reload loads afresh. */
const ours = projectModule(process.cwd());

/** Every loaded module of the project itself and of its linked packages. */
function projectModules(): string[] {
  return Object.keys(ownRequire.cache as Record<string, unknown>).filter(ours);
}
let recorder: CoverageRecorder | undefined;
/** What the code reads through fs, per scenario and outside scenarios (read-recorder.ts). */
const reads = new readRecorder.ReadRecorder(process.cwd());
/** Files whose functions ran while loading (or in BeforeAll): kept across reloads of a long-lived runner. */
const loadActive = new Set<string>();

/** The recorder (V8's inspector, source maps) loads only for a run that asks for coverage: it is off every other run's start-up. */
async function recordCoverage(wanted: boolean | undefined, lines: boolean): Promise<void> {
  // Block counting is chosen when V8's coverage starts: a run that wants the other kind restarts it.
  if (recorder && wanted && recorder.lines !== lines) {
    recorder.stop();
    recorder = undefined;
  }
  if (wanted && !recorder) recorder = new (await import('./coverage-recorder.js')).CoverageRecorder(process.cwd(), (file) => file.startsWith(OWN_DIST), lines);
  if (!wanted && recorder) {
    recorder.stop();
    recorder = undefined;
    loadActive.clear();
  }
}

function noteLoadPhase(): void {
  for (const file of recorder?.takeLoadPhase() ?? []) loadActive.add(file);
}


/** Project modules whose code did not change run again from their compiled function (compiled-modules.ts). */
let compiled: CompiledModules | undefined;
/** Relative requires between project modules, answered again while their folders are unchanged (kept-resolutions.ts). */
let resolutions: KeptResolutions | undefined;

/** CPU time when the last load began: what a run cost the runner, apart from the machine's load. */
let cpuAtLoad = 0;

async function load(api: CucumberApi, support: SupportJob): Promise<Loaded | SpecProblem> {
  // Cached code has no block counts: its untaken branches would read as run (core/compile-cache.ts).
  if (support.lines && compileCacheIsOn()) return { code: 'SPEC_RUN_CRASH', message: 'this runner loads code from the compile cache, so its line coverage would count untaken branches as run', hint: 'start the runner with NODE_DISABLE_COMPILE_CACHE=1 (spec verify does so for a run that records lines)' };
  cpuAtLoad = cpuMs();
  mark('load received');
  await registerTypeScript(support, process.cwd());
  // A second load in a long-lived runner: the step files must run again to register their steps
  // with cucumber's fresh builder, edited modules must be re-read, and every project module starts
  // fresh so no state a scenario left in one reaches the next run. Only dependencies (cucumber,
  // tsx, node_modules) stay loaded: they are most of the start-up. CommonJS modules leave
  // require.cache; ES modules get new URLs (fresh-esm-hooks.ts).
  const supportFiles = expandCompacted(support.requirePaths);
  compiled ??= reuseCompiledModules(ours);
  compiled.enabled = !support.coverage;
  if (loads++ > 0) {
    // From the first reload: a one-load run (verify) has nothing to answer again.
    resolutions ??= keepResolutions(ours);
    resolutions.newLoad();
    freshModules();
    purgeModules(support.invalidate ?? [], [...lastSupport, ...supportFiles, ...projectModules()], process.cwd(), linkedPackages(process.cwd()).map((p) => p.dir));
  }
  lastSupport = supportFiles;
  const sources = { paths: supportLoadSources(support, supportFiles.length > 0 ? supportFiles : expandCompacted(support.importPaths)), defaultDialect: 'en', names: [], tagExpression: '', order: 'defined' as const };
  await recordCoverage(support.coverage, Boolean(support.lines));
  recorder?.take();
  recorder?.resetLines(loadsEsModules(support));
  let library: Library;
  reads.phase = 'shared';
  try {
    library = await api.loadSupport({ sources, support: { requireModules: support.requireModules, requirePaths: support.requirePaths, importPaths: support.importPaths, loaders: support.loaders ?? [] } }, environment);
  } catch (error) {
    recorder?.supportLoaded();
    loadStack = (error as Error).stack;
    // Its syntax check runs node: specloop's own child, not the code's.
    reads.phase = 'off';
    return supportLoadProblem(error, process.cwd(), jsSyntaxErrorAt, [...supportFiles, ...expandCompacted(support.importPaths)]);
  } finally {
    reads.phase = 'off';
  }
  mark('support loaded');
  noteLoadPhase();
  recorder?.supportLoaded();
  const internal = library as unknown as { defaultTimeout: number; stepDefinitions: ({ code: (...args: unknown[]) => unknown } & Indexable)[] };
  internal.stepDefinitions = indexStepDefinitions(internal.stepDefinitions);
  // 5000 is cucumber's own default: anything else means the user's support code chose a timeout.
  if (internal.defaultTimeout === 5000) internal.defaultTimeout = support.timeout;
  return { library, takeThrown: captureErrors.captureStepErrors(internal.stepDefinitions), support };
}

const PHASES = ['gherkinDocument', 'testRunStarted', 'testCaseStarted'];

/**
 * Reads from the run's start (cucumber has read the specs by then) are shared, but those between a
 * scenario's start and finish are its own. Parallel workers' scenarios run elsewhere: their reads
 * come with their envelopes (worker-preamble.cts), or stay unknown.
 */
function noteReads(envelope: Envelope, collector: RunCollector, fromWorkers: Map<string, string[]> | undefined): void {
  if (envelope.testRunStarted) reads.phase = 'shared';
  if (fromWorkers) {
    const files = envelope.testCaseFinished && fromWorkers.get(envelope.testCaseFinished.testCaseStartedId);
    if (files) collector.cover(envelope.testCaseFinished!, files, 'reads');
    return;
  }
  if (envelope.testCaseStarted) (reads.takeScenario(), (reads.phase = 'scenario'));
  else if (envelope.testCaseFinished) (collector.cover(envelope.testCaseFinished, reads.takeScenario(), 'reads'), (reads.phase = 'shared'));
}

let loadStack: string | undefined;
/** The run under way, for a cancel that asks what finished. */
let current: RunCollector | undefined;

async function run(api: CucumberApi, version: string, loading: Promise<Loaded | SpecProblem> | undefined, job: RunJob): Promise<void> {
  mark('job received');
  const loaded = loading ? await loading : { code: 'SPEC_RUN_CRASH' as const, message: 'no support code was loaded before the run' };
  if ('code' in loaded) return send({ type: 'fatal', problem: loaded, stack: loadStack });
  const sources = { paths: job.paths, defaultDialect: job.language ?? 'en', names: job.names, tagExpression: job.tagExpression, order: (job.order ?? 'defined') as 'defined' };
  const parallel = await workersFor(api, sources, environment, job.parallel ?? 0);
  let workerCause: RunError | undefined;
  const leftBehind: RunError[] = [];
  if (parallel > 0) onWorkerError((error) => (error.late ? leftBehind.push(error) : (workerCause ??= error)));
  const fromThreads = parallel > 0 ? lateErrorsFromThreads(environment.env, (error) => leftBehind.push(error)) : undefined;
  const workerReads = new Map<string, string[]>();
  const onReads = (envelope: Envelope, read: WorkerReads) => {
    reads.absorb(read.shared, read.writes);
    if (envelope.testCaseFinished) workerReads.set(envelope.testCaseFinished.testCaseStartedId, read.scenario);
  };
  const fromWorkers = parallel > 0 ? thrownInWorkers((spawned) => void send({ type: 'spawned', ...spawned }), onReads) : undefined;
  const collector = new RunCollector(fromWorkers?.take ?? loaded.takeThrown, process.cwd());
  current = collector;
  const hangAfterMs = hangLimitMs(loaded.library as unknown as TimedLibrary, job.hangAfterMs);
  const watchdog = parallel > 0 ? oldestOpenStep(heartbeat(hangAfterMs)) : heartbeat(hangAfterMs);
  let beforeAll = true;
  let phase = 0;
  // Until cucumber has its sources (testRunStarted): then user code may run, and reads its own way.
  const featuresRead = readFeaturesWhole();
  const onMessage = (envelope: Envelope) => {
    if (envelope.testRunStarted) featuresRead();
    // cucumber's own set-up of a run, in the order it sends them: features read, support messages, first scenario.
    if (phase < PHASES.length && PHASES[phase]! in envelope) mark(`first ${PHASES[phase++]}`);
    const progress = collector.onEnvelope(envelope);
    if (progress) watchdog.started(progress, stepKey(envelope));
    else if (envelope.testStepFinished || envelope.testRunHookFinished) watchdog.finished(stepKey(envelope));
    noteReads(envelope, collector, fromWorkers && workerReads);
    if (!recorder) return;
    // What BeforeAll hooks ran is shared by every scenario, like what ran while loading.
    if (envelope.testCaseStarted && beforeAll) (beforeAll = false), noteLoadPhase(), recorder.beginScenarios();
    else if (envelope.testCaseFinished) {
      const { covered, loaded } = recorder.take();
      collector.cover(envelope.testCaseFinished, covered);
      for (const file of loaded) loadActive.add(file);
    }
  };
  const record = job.messagesFile ? recordMessages(job.messagesFile) : undefined;
  // cucumber rejects when a BeforeAll/AfterAll hook throws; what ran before it is still a result.
  const cucumberPassed = await api
    .runCucumber(
      {
        sources,
        support: parallel > 0 ? forWorkers(loaded.library, loaded.support, environment.env) : loaded.library,
        runtime: { dryRun: job.dryRun ?? false, failFast: job.failFast, filterStacktraces: true, parallel, retry: job.retry, retryTagFilter: job.retryTagFilter ?? '', strict: job.strict, worldParameters: job.worldParameters as never },
        formats: { stdout: stdoutFormatter(version), files: job.formatFiles, publish: false, options: job.snippetOptions ?? {} },
      },
      environment,
      (envelope: Envelope) => (fromWorkers?.strip(envelope), record?.write(envelope), onMessage(envelope)),
    )
    .then(
      (ran) => ran.success,
      (error: Error) => (collector.thrown(error), false),
    );
  featuresRead();
  watchdog.stop();
  for (const error of await lateErrors.collectLateErrors()) collector.thrown(lateErrors.lateError(error));
  fromThreads?.close();
  for (const error of leftBehind) collector.thrown(lateErrors.lateError({ name: error.type, message: error.message, stack: error.stack }));
  reads.phase = 'off';
  // A worker that ended (process.exit in a step, a crash) leaves its scenario, and those after it, unfinished.
  if (parallel > 0) collector.endedEarly(workerCause);
  if (!cucumberPassed) collector.cucumberFailed(parallel > 0);
  onWorkerError(undefined);
  record?.close();
  // AfterAll hooks ran after the last scenario: what they call matters to the whole run.
  noteLoadPhase();
  const memory = process.memoryUsage();
  // Memory with the CPU: what a run leaves behind decides when watch recycles the runner.
  mark(`run finished (cpu ${cpuMs() - cpuAtLoad} ms since load received; rss ${mb(memory.rss)} MB, heap used ${mb(memory.heapUsed)} MB)`);
  current = undefined;
  const executedLines = recorder?.executedLines();
  const result = { ...collector.finish(), loadReads: reads.sharedReads(), writes: reads.writes(), ...(recorder ? { loadActive: [...loadActive].sort() } : {}), ...(executedLines ? { executedLines } : {}), stepHooks: stepHooksOf(loaded.library) };
  await send({ type: 'result', result, rss: memory.rss });
}

/** cucumber's BeforeStep/AfterStep hooks, from its support library (no message names them). */
function stepHooksOf(library: Library): NonNullable<RunResult['stepHooks']> {
  const hooks = library as unknown as Partial<Record<'beforeTestStepHookDefinitions' | 'afterTestStepHookDefinitions', { uri: string; line: number }[]>>;
  const of = (kind: 'BeforeStep' | 'AfterStep', defs: { uri: string; line: number }[] | undefined) => (defs ?? []).map((d) => ({ kind, uri: d.uri, line: d.line }));
  return [...of('BeforeStep', hooks.beforeTestStepHookDefinitions), ...of('AfterStep', hooks.afterTestStepHookDefinitions)];
}

const exitRunner: (code?: number) => void = process.exit.bind(process);

/**
 * A step or hook that calls process.exit would end the run and lose every result: it fails
 * where it was called instead, as vitest does with a test.
 */
function forbidExit(): void {
  process.exit = ((code?: number | string | null) => {
    throw new Error(`process.exit(${code ?? ''}) was called: steps and hooks must not end the process (the run goes on without it)`);
  }) as typeof process.exit;
}

async function main(): Promise<void> {
  // The runner's own entry: its variables (the parent passes them on) say whether to time it.
  configureTiming(process.env, process.stderr);
  mark('modules loaded');
  // A parent that dies must not leave this process (or what the steps started) behind.
  reportSpawns((options) => reads.spawned(options));
  reads.install();
  if (!thread) process.on('disconnect', () => exitRunner(0));
  forbidExit();
  // Handled between ticks, so never inside a require() of an ES module (run/thread.ts); one turn of
  // the loop first lets a runner that was stopped while it started end before cucumber loads.
  onParentMessage((message) => message.type === 'stop' && exitRunner(0));
  // Started before the CLI knew its project (run/prestart.ts): nothing of it loads until the CLI takes this thread.
  if (thread?.held) await new Promise<void>((resolve) => onParentMessage((message) => message.type === 'go' && resolve()));
  await new Promise((resolve) => setImmediate(resolve));
  // Before the project's cucumber and support code load: they are most of what the cache spares (core/compile-cache.ts).
  enableCompileCache(process.cwd(), undefined, process.env);
  const loaded = loadCucumber(process.cwd(), process.versions.node);
  if (!('api' in loaded)) {
    await send({ type: 'fatal', problem: loaded });
    return exitRunner(0);
  }
  registerCommonJs();
  let loading: Promise<Loaded | SpecProblem> | undefined;
  const fail = async (error: Error) => {
    await send({ type: 'fatal', problem: { code: 'SPEC_RUN_CRASH', message: error.message }, stack: error.stack });
    exitRunner(0);
  };
  // A long-lived runner (watch) between runs: the run's garbage is collected while nobody waits.
  const idleGc = idleCollector(IDLE_GC_MS);
  onParentMessage((message) => {
    if (message.type === 'stop' || message.type === 'go') return;
    // Work is coming: no collection in its way (a request for a run's partial result is not work).
    if (message.type !== 'partial') idleGc.cancel();
    if (message.type === 'load') {
      // One load at a time: a spare pre-loading in idle time (watch/runners.ts) may still be at it.
      const previous = loading ?? Promise.resolve();
      loading = previous.then(
        () => load(loaded.api, message.support),
        () => load(loaded.api, message.support),
      );
      loading.then((result) => ('code' in result ? undefined : send({ type: 'loaded' })), fail);
    } else if (message.type === 'run') {
      run(loaded.api, loaded.version, loading, message.job).then(() => (message.job.persistent ? idleGc.schedule() : exitRunner(0)), fail);
    } else if (message.type === 'partial') {
      void send(current ? { type: 'partial', result: current.finish() } : { type: 'partial' });
    } else {
      import('./resolve-profile.js').then(({ resolveProfile }) => resolveProfile(loaded.api, loaded.version, message.file, message.profiles, { cwd: process.cwd(), env: process.env, stderr: process.stderr })).catch(fail);
    }
  });
  mark('ready');
  await send({ type: 'ready', cucumberVersion: loaded.version });
}

void main();

function mb(bytes: number): number {
  return Math.round(bytes / 2 ** 20);
}
