/**
 * The runner child: loads the user's own @cucumber/cucumber (a peer dependency, resolved from the
 * project so step definitions register with the runner we drive), runs one job, reports, exits.
 * A child, not in-process, so a step that blocks the event loop can be cut and nothing the user's
 * code starts outlives the run.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { ChildProcess } from 'node:child_process';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { Envelope } from '@cucumber/messages';
import type { SpecProblem } from '../core/errors.js';
import { captureStepErrors } from './capture-errors.js';
import { RunCollector } from './collect.js';
import type { ProfileConfig } from '../config/cucumber-profile.js';
import type { ChildMessage, ParentMessage, RunJob, SpawnedMessage, SupportJob } from './protocol.js';
import type { RunError } from '../core/run-result.js';
import { startHangWatchdog, writeHeartbeat, type Heartbeat } from './watchdog.js';
import { purgeModules } from './purge.js';
import { expandCompacted } from './compact-paths.js';
import { preferNativeIndices } from './native-indices.js';
import { CoverageRecorder } from './coverage-recorder.js';
import { cucumberMajor, unsupportedCucumber } from './cucumber-version.js';
import { configureTiming, mark as markPhase } from '../core/timing.js';

/**
 * The stdout formatter cucumber insists on: one that does nothing. specloop reads the message
 * stream itself, and the summary formatter's duration formatting initialises Intl (≈ 15 ms).
 */
const SILENT_FORMATTER = "data:text/javascript,export default { type: 'formatter', formatter() {} }";
/** cucumber 9 loads custom formatters with require() and knows no plugin objects: its summary goes to the null stream. */
const stdoutFormatter = (version: string): string => (cucumberMajor(version) >= 10 ? SILENT_FORMATTER : 'summary');

type CucumberApi = typeof import('@cucumber/cucumber/api');

const ownRequire = createRequire(import.meta.url);
/** specloop's own compiled files: never the place to point a user at. */
const OWN_DIST = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const projectRequire = createRequire(path.join(process.cwd(), 'package.json'));

/** Set when the runner is a worker thread (see thread.ts): the parent watches its heartbeat. */
const thread = isMainThread ? undefined : (workerData as { heartbeat: SharedArrayBuffer });

function send(message: ChildMessage | SpawnedMessage): Promise<void> {
  return new Promise((resolve) => {
    if (thread) return resolve(parentPort!.postMessage(message));
    if (!process.send) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });
}

function onParentMessage(handler: (message: ParentMessage) => void): void {
  if (thread) parentPort!.on('message', handler);
  else process.on('message', handler);
}

function heartbeat(quietMs: number): Heartbeat {
  return thread ? writeHeartbeat(thread.heartbeat) : startHangWatchdog(quietMs);
}

/**
 * Reports what the steps spawn: the parent kills those, and what they started, with the runner.
 * A thread has no process group of its own, and a child's group misses what detaches from it.
 */
function reportSpawns(): void {
  // Every async spawn, exec and fork goes through this (undocumented but long-stable) method.
  const proto = ChildProcess.prototype as unknown as { spawn: (this: ChildProcess, ...args: unknown[]) => unknown };
  const spawn = proto.spawn;
  proto.spawn = function (this: ChildProcess, ...args: unknown[]) {
    const result = spawn.apply(this, args);
    const pid = this.pid;
    if (pid !== undefined) {
      void send({ type: 'spawned', pid });
      this.once('exit', () => void send({ type: 'spawned', pid, exited: true }));
    }
    return result;
  };
}

/**
 * Only the two API modules a run needs (≈ 20 ms less than the whole API); loadConfiguration, for
 * profiles cucumber alone can read, comes from the full API on demand. Falls back to the public
 * entry if a cucumber version moves its files.
 */
function requireApi(): CucumberApi {
  try {
    const { runCucumber } = projectRequire('@cucumber/cucumber/lib/api/run_cucumber') as Pick<CucumberApi, 'runCucumber'>;
    const { loadSupport } = projectRequire('@cucumber/cucumber/lib/api/load_support') as Pick<CucumberApi, 'loadSupport'>;
    if (typeof runCucumber !== 'function' || typeof loadSupport !== 'function') throw new Error('moved');
    const loadConfiguration: CucumberApi['loadConfiguration'] = (...args) => (projectRequire('@cucumber/cucumber/api') as CucumberApi).loadConfiguration(...args);
    return { runCucumber, loadSupport, loadConfiguration } as CucumberApi;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && !String((error as Error).message).includes('lib/api')) throw error;
    return projectRequire('@cucumber/cucumber/api') as CucumberApi;
  }
}

function loadCucumber(): { api: CucumberApi; version: string } | SpecProblem {
  try {
    const version = (projectRequire('@cucumber/cucumber/package.json') as { version: string }).version;
    const unsupported = unsupportedCucumber(version);
    if (unsupported) return unsupported;
    preferNativeIndices(projectRequire.resolve('@cucumber/cucumber/package.json'));
    const api = requireApi();
    return { api, version };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') {
      return { code: 'SPEC_CUCUMBER_MISSING', message: `@cucumber/cucumber failed to load: ${(error as Error).message}` };
    }
    return {
      code: 'SPEC_CUCUMBER_MISSING',
      message: '@cucumber/cucumber is not installed in this project: run npm install --save-dev @cucumber/cucumber',
      hint: "specloop drives your project's own copy (a peer dependency), so your steps and the runner share it",
    };
  }
}

let cjsRegistered = false;

/** tsx's require hooks go in at boot (they only affect require); ESM hooks only when a job imports. */
function registerCommonJs(): void {
  if (cjsRegistered) return;
  (ownRequire('tsx/cjs/api') as { register: () => void }).register();
  cjsRegistered = true;
}

async function registerTypeScript(support: SupportJob): Promise<void> {
  registerCommonJs();
  if (support.module === 'esm' || support.importPaths.length > 0) {
    const { register } = (await import('tsx/esm/api')) as { register: () => void };
    register();
  }
}

function mark(label: string): void {
  markPhase('runner', label);
}

const nullStream = new Writable({ write: (_chunk, _encoding, done) => done() });
const environment = { cwd: process.cwd(), stdout: nullStream, stderr: process.stderr, env: process.env };

type Library = Awaited<ReturnType<CucumberApi['loadSupport']>>;
interface Loaded { library: Library; takeThrown: () => RunError | undefined }

let lastSupport: string[] = [];

/** Every loaded module of the project itself (not under node_modules). */
function projectModules(root: string): string[] {
  const cache = ownRequire.cache as Record<string, unknown>;
  return Object.keys(cache).filter((id) => id.startsWith(root + path.sep) && !id.includes(`${path.sep}node_modules${path.sep}`));
}
let recorder: CoverageRecorder | undefined;
/** Files whose functions ran while loading (or in BeforeAll): kept across reloads of a long-lived runner. */
const loadActive = new Set<string>();

function recordCoverage(wanted: boolean | undefined): void {
  if (wanted && !recorder) recorder = new CoverageRecorder(process.cwd(), (file) => file.startsWith(OWN_DIST));
  if (!wanted && recorder) {
    recorder.stop();
    recorder = undefined;
    loadActive.clear();
  }
}

function noteLoadPhase(): void {
  for (const file of recorder?.takeLoadPhase() ?? []) loadActive.add(file);
}


async function load(api: CucumberApi, support: SupportJob): Promise<Loaded | SpecProblem> {
  mark('load received');
  await registerTypeScript(support);
  // A second load in a long-lived runner: the step files must run again to register their steps
  // with cucumber's fresh builder, edited modules must be re-read, and every project module starts
  // fresh so no state a scenario left in one reaches the next run. Only dependencies (cucumber,
  // tsx, node_modules) stay loaded: they are most of the start-up.
  const supportFiles = expandCompacted(support.requirePaths);
  if (lastSupport.length) purgeModules(support.invalidate ?? [], [...lastSupport, ...supportFiles, ...projectModules(process.cwd())], process.cwd());
  lastSupport = supportFiles;
  const sources = { paths: [], defaultDialect: 'en', names: [], tagExpression: '', order: 'defined' as const };
  recordCoverage(support.coverage);
  recorder?.take();
  let library: Library;
  try {
    library = await api.loadSupport({ sources, support: { requireModules: support.requireModules, requirePaths: support.requirePaths, importPaths: support.importPaths, loaders: support.loaders ?? [] } }, environment);
  } catch (error) {
    loadStack = (error as Error).stack;
    return supportLoadProblem(error);
  }
  mark('support loaded');
  noteLoadPhase();
  const internal = library as unknown as { defaultTimeout: number; stepDefinitions: { code: (...args: unknown[]) => unknown }[] };
  // 5000 is cucumber's own default: anything else means the user's support code chose a timeout.
  if (internal.defaultTimeout === 5000) internal.defaultTimeout = support.timeout;
  return { library, takeThrown: captureStepErrors(internal.stepDefinitions) };
}

let loadStack: string | undefined;
/** The run under way, for a cancel that asks what finished. */
let current: RunCollector | undefined;

async function run(api: CucumberApi, version: string, loading: Promise<Loaded | SpecProblem> | undefined, job: RunJob): Promise<void> {
  mark('job received');
  const loaded = loading ? await loading : { code: 'SPEC_RUN_CRASH' as const, message: 'no support code was loaded before the run' };
  if ('code' in loaded) return send({ type: 'fatal', problem: loaded, stack: loadStack });
  const collector = new RunCollector(loaded.takeThrown);
  current = collector;
  const watchdog = heartbeat(job.hangAfterMs);
  let beforeAll = true;
  const onMessage = (envelope: Envelope) => {
    const progress = collector.onEnvelope(envelope);
    if (progress) watchdog.started(progress);
    else if (envelope.testStepFinished || envelope.testRunHookFinished) watchdog.finished();
    if (!recorder) return;
    // What BeforeAll hooks ran is shared by every scenario, like what ran while loading.
    if (envelope.testCaseStarted && beforeAll) (beforeAll = false), noteLoadPhase();
    else if (envelope.testCaseFinished) {
      const { covered, loaded } = recorder.take();
      collector.cover(envelope.testCaseFinished, covered);
      for (const file of loaded) loadActive.add(file);
    }
  };
  const sources = { paths: job.paths, defaultDialect: 'en', names: job.names, tagExpression: job.tagExpression, order: 'defined' as const };
  // cucumber rejects when a BeforeAll/AfterAll hook throws; what ran before it is still a result.
  await api
    .runCucumber(
      {
        sources,
        support: loaded.library,
        runtime: { dryRun: false, failFast: job.failFast, filterStacktraces: true, parallel: 0, retry: job.retry, retryTagFilter: '', strict: job.strict, worldParameters: job.worldParameters as never },
        formats: { stdout: stdoutFormatter(version), files: job.formatFiles, publish: false, options: job.snippetOptions ?? {} },
      },
      environment,
      onMessage,
    )
    .catch((error: Error) => collector.runError({ type: error.name, message: error.message, stack: error.stack }));
  watchdog.stop();
  // AfterAll hooks ran after the last scenario: what they call matters to the whole run.
  noteLoadPhase();
  mark('run finished');
  current = undefined;
  const result = { ...collector.finish(), ...(recorder ? { loadActive: [...loadActive].sort() } : {}) };
  await send({ type: 'result', result, rss: process.memoryUsage().rss });
}

function supportLoadProblem(error: unknown): SpecProblem {
  const err = error as Error;
  const root = `${process.cwd()}${path.sep}`;
  // A syntax error (esbuild via tsx) names its file:line:column in the message; a throw, in the stack.
  const frame = firstUserFrame(err.message) ?? firstUserFrame(err.stack ?? '');
  const detail = err.message.split('\n').filter((l) => l.trim()).slice(0, 8).join('\n').split(root).join('');
  return {
    code: 'SPEC_SUPPORT_LOAD',
    message: `loading step definitions failed: ${detail}`,
    ...(frame ? { location: frame } : {}),
    hint: 'fix the error where the step file is imported; the file must load without throwing',
  };
}

function firstUserFrame(stack: string): { file: string; line: number; column?: number } | undefined {
  for (const match of stack.matchAll(/\(?((?:file:\/\/)?\/[^\s():]+):(\d+):(\d+)\)?/g)) {
    const file = match[1]!.replace(/^file:\/\//, '');
    if (file.includes('/node_modules/') || file.startsWith('node:') || file.startsWith(OWN_DIST)) continue;
    return { file: path.relative(process.cwd(), file).split(path.sep).join('/'), line: Number(match[2]), column: Number(match[3]) };
  }
  return undefined;
}

async function resolveProfile(api: CucumberApi, file: string | undefined, profiles: string[]): Promise<void> {
  const said = captureStderr();
  try {
    const { useConfiguration: c } = await api.loadConfiguration({ ...(file ? { file } : {}), profiles }, { cwd: process.cwd(), env: process.env }).finally(said.stop);
    const config: ProfileConfig = {
      paths: c.paths, require: c.require, import: c.import, requireModule: c.requireModule, loader: c.loader ?? [], tags: c.tags, name: c.name,
      worldParameters: c.worldParameters as Record<string, unknown>, retry: c.retry, strict: c.strict,
      format: c.format.map((f) => (Array.isArray(f) ? f.filter(Boolean).join(':') : f)),
      parallel: c.parallel ?? 0,
      ...snippetSettings(c.formatOptions as Record<string, unknown> | undefined),
    };
    await send({ type: 'profile', config });
  } catch (error) {
    await send({ type: 'fatal', problem: rejectedProfile(file ?? 'the cucumber profile', said.text(), (error as Error).message) });
  }
}

/**
 * cucumber parses profile strings with commander, which prints what it rejects to stderr and
 * calls process.exit: the printed line is the cause, the exit only how it ended.
 */
function captureStderr(): { text: () => string; stop: () => void } {
  const write = process.stderr.write;
  let text = '';
  process.stderr.write = ((chunk: string | Uint8Array) => ((text += chunk.toString()), true)) as typeof process.stderr.write;
  return { text: () => text, stop: () => void (process.stderr.write = write) };
}

function rejectedProfile(file: string, stderr: string, message: string): SpecProblem {
  const said = stderr.split('\n').map((l) => l.trim()).find((l) => l.startsWith('error:'))?.replace(/^error:\s*/, '');
  const option = said?.match(/^unknown option '([^']+)'/)?.[1];
  if (option) return { code: 'SPEC_PROFILE_REJECTED', message: `cucumber rejected option ${option} in ${file}: remove it`, hint: `remove ${option} from the profile in ${file}: cucumber ${cucumberVersion()} does not know it` };
  return { code: 'SPEC_PROFILE_REJECTED', message: `cucumber rejected the profile in ${file}: ${said ?? message}`, hint: `fix it in ${file}, or pick another profile with --profile` };
}

function cucumberVersion(): string {
  try {
    return (projectRequire('@cucumber/cucumber/package.json') as { version: string }).version;
  } catch {
    return '';
  }
}

function snippetSettings(options: Record<string, unknown> | undefined): Pick<ProfileConfig, 'snippetInterface' | 'snippetSyntax'> {
  const { snippetInterface, snippetSyntax } = options ?? {};
  return { ...(typeof snippetInterface === 'string' ? { snippetInterface } : {}), ...(typeof snippetSyntax === 'string' ? { snippetSyntax } : {}) };
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
  // A parent that dies must not leave this process (or what the steps started) behind.
  reportSpawns();
  if (!thread) process.on('disconnect', () => exitRunner(0));
  forbidExit();
  const loaded = loadCucumber();
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
  onParentMessage((message) => {
    if (message.type === 'load') {
      loading = load(loaded.api, message.support);
      loading.then((result) => ('code' in result ? undefined : send({ type: 'loaded' })), fail);
    } else if (message.type === 'run') {
      run(loaded.api, loaded.version, loading, message.job).then(() => (message.job.persistent ? undefined : exitRunner(0)), fail);
    } else if (message.type === 'partial') {
      void send(current ? { type: 'partial', result: current.finish() } : { type: 'partial' });
    } else {
      resolveProfile(loaded.api, message.file, message.profiles).catch(fail);
    }
  });
  mark('ready');
  await send({ type: 'ready', cucumberVersion: loaded.version });
}

void main();
