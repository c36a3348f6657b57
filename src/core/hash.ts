import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** A short content hash (sha256, 16 hex digits): enough to tell texts apart in a cache or a stamp. */
export function shortHash(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 16);
}

/** The short hash of a file's bytes; undefined when it cannot be read (gone, a folder). */
export function fileHash(file: string): string | undefined {
  try {
    return shortHash(readFileSync(file));
  } catch {
    return undefined;
  }
}
