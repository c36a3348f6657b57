import path from 'node:path';
import { glob } from 'tinyglobby';

const CODE = /\.(?:[cm]?[jt]sx?)$/;

/** Folders no watch or graph looks into: dependencies, build output, and every dot-folder (.git, .spec, caches). */
export function isIgnored(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  if (rel === '' || rel.startsWith('..')) return false;
  return isIgnoredPath(rel.split(path.sep));
}

/** isIgnored on a root-relative path already split into its parts. */
export function isIgnoredPath(parts: readonly string[]): boolean {
  return parts.some((part, i, all) => part === 'node_modules' || part.startsWith('.') || (i < all.length - 1 && (part === 'dist' || part === 'coverage')));
}

/**
 * What a watcher leaves out: as isIgnored, but build output (dist/) is watched, since a rebuild is
 * the code the suite loads; watch drops the events of build files nothing loads (watch/session.ts).
 */
export function isUnwatched(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  if (rel === '' || rel.startsWith('..')) return false;
  return rel.split(path.sep).some((part, i, all) => part === 'node_modules' || part.startsWith('.') || (i < all.length - 1 && part === 'coverage'));
}

/** What codeFiles globs for and leaves out. */
export const CODE_GLOB = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}';
export const CODE_IGNORE: readonly string[] = ['**/node_modules/**', '**/dist/**', '**/coverage/**', '**/*.d.ts'];

export function isCode(file: string): boolean {
  return CODE.test(file) && !file.endsWith('.d.ts');
}

/** The project's own code files, for the import graph. */
export async function codeFiles(root: string): Promise<string[]> {
  const files = await glob([CODE_GLOB], { cwd: root, absolute: true, ignore: [...CODE_IGNORE], dot: false });
  return files.filter((f) => !isIgnored(root, f));
}
