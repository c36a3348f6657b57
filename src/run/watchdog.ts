import { Worker } from 'node:worker_threads';
import type { RunProgress } from '../core/run-result.js';

/** Written on stderr, right before the child kills itself, so the parent can name the hung step. */
export const HANG_MARKER = '\u0000specloop:hang ';

const BUFFER_BYTES = 8192;
/** Shared memory layout: [sequence, a step is running, progress bytes, quiet ms] then the progress (encodeProgress). */
const HEADER_BYTES = 16;
/** Between the progress's fields: no path, scenario name or step text holds it. */
const SEPARATOR = '\u001f';

// Runs in a worker thread of the runner child: it keeps ticking when the main thread is blocked in a step.
const WATCHDOG_SOURCE = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { sab, marker } = workerData;
const state = new Int32Array(sab, 0, 4);
const bytes = new Uint8Array(sab, 16);
let lastSeq = -1;
let since = Date.now();
// The quiet time is read each tick: one thread serves every run of the runner, each with its own.
function tick() {
  const quietMs = Atomics.load(state, 3);
  setTimeout(tick, pollInterval(quietMs));
  const seq = Atomics.load(state, 0);
  if (seq !== lastSeq || Atomics.load(state, 1) === 0) { lastSeq = seq; since = Date.now(); return; }
  if (Date.now() - since < quietMs) return;
  const text = Buffer.from(bytes.slice(0, Atomics.load(state, 2))).toString('utf8');
  // As a JSON string: a hook's name may hold a line break, and the report is one line of stderr.
  fs.writeSync(2, '\\n' + marker + JSON.stringify(text) + '\\n');
  process.kill(process.pid, 'SIGKILL');
}
tick();
function pollInterval(ms) { return Math.max(10, Math.min(100, Math.floor(ms / 4))); }
`;

export interface Heartbeat {
  /** A step (or hook) started: it must finish within quietMs. */
  started(progress: RunProgress): void;
  finished(): void;
  stop(): void;
}

export function heartbeatBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(HEADER_BYTES + BUFFER_BYTES);
}

/**
 * The runner's side: per step it only bumps a counter in shared memory (no IPC, no message), so a
 * watcher on another thread can tell a step that blocks the event loop from a slow one.
 */
export function writeHeartbeat(sab: SharedArrayBuffer, onStop: () => void = () => undefined, quietMs?: number): Heartbeat {
  const state = new Int32Array(sab, 0, 4);
  if (quietMs !== undefined) Atomics.store(state, 3, Math.min(quietMs, 2 ** 31 - 1));
  const bytes = new Uint8Array(sab, HEADER_BYTES);
  const encoder = new TextEncoder();
  return {
    started(progress) {
      const limitMs = Atomics.load(state, 3) || undefined;
      const { written } = encoder.encodeInto(encodeProgress(progress, limitMs), bytes);
      Atomics.store(state, 2, written);
      Atomics.store(state, 1, 1);
      Atomics.add(state, 0, 1);
    },
    finished() {
      Atomics.store(state, 1, 0);
      Atomics.add(state, 0, 1);
    },
    stop: onStop,
  };
}

let watchdog: SharedArrayBuffer | undefined;

/**
 * The runner child's own watchdog: a thread that kills the process, after naming the step on
 * stderr, when a step stays unfinished for quietMs. One thread serves every run of the process
 * (a warm watch or MCP runner runs many): starting a thread costs ≈ 30–60 ms of CPU, which each
 * run paid beside its scenarios. Unreferenced, it never keeps the process alive.
 */
export function startHangWatchdog(quietMs: number): Heartbeat {
  if (!watchdog) {
    watchdog = heartbeatBuffer();
    new Worker(WATCHDOG_SOURCE, { eval: true, workerData: { sab: watchdog, marker: HANG_MARKER } }).unref();
  }
  const state = new Int32Array(watchdog, 0, 4);
  // Stopped, no step is running any more: a later run's quiet must not count from this one's.
  return writeHeartbeat(watchdog, () => {
    Atomics.store(state, 1, 0);
    Atomics.add(state, 0, 1);
  }, quietMs);
}

/**
 * The watcher's side for a runner thread: polls the heartbeat from the parent's main thread (free
 * while the runner works) and calls onHang with the step that stayed unfinished for quietMs, or for the
 * longer limit the runner wrote once it knew the support code's own timeouts.
 */
export function watchHeartbeat(sab: SharedArrayBuffer, quietMs: number, onHang: (progress: RunProgress | undefined) => void): () => void {
  const state = new Int32Array(sab, 0, 4);
  const bytes = new Uint8Array(sab, HEADER_BYTES);
  let lastSeq = -1;
  let since = Date.now();
  const timer = setInterval(() => {
    const seq = Atomics.load(state, 0);
    if (seq !== lastSeq || Atomics.load(state, 1) === 0) {
      lastSeq = seq;
      since = Date.now();
      return;
    }
    if (Date.now() - since < Math.max(quietMs, Atomics.load(state, 3))) return;
    clearInterval(timer);
    onHang(parseProgress(Buffer.from(bytes.slice(0, Atomics.load(state, 2))).toString('utf8')));
  }, Math.max(10, Math.min(100, Math.floor(quietMs / 4))));
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * The step as the heartbeat writes it for every step and hook that starts: its fields joined, not
 * JSON, which cost ≈ 5 µs a step (12 ms of a 200-scenario run's runner thread, bench/RESULTS.md).
 * Read back only when a step hangs. The step text goes last, so it may hold anything.
 */
export function encodeProgress(progress: RunProgress, limitMs: number | undefined): string {
  const { hook } = progress;
  return [limitMs ?? '', progress.line, progress.pickleLine ?? '', hook?.line ?? '', hook?.uri ?? '', progress.uri, progress.scenario, progress.step].join(SEPARATOR);
}

function parseProgress(text: string): RunProgress | undefined {
  const [limitMs, line, pickleLine, hookLine, hookUri, uri, scenario, ...step] = text.split(SEPARATOR);
  if (step.length === 0 || !/^\d+$/.test(line!)) return undefined;
  return { uri: uri!, line: Number(line), scenario: scenario!, ...(pickleLine ? { pickleLine: Number(pickleLine) } : {}), ...(hookUri ? { hook: { uri: hookUri, line: Number(hookLine) } } : {}), step: step.join(SEPARATOR), ...(limitMs ? { limitMs: Number(limitMs) } : {}) };
}

function jsonString(text: string): string {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'string' ? value : '';
  } catch {
    return '';
  }
}

/** Splits the watchdog's report out of the child's stderr. */
export function extractHang(log: string): { log: string; progress: RunProgress | undefined } {
  const at = log.lastIndexOf(HANG_MARKER);
  if (at < 0) return { log, progress: undefined };
  const end = log.indexOf('\n', at);
  const progress = parseProgress(jsonString(log.slice(at + HANG_MARKER.length, end < 0 ? undefined : end)));
  return { log: (log.slice(0, at) + (end < 0 ? '' : log.slice(end + 1))).trimEnd(), progress };
}
