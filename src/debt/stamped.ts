import { stat } from 'node:fs/promises';

/**
 * A file's identity for caching: inode, size and mtime. An atomic rewrite (write-file-atomic's
 * rename) gives a new inode, an edit in place a new mtime; undefined when the file is missing.
 */
export async function stampOf(file: string): Promise<string | undefined> {
  const stats = await stat(file).catch(() => undefined);
  return stats && `${stats.ino}:${stats.size}:${stats.mtimeMs}`;
}

/**
 * `read`, remembered per file until the file's stamp changes: a long-lived process (watch) parses
 * the line record and the specs' front matter once per change, not once per run. The stamp is
 * taken before the read, so an edit racing the read is read again next time.
 */
export function stampedReader<T>(read: (file: string) => Promise<T>): (file: string) => Promise<T> {
  const held = new Map<string, { stamp: string; value: Promise<T> }>();
  return async (file) => {
    const stamp = await stampOf(file);
    const known = held.get(file);
    if (known && known.stamp === stamp) return known.value;
    const value = read(file);
    if (stamp === undefined) held.delete(file);
    else {
      held.set(file, { stamp, value });
      // A failed read is not remembered: the next call tries again.
      value.catch(() => held.get(file)?.value === value && held.delete(file));
    }
    return value;
  };
}
