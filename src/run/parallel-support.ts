import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { BroadcastChannel } from 'node:worker_threads';
import type { Envelope, Pickle } from '@cucumber/messages';
import type { RunError, RunProgress } from '../core/run-result.js';
import type { Heartbeat } from './watchdog.js';
import { loadsEsModules, type SupportJob } from './protocol.js';

interface Coordinates { requireModules: string[]; requirePaths: string[]; importPaths: string[]; loaders: string[] }

const PREAMBLE = fileURLToPath(new URL('./worker-preamble.cjs', import.meta.url));

/**
 * The support library as cucumber's workers should load it: cucumber sends each worker the
 * coordinates the library was loaded from (originalCoordinates) and the worker loads them itself,
 * so what the runner does around its own load (tsx, spec.config's timeout) goes in first, as a
 * module the worker requires. Variables reach the workers: cucumber starts them with its environment's.
 */
export function forWorkers<L extends object>(library: L, support: SupportJob, env: NodeJS.ProcessEnv): L {
  const coordinates = (library as { originalCoordinates: Coordinates }).originalCoordinates;
  env.SPECLOOP_WORKER_TIMEOUT = String(support.timeout);
  env.SPECLOOP_WORKER_ESM = loadsEsModules(support) ? '1' : '0';
  return Object.assign(Object.create(Object.getPrototypeOf(library) as object) as L, library, { originalCoordinates: { ...coordinates, requireModules: [PREAMBLE, ...coordinates.requireModules] } });
}

/**
 * Errors cucumber 13's worker threads caught after a step had passed (worker-preamble.cts): what a
 * thread posts to cucumber's coordinator goes no further, so they come on a channel of their own,
 * named for this run in the variables the threads start with (a thread runner shares its process
 * with other runners). cucumber 12's process workers send theirs over IPC (runner-channel.ts).
 */
export function lateErrorsFromThreads(env: NodeJS.ProcessEnv, onError: (error: RunError) => void): { close: () => void } {
  const name = `specloop-late-${randomUUID()}`;
  env.SPECLOOP_WORKER_LATE = name;
  const channel = new BroadcastChannel(name);
  channel.onmessage = (event) => {
    const message = (event as { data?: { type?: string; error?: RunError } }).data;
    if (message?.type === 'SPECLOOP_WORKER_ERROR' && message.error) onError(message.error);
  };
  return { close: () => (channel.close(), delete env.SPECLOOP_WORKER_LATE) };
}

/**
 * The thrown error a worker put on a failed step's envelope, and the processes its steps started
 * (worker-preamble.cts): `strip` takes both off before a formatter or the message record sees the
 * envelope, hands the processes to `onSpawned` (the runner's parent kills them with the run), and
 * `take` hands the error to the collector.
 */
export function thrownInWorkers(onSpawned: (spawned: { pid: number; exited?: boolean }) => void, onReads?: (envelope: Envelope, reads: WorkerReads) => void): { strip: (envelope: Envelope) => void; take: () => RunError | undefined } {
  let last: RunError | undefined;
  return {
    strip(envelope) {
      const carrier = envelope as Envelope & { specloopThrown?: RunError; specloopSpawned?: { pid: number; exited?: boolean }[]; specloopReads?: WorkerReads };
      if (carrier.specloopReads) {
        onReads?.(envelope, carrier.specloopReads);
        delete carrier.specloopReads;
      }
      if (carrier.specloopSpawned) {
        carrier.specloopSpawned.forEach(onSpawned);
        delete carrier.specloopSpawned;
      }
      if (!carrier.specloopThrown) return;
      last = carrier.specloopThrown;
      delete carrier.specloopThrown;
    },
    take() {
      const taken = last;
      last = undefined;
      return taken;
    },
  };
}

/** What a worker's code read in the scenario that just finished, outside scenarios, and wrote (read-recorder.cts). */
export interface WorkerReads {
  scenario: string[];
  shared: string[];
  writes: string[];
}

/** The runner's heartbeat, told which scenario (or run hook) a step belongs to. */
export interface KeyedHeartbeat extends Heartbeat {
  started(progress: RunProgress, key?: string): void;
  finished(key?: string): void;
}

/**
 * Steps run at once on the workers, and the watchdog (watchdog.ts) watches one step: it is shown
 * the oldest step still running, so a step that blocks its worker's event loop is cut (and named)
 * however busy the other workers keep the stream, and no other worker's finished step hides it.
 */
export function oldestOpenStep(inner: Heartbeat): KeyedHeartbeat {
  const open = new Map<string, { progress: RunProgress; token: number }>();
  let tokens = 0;
  let shown: number | undefined;
  const show = () => {
    const oldest = open.values().next();
    if (oldest.done) {
      if (shown !== undefined) inner.finished();
      shown = undefined;
    } else if (oldest.value.token !== shown) {
      shown = oldest.value.token;
      inner.started(oldest.value.progress);
    }
  };
  return {
    started(progress, key = '') {
      open.delete(key);
      open.set(key, { progress, token: ++tokens });
      show();
    },
    finished(key = '') {
      open.delete(key);
      show();
    },
    stop: () => inner.stop(),
  };
}

/** Which scenario attempt (or run hook) a step's envelope belongs to. */
export function stepKey(envelope: Envelope): string | undefined {
  return envelope.testStepStarted?.testCaseStartedId ?? envelope.testStepFinished?.testCaseStartedId ?? envelope.testRunHookStarted?.id ?? envelope.testRunHookFinished?.testRunHookStartedId;
}

/** How cucumber 13 rejects a run whose worker thread ended or threw (its adapter's own words). */
export const WORKER_ENDED = /^(?:Worker \S+ exited unexpectedly|Error on worker)/;

/**
 * The worker's own error inside cucumber 13's failed test run `Error on worker N`: its thread's
 * uncaught error (a World constructor that throws) is the error's cause, which cucumber's
 * testRunFinished message only keeps as a `Caused by: Type: message` part of the stack text.
 */
export function workerErrorCause(said: { message: string; stack?: string } | undefined): RunError | undefined {
  if (!said || !WORKER_ENDED.test(said.message)) return undefined;
  const caused = /\nCaused by: ([\s\S]*)$/.exec(said.stack ?? '')?.[1];
  if (!caused) return undefined;
  const first = caused.split('\n')[0]!;
  // "TypeError: text" names its class; a thrown string or object is its text alone.
  const named = /^([A-Za-z_$][\w$.]*): (.*)$/.exec(first);
  return { type: named ? named[1]! : 'Error', message: named ? named[2]! : first, stack: caused };
}

/**
 * The run error for scenarios a worker left unfinished (process.exit in a step, support code that
 * throws only in a worker, a crash): it names the scenario that was running when it happened (else
 * the first that never ran), so the verdict fails rather than counting only what finished.
 */
export function workerEndedError(running: Pickle[], planned: Pickle[], lineOf: (pickle: Pickle) => number, reason: string | undefined, cause?: RunError): RunError | undefined {
  const first = running[0] ?? planned[0];
  const because = reason ? ` (${reason})` : '';
  const stack = cause?.stack ? { stack: cause.stack } : {};
  if (!first) return reason || cause ? { code: 'SPEC_PARALLEL_WORKER_ENDED', message: `a cucumber worker ended${because}${cause ? `: ${cause.message}` : ''}`, ...stack } : undefined;
  const line = lineOf(first);
  const others = new Set(planned.map((p) => p.id));
  others.delete(first.id);
  const more = others.size ? `; ${others.size} more scenario${others.size > 1 ? 's' : ''} did not finish` : '';
  const what = running[0] ? `while "${first.name}" (${first.uri}:${line}) ran` : `before "${first.name}" (${first.uri}:${line}) ran`;
  return {
    code: 'SPEC_PARALLEL_WORKER_ENDED',
    message: cause
      ? `a cucumber worker ended ${what}${because}${more}, on this error (its stack names where): ${cause.message}`
      : `a cucumber worker ended ${what}${because}${more}: a step or hook called process.exit, support code failed to load in the worker, or Node crashed (the worker's own error, if it wrote one, is on stderr)`,
    at: { uri: first.uri, line },
    ...stack,
  };
}
