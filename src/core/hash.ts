import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * A short content hash (sha256, 16 hex digits): enough to tell texts apart in a cache or a stamp.
 * crypto.hash, not createHash: the same digest without a Hash stream object per call, which was
 * most of the cost of hashing a run's ≈ 1,400 measured files (bench/RESULTS.md, session 12 P1).
 */
export function shortHash(data: string | Buffer): string {
  return hash('sha256', data, 'hex').slice(0, 16);
}

/** The short hash of a file's bytes; undefined when it cannot be read (gone, a folder). */
export function fileHash(file: string): string | undefined {
  try {
    return shortHash(readFileSync(file));
  } catch {
    return undefined;
  }
}
