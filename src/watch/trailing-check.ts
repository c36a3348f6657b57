import { statSync } from 'node:fs';

/** chokidar drops a second 'change' for the same file within 50 ms; we look again after that. */
export const CHOKIDAR_THROTTLE_MS = 50;

function signature(file: string): string {
  try {
    const stats = statSync(file);
    return `${stats.mtimeMs}:${stats.size}:${stats.ino}`;
  } catch {
    return 'missing';
  }
}

/**
 * After each file event, looks at the file again once the watcher's throttle window has passed;
 * a write the watcher swallowed shows up as a different mtime/size and is reported as a change.
 */
export function createTrailingCheck(onMissed: (file: string) => void, delayMs = CHOKIDAR_THROTTLE_MS + 15) {
  const pending = new Map<string, { timer: NodeJS.Timeout; seen: string }>();
  const check = (file: string) => {
    const entry = pending.get(file);
    pending.delete(file);
    if (!entry) return;
    const now = signature(file);
    if (now !== entry.seen) {
      onMissed(file);
      arm(file, now);
    }
  };
  const arm = (file: string, seen: string) => {
    const previous = pending.get(file);
    if (previous) clearTimeout(previous.timer);
    pending.set(file, { timer: setTimeout(() => check(file), delayMs), seen });
  };
  return {
    /** The watcher reported `file`: remember what it looks like now. */
    saw(file: string): void {
      arm(file, signature(file));
    },
    stop(): void {
      for (const { timer } of pending.values()) clearTimeout(timer);
      pending.clear();
    },
  };
}
