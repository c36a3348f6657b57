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

/** What codeFiles globs for and leaves out. */
export const CODE_GLOB = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}';
export const CODE_IGNORE: readonly string[] = ['**/node_modules/**', '**/dist/**', '**/coverage/**', '**/*.d.ts'];

export function isCode(file: string): boolean {
  return CODE.test(file) && !file.endsWith('.d.ts');
}

/**
 * What the import graph reads: code, and the package.json and tsconfig files imports resolve by
 * (`imports`, `paths`): an edit to one changes where a later edit to code reaches.
 */
export function feedsImportGraph(file: string): boolean {
  return isCode(file) || /(^|\/)(package\.json|tsconfig[^/]*\.json)$/.test(file);
}

/** The project's own code files, for the import graph. */
export async function codeFiles(root: string): Promise<string[]> {
  const files = await glob([CODE_GLOB], { cwd: root, absolute: true, ignore: [...CODE_IGNORE], dot: false });
  return files.filter((f) => !isIgnored(root, f));
}
