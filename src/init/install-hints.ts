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
 * The hooks and MCP servers init wires at a workspace root run `npx --no-install spec` there. pnpm
 * keeps a package's dependencies in its own node_modules (nothing is hoisted), so a specloop only the
 * suite package declares is not found at the root and every hook fails instead of gating the agent.
 */
function rootInstallHint(root: string, suites: string[]): string[] {
  if (suites.length === 0 || hasSpecloop(root)) return [];
  return [`npx --no-install spec, which the agent's hooks and MCP servers run here, finds no spec at this workspace root (${suites.join(', ')} may have it in its own node_modules, as pnpm installs it): install specloop at the root too (pnpm add -D -w PATH/specloop-VERSION.tgz, or npm i -D at the root), or every hook fails instead of checking the agent's work`];
}

/** What to tell once the agent is wired: the plan's hints only when every hook and server can run. */
export function wiredHints(root: string, suites: string[], planHints: string[], refused: boolean): string[] {
  const missing = rootInstallHint(root, suites);
  return [...(refused || missing.length ? [] : planHints), ...missing];
}
