import { createHash } from 'node:crypto';

/** A short content hash (sha256, 16 hex digits): enough to tell texts apart in a cache or a stamp. */
export function shortHash(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 16);
}
