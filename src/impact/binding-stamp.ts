import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { fileHash } from '../core/hash.js';

/**
 * What a scenario's recorded binding (the step files its steps matched) depended on: its spec
 * file's text and every support file's. A run stamps each scenario it records; a later run trusts
 * the recorded binding only under the same stamp. Content, never mtimes: a CI checkout gives every
 * file a new mtime, and a cached `.spec/` comes from another commit.
 */
export interface SupportState {
  /** The support files the globs match now, project-relative, sorted. */
  files: string[];
  /** One hash over every support file's path and text. */
  digest: string;
  /** Their mtimes (ms): a file written during a run makes its stamps unsure. */
  mtimes: number[];
}

/** The support files the globs match and a digest of their texts (a file that cannot be read hashes as missing). */
export async function supportState(root: string, globs: string[]): Promise<SupportState> {
  const files = (await glob(globs, { cwd: root, ignore: ['**/node_modules/**', '.spec/**', '**/*.d.ts'] })).map((f) => f.split(path.sep).join('/')).sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file}\0${textHash(root, file)}\n`);
  return { files, digest: hash.digest('hex').slice(0, 16), mtimes: files.map((f) => mtimeOf(root, f)) };
}

/** The stamp of a scenario in `file` under `support`: its spec's text hash and the support digest. */
export function stampOf(root: string, file: string, support: SupportState): string {
  return `${textHash(root, file)}.${support.digest}`;
}

/**
 * Stamps for the spec files a run recorded, read after it: a file (or any support file) written
 * since `startedAt` gets none, since the binding recorded may be of its older text. A whole-second
 * mtime may be a coarse file system's rounding: it must be a second older. Unstamped scenarios are
 * never trusted: --shard loads everything for them.
 */
export async function stampsOf(root: string, files: Iterable<string>, support: SupportState, startedAt: number): Promise<Map<string, string>> {
  const unsure = (mtime: number) => mtime >= startedAt || (mtime % 1000 === 0 && mtime >= startedAt - 1000);
  if (support.mtimes.some(unsure)) return new Map();
  const stamps = [...new Set(files)].map((f) => (unsure(mtimeOf(root, f)) ? undefined : ([f, stampOf(root, f, support)] as const)));
  return new Map(stamps.filter((s): s is readonly [string, string] => s !== undefined));
}

// Sync: for many small files the thread-pool round trips of async reads cost more than the reads.
function mtimeOf(root: string, file: string): number {
  try {
    return statSync(path.join(root, file)).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

function textHash(root: string, file: string): string {
  return fileHash(path.join(root, file)) ?? 'missing';
}
