import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { SpecProblem } from '../core/errors.js';

/**
 * TypeScript loaders a profile may name (requireModule, loader). specloop compiles TypeScript
 * itself (tsx, with source maps): a second compiler on top type-checks tsx's output (ts-node
 * reports errors at `file.ts:2:215`) or moves every reported line (transpile-only: all `:2`).
 */
const TS_LOADER = /^(?:ts-node|tsx|@swc\/register|@swc-node\/register|esbuild-register|@esbuild-kit\/(?:cjs|esm)-loader|sucrase\/register|@ts-tools\/node|typescript-require)(?:\/.*)?$/;
/** @babel/register compiles TypeScript only when the project's steps are TypeScript; otherwise it may be doing JSX or other syntax. */
const BABEL = /^@babel\/register(?:\/.*)?$/;
const TS_GLOB = /\.(?:[cm]?tsx?)\b|\{[^}]*\b[cm]?tsx?\b[^}]*\}|\bts\b/;

/** tsx is the compiler specloop loads TypeScript with: leaving the profile's own tsx out changes nothing worth a note. */
export function isOwnCompiler(specifier: string): boolean {
  return /^tsx(?:\/.*)?$/.test(specifier);
}

export function isTypeScriptLoader(specifier: string, supportGlobs: string[]): boolean {
  if (TS_LOADER.test(specifier)) return true;
  return BABEL.test(specifier) && supportGlobs.some((g) => TS_GLOB.test(g));
}

/** The note for what was left out: one line, in the verdict's warnings. */
export function droppedLoadersNote(file: string, dropped: string[]): SpecProblem {
  return {
    code: 'SPEC_PROFILE_LOADER_DROPPED',
    message: `${file} loads ${dropped.join(', ')}: not loaded — specloop compiles TypeScript itself, so every reported line is the line in your source`,
    hint: `nothing to do; cucumber-js run without specloop still uses ${dropped.length > 1 ? 'them' : 'it'}, and spec verify's cucumber-load gate loads the support code with ${dropped.length > 1 ? 'them' : 'it'}, as cucumber-js does`,
  };
}

export function parallelIgnoredNote(file: string, parallel: number): SpecProblem {
  return {
    code: 'SPEC_PROFILE_PARALLEL_IGNORED',
    message: `${file} sets parallel: ${parallel}: spec watch ignores it — it re-runs what an edit reaches in its one warm runner, which records each scenario's coverage (workers would start cold every edit); spec verify runs on the workers`,
    hint: 'nothing to do; spec verify and cucumber-js still run in parallel',
  };
}

/** cucumber 12's built-in formatters; anything else is a module cucumber imports. */
const BUILT_IN_FORMATS = new Set(['html', 'junit', 'pretty', 'message', 'json', 'progress', 'progress-bar', 'rerun', 'snippets', 'summary', 'usage', 'usage-json']);

/**
 * Formats cucumber would fail to import ("Failed to import formatter x"), found before the run:
 * a custom formatter is a path or package that must resolve from the project.
 */
export function unknownFormats(root: string, file: string, formats: string[]): SpecProblem[] {
  const problems: SpecProblem[] = [];
  for (const format of formats) {
    const at = format.search(/:(?!\/\/|\\)/);
    const type = (at > 0 ? format.slice(0, at) : format).replace(/^"(.*)"$/, '$1');
    if (BUILT_IN_FORMATS.has(type) || resolves(root, type)) continue;
    problems.push({
      code: 'SPEC_PROFILE_REJECTED',
      message: `cucumber rejected format "${type}" in ${file}: no such formatter (built in: ${[...BUILT_IN_FORMATS].join(', ')}), and no module of that name resolves from the project`,
      hint: `fix or remove "${format}" in ${file}`,
    });
  }
  return problems;
}

function resolves(root: string, specifier: string): boolean {
  const local = specifier.replace(/^file:\/\//, '');
  if (local.startsWith('.') || path.isAbsolute(local)) return existsSync(path.resolve(root, local));
  try {
    createRequire(path.join(root, 'package.json')).resolve(specifier);
    return true;
  } catch (error) {
    // An ESM-only package without a "require" export still exists: cucumber imports it.
    return (error as NodeJS.ErrnoException).code === 'ERR_PACKAGE_PATH_NOT_EXPORTED';
  }
}

/** A language Gherkin has no keywords for: cucumber would fail every spec of the run with a parse error. */
export function unknownLanguage(file: string, language: string | undefined): SpecProblem[] {
  // Loaded only for a profile that sets a language: the dialects are off every other start-up.
  if (language === undefined || Object.hasOwn((createRequire(import.meta.url)('@cucumber/gherkin') as { dialects: object }).dialects, language)) return [];
  return [{ code: 'SPEC_PROFILE_REJECTED', message: `cucumber rejected language "${language}" in ${file}: Gherkin has no such language`, hint: `set language to a Gherkin language code (en, fr, de, es, pt, ja, …) in ${file}, or remove it for English` }];
}

/** cucumber's orders: defined, random, random:SEED. */
export function unknownOrder(file: string, order: string | undefined): SpecProblem[] {
  if (order === undefined || /^(?:defined|random(?::.+)?)$/.test(order)) return [];
  return [{ code: 'SPEC_PROFILE_REJECTED', message: `cucumber rejected order "${order}" in ${file}: it runs scenarios in "defined" or "random" order (or "random:SEED")`, hint: `set order to "defined", "random" or "random:SEED" in ${file}, or remove it` }];
}

/** The profile's dryRun: specloop judges a suite by running it, so it refuses rather than pass on nothing run. */
export function dryRunRefused(file: string, profile: string): SpecProblem {
  return {
    code: 'SPEC_PROFILE_DRY_RUN',
    message: `profile "${profile}" in ${file} sets dryRun: true: a dry run executes no step, so its verdict would pass on nothing run`,
    hint: `to check how the steps bind without running them, run spec steps; to verify, pick a profile without dryRun (--profile) or remove dryRun from "${profile}" in ${file}`,
  };
}
