/** What spec init tells the user to install: only what the project does not declare yet. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readPackageJson } from './existing-suite.js';

/** specloop is not on the npm registry (README, "Using it in a project"): it installs from a tarball packed from its repository. */
export const SPECLOOP_INSTALL = 'specloop is not on the npm registry: npm i -D PATH/specloop-VERSION.tgz (npm pack in a clone of specloop makes it)';

/** The example needs specloop, cucumber and tsx; typescript adds the typecheck gate. Names only what is not declared. */
export function installHints(declared: Set<string>): string[] {
  const missing = ['@cucumber/cucumber', 'tsx'].filter((name) => !declared.has(name));
  const hints = [...(declared.has('specloop') ? [] : [SPECLOOP_INSTALL]), ...(missing.length ? [`npm i -D ${missing.join(' ')} (the example's steps run with them)`] : [])];
  if (!declared.has('typescript')) hints.push('npm i -D typescript to add the typecheck gate (and @types/node once your code uses Node\'s APIs)');
  return [...hints, hints.length ? 'then run npx spec verify' : 'run npx spec verify'];
}

export function declaredDependencies(root: string): Set<string> {
  const pkg = readPackageJson(root);
  return new Set([pkg?.dependencies, pkg?.devDependencies, pkg?.optionalDependencies].flatMap((deps) => (deps && typeof deps === 'object' ? Object.keys(deps) : [])));
}

/**
 * Whether `npx spec` finds specloop from `root`: declared here, or installed in a node_modules at
 * or above it, as Node resolves it (a workspace package's dependencies are hoisted to the root's).
 */
export function hasSpecloop(root: string): boolean {
  if (declaredDependencies(root).has('specloop')) return true;
  for (let dir = path.resolve(root); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'node_modules', 'specloop', 'package.json'))) return true;
    if (path.dirname(dir) === dir) return false;
  }
}

/** What the project declares, and specloop when Node finds it installed above (hoisted in a workspace). */
export function withSpecloop(root: string): Set<string> {
  const declared = declaredDependencies(root);
  return hasSpecloop(root) ? declared.add('specloop') : declared;
}
