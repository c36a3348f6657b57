import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from '../core/zod.js';
import { ensureDir } from '../core/fs.js';
import { updateLocked } from '../impact/locked-update.js';
import { AckConfigSchema } from './ack-config.js';
import { ValuesSchema } from './model.js';

/*
 * The reviewed baseline: `.spec/ack.json` (when, why, the git commit, a content hash per spec,
 * step and source file) and the reviewed text of every file, content-addressed under
 * `.spec/ack/blobs/`. The blobs are kept in git too: a tree that was dirty when acked holds text
 * no commit has, and one way of reading the baseline in and out of git cannot disagree with itself.
 * Content addressing makes a re-ack write only the files that changed.
 */

export const ACK_FILE = '.spec/ack.json';
const BLOBS = '.spec/ack/blobs';

export const AckFileSchema = z.strictObject({ kind: z.enum(['spec', 'step', 'source']), hash: z.string() });

export const AckSchema = z.strictObject({
  version: z.literal(1),
  at: z.string().describe('ISO time of the ack'),
  message: z.string().nullable(),
  /** HEAD when acked (null outside git); the blobs, not the commit, are the reviewed text. */
  commit: z.string().nullable(),
  files: z.record(z.string(), AckFileSchema),
  /** The config files the run read, by hash and key (absent: an older spec wrote the ack, before config was part of it). */
  config: AckConfigSchema.optional(),
  /** The figures of the last full run before the ack (absent: none had run, or an older spec wrote the ack). */
  debt: z.strictObject({ measuredAt: z.string(), metrics: ValuesSchema }).optional(),
});
export type Ack = z.infer<typeof AckSchema>;

/** The ack on disk; undefined when there is none. Throws on an ack that is not one (the caller names it). */
export async function loadAck(root: string): Promise<Ack | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(root, ACK_FILE), 'utf8');
  } catch {
    return undefined;
  }
  return AckSchema.parse(JSON.parse(text));
}

/** The reviewed text of a file, by its hash; undefined when the blob is gone (someone cleaned .spec/). */
export async function ackedText(root: string, hash: string): Promise<string | undefined> {
  return readFile(path.join(root, BLOBS, hash), 'utf8').catch(() => undefined);
}

/**
 * Records an ack under the ack's lock: blobs first, then ack.json renamed into place (so a reader
 * never meets an ack whose blobs are missing), then blobs no longer referenced are dropped.
 */
export async function writeAck(root: string, ack: Ack, texts: Map<string, string>): Promise<void> {
  const target = path.join(root, ACK_FILE);
  await updateLocked(target, async () => {
    const { default: writeFileAtomic } = await import('write-file-atomic');
    const dir = path.join(root, BLOBS);
    ensureDir(dir);
    const existing = new Set(await readdir(dir));
    const wanted = new Map(Object.entries(ack.files).map(([file, entry]) => [entry.hash, file]));
    for (const [hash, file] of wanted) if (!existing.has(hash)) await writeFileAtomic(path.join(dir, hash), texts.get(file) ?? '', { fsync: false });
    await writeFileAtomic(target, `${JSON.stringify(ack)}\n`, { fsync: false });
    await Promise.all([...existing].filter((h) => !wanted.has(h)).map((h) => rm(path.join(dir, h), { force: true })));
  });
}
