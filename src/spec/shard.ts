import { createHash } from 'node:crypto';
import { SpecloopError } from '../core/errors.js';

/** One slice of a sharded run: the `index`th (1-based) of `total`. */
export interface ShardSpec {
  index: number;
  total: number;
}

/** `--shard I/N`, checked: whole numbers, 1 ≤ I ≤ N. */
export function parseShard(text: string, flag = '--shard'): ShardSpec {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = match ? Number(match[1]) : NaN;
  const total = match ? Number(match[2]) : NaN;
  if (match && total >= 1 && index >= 1 && index <= total && Number.isSafeInteger(total)) return { index, total };
  const why = !match ? 'is not I/N' : !Number.isSafeInteger(total) ? 'names more slices than can be counted exactly' : total < 1 ? 'has no slices (N must be at least 1)' : index < 1 ? 'counts from 1' : `names slice ${index} of only ${total}`;
  throw new SpecloopError({ code: 'SPEC_SHARD_INVALID', message: `${flag} ${text} ${why}`, hint: `write ${flag} I/N with whole numbers 1 ≤ I ≤ N, e.g. ${flag} 1/3 for the first of three slices` });
}

/**
 * What a scenario costs besides its steps' recorded time: cucumber's and specloop's own work per
 * scenario (events, hooks, the verdict). Measured on bench/shard.bench.mjs's 2,000-scenario suite
 * at ≈ 2–3 ms, where most steps record 0.1 ms: without it, slices balanced by step time alone
 * were 266 scenarios against 1,202, and the big one the slowest by seconds.
 */
export const SCENARIO_OVERHEAD_MS = 2;

/**
 * Splits scenario ids into `total` slices of about equal time: greedy longest-first, each
 * scenario to the slice with the least time so far (then the fewest scenarios). Ties break on the id and on the lower slice,
 * so every machine given the same ids and durations computes the same slices. A scenario without a
 * recorded duration weighs the median of the recorded ones (none recorded: all weigh alike, counts);
 * each also weighs SCENARIO_OVERHEAD_MS.
 */
export function assignShards(ids: readonly string[], durations: ReadonlyMap<string, number>, total: number): string[][] {
  const unique = [...new Set(ids)];
  const known = unique.map((id) => durations.get(id)).filter((d): d is number => typeof d === 'number' && Number.isFinite(d) && d >= 0);
  const fallback = median(known) ?? 0;
  const weight = (id: string) => {
    const d = durations.get(id);
    return (typeof d === 'number' && Number.isFinite(d) && d >= 0 ? d : fallback) + SCENARIO_OVERHEAD_MS;
  };
  const ordered = unique.map((id) => ({ id, weight: weight(id) })).sort((a, b) => b.weight - a.weight || compareIds(a.id, b.id));
  const slices: string[][] = Array.from({ length: total }, () => []);
  const loads = new Array<number>(total).fill(0);
  for (const { id, weight: w } of ordered) {
    let least = 0;
    // Equal time: the slice with fewer scenarios.
    for (let i = 1; i < total; i++) if (loads[i]! < loads[least]! || (loads[i] === loads[least] && slices[i]!.length < slices[least]!.length)) least = i;
    slices[least]!.push(id);
    loads[least]! += w;
  }
  return slices.map((slice) => slice.sort(compareIds));
}

/** What identifies the whole a shard is a slice of: the number of scenarios and a hash of their ids. */
export function suiteOf(ids: readonly string[]): { scenarios: number; hash: string } {
  const sorted = [...new Set(ids)].sort(compareIds);
  return { scenarios: sorted.length, hash: createHash('sha256').update(sorted.join('\n')).digest('hex').slice(0, 16) };
}

/** Code-unit order, never the locale's: every machine sorts alike. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
