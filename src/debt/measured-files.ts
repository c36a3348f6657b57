import path from 'node:path';
import { mapInBatches } from '../core/batches.js';
import { fileHash } from '../core/hash.js';
import { z } from '../core/zod.js';
import type { ProjectFiles } from './ack-files.js';

/*
 * What a full run's debt figures were measured over, kept with them in .spec/debt.json: the spec
 * and support globs the run resolved (spec.config's or the cucumber profile's) and a content hash
 * per spec, step and source file. `spec debt` and `spec review` tell stale figures by content, so
 * a checkout or a `touch` is no edit, an edit within the clock's resolution is one, and a file
 * added since (a new source no scenario runs) is named too.
 */

export const MeasuredFilesSchema = z.strictObject({
  globs: z.strictObject({ specs: z.array(z.string()), steps: z.array(z.string()) }),
  /** Project-relative path → content hash, as the files were when the run began. */
  hashes: z.record(z.string(), z.string()),
});
export type MeasuredFiles = z.infer<typeof MeasuredFilesSchema>;

/** Hashes every file of the project as the run begins (before the scenarios load it): an edit during the run then reads as a change. */
export async function hashMeasured(root: string, globs: MeasuredFiles['globs'], listed: Promise<ProjectFiles>): Promise<MeasuredFiles> {
  const { specs, steps, sources } = await listed;
  return { globs, hashes: await hashFiles(root, [...new Set([...specs, ...steps, ...sources])]) };
}

/** The files (of `now`, the project's as listed today) whose text differs from what was measured, gone since, or added since. */
export async function changedFromMeasured(root: string, measured: MeasuredFiles, now: readonly string[]): Promise<{ edited: string[]; added: string[] }> {
  const then = Object.keys(measured.hashes);
  const current = await hashFiles(root, then);
  const edited = then.filter((file) => current[file] !== measured.hashes[file]);
  const added = now.filter((file) => !(file in measured.hashes));
  return { edited: edited.sort(), added: [...new Set(added)].sort() };
}

/**
 * A file that cannot be read (gone) has no hash. Read synchronously: a promise read per file cost
 * 5–10× the CPU (open, stat, read, close each a thread-pool hop; 25 against 2.5 ms for the
 * 200-scenario bench suite's 125 files, 81 against 15 ms for 1,241, bench/RESULTS.md session 8 J);
 * in batches, because one pass over 1,400 files held the event loop ≈ 20 ms, and with it the
 * runner thread's support load when its 'ready' arrived then (session 12 P1).
 */
async function hashFiles(root: string, files: readonly string[]): Promise<Record<string, string>> {
  const hashes = await mapInBatches(files, (file) => fileHash(path.join(root, file)));
  return Object.fromEntries(files.flatMap((file, i) => (hashes[i] === undefined ? [] : [[file, hashes[i]]])));
}
