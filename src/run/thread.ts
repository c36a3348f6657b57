import { compileCacheMayBeOn } from '../core/compile-cache.js';
import { Worker } from 'node:worker_threads';
import { Runner, type Transport, type TransportEvents } from './runner.js';
import { heartbeatBuffer, watchHeartbeat } from './watchdog.js';
import { workerEntry } from './child.js';
import type { ChildMessage, SpawnedMessage } from './protocol.js';
import { killRecentChildren, killTrees, track } from './kill-tree.js';
import { takeHeldRunner } from './prestart.js';
import { mark } from '../core/timing.js';

/** How long terminate() may take before the thread counts as stuck in a synchronous child. */
const STUCK_MS = 300;

/** How long a thread asked to stop may take before it is cut: one loading or running user code may be blocked. */
const BUSY_STOP_MS = 2_000;
/** One starting up, loading or idle only loads cucumber and support code or waits: cut only if it has not ended by then. */
const IDLE_STOP_MS = 10_000;

/**
 * The runner as a worker thread of this process: no second Node start-up, which is most of what a
 * child process costs a small suite. It keeps what the child gives: a step that blocks the event
 * loop is cut (the worker is terminated from here), process.exit in a step ends only the thread,
 * and processes the steps spawn are killed with the runner.
 */
export function startThreadRunner(root: string, env: Record<string, string | undefined>, onOutput?: (chunk: string) => void): Runner {
  return new Runner('thread', (events) => threadTransport(root, env, events), onOutput, compileCacheMayBeOn(env));
}

function threadTransport(root: string, env: Record<string, string | undefined>, events: TransportEvents): Transport {
  const { file, execArgv } = workerEntry();
  const held = takeHeldRunner(root, env, execArgv);
  if (held) mark('spec', 'runner: took the held thread');
  const heartbeat = held?.heartbeat ?? heartbeatBuffer();
  const worker = held?.worker ?? new Worker(file, { workerData: { root, heartbeat }, env: env as NodeJS.ProcessEnv, execArgv, stdout: true, stderr: true });
  const spawned = new Set<number>();
  const startedAt = Date.now();
  let exited = false;
  /** Loads and runs under way: only then can the thread be stuck in a synchronous child. */
  let pending = 0;
  /** A load under way: the thread is (or soon will be) inside require() of cucumber and the support code. */
  let loading = false;
  let hang: Parameters<TransportEvents['exit']>[2];
  let stopWatching = () => undefined as void;
  let stopping: ReturnType<typeof setTimeout> | undefined;
  const forward = (chunk: Buffer) => events.output(chunk.toString());
  worker.stdout.on('data', forward);
  worker.stderr.on('data', forward);
  worker.on('message', (message: ChildMessage | SpawnedMessage) => {
    if (message.type === 'spawned') return track(spawned, message);
    if (message.type === 'loaded' || message.type === 'result') pending = Math.max(0, pending - 1);
    // A run's result ends its load too (a load that failed says so in the result, with no 'loaded').
    if (message.type === 'loaded' || message.type === 'result') loading = false;
    if (message.type === 'fatal') (pending = 0), (loading = false);
    events.message(message);
  });
  worker.on('error', (error) => events.output(`${error.stack ?? error.message}\n`));
  worker.on('exit', (code) => {
    exited = true;
    clearTimeout(stopping);
    stopWatching();
    killTrees(spawned);
    events.exit(code, null, hang);
  });
  for (const [event, value] of held?.early ?? []) worker.emit(event, value);
  return {
    send: (message) => {
      if (exited) return;
      if (message.type === 'load' || message.type === 'run') pending += 1;
      if (message.type === 'load') loading = true;
      worker.postMessage(message);
    },
    watchHangs: (quietMs) => {
      stopWatching();
      const since = Date.now();
      stopWatching = watchHeartbeat(heartbeat, quietMs, (progress) => {
        hang = progress ?? { uri: '', line: 0, scenario: '', step: 'a step' };
        void worker.terminate();
        // ps's etime counts whole seconds: a second of slack, never older than the run.
        killRecentChildren(Date.now() - since + 1000);
      });
    },
    stopWatching: () => stopWatching(),
    kill: () => {
      killTrees(spawned);
      if (exited || stopping) return;
      // Asked, not terminated: a terminate() that lands while the thread require()s an ES module
      // (cucumber 13 and its packages, on Node >= 22) aborts this whole process with V8's fatal
      // "IsGraphAsync must be used on an instantiated module" (Node's ModuleWrap::InstantiateSync
      // goes on after a termination). The thread handles 'stop' between ticks, never inside a
      // require; only a thread that does not answer (a step or load blocking it) is cut.
      worker.postMessage({ type: 'stop' });
      const busy = pending > 0;
      // A loading thread answers 'stop' once its load ends: cutting it sooner lands inside require()
      // (the abort above), and a slow machine can take seconds to load cucumber 13.
      const grace = busy && !loading ? BUSY_STOP_MS : IDLE_STOP_MS;
      stopping = setTimeout(() => {
        const stopped = worker.terminate();
        if (!busy) return;
        // A run or load timeout can find the thread in execSync, which terminate() waits for: then
        // its recent children go. Only then: this process has children of its own (the esbuild
        // service that loaded spec.config.ts), which a thread that stops at once leaves alone.
        const stuck = setTimeout(() => killRecentChildren(Date.now() - startedAt + 1000), STUCK_MS);
        void stopped.finally(() => clearTimeout(stuck));
      }, grace);
    },
  };
}
