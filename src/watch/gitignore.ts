import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { glob } from 'tinyglobby';
import { readTextIfExists as read } from '../core/fs.js';

/** Project-relative path (forward slashes) → whether git ignores it. */
export type GitIgnored = (relative: string) => boolean;

/**
 * The project's .gitignore files (the root's and nested ones, each applying below its folder) and
 * .git/info/exclude, as git reads them. Read once when watch starts.
 */
export async function loadGitignore(root: string): Promise<GitIgnored> {
  const files = await glob(['**/.gitignore'], { cwd: root, dot: true, ignore: ['**/node_modules/**', '.git/**'] });
  const rules: { dir: string; matcher: Ignore }[] = [];
  for (const file of files.sort((a, b) => a.length - b.length)) {
    const text = read(path.join(root, file));
    if (text !== undefined) rules.push({ dir: path.posix.dirname(file), matcher: ignore().add(text) });
  }
  const exclude = read(path.join(root, '.git', 'info', 'exclude'));
  if (exclude !== undefined) rules.unshift({ dir: '.', matcher: ignore().add(exclude) });
  if (rules.length === 0) return () => false;
  // Outer files first: a deeper file's `!pattern` may re-include what an outer one ignored.
  return (relative) => {
    // A linked package's file (../core/src/x.ts): the project's .gitignore files do not reach it.
    if (relative.startsWith('../')) return false;
    let ignored = false;
    for (const { dir, matcher } of rules) {
      const below = dir === '.' ? relative : relative.startsWith(`${dir}/`) ? relative.slice(dir.length + 1) : undefined;
      if (!below) continue;
      const verdict = matcher.test(below);
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  };
}
