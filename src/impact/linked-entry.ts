/**
 * A bare specifier naming a linked package (a workspace sibling, core/linked-packages.ts) → the
 * source file it loads, so the import graph follows the suite into the code under test. Tried in
 * order: package.json `exports` (the subpath's targets, every condition), `module`, `main`,
 * `types`, then `index`. A target in a build folder (dist/, build/, lib/, out/) is mapped back to
 * its source under src/ first: the build is not what an edit changes. None found: unresolved, and
 * a change in the package then selects every scenario (see select.ts).
 */
import path from 'node:path';
import type { LinkedPackage } from '../core/linked-packages.js';
import { parseJsonc } from './jsonc.js';
import { conditionTargets, matchPattern } from './specifiers.js';
import type { FileSystem } from './types.js';
import { isPlainObject } from '../core/plain-object.js';

const BUILD = /^\.?\/?(dist|build|lib|out)\//;

/** Package-relative targets (`./src/index.ts`) the subpath (`.` or `./money`) may load, best first. */
export function linkedTargets(dir: string, subpath: string, fs: FileSystem): string[] {
  const pkg = parseJsonc(fs.readFile(path.join(dir, 'package.json')) ?? '');
  if (!isPlainObject(pkg)) return [subpath === '.' ? './index' : subpath];
  const exported = exportTargets(pkg['exports'], subpath);
  if (exported.length > 0) return exported;
  if (subpath !== '.') return [subpath];
  const fields = ['module', 'main', 'types', 'typings'].map((f) => pkg[f]).filter((v): v is string => typeof v === 'string');
  return [...fields, './index'];
}

function exportTargets(exports: unknown, subpath: string): string[] {
  if (exports === undefined || exports === null) return [];
  const map = isPlainObject(exports) && Object.keys(exports).some((k) => k.startsWith('.')) ? exports : { '.': exports };
  const match = matchPattern(Object.keys(map), subpath);
  if (!match) return [];
  return conditionTargets(map[match.pattern]).map((t) => t.replaceAll('*', match.star));
}

/** Absolute base paths to try for a target: its source under src/ before a build output. */
export function linkedBases(pkg: LinkedPackage, targets: readonly string[]): string[] {
  const bases: string[] = [];
  for (const target of targets) {
    if (BUILD.test(target)) {
      const source = target.replace(BUILD, 'src/').replace(/\.d\.([cm]?)ts$/, '.$1js');
      bases.push(path.resolve(pkg.dir, source));
    }
    bases.push(path.resolve(pkg.dir, target));
  }
  return [...new Set(bases)];
}
