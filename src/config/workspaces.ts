import { readFileSync } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { nameFew } from '../core/name-few.js';
import { isPlainObject } from '../core/plain-object.js';
import { DEFAULTS } from './defaults.js';

/** Where real cucumber-js projects keep specs, beyond specloop's own defaults. */
const SPEC_GLOBS = ['**/*.feature', '**/*.feature.md', ...DEFAULTS.specs];
const IGNORE = ['**/node_modules/**', '**/.git/**', `**/${DEFAULTS.outDir}/**`];

/**
 * The workspace packages (package.json "workspaces", npm's and yarn's) that hold spec files of
 * their own, project-relative: at a monorepo's root, where the suites are. Empty elsewhere.
 */
export async function workspaceSuites(root: string): Promise<string[]> {
  const packages = await workspacePackages(root);
  const withSpecs = await Promise.all(packages.map(async (dir) => (await glob(SPEC_GLOBS, { cwd: path.join(root, dir), ignore: IGNORE })).length > 0));
  return packages.filter((_, i) => withSpecs[i]);
}

/** Every workspace package (package.json "workspaces", pnpm-workspace.yaml), project-relative; empty outside a workspace root. */
export async function workspacePackages(root: string): Promise<string[]> {
  const listed = [...workspacePatterns(root), ...(await pnpmPatterns(root))];
  const manifest = (p: string) => `${p.replace(/\/+$/, '')}/package.json`;
  // pnpm's "!pattern" leaves those packages out.
  const patterns = listed.filter((p) => !p.startsWith('!'));
  if (patterns.length === 0) return [];
  const left = listed.filter((p) => p.startsWith('!')).map((p) => manifest(p.slice(1)));
  const manifests = await glob(patterns.map(manifest), { cwd: root, ignore: [...IGNORE, ...left] });
  return manifests.map((m) => path.posix.dirname(m)).sort();
}

/** pnpm keeps its workspace in pnpm-workspace.yaml (`packages:`), not in package.json. */
async function pnpmPatterns(root: string): Promise<string[]> {
  let text: string;
  try {
    text = readFileSync(path.join(root, 'pnpm-workspace.yaml'), 'utf8');
  } catch {
    return [];
  }
  try {
    const { parse } = await import('yaml');
    const config: unknown = parse(text);
    const list = isPlainObject(config) ? config.packages : undefined;
    return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    // A broken pnpm-workspace.yaml is pnpm's to report; here it only names no packages.
    return [];
  }
}

function workspacePatterns(root: string): string[] {
  try {
    const pkg: unknown = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    const field = isPlainObject(pkg) ? pkg.workspaces : undefined;
    const list = isPlainObject(field) ? field.packages : field;
    return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string' && !p.startsWith('!')) : [];
  } catch {
    return [];
  }
}

/** How to say where the suites are: "packages/api has specs" and the command that runs one. */
export function suitesElsewhere(packages: string[]): { said: string; run: string } {
  const [first] = packages;
  return { said: `${nameFew(packages)} ${packages.length === 1 ? 'has' : 'have'}`, run: `run spec there (cd ${first}), or pass --cwd ${first}` };
}
