import { Worker } from 'node:worker_threads';
import type { RunProgress } from './result.js';

/** Written on stderr, right before the child kills itself, so the parent can name the hung step. */
export const HANG_MARKER = '\u0000specloop:hang ';

const BUFFER_BYTES = 8192;

// Runs in a worker thread: it keeps ticking when the main thread is blocked in a step.
const WATCHDOG_SOURCE = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { sab, quietMs, marker } = workerData;
const state = new Int32Array(sab, 0, 3);
const bytes = new Uint8Array(sab, 12);
let lastSeq = -1;
let since = Date.now();
setInterval(() => {
  const seq = Atomics.load(state, 0);
  if (seq !== lastSeq || Atomics.load(state, 1) === 0) { lastSeq = seq; since = Date.now(); return; }
  if (Date.now() - since < quietMs) return;
  const text = Buffer.from(bytes.slice(0, Atomics.load(state, 2))).toString('utf8');
  fs.writeSync(2, '\\n' + marker + text + '\\n');
  process.kill(process.pid, 'SIGKILL');
}, Math.max(10, Math.min(100, Math.floor(quietMs / 4))));
`;

export interface HangWatchdog {
  /** A step (or hook) started: it must finish within quietMs. */
  started(progress: RunProgress): void;
  finished(): void;
  stop(): void;
}

/**
 * Catches what cucumber's own step timeout cannot: a step that blocks the event loop. The main
 * thread only bumps a counter in shared memory per step (no IPC), and the watchdog thread kills
 * the process, after naming the step, when a step stays unfinished for quietMs.
 */
export function startHangWatchdog(quietMs: number): HangWatchdog {
  const sab = new SharedArrayBuffer(12 + BUFFER_BYTES);
  const state = new Int32Array(sab, 0, 3);
  const bytes = new Uint8Array(sab, 12);
  const encoder = new TextEncoder();
  const worker = new Worker(WATCHDOG_SOURCE, { eval: true, workerData: { sab, quietMs, marker: HANG_MARKER } });
  worker.unref();
  return {
    started(progress) {
      const { written } = encoder.encodeInto(JSON.stringify(progress), bytes);
      Atomics.store(state, 2, written);
      Atomics.store(state, 1, 1);
      Atomics.add(state, 0, 1);
    },
    finished() {
      Atomics.store(state, 1, 0);
      Atomics.add(state, 0, 1);
    },
    stop() {
      void worker.terminate();
    },
  };
}

/** Splits the watchdog's report out of the child's stderr. */
export function extractHang(log: string): { log: string; progress: RunProgress | undefined } {
  const at = log.lastIndexOf(HANG_MARKER);
  if (at < 0) return { log, progress: undefined };
  const end = log.indexOf('\n', at);
  const json = log.slice(at + HANG_MARKER.length, end < 0 ? undefined : end);
  let progress: RunProgress | undefined;
  try {
    progress = JSON.parse(json) as RunProgress;
  } catch {
    progress = undefined;
  }
  return { log: (log.slice(0, at) + (end < 0 ? '' : log.slice(end + 1))).trimEnd(), progress };
}
