import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SpecloopError, type SpecProblem } from '../core/errors.js';
import { relativePath } from '../core/env.js';
import { DEFAULTS } from './defaults.js';
import { configLoadPlace } from './load-error.js';
import { validate, type FoundConfig } from './validate.js';
import type { ResolvedConfig, UserConfig } from './schema.js';
import type { Source } from './sources.js';



/** Finds, loads, validates and resolves the project's config. Throws SpecloopError (exit 2) on bad config. */
export async function loadConfig(root: string, explicitFile?: string, overrides: UserConfig = {}): Promise<ResolvedConfig> {
  checkPackageJson(root);
  const found = await findAndLoad(root, explicitFile);
  const user = await validate(found, root);
  const file = found.file ? relativePath(root, found.file) : undefined;
  const given = stripUndefined(overrides);
  const resolved = resolveConfig(root, file, { ...user, ...given }, { ...sourcesOf(user, { kind: 'spec.config', file: file ?? 'spec.config' }), ...optionSources(given) });
  const warnings = explicitFile || !found.file ? [] : ignoredConfigs(root, found.file);
  return warnings.length ? { ...resolved, warnings } : resolved;
}

/**
 * Node reads package.json to load a config or cucumber itself: a broken one surfaces as their
 * error ("Invalid package config", "cucumber failed to load"), so it is named first, at its line.
 */
function checkPackageJson(root: string): void {
  const file = path.join(root, 'package.json');
  if (existsSync(file)) parseJson(root, file, readFileSync(file, 'utf8'));
}

/** Config files that exist beside the one in use and are never read: a change to them would do nothing, silently. */
function ignoredConfigs(root: string, used: string): SpecProblem[] {
  const usedName = relativePath(root, used);
  const others = DEFAULTS.configFiles.filter((name) => name !== usedName && existsSync(path.join(root, name)));
  if (usedName !== 'package.json' && hasSpecKey(root)) others.push('package.json');
  return others.map((name) => ({
    code: 'SPEC_CONFIG_IGNORED',
    message: `${name === 'package.json' ? 'the "spec" key of package.json' : name} is ignored: ${usedName} wins (looked for in this order: ${DEFAULTS.configFiles.join(', ')}, then package.json "spec")`,
    location: { file: name, line: name === 'package.json' ? (lineOf(root, name, '"spec"') ?? 1) : 1 },
    hint: `merge what you need into ${usedName} and delete ${name === 'package.json' ? 'the "spec" key' : name}, or pass --config ${name}`,
  }));
}

function hasSpecKey(root: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as unknown;
    return Boolean(pkg && typeof pkg === 'object' && 'spec' in pkg);
  } catch {
    return false;
  }
}

function lineOf(root: string, file: string, text: string): number | undefined {
  const index = readFileSync(path.join(root, file), 'utf8').split('\n').findIndex((line) => line.includes(text));
  return index >= 0 ? index + 1 : undefined;
}

/** Every key the user set is recorded as coming from spec.config unless `sources` says otherwise. */
export function resolveConfig(root: string, configFile: string | undefined, user: UserConfig, sources = sourcesOf(user, { kind: 'spec.config', file: configFile ?? 'spec.config' })): ResolvedConfig {
  return {
    root,
    configFile,
    specs: user.specs ?? DEFAULTS.specs,
    steps: user.steps ?? DEFAULTS.steps,
    requireModules: user.requireModules ?? DEFAULTS.requireModules,
    module: user.module ?? DEFAULTS.module,
    timeout: user.timeout ?? DEFAULTS.timeout,
    runTimeout: user.runTimeout ?? DEFAULTS.runTimeout,
    tags: user.tags,
    retry: user.retry ?? DEFAULTS.retry,
    retryTagFilter: user.retryTagFilter,
    failOnFlaky: user.failOnFlaky ?? DEFAULTS.failOnFlaky,
    strict: user.strict ?? DEFAULTS.strict,
    sources,
    passWithNoScenarios: user.passWithNoScenarios ?? DEFAULTS.passWithNoScenarios,
    worldParameters: user.worldParameters ?? {},
    profile: user.profile,
    gates: user.gates ?? {},
    reporter: user.reporter,
    coverage: user.coverage ?? false,
    runner: user.runner,
    locked: user.locked ?? false,
    debt: user.debt ?? {},
  };
}

async function findAndLoad(root: string, explicitFile: string | undefined): Promise<FoundConfig> {
  if (explicitFile) {
    const file = path.resolve(root, explicitFile);
    if (!existsSync(file)) {
      throw new SpecloopError({
        code: 'SPEC_CONFIG_NOT_FOUND',
        message: `config file ${explicitFile} does not exist`,
        hint: `create it, or drop --config to use ${DEFAULTS.configFiles.join(', ')} or the "spec" key of package.json`,
      });
    }
    return loadFile(root, file);
  }
  for (const name of DEFAULTS.configFiles) {
    const file = path.join(root, name);
    if (existsSync(file)) return loadFile(root, file);
  }
  const pkgFile = path.join(root, 'package.json');
  if (existsSync(pkgFile)) {
    const text = readFileSync(pkgFile, 'utf8');
    const pkg = parseJson(root, pkgFile, text) as Record<string, unknown> | null;
    if (pkg && typeof pkg === 'object' && 'spec' in pkg) {
      return { file: pkgFile, raw: pkg.spec, text, isJson: true, prefix: ['spec'] };
    }
  }
  return { file: undefined, raw: {}, text: '', isJson: true, prefix: [] };
}

async function loadFile(root: string, file: string): Promise<FoundConfig> {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.json')) return { file, raw: parseJson(root, file, text), text, isJson: true, prefix: [] };
  try {
    const mod = /\.m?ts$/.test(file) ? await importTs(file) : await import(pathToFileURL(file).href);
    const raw = unwrapDefault((mod as { default?: unknown }).default ?? mod);
    return { file, raw: typeof raw === 'function' ? await (raw as () => unknown)() : raw, text, isJson: false, prefix: [] };
  } catch (error) {
    const place = configLoadPlace(error, file);
    throw new SpecloopError({
      code: 'SPEC_CONFIG_LOAD',
      message: `could not load ${relativePath(root, file)}: ${place?.reason ?? (error as Error).message}`,
      location: { file: relativePath(root, file), line: place?.line ?? 1, ...(place?.column ? { column: place.column } : {}) },
      hint: 'fix the error in the config file; it must export default an object (see `spec init`)',
    });
  }
}

/** A TS config in a CommonJS package arrives as { default: config } once more (tsx compiles it to CJS). */
function unwrapDefault(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value;
  const keys = Object.keys(value).filter((k) => k !== '__esModule');
  return keys.length === 1 && keys[0] === 'default' ? (value as { default: unknown }).default : value;
}

async function importTs(file: string): Promise<unknown> {
  const { tsImport } = await import('tsx/esm/api');
  return tsImport(pathToFileURL(file).href, import.meta.url);
}

function parseJson(root: string, file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const { reason, line, column } = jsonSyntaxError((error as Error).message, text);
    throw new SpecloopError({
      code: 'SPEC_CONFIG_INVALID',
      message: `${relativePath(root, file)} is not valid JSON: ${reason}`,
      location: { file: relativePath(root, file), line, ...(column ? { column } : {}) },
      hint: 'fix the JSON syntax',
    });
  }
}

/** JSON.parse says "at position N" (Node 20; Node 22 adds "(line L column C)"): the place as a line and column. */
function jsonSyntaxError(message: string, text: string): { reason: string; line: number; column?: number } {
  const reason = message.replace(/ in JSON at position \d+.*$/, '').replace(/ at position \d+.*$/, '');
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position === undefined) return { reason, line: /end of JSON input/i.test(message) ? text.split('\n').length : 1 };
  const before = text.slice(0, Number(position)).split('\n');
  return { reason, line: before.length, column: before[before.length - 1]!.length + 1 };
}

function sourcesOf(user: UserConfig, source: Source): ResolvedConfig['sources'] {
  return Object.fromEntries(Object.keys(user).filter((key) => user[key as keyof UserConfig] !== undefined).map((key) => [key, source]));
}

/** The API's `config` overrides: named as the option that set them (config.retry). */
function optionSources(given: UserConfig): ResolvedConfig['sources'] {
  return Object.fromEntries(Object.keys(given).map((key) => [key, { kind: 'option', option: `config.${key}` } satisfies Source]));
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
