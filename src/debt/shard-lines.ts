import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { lineRunTexts } from '../core/line-runs.js';
import { contentHash, type LineRecord } from './line-record.js';

/*
 * The line coverage of a sharded run: each shard keeps its slice's executed lines in its verdict
 * (per project file, its content hash as the shard loaded it and the lines as compact ranges), and
 * spec merge unions them into the record one machine running every scenario would have left.
 */

/** Per project-relative file: its content hash as the shard measured it (null: edited during the run) and the lines that ran, as ranges ("1-6,9,12-20"). */
export type ShardLines = Record<string, { hash: string | null; ran: string }>;

/** Sorted 1-based lines as ranges: "1-6,9,12-20" ("" for none). */
export function toRanges(lines: readonly number[]): string {
  return lineRunTexts(lines).join(',');
}

/** The lines of toRanges' text; undefined when the text is not ranges (a verdict edited by hand). */
export function fromRanges(text: string): number[] | undefined {
  if (text === '') return [];
  const lines: number[] = [];
  for (const part of text.split(',')) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!match) return undefined;
    const start = Number(match[1]);
    const end = match[2] === undefined ? start : Number(match[2]);
    if (start < 1 || end < start) return undefined;
    for (let line = start; line <= end; line++) lines.push(line);
  }
  return lines;
}

/** A slice's line record as a shard's verdict carries it. */
export function shardLinesOf(record: LineRecord): ShardLines {
  return Object.fromEntries(Object.entries(record.files).map(([file, entry]) => [file, { hash: entry.hash, ran: toRanges(entry.executed) }]));
}

export interface NamedLines {
  /** The shard's verdict file, for messages. */
  name: string;
  lines: ShardLines;
}

/** Why the shards' lines cannot be joined: the shard and file named, and what to do. */
export interface LinesMismatch {
  file: string;
  message: string;
}

/**
 * Every shard's lines joined: a line ran if it ran in any shard. The shards must have measured the
 * same text of every file (one checkout): a file measured with two hashes, or edited during a
 * shard's run (hash null), cannot be joined.
 */
export function unionShardLines(shards: readonly NamedLines[], recordedAt: string): LineRecord | LinesMismatch {
  const files = new Map<string, { hash: string; from: string; lines: Set<number> }>();
  for (const { name, lines } of shards) {
    for (const [file, entry] of Object.entries(lines)) {
      if (entry.hash === null) return { file, message: `${name} measured ${file} while it was being edited` };
      const ran = fromRanges(entry.ran);
      if (!ran) return { file, message: `${name} has unreadable lines for ${file} ("${entry.ran.slice(0, 40)}")` };
      const known = files.get(file);
      if (known && known.hash !== entry.hash) return { file, message: `${known.from} and ${name} measured different versions of ${file}` };
      const into = known ?? { hash: entry.hash, from: name, lines: new Set<number>() };
      for (const line of ran) into.lines.add(line);
      files.set(file, into);
    }
  }
  const record: LineRecord = { version: 1, recordedAt, files: {} };
  for (const file of [...files.keys()].sort()) {
    const { hash, lines } = files.get(file)!;
    record.files[file] = { hash, executed: [...lines].sort((a, b) => a - b) };
  }
  return record;
}

/** The first file of the record whose text in this checkout is not what the shards measured (missing or changed). */
export async function differingFile(root: string, record: LineRecord): Promise<LinesMismatch | undefined> {
  const files = Object.entries(record.files);
  const now = await Promise.all(files.map(([file]) => readFile(path.join(root, file), 'utf8').then(contentHash, () => undefined)));
  const index = files.findIndex(([, entry], i) => entry.hash !== now[i]);
  if (index < 0) return undefined;
  const file = files[index]![0];
  return { file, message: now[index] === undefined ? `${file} is not in this checkout` : `${file} in this checkout differs from the one the shards ran` };
}
