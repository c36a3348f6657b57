import path from 'node:path';
import { glob } from 'tinyglobby';

const CODE = /\.(?:[cm]?[jt]sx?)$/;

/** Folders no watch or graph looks into: dependencies, build output, and every dot-folder (.git, .spec, caches). */
export function isIgnored(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  if (rel === '' || rel.startsWith('..')) return false;
  return rel.split(path.sep).some((part, i, all) => part === 'node_modules' || part.startsWith('.') || (i < all.length - 1 && (part === 'dist' || part === 'coverage')));
}

export function isCode(file: string): boolean {
  return CODE.test(file) && !file.endsWith('.d.ts');
}

/** The project's own code files, for the import graph. */
export async function codeFiles(root: string): Promise<string[]> {
  const files = await glob(['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'], { cwd: root, absolute: true, ignore: ['**/node_modules/**', '**/dist/**', '**/coverage/**', '**/*.d.ts'], dot: false });
  return files.filter((f) => !isIgnored(root, f));
}
