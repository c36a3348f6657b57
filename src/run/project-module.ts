import path from 'node:path';
import { linkedPackages } from '../core/linked-packages.js';

/**
 * Whether a module file is the project's own or a linked package's (not under node_modules): what
 * a long-lived runner loads afresh each run. The linked packages are looked up only for a file
 * outside the project, so a one-load run never pays for it.
 */
export function projectModule(root: string): (file: string) => boolean {
  let linked: string[] | undefined;
  return (file) => {
    if (file.includes(`${path.sep}node_modules${path.sep}`)) return false;
    if (file.startsWith(root + path.sep)) return true;
    linked ??= linkedPackages(root).map((p) => p.dir + path.sep);
    return linked.some((dir) => file.startsWith(dir));
  };
}
