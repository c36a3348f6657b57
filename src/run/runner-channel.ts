/**
 * The runner's line to its parent, the same whether it runs as a child process (IPC) or a worker
 * thread (postMessage): messages both ways, the heartbeat the parent watches, and the pids of what
 * the steps spawn.
 */
import { ChildProcess } from 'node:child_process';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { ChildMessage, ParentMessage, SpawnedMessage } from './protocol.js';
import { startHangWatchdog, writeHeartbeat, type Heartbeat } from './watchdog.js';

/** Set when the runner is a worker thread (see thread.ts): the parent watches its heartbeat. */
export const thread = isMainThread ? undefined : (workerData as { heartbeat: SharedArrayBuffer; held?: boolean });

export function send(message: ChildMessage | SpawnedMessage): Promise<void> {
  return new Promise((resolve) => {
    if (thread) return resolve(parentPort!.postMessage(message));
    if (!process.send) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });
}

export function onParentMessage(handler: (message: ParentMessage) => void): void {
  if (thread) parentPort!.on('message', handler);
  else process.on('message', handler);
}

export function heartbeat(quietMs: number): Heartbeat {
  return thread ? writeHeartbeat(thread.heartbeat, undefined, quietMs) : startHangWatchdog(quietMs);
}

/**
 * Reports what the steps spawn: the parent kills those, and what they started, with the runner.
 * A thread has no process group of its own, and a child's group misses what detaches from it.
 */
export function reportSpawns(onSpawn: (options: unknown) => void = () => undefined): void {
  // Every async spawn, exec and fork goes through this (undocumented but long-stable) method.
  const proto = ChildProcess.prototype as unknown as { spawn: (this: ChildProcess, ...args: unknown[]) => unknown };
  const spawn = proto.spawn;
  proto.spawn = function (this: ChildProcess, ...args: unknown[]) {
    const result = spawn.apply(this, args);
    onSpawn(args[0]);
    takeWorkerErrors(this);
    if (isCucumberWorker(args[0])) outliveDeadWorker(this);
    const pid = this.pid;
    if (pid !== undefined) {
      void send({ type: 'spawned', pid });
      this.once('exit', () => void send({ type: 'spawned', pid, exited: true }));
    }
    return result;
  };
}

/** `late`: thrown after the step that started it had passed (worker-preamble.cts), not what ended the worker. */
type WorkerError = { type?: string; message: string; stack?: string; late?: boolean };
let workerErrorHandler: ((error: WorkerError) => void) | undefined;

/** Where a cucumber worker's last error goes (worker-preamble.cts sends it before the worker exits). */
export function onWorkerError(handler: ((error: WorkerError) => void) | undefined): void {
  workerErrorHandler = handler;
}

/** cucumber's coordinator throws on a message type it does not know: the worker's error is taken off before it sees it. */
function takeWorkerErrors(child: ChildProcess): void {
  const emit = child.emit.bind(child) as (event: string | symbol, ...args: unknown[]) => boolean;
  child.emit = ((event: string | symbol, ...args: unknown[]) => {
    const message = args[0] as { type?: string; error?: WorkerError; late?: boolean } | undefined;
    if (event !== 'message' || message?.type !== 'SPECLOOP_WORKER_ERROR') return emit(event, ...args);
    if (message.error) workerErrorHandler?.(message.late ? { ...message.error, late: true } : message.error);
    return true;
  }) as typeof child.emit;
}

/** A process worker of cucumber 12 and older: a fork of its run_worker.js. */
const CUCUMBER_WORKER = /[\\/]@cucumber[\\/]cucumber[\\/]lib[\\/]runtime[\\/]parallel[\\/]run_worker\.js$/;

function isCucumberWorker(options: unknown): boolean {
  const args = (options as { args?: unknown } | undefined)?.args;
  return Array.isArray(args) && args.some((arg) => typeof arg === 'string' && CUCUMBER_WORKER.test(arg));
}

/**
 * cucumber 12 and older send a worker its next scenario with no error handler: to a worker that
 * has just died (of an error its last step left behind) the send fails, and the runner crashed on
 * it and lost every result. The worker's exit already fails cucumber's run, and the scenario it
 * was given is reported unfinished (collect.ts endedEarly).
 */
function outliveDeadWorker(child: ChildProcess): void {
  child.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_IPC_CHANNEL_CLOSED') throw error;
  });
}
