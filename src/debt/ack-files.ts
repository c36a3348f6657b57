import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { discoverSpecs } from '../spec/discover.js';
import { sourceFiles } from './sources.js';

/** What a file is to the ack: the oracle (spec, step/support definitions) or the code it judges. */
export type AckKind = 'spec' | 'step' | 'source';

/** The project's files by kind, project-relative with forward slashes, sorted. */
export interface ProjectFiles {
  specs: string[];
  steps: string[];
  sources: string[];
}

/**
 * Specs from the spec globs, steps from the support globs (the config's or the cucumber
 * profile's, as the run resolves them), sources as the line-coverage figures count them
 * (debt/sources.ts: the project's code less steps, tests, fixtures and tool config), so
 * `unreviewed` and `unspecified` speak of the same files.
 */
export async function projectFiles(root: string, specGlobs: string[], stepGlobs: string[]): Promise<ProjectFiles> {
  const [specs, stepList, code] = await Promise.all([
    discoverSpecs(root, specGlobs).then((s) => s.files),
    glob(stepGlobs.map((g) => g.replace(/^\.\//, '')), { cwd: root, ignore: ['**/node_modules/**', '.spec/**', '**/*.d.ts'] }),
    sourceFiles(root, { steps: stepGlobs }),
  ]);
  const steps = new Set(stepList.map(slash));
  const sources = code.filter((f) => !steps.has(f));
  return { specs: [...specs].sort(), steps: [...steps].sort(), sources: sources.sort() };
}

export function kindsOf(files: ProjectFiles): Map<string, AckKind> {
  const kinds = new Map<string, AckKind>();
  for (const f of files.sources) kinds.set(f, 'source');
  for (const f of files.steps) kinds.set(f, 'step');
  for (const f of files.specs) kinds.set(f, 'spec');
  return kinds;
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Each file's text (a file that vanished while listing is left out). */
export async function readAll(root: string, files: string[]): Promise<Map<string, string>> {
  const texts = await Promise.all(files.map((f) => readFile(path.join(root, f), 'utf8').catch(() => undefined)));
  return new Map(files.flatMap((f, i) => (texts[i] === undefined ? [] : [[f, texts[i]] as [string, string]])));
}

function slash(file: string): string {
  return file.split(path.sep).join('/');
}
