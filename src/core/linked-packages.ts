import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isInside } from './fs.js';

/**
 * A package the project depends on whose real folder is outside every node_modules: a workspace
 * sibling (npm/yarn/pnpm link it into node_modules), a `file:` or `link:` dependency. Its code is
 * the project's code under test, so a change to it must reach the suite.
 */
export interface LinkedPackage {
  readonly name: string;
  /** Real path of the package's folder. */
  readonly dir: string;
}

const FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;
const cache = new Map<string, readonly LinkedPackage[]>();
/** This checkout's folder: the module sits two levels down (src/core/ or dist/core/). */
const SPECLOOP = safeReal(fileURLToPath(new URL('../../', import.meta.url)).replace(/[\\/]$/, ''));

/**
 * The project's linked packages, found as Node would resolve each dependency from the project
 * folder upward, then transitively through those packages' own dependencies. Read once per
 * process for a root: a few package.json reads and realpaths.
 */
export function linkedPackages(root: string): readonly LinkedPackage[] {
  const key = path.resolve(root);
  let found = cache.get(key);
  if (!found) {
    found = findLinked(key);
    cache.set(key, found);
  }
  return found;
}

/** Forget what was found: a package.json changed (watch's import graph), so the links may have. */
export function forgetLinkedPackages(): void {
  cache.clear();
}

function findLinked(root: string): LinkedPackage[] {
  const own = safeReal(root);
  const seen = new Set<string>(own ? [own] : []);
  const linked: LinkedPackage[] = [];
  const queue: string[] = [root];
  while (queue.length > 0) {
    const from = queue.shift()!;
    for (const name of dependencyNames(from)) {
      const dir = resolvePackage(name, from);
      if (!dir || seen.has(dir) || isInNodeModules(dir)) continue;
      seen.add(dir);
      // The project's own folder or one inside it is already its code; one holding the project
      // (a dependency on the monorepo's root package) would make the whole repository "linked".
      if (own && (isInside(own, dir) || isInside(dir, own))) continue;
      // specloop itself, linked while someone works on it (`npm link specloop`), is the tool, not the code under test.
      if (dir === SPECLOOP) continue;
      linked.push({ name, dir });
      queue.push(dir);
    }
  }
  return linked.sort((a, b) => a.name.localeCompare(b.name));
}

function dependencyNames(dir: string): string[] {
  let pkg: Record<string, unknown>;
  try {
    pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    return [];
  }
  const names = new Set<string>();
  for (const field of FIELDS) {
    const deps = pkg[field];
    if (deps && typeof deps === 'object' && !Array.isArray(deps)) for (const name of Object.keys(deps)) names.add(name);
  }
  return [...names];
}

/** The real folder `name` resolves to from `from`, walking node_modules folders upward as Node does. */
function resolvePackage(name: string, from: string): string | undefined {
  let dir = from;
  for (;;) {
    const real = safeReal(path.join(dir, 'node_modules', name));
    if (real) return real;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function safeReal(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

function isInNodeModules(dir: string): boolean {
  return dir.split(path.sep).includes('node_modules');
}


/** The linked package holding `file` (an absolute real path), if any. */
export function linkedPackageOf(root: string, file: string): LinkedPackage | undefined {
  return linkedPackages(root).find((p) => isInside(p.dir, file) && !path.relative(p.dir, file).split(path.sep).includes('node_modules'));
}
