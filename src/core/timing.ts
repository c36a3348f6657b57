/**
 * SPECLOOP_TIMING=1 prints where a run spends its time: each phase with the wall-clock time (ms
 * within the current 100 s, comparable across the parent and its runner), the process's own clock
 * and the CPU time it has used (user + system: on a loaded machine wall time is inflated several
 * times over, CPU time much less). Off until a process entry (the CLI, the runner's worker)
 * switches it on with its own variables and stream: a library caller's run never writes to a
 * stream it did not give.
 */
import { readFileSync } from 'node:fs';
import type { OutputStream } from './env.js';

let sink: OutputStream | undefined;

/** Switches timing on (SPECLOOP_TIMING=1 in `env`) onto `stream`, or off. */
export function configureTiming(env: Record<string, string | undefined>, stream: OutputStream): void {
  sink = env.SPECLOOP_TIMING === '1' ? stream : undefined;
}

/** The CPU time this process has used, ms (user + system). */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return Math.round((user + system) / 1000);
}

export function mark(who: string, label: string): void {
  if (!sink) return;
  const now = performance.timeOrigin + performance.now();
  const thread = threadCpuMs();
  sink.write(`${PREFIX} ${who} ${label} at ${Math.round(now) % 100_000} (own clock ${Math.round(performance.now())} ms, cpu ${cpuMs()} ms${thread === undefined ? '' : `, thread cpu ${thread} ms`})\n`);
}

/**
 * The CPU time of the calling thread alone (Linux: /proc/thread-self/stat, in 10 ms ticks): the
 * CLI and a thread runner share one process, whose CPU time (cpuMs) mixes theirs.
 */
function threadCpuMs(): number | undefined {
  try {
    const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

const PREFIX = '[specloop timing]';

/**
 * For a runner's output: passes its timing lines on to this process's timing stream (when timing
 * is on here), so one stream shows the parent's and the runner's phases. Output arrives in chunks
 * that may split a line: the unfinished end waits for the next chunk.
 */
export function timingForwarder(): (chunk: string) => void {
  let pending = '';
  return (chunk) => {
    if (!sink) return;
    const lines = (pending + chunk).split('\n');
    pending = lines.pop()!.slice(-4096);
    for (const line of lines) if (line.startsWith(PREFIX)) sink.write(`${line}\n`);
  };
}
