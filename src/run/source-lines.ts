import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodedMappings, TraceMap } from '@jridgewell/trace-mapping';
import type { Intervals } from './executed-ranges.js';

/**
 * The code V8 ran is what the loader made of a file (tsx's esbuild output, ts-node's tsc output,
 * or the file itself for plain JS): this maps the parts of it that ran back to the lines of the
 * file the user wrote, through the source map the loader left inline (or a `.map` file beside it).
 *
 * A line's status is that of the first mapped position at or after its start (istanbul's rule: a
 * line counts as its first statement). Lines the map says nothing about take the status of the
 * code that follows them; which lines hold statements at all is for the caller to decide.
 */
export function executedSourceLines(scriptFile: string, text: string, ran: Intervals): Map<string, number[]> {
  const map = sourceMapOf(scriptFile, text);
  if (!map) return new Map([[scriptFile, identityLines(text, ran)]]);
  const starts = lineStarts(text);
  const bySource = new Map<number, Map<number, Map<number, boolean>>>();
  decodedMappings(map).forEach((segments, genLine) => {
    for (const seg of segments) {
      if (seg.length < 4) continue;
      const [genCol, source, line, col] = seg as [number, number, number, number];
      const executed = inside(ran, starts[genLine]! + genCol);
      let lines = bySource.get(source);
      if (!lines) bySource.set(source, (lines = new Map()));
      let cols = lines.get(line);
      if (!cols) lines.set(line, (cols = new Map()));
      cols.set(col, (cols.get(col) ?? false) || executed);
    }
  });
  const out = new Map<string, number[]>();
  for (const [index, lines] of bySource) {
    const file = sourceFile(map.resolvedSources[index], scriptFile);
    if (file) out.set(file, [...new Set([...(out.get(file) ?? []), ...lineStatuses(lines)])].sort((a, b) => a - b));
  }
  return out;
}

/** 1-based lines whose first mapped position (or, without one, the next line's) ran. */
function lineStatuses(lines: Map<number, Map<number, boolean>>): number[] {
  const known = [...lines.keys()].sort((a, b) => a - b);
  const executed: number[] = [];
  let next = false;
  let index = known.length - 1;
  for (let line = known.at(-1) ?? -1; line >= 0; line--) {
    if (known[index] === line) {
      const cols = lines.get(line)!;
      next = cols.get(Math.min(...cols.keys()))!;
      index--;
    }
    if (next) executed.push(line + 1);
  }
  return executed.reverse();
}

function identityLines(text: string, ran: Intervals): number[] {
  const executed: number[] = [];
  const starts = lineStarts(text);
  starts.forEach((start, i) => {
    const first = text.slice(start, starts[i + 1] ?? text.length).search(/\S/);
    if (first >= 0 && inside(ran, start + first)) executed.push(i + 1);
  });
  return executed;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function inside(ran: Intervals, offset: number): boolean {
  let lo = 0;
  let hi = ran.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [start, end] = ran[mid]!;
    if (offset < start) hi = mid - 1;
    else if (offset >= end) lo = mid + 1;
    else return true;
  }
  return false;
}

const MAP_COMMENT = /\/\/[#@] sourceMappingURL=([^\s'"]+)\s*$/;

/** The inline `data:` map tsx and ts-node append, or a `.map` file the comment names beside the script. */
function sourceMapOf(scriptFile: string, text: string): TraceMap | undefined {
  const tail = text.slice(Math.max(0, text.lastIndexOf('sourceMappingURL=') - 4));
  const url = MAP_COMMENT.exec(tail)?.[1];
  if (!url) return undefined;
  try {
    const json = url.startsWith('data:') ? decodeDataUrl(url) : readFileSync(path.resolve(path.dirname(scriptFile), decodeURIComponent(url)), 'utf8');
    return new TraceMap(json, scriptFile);
  } catch {
    return undefined; // a map that cannot be read: the script's own lines are all there is
  }
}

function decodeDataUrl(url: string): string {
  const comma = url.indexOf(',');
  const head = url.slice(0, comma);
  const body = url.slice(comma + 1);
  return head.endsWith(';base64') ? Buffer.from(body, 'base64').toString('utf8') : decodeURIComponent(body);
}

function sourceFile(source: string | null | undefined, scriptFile: string): string | undefined {
  if (!source) return undefined;
  if (source.startsWith('file:')) {
    try {
      return fileURLToPath(source);
    } catch {
      return undefined;
    }
  }
  return path.resolve(path.dirname(scriptFile), source);
}
