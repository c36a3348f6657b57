import path from 'node:path';
import { ensureDir } from '../core/fs.js';

/**
 * How long a run waits for another's lock: merges take milliseconds, so this only runs out when
 * the other run is stuck. A lock untouched for `stale` ms belongs to a dead run and is taken over.
 */
const LOCK_OPTIONS = {
  realpath: false,
  stale: 10_000,
  update: 2_000,
  retries: { retries: 60, factor: 1.3, minTimeout: 5, maxTimeout: 250 },
  // Taken over as stale while still held: what this run writes is still whole (an atomic rename), at
  // worst it drops the other run's merge. The default would throw from a timer and kill the run.
  onCompromised: () => undefined,
};

/** proper-lockfile (and graceful-fs under it) load only when a run writes its results. */
export function preloadLock(): Promise<unknown> {
  return import('proper-lockfile');
}

/**
 * Runs a read-modify-write of `target` (a file in .spec/) while holding a cross-process lock on
 * it (a `target.lock` folder, which mkdir creates atomically): two runs at once in one project
 * each merge into what the other wrote, rather than the later one overwriting the earlier one's
 * part. Rejects if the lock cannot be had; callers treat these files as caches.
 */
export async function updateLocked<T>(target: string, update: () => Promise<T>): Promise<T> {
  ensureDir(path.dirname(target));
  const { default: lockfile } = await import('proper-lockfile');
  const release = await lockfile.lock(target, LOCK_OPTIONS);
  try {
    return await update();
  } finally {
    await release().catch(() => undefined);
  }
}
