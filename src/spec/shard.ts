import { shortHash } from '../core/hash.js';
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
 * Splits scenario ids into `total` slices of about equal time, each a run of consecutive scenarios
 * in path order (files, then lines), so a slice reads few spec files and neighbouring files (which
 * tend to share step files) bind few step files: a shard loads only those (selection-steps.ts). A
 * spec file is one piece when it weighs at most an eighth of a slice's share, else each of its
 * scenarios is; the cuts between pieces are the ones whose heaviest slice is lightest (a search on
 * that weight), and no slice is left empty while pieces remain. Pure arithmetic on sorted input:
 * every machine given the same ids and durations computes the same slices. A scenario without a
 * recorded duration weighs the median of the recorded ones (none recorded: all weigh alike,
 * counts); each also weighs SCENARIO_OVERHEAD_MS.
 */
export function assignShards(ids: readonly string[], durations: ReadonlyMap<string, number>, total: number): string[][] {
  const pieces = piecesOf(ids, durations, total);
  const capacity = lightestCapacity(pieces.map((p) => p.weight), total);
  const slices: string[][] = Array.from({ length: total }, () => []);
  let slice = 0;
  let load = 0;
  pieces.forEach((piece, i) => {
    const full = load + piece.weight > capacity;
    // As many pieces left as slices after this one: one each, so none is empty.
    const needed = pieces.length - i <= total - 1 - slice;
    if (slices[slice]!.length > 0 && (full || needed) && slice < total - 1) {
      slice++;
      load = 0;
    }
    slices[slice]!.push(...piece.ids);
    load += piece.weight;
  });
  return slices;
}

/** The suite in path order, cut into pieces: small files whole, bigger ones scenario by scenario. */
function piecesOf(ids: readonly string[], durations: ReadonlyMap<string, number>, total: number): { ids: string[]; weight: number }[] {
  const unique = [...new Set(ids)].sort(compareScenarios);
  const valid = (d: number | undefined): d is number => typeof d === 'number' && Number.isFinite(d) && d >= 0;
  const fallback = median(unique.map((id) => durations.get(id)).filter(valid)) ?? 0;
  const weight = (id: string) => {
    const d = durations.get(id);
    return (valid(d) ? d : fallback) + SCENARIO_OVERHEAD_MS;
  };
  const files = new Map<string, { id: string; weight: number }[]>();
  for (const id of unique) files.set(fileOf(id), [...(files.get(fileOf(id)) ?? []), { id, weight: weight(id) }]);
  const share = unique.reduce((sum, id) => sum + weight(id), 0) / total;
  return [...files.values()].flatMap((scenarios) => {
    const fileWeight = scenarios.reduce((sum, s) => sum + s.weight, 0);
    return fileWeight <= share / 8 ? [{ ids: scenarios.map((s) => s.id), weight: fileWeight }] : scenarios.map((s) => ({ ids: [s.id], weight: s.weight }));
  });
}

/** The least heaviest-slice weight at which consecutive pieces fit in `total` slices (bisection: 60 halvings). */
function lightestCapacity(weights: number[], total: number): number {
  const fits = (capacity: number) => {
    let slices = 1;
    let load = 0;
    for (const w of weights) {
      if (load > 0 && load + w > capacity) {
        slices++;
        load = 0;
      }
      load += w;
    }
    return slices <= total;
  };
  let low = Math.max(0, ...weights);
  let high = weights.reduce((a, b) => a + b, 0);
  if (fits(low)) return low;
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (fits(mid)) high = mid;
    else low = mid;
  }
  return high;
}

/** A scenario id's file: the id is file:line. */
function fileOf(id: string): string {
  return id.replace(/:\d+$/, '');
}

/** By file (code-unit order), then by line as a number: a file's scenarios stay in reading order. */
function compareScenarios(a: string, b: string): number {
  return compareIds(fileOf(a), fileOf(b)) || Number(/:(\d+)$/.exec(a)?.[1] ?? 0) - Number(/:(\d+)$/.exec(b)?.[1] ?? 0) || compareIds(a, b);
}

/** What identifies the whole a shard is a slice of: the number of scenarios and a hash of their ids. */
export function suiteOf(ids: readonly string[]): { scenarios: number; hash: string } {
  const sorted = [...new Set(ids)].sort(compareIds);
  return { scenarios: sorted.length, hash: shortHash(sorted.join('\n')) };
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
