/**
 * SPECLOOP_TIMING=1 prints where a run spends its time: each phase with the wall-clock time (ms
 * within the current 100 s, comparable across the parent and its runner) and the process's own
 * clock. Off until a process entry (the CLI, the runner's worker) switches it on with its own
 * variables and stream: a library caller's run never writes to a stream it did not give.
 */
import type { OutputStream } from './env.js';

let sink: OutputStream | undefined;

/** Switches timing on (SPECLOOP_TIMING=1 in `env`) onto `stream`, or off. */
export function configureTiming(env: Record<string, string | undefined>, stream: OutputStream): void {
  sink = env.SPECLOOP_TIMING === '1' ? stream : undefined;
}

export function mark(who: string, label: string): void {
  if (!sink) return;
  const now = performance.timeOrigin + performance.now();
  sink.write(`[specloop timing] ${who} ${label} at ${Math.round(now) % 100_000} (own clock ${Math.round(performance.now())} ms)\n`);
}
