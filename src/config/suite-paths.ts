/**
 * Spec paths given from a folder that is not their suite's: `packages/api` naming
 * `../e2e/features/x.feature`, or the repository root (or its src/) naming a spec of the suite in
 * tests/acceptance, which has its own cucumber config. Run with the folder's project, the path is
 * outside it or every step is undefined; the suite that holds the spec (the nearest folder above it
 * with a suite config) is where it runs, as `--cwd` that folder would. Workspace roots are
 * package-paths.ts's: this answers only when it does not.
 */
import path from 'node:path';
import { isInside } from '../core/fs.js';
import { hasSuiteConfig, LINES, type PackagePaths } from './package-paths.js';
import type { ProjectPlace } from './project-root.js';

/** Undefined when the project's own suite holds the paths (or they lie in different suites: each run then says what it finds). */
export function suiteOwningPaths(place: ProjectPlace, paths: readonly string[]): PackagePaths | undefined {
  if (!paths.length) return undefined;
  const rootHasConfig = hasSuiteConfig(place.root);
  const files = paths.map((given) => path.resolve(place.base, given.replace(LINES, '')));
  // Only a suite folder between the spec and the project (inside it), or beside it (below the two's
  // common folder): never one above, which may be any checkout the project happens to sit in.
  const owners = files.map((file) => suiteFolder(path.dirname(file), isInside(place.root, file) ? place.root : commonFolder(place.root, file)));
  const [first] = owners;
  if (first === undefined || owners.some((o) => o !== first)) return undefined;
  // A suite folder below a root that has a suite of its own is a nested project the root's globs may already reach: the root decides.
  if (rootHasConfig && files.every((file) => isInside(place.root, file))) return undefined;
  const rebased = paths.map((given, i) => `${path.relative(first, files[i]!).split(path.sep).join('/')}${LINES.exec(given)?.[1] ?? ''}`);
  return { folder: path.relative(place.root, first).split(path.sep).join('/'), paths: rebased };
}

/** The nearest folder at or above `dir` and below `stop` with a suite config (spec.config or a cucumber config). */
function suiteFolder(dir: string, stop: string): string | undefined {
  for (let at = dir; at !== stop && isInside(stop, at); at = path.dirname(at)) {
    if (hasSuiteConfig(at)) return at;
  }
  return undefined;
}

function commonFolder(a: string, b: string): string {
  let at = a;
  while (!isInside(at, b) && path.dirname(at) !== at) at = path.dirname(at);
  return at;
}

