import type { FunctionCoverage, ScriptCoverage } from './coverage-files.js';

/**
 * Line coverage without a block take per scenario (bench/RESULTS.md, session 12). A block take
 * costs V8 a walk of every function compiled with block counters, whatever ran; a function take
 * costs about a third less. So the project's code is compiled eagerly with block counters while it
 * loads, the scenarios' takes count functions only (each scenario's files), and the block counters,
 * which function takes neither read nor reset, are read once at the end of the run.
 *
 * V8 leaves a function out of a block take when neither its invocation count (reset by every
 * function take) nor its parent's is non-zero, and no block inside it counted differently from it.
 * A function left out of the final take therefore ran uniformly since the function takes began: all
 * of it if one of them saw it run, none of it otherwise. This module rebuilds those functions from
 * what the function takes saw; pure: no inspector, no file system.
 */

/** Per script id: its URL and every function range a function take reported, and whether it ran. */
export type Picture = Map<string, { url: string; ranges: Map<string, boolean>; shared?: Set<string> }>;

/** Adds one function take (already narrowed to the project's scripts) to the picture. */
export function notePicture(picture: Picture, take: readonly ScriptCoverage[]): void {
  for (const script of take) {
    let seen = picture.get(script.scriptId);
    if (!seen) picture.set(script.scriptId, (seen = { url: script.url, ranges: new Map() }));
    const inTake = new Set<string>();
    for (const fn of script.functions) {
      const own = fn.ranges[0];
      if (!own) continue;
      const key = `${own.startOffset}:${own.endOffset}`;
      // Two functions over one range (a class's static and instance initializers): V8 nests what
      // is inside under either, so what ran inside it cannot be told from the range.
      if (inTake.has(key)) (seen.shared ??= new Set()).add(key);
      inTake.add(key);
      if (own.count > 0) seen.ranges.set(key, true);
      else if (!seen.ranges.has(key)) seen.ranges.set(key, false);
    }
  }
}

/**
 * The final block take with the functions it left out put back from the picture, for the scripts
 * in `exact` (compiled with block counters throughout). In any other script a function without
 * block counters (`isBlockCoverage: false`) says only that it was called, not which of its
 * branches ran: it counts as not run, so the figures can read worse than the truth, never better.
 */
export function withPicture(final: readonly ScriptCoverage[], picture: Picture, exact: ReadonlySet<string>): ScriptCoverage[] {
  const out: ScriptCoverage[] = final.map((script) => (exact.has(script.scriptId) ? script : blockCountsOnly(script)));
  const byId = new Map(out.map((script, i) => [script.scriptId, i]));
  for (const [scriptId, seen] of picture) {
    if (!exact.has(scriptId)) continue;
    const at = byId.get(scriptId);
    const present = new Set((at === undefined ? [] : out[at]!.functions).map(ownKey));
    const back: FunctionCoverage[] = [];
    for (const [key, ran] of seen.ranges) if (!present.has(key)) back.push(uniform(key, ran && !seen.shared?.has(key)));
    if (!back.length) continue;
    if (at === undefined) out.push({ scriptId, url: seen.url, functions: back });
    else out[at] = { ...out[at]!, functions: [...out[at]!.functions, ...back] };
  }
  return out;
}

/** A script's take with every function that has no block counters read as not run. */
export function blockCountsOnly(script: ScriptCoverage): ScriptCoverage {
  if (script.functions.every((fn) => fn.isBlockCoverage)) return script;
  return { ...script, functions: script.functions.map((fn) => (fn.isBlockCoverage ? fn : { ...fn, ranges: fn.ranges.map((r) => ({ ...r, count: 0 })) })) };
}

function ownKey(fn: FunctionCoverage): string {
  return `${fn.ranges[0]?.startOffset}:${fn.ranges[0]?.endOffset}`;
}

function uniform(key: string, ran: boolean): FunctionCoverage {
  const [startOffset, endOffset] = key.split(':').map(Number) as [number, number];
  return { functionName: '', isBlockCoverage: true, ranges: [{ startOffset, endOffset, count: ran ? 1 : 0 }] };
}
