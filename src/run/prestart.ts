/**
 * `spec verify`'s runner thread, started by bin/spec.js before the CLI's modules load: the thread's
 * own start-up (a Node isolate and the runner's modules, ≈ 30 ms) then overlaps the CLI's instead of
 * following it. It is held: it loads nothing of the project until the CLI takes it for the runner it
 * would have started (run/thread.ts), which it does only when the thread was started in the project
 * the run is for, with the same variables; otherwise, and when no runner is started at all, it is
 * told to stop and ends before loading anything (bench/RESULTS.md, session 11).
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { heartbeatBuffer } from './watchdog.js';
import { runnerEntryFile } from './runner-entry.js';

type EarlyEvent = ['message' | 'error' | 'exit', unknown];

export interface HeldRunner {
  worker: Worker;
  heartbeat: SharedArrayBuffer;
  /** What the thread said before it was taken (only a failure can come then), for the taker to replay. */
  early: EarlyEvent[];
}

let held: (HeldRunner & { root: string; env: Record<string, string | undefined>; detach: () => void }) | undefined;

/**
 * Starts the held thread for the folder the command starts in, with its variables (bin/spec.js reads
 * them: below cli/ nothing reads the process). Never throws: a thread that cannot start here is started as before.
 */
export function prestartRunner(cwd: string, variables: Record<string, string | undefined>): void {
  try {
    const root = path.resolve(cwd);
    const env = { ...variables };
    const heartbeat = heartbeatBuffer();
    const worker = new Worker(runnerEntryFile(), { workerData: { root, heartbeat, held: true }, env, execArgv: [], stdout: true, stderr: true });
    const early: EarlyEvent[] = [];
    const listeners = (['message', 'error', 'exit'] as const).map((event) => [event, (value: unknown) => early.push([event, value])] as const);
    for (const [event, listener] of listeners) worker.on(event, listener);
    // Until taken, it must not keep a command that never runs scenarios alive.
    worker.unref();
    const detach = () => listeners.forEach(([event, listener]) => worker.off(event, listener));
    held = { worker, heartbeat, early, root, env, detach };
  } catch {
    held = undefined;
  }
}

/**
 * The held thread, for a thread runner of `root` with `env`, told to go on; undefined when there is
 * none or it does not fit (then it is stopped). The taker attaches its listeners, then replays `early`.
 */
export function takeHeldRunner(root: string, env: Record<string, string | undefined>, execArgv: readonly string[]): HeldRunner | undefined {
  const taken = held;
  held = undefined;
  if (!taken) return undefined;
  // The thread was started for its folder: only a runner of the same folder is its project (the CLI
  // changes into the project's folder, so that folder is also the current one then).
  const fits = taken.root === path.resolve(root) && execArgv.length === 0 && sameVariables(taken.env, env);
  taken.detach();
  if (!fits) return void stop(taken.worker);
  taken.worker.ref();
  taken.worker.postMessage({ type: 'go' });
  return { worker: taken.worker, heartbeat: taken.heartbeat, early: taken.early };
}

/** Stops a held thread no runner took (a command that ended before starting one). */
export function discardHeldRunner(): void {
  const taken = held;
  held = undefined;
  if (taken) (taken.detach(), stop(taken.worker));
}

function stop(worker: Worker): void {
  // Ending is all that is left of it: a failure now must not reach this process as an unhandled 'error'.
  worker.on('error', () => undefined);
  worker.postMessage({ type: 'stop' });
}

function sameVariables(a: Record<string, string | undefined>, b: Record<string, string | undefined>): boolean {
  const keys = Object.keys(a).filter((k) => a[k] !== undefined);
  const other = Object.keys(b).filter((k) => b[k] !== undefined);
  return keys.length === other.length && keys.every((k) => a[k] === b[k]);
}
