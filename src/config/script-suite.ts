/**
 * A suite whose only cucumber config is an npm script's command line (`cucumber-js bdd/features
 * --require bdd/steps`): spec reads config files, not scripts, so it finds none of it. This reads
 * the script's paths and support files, to say so and to name the spec.config that finds them.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';
import { isPlainObject } from '../core/plain-object.js';
import { DEFAULTS } from './defaults.js';

export interface ScriptSuite {
  /** The npm script's name. */
  script: string;
  /** The spec paths it passes (positional arguments), as written. */
  paths: string[];
  /** Its `--require` / `--import` support paths, as written. */
  support: string[];
}

/** cucumber-js options that take a value (the next word, unless written `--name=value`). */
const TAKES_VALUE = new Set(['-c', '--config', '-f', '--format', '--format-options', '-i', '--import', '--language', '-l', '--loader', '--name', '--order', '-p', '--profile', '--parallel', '-r', '--require', '--require-module', '--retry', '--retry-tag-filter', '-t', '--tags', '--world-parameters', '--shard', '--plugin', '--plugin-options']);
const SUPPORT = new Set(['-r', '--require', '-i', '--import']);
const SHELL_BREAK = new Set(['&&', '||', ';', '|']);
const WORD = /"([^"]*)"|'([^']*)'|(\S+)/g;

/**
 * The npm script whose cucumber-js paths or support files spec's default globs miss, in a project
 * with no config (file or package.json key) that would name them instead. Undefined otherwise:
 * then spec finds what the script runs, or reads it from that config.
 */
export async function findMissedScriptSuite(root: string): Promise<ScriptSuite | undefined> {
  const suite = findScriptSuite(root);
  if (!suite) return undefined;
  const specsMissed = suite.paths.length > 0 && (await glob(DEFAULTS.specs, { cwd: root, ignore: ['**/node_modules/**'] })).length === 0;
  const isStepFile = picomatch(DEFAULTS.steps);
  // A folder or glob stands for the files below its fixed part.
  const stepsMissed = suite.support.some((given) => !isStepFile(`${picomatch.scan(given.replace(/^\.\//, '')).base.replace(/\/+$/, '')}/x.js`) && !isStepFile(given.replace(/^\.\//, '')));
  return specsMissed || stepsMissed ? suite : undefined;
}

/**
 * The first npm script that runs cucumber-js with paths or support files on its command line, in a
 * project with no config file or package.json key that would say them instead. Undefined otherwise.
 */
export function findScriptSuite(root: string): ScriptSuite | undefined {
  const pkg = readJson(path.join(root, 'package.json'));
  if (!pkg || pkg.cucumber !== undefined || pkg.spec !== undefined) return undefined;
  if ([...DEFAULTS.cucumberConfigFiles, ...DEFAULTS.configFiles].some((name) => existsSync(path.join(root, name)))) return undefined;
  const scripts = isPlainObject(pkg.scripts) ? pkg.scripts : {};
  for (const [script, command] of Object.entries(scripts)) {
    if (typeof command !== 'string') continue;
    const found = parseCucumberCommand(command);
    if (found && (found.paths.length || found.support.length)) return { script, ...found };
  }
  return undefined;
}

/** The paths and support files of the cucumber-js call in a shell command, or undefined when it has none. */
export function parseCucumberCommand(command: string): Omit<ScriptSuite, 'script'> | undefined {
  const words = [...command.matchAll(WORD)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
  const start = words.findIndex((word) => /(^|\/)cucumber-js$/.test(word));
  if (start < 0) return undefined;
  const paths: string[] = [];
  const support: string[] = [];
  for (let i = start + 1; i < words.length; i++) {
    const word = words[i]!;
    if (SHELL_BREAK.has(word)) break;
    if (!word.startsWith('-')) {
      paths.push(word);
      continue;
    }
    const [flag, inline] = word.includes('=') ? [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)] : [word, undefined];
    if (!TAKES_VALUE.has(flag)) continue;
    const value = inline ?? words[++i];
    if (value !== undefined && SUPPORT.has(flag)) support.push(value);
  }
  return { paths, support };
}

/** The advice for a suite only an npm script names (`for` says what the config is for), or undefined when spec finds it. */
export async function missedScriptSuiteHint(root: string, purpose: string): Promise<string | undefined> {
  const suite = await findMissedScriptSuite(root);
  if (!suite) return undefined;
  const { said, config } = scriptSuiteAdvice(root, suite);
  return `${said}: ${purpose}, write spec.config.json: ${config}`;
}

/** What to tell the person: where the script's suite is, why spec does not see it, and the config that does. */
export function scriptSuiteAdvice(root: string, suite: ScriptSuite): { said: string; config: string } {
  const named = [...suite.paths, ...suite.support.map((s) => `--require ${s}`)].join(', ');
  const specs = suite.paths.map((p) => asGlob(root, p, '**/*.feature'));
  const steps = suite.support.map((s) => asGlob(root, s, '**/*.{ts,mts,cts,js,mjs,cjs}'));
  const config = `{ ${[...(specs.length ? [`"specs": ${list(specs)}`] : []), ...(steps.length ? [`"steps": ${list(steps)}`] : [])].join(', ')} }`;
  return { said: `the "${suite.script}" script of package.json passes ${named} to cucumber-js on its command line, which spec does not read`, config };
}

/** A folder becomes a glob of what lies in it; a file or a glob stays as written. */
function asGlob(root: string, given: string, below: string): string {
  const clean = given.replace(/^\.\//, '').replace(/:\d+(:\d+)*$/, '').replace(/\/+$/, '');
  try {
    return statSync(path.join(root, clean)).isDirectory() ? `${clean}/${below}` : clean;
  } catch {
    return clean;
  }
}

function list(items: string[]): string {
  return `[${items.map((item) => JSON.stringify(item)).join(', ')}]`;
}

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return isPlainObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
