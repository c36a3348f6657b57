/**
 * SPECLOOP_TIMING=1 prints where a run spends its time, on stderr: each phase with the wall-clock
 * time (ms within the current 100 s, comparable across the parent and its runner) and the
 * process's own clock.
 */
const enabled = process.env.SPECLOOP_TIMING === '1';

export function mark(who: string, label: string): void {
  if (!enabled) return;
  const now = performance.timeOrigin + performance.now();
  process.stderr.write(`[specloop timing] ${who} ${label} at ${Math.round(now) % 100_000} (own clock ${Math.round(performance.now())} ms)\n`);
}
