import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { DEFAULTS } from '../config/defaults.js';
import { isPlainObject } from '../core/plain-object.js';
import { missedScriptSuiteHint } from '../config/script-suite.js';

const EXT = '{ts,mts,cts,js,mjs,cjs}';
/** Where real cucumber-js projects keep specs and steps, beyond specloop's own defaults. */
const SPEC_GLOBS = ['**/*.feature', '**/*.feature.md', ...DEFAULTS.specs];
const STEP_GLOBS = [...DEFAULTS.steps, `**/step_definitions/**/*.${EXT}`, `**/step-definitions/**/*.${EXT}`, `**/*.steps.${EXT}`, `**/*.step.${EXT}`];
const IGNORE = ['**/node_modules/**', '**/.git/**', `**/${DEFAULTS.outDir}/**`];

/**
 * What shows that the project already has a suite of its own: config files (cucumber's and
 * specloop's, or their package.json keys), an npm script that runs cucumber-js, a spec file, a
 * step file. Empty for a project with none, where scaffolding the example shadows nothing.
 */
export async function findExistingSuite(root: string): Promise<string[]> {
  const found = [...DEFAULTS.cucumberConfigFiles, ...DEFAULTS.configFiles].filter((name) => existsSync(path.join(root, name)));
  found.push(...packageJsonSignals(root));
  for (const patterns of [SPEC_GLOBS, STEP_GLOBS]) {
    // A workspace package's files are its suite, not this folder's (config/workspaces.ts names those).
    const first = (await glob(patterns, { cwd: root, ignore: IGNORE, dot: false })).sort().find((file) => !inNestedPackage(root, file));
    if (first) found.push(first);
  }
  return found;
}

const RUNS_OWN_SUITE = {
  cucumber: "npx spec verify runs this project's own suite, with its own cucumber config",
  spec: "npx spec verify runs this project's own suite, as its spec config says",
  defaults: "npx spec verify runs this project's own suite; with no cucumber config, it looks for specs under features/ and specs/, and step files under steps/ and features/: if they are elsewhere, set specs and steps in spec.config.json",
};

/**
 * What npx spec verify does with the suite found: a suite named only by an npm script needs a
 * spec.config to be found; else it runs it, by where its settings are: a cucumber config (a file
 * or package.json's key), else a spec config, else spec's defaults.
 */
export async function ownSuiteHint(root: string): Promise<string> {
  const missed = await missedScriptSuiteHint(root, 'for npx spec verify to run this suite');
  if (missed) return missed;
  const pkg = readPackageJson(root);
  const has = (names: string[], key: string) => names.some((name) => existsSync(path.join(root, name))) || pkg?.[key] !== undefined;
  return RUNS_OWN_SUITE[has(DEFAULTS.cucumberConfigFiles, 'cucumber') ? 'cucumber' : has(DEFAULTS.configFiles, 'spec') ? 'spec' : 'defaults'];
}

/** Whether a folder between `root` and the file has a package.json of its own: another package's file. */
function inNestedPackage(root: string, file: string): boolean {
  for (let dir = path.posix.dirname(file); dir !== '.' && dir !== '/'; dir = path.posix.dirname(dir)) if (existsSync(path.join(root, dir, 'package.json'))) return true;
  return false;
}

function packageJsonSignals(root: string): string[] {
  const pkg = readPackageJson(root);
  if (!pkg) return [];
  const signals: string[] = [];
  if (pkg.cucumber !== undefined) signals.push('the "cucumber" key of package.json');
  if (pkg.spec !== undefined) signals.push('the "spec" key of package.json');
  const scripts = isPlainObject(pkg.scripts) ? pkg.scripts : {};
  const runner = Object.entries(scripts).find(([, command]) => typeof command === 'string' && /\bcucumber-js\b/.test(command));
  if (runner) signals.push(`the "${runner[0]}" script of package.json (cucumber-js)`);
  return signals;
}

export function readPackageJson(root: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    return isPlainObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

