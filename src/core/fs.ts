import { mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * mkdir -p without `recursive: true`: Node's recursive mkdir spins forever on some paths
 * (e.g. under /proc). Walks up to the first existing folder, then creates each level, so any
 * error is a plain, reportable one.
 */
export function ensureDir(dir: string): void {
  const missing: string[] = [];
  let current = path.resolve(dir);
  for (;;) {
    try {
      if (statSync(current).isDirectory()) break;
      throw Object.assign(new Error(`not a directory: ${current}`), { code: 'ENOTDIR' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    missing.push(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const level of missing.reverse()) {
    try {
      mkdirSync(level);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** A file's text, or undefined when it cannot be read (missing, a folder, no permission). */
export function readTextIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Whether a path is an existing folder (false when missing or unreadable). */
export function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** `file` is `root` or below it (both absolute): `..` in a name such as `..x` stays inside. */
export function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
