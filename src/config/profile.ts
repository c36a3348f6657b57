import { existsSync } from 'node:fs';
import path from 'node:path';
import { DEFAULTS } from './defaults.js';
import { droppedLoadersNote, isOwnCompiler, isTypeScriptLoader, parallelIgnoredNote, unknownFormats, unknownLanguage, unknownOrder } from './profile-checks.js';
import type { SpecProblem } from '../core/errors.js';
import type { ProfileConfig } from './cucumber-profile.js';
import { unknownKeyNotes } from './profile-keys.js';

export function findCucumberConfig(root: string): string | undefined {
  return DEFAULTS.cucumberConfigFiles.find((name) => existsSync(path.join(root, name)));
}

export interface ProfileOverlay {
  specs: string[] | undefined;
  requirePaths: string[];
  importPaths: string[];
  requireModules: string[];
  loaders: string[];
  tags: string;
  names: string[];
  worldParameters: Record<string, unknown>;
  retry: number | undefined;
  retryTagFilter: string;
  strict: boolean | undefined;
  formatFiles: Record<string, string>;
  snippetInterface: string | undefined;
  snippetSyntax: string | undefined;
  /** The Gherkin language of specs without their own `# language:` line; undefined: en. */
  language: string | undefined;
  /** cucumber's pickle order (defined, random, random:SEED); undefined: defined. */
  order: string | undefined;
  /** The profile asks for a dry run (spec verify and watch refuse it). */
  dryRun?: true;
  /** What the profile asks for that specloop leaves out, said once in the verdict. */
  notes: SpecProblem[];
  /** The profile's TypeScript loaders specloop leaves out (the `cucumber-load` gate loads the support code with them). */
  droppedLoaders?: string[];
  /** The profile's `parallel` (above 0), honoured by verify; watch says it runs in one runner instead. */
  parallel?: { workers: number; ignoredInWatch: SpecProblem };
}

/**
 * What a cucumber.js profile adds. Specloop's own config wins where both speak; the profile's
 * paths and support files are used when spec.config leaves them to the defaults. `file` names
 * the config file in notes; `keyLines` the lines of its unknown keys, where its text shows them.
 */
export function overlayProfile(profile: ProfileConfig, userSetSpecs: boolean, userSetSteps: boolean, file = 'the cucumber profile', keyLines: Readonly<Record<string, number>> = {}): ProfileOverlay {
  const supportGlobs = [...profile.require, ...profile.import];
  const typeScript = (m: string) => isTypeScriptLoader(m, supportGlobs);
  const dropped = [...new Set([...profile.requireModule, ...profile.loader].filter((m) => typeScript(m) && !isOwnCompiler(m)))];
  return {
    specs: !userSetSpecs && profile.paths.length ? profile.paths.map(toSpecGlob) : undefined,
    requirePaths: userSetSteps ? [] : profile.require,
    importPaths: userSetSteps ? [] : profile.import,
    requireModules: profile.requireModule.filter((m) => !typeScript(m)),
    loaders: profile.loader.filter((m) => !typeScript(m)),
    tags: profile.tags,
    names: profile.name,
    worldParameters: profile.worldParameters,
    retry: profile.retry || undefined,
    retryTagFilter: profile.retryTagFilter ?? '',
    strict: profile.strict,
    formatFiles: formatFiles(profile.format),
    snippetInterface: profile.snippetInterface,
    snippetSyntax: profile.snippetSyntax,
    language: profile.language,
    order: profile.order,
    ...(profile.dryRun ? { dryRun: true as const } : {}),
    notes: [...(dropped.length ? [droppedLoadersNote(file, dropped)] : []), ...unknownKeyNotes(file, profile.unknownKeys ?? [], keyLines)],
    ...(dropped.length ? { droppedLoaders: dropped } : {}),
    ...(profile.parallel > 0 ? { parallel: { workers: profile.parallel, ignoredInWatch: parallelIgnoredNote(file, profile.parallel) } } : {}),
  };
}

/** What cucumber would refuse in the profile once it runs (a format it cannot import): bad input, before anything runs. */
export function profileProblems(root: string, profile: ProfileConfig, file = 'the cucumber profile'): SpecProblem[] {
  return [...unknownFormats(root, file, profile.format), ...unknownLanguage(file, profile.language), ...unknownOrder(file, profile.order)];
}

/** A file's line numbers stay (`a.feature:8`): cucumber runs only the scenarios there (spec/discover.ts reads them). */
function toSpecGlob(p: string): string {
  if (/\.(feature|md)(:\d+)+$/.test(p) && !/[*?{]/.test(p)) return p;
  if (/[*?{]/.test(p) || /\.(feature|md)(:\d+)*$/.test(p)) return p.replace(/(:\d+)+$/, '');
  return `${p.replace(/\/$/, '')}/**/*.{feature,feature.md}`;
}

/** Only file formats (html:reports/x.html) carry over: the terminal belongs to specloop. */
function formatFiles(formats: string[]): Record<string, string> {
  const files: Record<string, string> = {};
  for (const format of formats) {
    const at = format.search(/:(?!\/\/|\\)/);
    if (at > 0) files[format.slice(at + 1)] = format.slice(0, at);
  }
  return files;
}

export function combineTags(...expressions: (string | undefined)[]): string {
  const parts = expressions.map((e) => e?.trim()).filter((e): e is string => Boolean(e));
  return parts.length <= 1 ? (parts[0] ?? '') : parts.map((e) => `(${e})`).join(' and ');
}
