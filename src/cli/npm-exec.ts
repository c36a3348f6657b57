/**
 * Where the person stood when npm ran spec. Under `npx spec` / `npm exec` in a workspace package,
 * npm runs the bin in the package's folder and leaves the folder the person typed the command in
 * as INIT_CWD, so `cd features && npx spec verify cart.feature:3` would read the path from the
 * package instead. Only exec: under `npm run` / `npm test` the paths are a package.json script's,
 * written from the package, whatever folder the script was started from.
 */
import path from 'node:path';
import { isFolder, isInside } from '../core/fs.js';

/**
 * The folder to read paths from instead of `cwd`, or undefined to stay: INIT_CWD when npm exec set
 * it to a folder inside `cwd`. npm only ever moves up, to the package (or prefix) it runs in; an
 * INIT_CWD elsewhere was inherited from an npx further out (an agent started with npx that runs
 * the bin itself), not set for this command.
 */
export function folderPersonStoodIn(env: Record<string, string | undefined>, cwd: string): string | undefined {
  if (env.npm_command !== 'exec' || !env.INIT_CWD) return undefined;
  const stood = path.resolve(env.INIT_CWD);
  if (stood === path.resolve(cwd) || !isInside(path.resolve(cwd), stood) || !isFolder(stood)) return undefined;
  return stood;
}


