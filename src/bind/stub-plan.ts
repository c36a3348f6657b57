import path from 'node:path';
import picomatch from 'picomatch';
import { SpecloopError } from '../core/errors.js';
import type { UndefinedStep } from './catalogue-schema.js';

// Where `spec steps --generate` puts each stub: the project's step folder (where its definitions
// are, else the folder its step globs name), one file per spec named as the project names its step
// files (`cart.steps.ts`, `cart_steps.ts`, …). Pure: the caller supplies the project's facts.

export interface StubTargetFacts {
  /** Files holding the project's step definitions today, project-relative. */
  definitionFiles: string[];
  /** The globs the project loads step and support code from (spec.config `steps`, else the profile). */
  supportGlobs: string[];
  /** Where those globs are written, for messages (`cucumber.mjs`, `spec.config "steps"`). */
  globsSource: string;
  /** The file they are written in, when there is one (project-relative). */
  globsFile?: string | undefined;
}

/** One undefined step per expression, each under the spec it first appears in. */
export interface StubGroup {
  /** The stub file, project-relative. */
  file: string;
  steps: UndefinedStep[];
}

const SUFFIXES = ['.steps', '_steps', '-steps', '.step', 'Steps', ''];
const TYPESCRIPT = /\.[mc]?tsx?$/;
const JAVASCRIPT = /\.[mc]?jsx?$/;

/** The stub file of each spec with undefined steps; `expressionOf` dedupes steps one definition covers. */
export function planStubs(undefinedSteps: UndefinedStep[], facts: StubTargetFacts, expressionOf: (step: UndefinedStep) => string): StubGroup[] {
  const folder = stepFolder(facts);
  const ext = stubExtension(facts);
  const suffix = namingSuffix(facts.definitionFiles.filter((f) => dirOf(f) === folder), ext);
  const groups = new Map<string, StubGroup>();
  const seen = new Set<string>();
  for (const step of undefinedSteps) {
    const expression = expressionOf(step);
    if (seen.has(expression)) continue;
    seen.add(expression);
    const file = `${folder}${specBase(step.spec)}${suffix}`;
    if (!picomatch(facts.supportGlobs.map((g) => g.replace(/^\.\//, '')))(file)) throw notLoaded(file, facts, ext);
    const group = groups.get(file) ?? { file, steps: [] };
    group.steps.push(step);
    groups.set(file, group);
  }
  return [...groups.values()];
}

/**
 * The extension stubs get: TypeScript's `.ts` when any step definition file is TypeScript or none
 * exists yet, else the commonest of the project's JavaScript ones (`.js`, `.mjs`, `.cjs`).
 */
export function stubExtension(facts: StubTargetFacts): string {
  const files = facts.definitionFiles;
  if (files.length === 0 || files.some((f) => TYPESCRIPT.test(f))) return '.ts';
  const counts = new Map<string, number>();
  for (const file of files.filter((f) => JAVASCRIPT.test(f))) counts.set(path.posix.extname(file), (counts.get(path.posix.extname(file)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '.ts';
}

/** The folder most of the project's definition files (of the stubs' language) are in; with none yet, the one folder the step globs name. */
export function stepFolder(facts: StubTargetFacts): string {
  const counts = new Map<string, number>();
  const language = stubExtension(facts) === '.ts' ? TYPESCRIPT : JAVASCRIPT;
  for (const file of facts.definitionFiles.filter((f) => language.test(f))) counts.set(dirOf(file), (counts.get(dirOf(file)) ?? 0) + 1);
  const [top] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (top) return top[0];
  const named = [...new Set(facts.supportGlobs.map(fixedFolder).filter((f): f is string => f !== undefined && !/(^|\/)support\/$/.test(f)))];
  const steps = named.filter((f) => /step/i.test(f));
  const chosen = steps.length === 1 ? steps[0] : steps.length === 0 && named.length === 1 ? named[0] : undefined;
  if (chosen === undefined) throw undecided(facts, named);
  return chosen;
}

/** `features/step_definitions/**\/*.ts` → `features/step_definitions/`; a glob that names no folder → undefined. */
function fixedFolder(glob: string): string | undefined {
  const fixed = glob.replace(/^\.\//, '').split(/[*?{[]/)[0]!;
  const folder = fixed.endsWith('/') ? fixed : fixed.includes('/') && /[*?{[]/.test(glob) ? fixed.slice(0, fixed.lastIndexOf('/') + 1) : undefined;
  return folder && !folder.startsWith('../') ? folder : undefined;
}

/** How the project names its step files: the commonest suffix among them (`.steps.ts`, `_steps.js`, …), `.steps` + ext when none. */
function namingSuffix(files: string[], ext: string): string {
  const counts = new Map<string, number>();
  for (const file of files) {
    const suffix = SUFFIXES.map((s) => s + ext).find((s) => file.endsWith(s));
    if (suffix) counts.set(suffix, (counts.get(suffix) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? `.steps${ext}`;
}

function specBase(spec: string): string {
  return path.posix.basename(spec).replace(/\.(feature|md|markdown)$/i, '');
}

function dirOf(file: string): string {
  return file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
}

function undecided(facts: StubTargetFacts, named: string[]): SpecloopError {
  const why = named.length ? `the step globs name several folders (${named.join(', ')})` : 'the step globs name no folder';
  return new SpecloopError({
    code: 'SPEC_STEPS_FOLDER',
    message: `steps --generate cannot tell where step files go: no step definition exists yet and ${why}: ${facts.supportGlobs.join(', ')} (${facts.globsSource})`,
    ...at(facts),
    hint: `write the first step file in the folder you want, or make ${facts.globsSource} load step files from one folder (e.g. "features/step_definitions/**/*.ts")`,
  });
}

function notLoaded(file: string, facts: StubTargetFacts, ext: string): SpecloopError {
  return new SpecloopError({
    code: 'SPEC_STEPS_FOLDER',
    message: `steps --generate would write ${file}, but the step globs (${facts.supportGlobs.join(', ')}) do not load it, so its stubs would never bind`,
    ...at(facts),
    hint: `make ${facts.globsSource} load *${ext} files from ${dirOf(file) || 'the project root'}, or write the first step file where the globs look`,
  });
}

function at(facts: StubTargetFacts): { location?: { file: string; line: number } } {
  return facts.globsFile ? { location: { file: facts.globsFile, line: 1 } } : {};
}
