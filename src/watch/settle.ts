export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as NodeJS.Timeout) };

export interface Settler {
  add(path: string): void;
  /** Drops what is pending and stops the timer (on quit). */
  cancel(): void;
}

/**
 * Collects a burst of file events into one batch: the batch fires `quietMs` after the last event,
 * so hundreds of writes in a second give one run on the final state. `maxWaitMs` bounds how long a
 * never-ending stream of writes can postpone a run.
 */
export function createSettler(quietMs: number, onSettled: (paths: string[]) => void, maxWaitMs = Math.max(1000, quietMs * 20), timers: Timers = realTimers): Settler {
  let pending = new Set<string>();
  let quiet: unknown;
  let firstAt: number | undefined;
  const fire = () => {
    timers.clear(quiet);
    quiet = undefined;
    firstAt = undefined;
    const batch = [...pending];
    pending = new Set();
    if (batch.length) onSettled(batch);
  };
  return {
    add(path) {
      pending.add(path);
      const now = Date.now();
      firstAt ??= now;
      timers.clear(quiet);
      const waited = now - firstAt;
      quiet = timers.set(fire, waited >= maxWaitMs ? 0 : Math.min(quietMs, maxWaitMs - waited));
    },
    cancel() {
      timers.clear(quiet);
      pending = new Set();
      firstAt = undefined;
    },
  };
}
