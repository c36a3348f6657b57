import { realpathSync } from 'node:fs';
import path from 'node:path';
import { SpecloopError } from '../core/errors.js';
import { isInside } from '../core/fs.js';

/** `features/a.feature:12` or `…:12:30`: the file is what must stay inside the project. */
const LINE_SUFFIX = /(?::\d+)+$/;

/**
 * The tool's paths, checked: each must stay inside the project root once `..` and symlinks are
 * resolved (an agent's argument is not trusted to stay where it says). A path that does not exist
 * yet is judged by its nearest existing folder, so a symlinked folder cannot smuggle it out either.
 * Returned unchanged (relative to the root) for the run to resolve as verify does. `asGiven[i]`
 * names path i in the refusal as the caller wrote it (`/etc/passwd`, not `../../../etc/passwd`).
 */
export function checkInsideRoot(root: string, paths: readonly string[], tool: string, asGiven: readonly string[] = paths): string[] {
  const realRoot = realpathSync(root);
  for (const [i, relative] of paths.entries()) {
    const given = asGiven[i] ?? relative;
    const file = path.resolve(root, relative.replace(LINE_SUFFIX, ''));
    const real = realExisting(file);
    if (!isInside(realRoot, real) || !isInside(path.resolve(root), file)) {
      throw new SpecloopError({
        code: 'SPEC_PATH_OUTSIDE_PROJECT',
        message: `${tool}: path "${given}" is outside the project root ${root}${real === file ? '' : ` (it resolves to ${real})`}`,
        hint: 'name spec files or folders inside the project, relative to its root',
      });
    }
  }
  return [...paths];
}


/** The real path of `file`, or of its nearest existing ancestor with the rest appended. */
function realExisting(file: string): string {
  const rest: string[] = [];
  let current = file;
  for (;;) {
    try {
      return path.join(realpathSync(current), ...rest);
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return file;
      rest.unshift(path.basename(current));
      current = parent;
    }
  }
}
