import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from '../core/zod.js';
import { ensureDir } from '../core/fs.js';
import { updateLocked } from '../impact/locked-update.js';

export const LINE_RECORD_FILE = '.spec/line-coverage.json';

/**
 * The last run of every scenario with line coverage: per file, its content hash as the run loaded
 * it and the source lines that ran. A later run reuses a file's lines while its hash still
 * matches; a file whose hash moved on (or that was edited during the run: hash null) is stale.
 */
const LineRecordSchema = z.object({
  version: z.literal(1),
  recordedAt: z.string(),
  files: z.record(z.string(), z.object({ hash: z.string().nullable(), executed: z.array(z.number().int()) })),
});
export type LineRecord = z.infer<typeof LineRecordSchema>;

export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/**
 * Replaces the record (a run of every scenario measures every file afresh). `files` are the
 * source files to account for beyond those the run loaded: a file no scenario loaded ran no line.
 */
export async function recordLineCoverage(root: string, executed: Record<string, number[]>, files: string[], startedAt: Date): Promise<void> {
  await writeLineRecord(root, lineRecordOf(root, executed, files, startedAt));
}

/** The record a run of every scenario leaves (a shard keeps its slice's in its verdict instead: debt/shard-lines.ts). */
export function lineRecordOf(root: string, executed: Record<string, number[]>, files: string[], startedAt: Date): LineRecord {
  const record: LineRecord = { version: 1, recordedAt: startedAt.toISOString(), files: {} };
  for (const file of [...new Set([...files, ...Object.keys(executed)])].sort()) {
    record.files[file] = { hash: hashIfUnchangedSince(path.join(root, file), startedAt.getTime()), executed: executed[file] ?? [] };
  }
  return record;
}

/** Replaces the record with one already made (spec merge's union of its shards' lines). */
export async function writeLineRecord(root: string, record: LineRecord): Promise<void> {
  const target = path.join(root, LINE_RECORD_FILE);
  await updateLocked(target, async () => {
    ensureDir(path.dirname(target));
    const { default: writeFileAtomic } = await import('write-file-atomic');
    await writeFileAtomic(target, JSON.stringify(record), { fsync: false });
  });
}

/** The record, or undefined when there is none or it cannot be read (it is then measured afresh). */
export async function loadLineRecord(root: string): Promise<LineRecord | undefined> {
  try {
    const parsed = LineRecordSchema.safeParse(JSON.parse(await readFile(path.join(root, LINE_RECORD_FILE), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Edited after the run started: what the run loaded may not be what is on disk now. */
function hashIfUnchangedSince(file: string, sinceMs: number): string | null {
  try {
    const { mtimeMs } = statSync(file);
    const slack = mtimeMs % 1000 === 0 ? 2000 : 0;
    if (mtimeMs >= sinceMs - slack) return null;
    return contentHash(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}
