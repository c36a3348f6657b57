/**
 * Spec paths named at a workspace root that lie in a workspace package with a suite config of its
 * own (packages/e2e/cucumber.cjs) belong to that package's suite: run with the root's config, every
 * step would be undefined. They run in the package, as `--cwd packages/e2e features/x.feature`
 * would. Paths in several packages (or in a package and at the root) are bad input that names the
 * command for each: one run cannot load two packages' support code.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { SpecloopError } from '../core/errors.js';
import { isInside } from '../core/fs.js';
import { DEFAULTS } from './defaults.js';
import type { ProjectPlace } from './project-root.js';

/** The package the paths run in (project-relative) and the paths relative to it, `:line` kept. */
export interface PackagePaths {
  folder: string;
  paths: string[];
}

/** A path's `:line` suffixes, kept when it is rebased onto another suite. */
export const LINES = /((?::\d+)*)$/;

/** Undefined when the paths are the root's own (or none were given, or this is no workspace root). */
export async function packageOwningPaths(place: ProjectPlace, paths: readonly string[], command: string): Promise<PackagePaths | undefined> {
  if (!paths.length) return undefined;
  // Loaded only when paths are given: its globbing would sit on verify's path to the runner (test/startup-path.test.ts).
  const { workspacePackages } = await import('./workspaces.js');
  const packages = await workspacePackages(place.root);
  if (!packages.length) return undefined;
  const rootHasConfig = hasSuiteConfig(place.root);
  const owners = paths.map((given) => {
    const file = path.resolve(place.base, given.replace(LINES, ''));
    const owner = packages.find((pkg) => isInside(path.join(place.root, pkg), file));
    // A package with no config of its own is the root's to run when the root has one (its globs may reach into packages).
    return owner !== undefined && (hasSuiteConfig(path.join(place.root, owner)) || !rootHasConfig) ? owner : undefined;
  });
  if (owners.every((owner) => owner === undefined)) return undefined;
  const [first] = owners;
  const rebased = (owner: string | undefined, given: string) => {
    const lines = LINES.exec(given)?.[1] ?? '';
    const file = path.resolve(place.base, given.slice(0, given.length - lines.length));
    return `${path.relative(path.join(place.root, owner ?? ''), file).split(path.sep).join('/') || '.'}${lines}`;
  };
  if (owners.every((owner) => owner === first)) return { folder: first!, paths: paths.map((given) => rebased(first, given)) };
  const byOwner = new Map<string | undefined, string[]>();
  paths.forEach((given, i) => byOwner.set(owners[i], [...(byOwner.get(owners[i]) ?? []), rebased(owners[i], given)]));
  const commands = [...byOwner].map(([owner, files]) => `spec ${command}${owner === undefined ? '' : ` --cwd ${owner}`} ${files.join(' ')}`);
  throw new SpecloopError({
    code: 'SPEC_USAGE',
    message: `${command}: the paths lie in ${byOwner.size} different suites (${[...byOwner.keys()].map((o) => o ?? 'the workspace root').join(', ')}), each with its own config: one run cannot load them together`,
    hint: `run each suite on its own: ${commands.join('; ')}`,
  });
}

/** spec.config or a cucumber config in `dir`: the folder is a suite of its own. */
export function hasSuiteConfig(dir: string): boolean {
  return [...DEFAULTS.configFiles, ...DEFAULTS.cucumberConfigFiles].some((name) => existsSync(path.join(dir, name)));
}

