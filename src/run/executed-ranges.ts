import type { CoverageRange, FunctionCoverage } from './coverage-files.js';

/** Half-open [start, end) offsets into a script's text, sorted and disjoint. */
export type Intervals = [number, number][];

/**
 * The parts of a script that ran in one take of V8 block coverage. V8's ranges nest (a function's
 * own range, then blocks inside it; nested functions inside their parent's): each offset counts as
 * its innermost range says, so a block with count 0 inside a function that ran did not run.
 * Functions V8 left out of the take did not run in it.
 */
export function executedIntervals(functions: readonly FunctionCoverage[]): Intervals {
  const ranges = functions.flatMap((fn) => fn.ranges).sort((a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset);
  const out: Intervals = [];
  const open: { end: number; count: number; cursor: number }[] = [];
  const close = () => {
    const top = open.pop()!;
    if (top.count > 0 && top.cursor < top.end) push(out, top.cursor, top.end);
    const parent = open.at(-1);
    if (parent) parent.cursor = Math.max(parent.cursor, top.end);
  };
  for (const range of ranges) {
    while (open.length && range.startOffset >= open.at(-1)!.end) close();
    const parent = open.at(-1);
    const end = parent ? Math.min(range.endOffset, parent.end) : range.endOffset;
    if (parent && parent.count > 0 && range.startOffset > parent.cursor) push(out, parent.cursor, range.startOffset);
    if (parent) parent.cursor = Math.max(parent.cursor, range.startOffset);
    open.push({ end, count: range.count, cursor: range.startOffset });
  }
  while (open.length) close();
  return out;
}

function push(out: Intervals, start: number, end: number): void {
  const last = out.at(-1);
  if (last && start <= last[1]) last[1] = Math.max(last[1], end);
  else out.push([start, end]);
}

/** The union of two sorted, disjoint interval lists. */
export function unionIntervals(a: Intervals, b: Intervals): Intervals {
  const out: Intervals = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]![0] <= b[j]![0]) ? a[i++]! : b[j++]!;
    push(out, next[0], next[1]);
  }
  return out;
}

export function anyRan(functions: readonly FunctionCoverage[]): boolean {
  return functions.some((fn: FunctionCoverage) => fn.ranges.some((r: CoverageRange) => r.count > 0));
}
