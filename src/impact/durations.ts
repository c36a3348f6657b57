import { readFileSync } from 'node:fs';
import path from 'node:path';
import { updateLocked } from './locked-update.js';

/**
 * `.spec/durations.json`: how long each scenario took when it last ran, by id (file:line), so
 * `--shard` can balance slices by time. CI machines do not share `.spec/`: a project that shards
 * commits or caches this file; without it every machine falls back to counts, alike.
 */
export const DURATIONS_FILE = '.spec/durations.json';

interface DurationsFile {
  version: 1;
  /** Milliseconds to 0.1 (a short scenario is not 0): the file reads the same on every machine that loads it. */
  scenarios: Record<string, number>;
}

/** The recorded durations; empty when there are none or the file is unreadable (a cache: counts then). */
export function loadDurations(root: string): Map<string, number> {
  try {
    const data = JSON.parse(readFileSync(path.join(root, DURATIONS_FILE), 'utf8')) as Partial<DurationsFile>;
    if (data.version !== 1 || !data.scenarios || typeof data.scenarios !== 'object') return new Map();
    return new Map(Object.entries(data.scenarios).filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]) && e[1] >= 0));
  } catch {
    return new Map();
  }
}

/**
 * Merges this run's durations into the file under the .spec/ lock, whole runs and narrowed ones
 * (a shard, a filter) alike: an interrupted run must not drop what others recorded. An id no spec
 * holds any more only ever weighs in the median. Never fails the run.
 */
export async function recordDurations(root: string, ran: readonly { id: string; durationMs: number }[]): Promise<void> {
  if (ran.length === 0) return;
  const target = path.join(root, DURATIONS_FILE);
  await updateLocked(target, async () => {
    const scenarios = loadDurations(root);
    for (const scenario of ran) scenarios.set(scenario.id, Math.round(scenario.durationMs * 10) / 10);
    const { default: writeFileAtomic } = await import('write-file-atomic');
    // Whole by the rename; no fsync, like every .spec/ file: a run's tail must not wait on the disk for a cache.
    await writeFileAtomic(target, `${JSON.stringify({ version: 1, scenarios: Object.fromEntries(byId(scenarios)) } satisfies DurationsFile, null, 1)}\n`, { fsync: false });
  }).catch(() => undefined);
}

/**
 * The entries in id order. The file is written in that order and a run that adds no scenario keeps
 * it, so the entries are usually in order already: checked in one pass, sorted only when not (a
 * sort of 2,000 ids was ≈ 5 ms of a run's tail, bench/RESULTS.md session 12 P1).
 */
export function byId(scenarios: Map<string, number>): [string, number][] {
  const entries = [...scenarios];
  const inOrder = entries.every(([id], i) => i === 0 || entries[i - 1]![0] < id);
  return inOrder ? entries : entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
