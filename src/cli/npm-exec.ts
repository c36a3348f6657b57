/**
 * Where the person stood when npm ran spec. Under `npx spec` / `npm exec` in a workspace package,
 * npm runs the bin in the package's folder and leaves the folder the person typed the command in
 * as INIT_CWD, so `cd features && npx spec verify cart.feature:3` would read the path from the
 * package instead. Only exec: under `npm run` / `npm test` the paths are a package.json script's,
 * written from the package, whatever folder the script was started from.
 */
import path from 'node:path';
import { findProjectRoot } from '../config/project-root.js';
import { isFolder } from '../core/fs.js';

/** The folder to read paths from instead of `cwd`, or undefined to stay: INIT_CWD when npm exec set it inside this project. */
export function folderPersonStoodIn(env: Record<string, string | undefined>, cwd: string): string | undefined {
  if (env.npm_command !== 'exec' || !env.INIT_CWD) return undefined;
  const stood = path.resolve(env.INIT_CWD);
  const root = findProjectRoot(cwd);
  if (root === undefined || stood === path.resolve(cwd) || !isInside(root, stood) || !isFolder(stood)) return undefined;
  return stood;
}

function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

