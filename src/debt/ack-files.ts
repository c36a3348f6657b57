import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { codeFiles } from '../impact/project-files.js';
import { discoverSpecs } from '../spec/discover.js';

/** What a file is to the ack: the oracle (spec, step/support definitions) or the code it judges. */
export type AckKind = 'spec' | 'step' | 'source';

/** The project's files by kind, project-relative with forward slashes, sorted. */
export interface ProjectFiles {
  specs: string[];
  steps: string[];
  sources: string[];
}

/** Config files are code but not the project's source: their lines are not what a spec explains. */
const CONFIG_FILE = /^(?:spec\.config|cucumber)\.[cm]?[jt]s$/;

/**
 * Specs from the spec globs, steps from the support globs (the config's or the cucumber
 * profile's, as the run resolves them), sources = every other code file of the project
 * (impact's notion of the project's code: no node_modules, dist, coverage or dot-folders).
 */
export async function projectFiles(root: string, specGlobs: string[], stepGlobs: string[]): Promise<ProjectFiles> {
  const [specs, stepList, code] = await Promise.all([
    discoverSpecs(root, specGlobs).then((s) => s.files),
    glob(stepGlobs.map((g) => g.replace(/^\.\//, '')), { cwd: root, ignore: ['**/node_modules/**', '.spec/**', '**/*.d.ts'] }),
    codeFiles(root),
  ]);
  const steps = new Set(stepList.map(slash));
  const sources = code.map((f) => slash(path.relative(root, f))).filter((f) => !steps.has(f) && !CONFIG_FILE.test(f));
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
