import { existsSync } from 'node:fs';
import path from 'node:path';

const cache = new Map<string, string | undefined>();

/**
 * The top of the git work tree holding `dir` (the nearest folder upward with a `.git` folder or
 * file), or undefined outside one. Code there that the suite imports through `../` or tsconfig
 * `paths` (a suite in tests/acceptance reaching ../../src) is the suite's code under test; code
 * beyond it is not the project's at all. Found without spawning git: the import graph asks it.
 */
export function workTreeOf(dir: string): string | undefined {
  const key = path.resolve(dir);
  if (cache.has(key)) return cache.get(key);
  let found: string | undefined;
  for (let at = key; ; at = path.dirname(at)) {
    if (existsSync(path.join(at, '.git'))) {
      found = at;
      break;
    }
    if (path.dirname(at) === at) break;
  }
  cache.set(key, found);
  return found;
}
