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

/**
 * At a workspace root whose node_modules has no spec, the suite package whose spec the hooks and
 * MCP servers run (`npx --prefix PACKAGE`): pnpm keeps a package's dependencies in its own
 * node_modules (nothing is hoisted), so a bare `npx --no-install spec` at the root fails every hook
 * instead of gating the agent. undefined: the root has spec, or no package declares it either.
 */
export function specFrom(root: string, suites: string[]): string | undefined {
  if (suites.length === 0 || hasSpecloop(root)) return undefined;
  return suites.find((suite) => hasSpecloop(path.join(root, suite)));
}

function rootInstallHint(root: string, suites: string[]): string[] {
  if (suites.length === 0 || hasSpecloop(root)) return [];
  const from = specFrom(root, suites);
  if (from) return [`the agent's hooks and MCP servers run spec from ${from} (npx --prefix ${from}), where the workspace installs it: keep specloop in its devDependencies, or install it at the root too`];
  return [`npx --no-install spec, which the agent's hooks and MCP servers run here, finds no spec at this workspace root, nor in ${suites.join(', ')}: install specloop at the root (pnpm add -D -w PATH/specloop-VERSION.tgz, or npm i -D at the root), or every hook fails instead of checking the agent's work`];
}

/** What to tell once the agent is wired: the plan's hints only when every hook and server can run. */
export function wiredHints(root: string, suites: string[], planHints: string[], refused: boolean): string[] {
  const missing = rootInstallHint(root, suites);
  const runs = !refused && (missing.length === 0 || specFrom(root, suites) !== undefined);
  return [...(runs ? planHints : []), ...missing];
}
