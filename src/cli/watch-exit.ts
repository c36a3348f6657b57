import type { WatchEvent } from '../api/watch.js';

/** What stopped the watcher: a signal, or the q key (Ctrl-C on a raw terminal is SIGINT's key). */
export type StopCause = 'SIGINT' | 'SIGTERM' | 'quit';

/**
 * spec watch's exit code once stopped. Leaving a green suite is the normal way out (0); one cut
 * mid-run (or before its first run finished) or left failing must not read as a pass: a signal
 * exits as a shell reports a command it ended (128 + the signal, as cucumber-js does), q exits 1.
 */
export function watchExitTracker(): { see: (event: WatchEvent) => void; stopped: (cause: StopCause) => void; exitCode: () => number } {
  let running = false;
  let finished = false;
  let failing = false;
  let code: number | undefined;
  return {
    see(event) {
      // A cancelled run's edits wait for the next run: until it finishes they are unchecked, as if cut.
      if (event.type === 'run-started' || event.type === 'run-cancelled') running = true;
      else if (event.type === 'run-finished') {
        running = false;
        finished = true;
        failing = event.verdict.exitCode !== 0 || (event.verdict.watch?.suite?.failing ?? 0) > 0;
      }
    },
    // Judged when the stop is asked: what happens after (the run under way cancelled) changes nothing.
    stopped(cause) {
      if (code !== undefined) return;
      const clean = !running && finished && !failing;
      code = clean ? 0 : cause === 'SIGINT' ? 130 : cause === 'SIGTERM' ? 143 : 1;
    },
    exitCode: () => code ?? 0,
  };
}
