import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { SpecloopError } from '../core/errors.js';
import { specFolderProblem } from '../core/spec-folder.js';
import { DEFAULTS } from './defaults.js';

/** Files whose folder is a project root: specloop's config, cucumber's, or a package.json. */
export const PROJECT_MARKERS: readonly string[] = [...DEFAULTS.configFiles, ...DEFAULTS.cucumberConfigFiles, 'package.json'];

/** Where a command runs: the project's root, and the folder the paths it was given are relative to. */
export interface ProjectPlace {
  root: string;
  base: string;
}

/** The nearest folder at or above `start` that holds a project marker; undefined when none does. */
export function findProjectRoot(start: string): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (PROJECT_MARKERS.some((name) => isFile(path.join(dir, name)))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * The project a command run from `start` works on. A missing `start`, or one in no project, is
 * bad input: running there would report an empty project and leave a stray `.spec/` behind. So is
 * a `.spec` specloop cannot keep its records in.
 */
export function locateProject(start: string): ProjectPlace {
  const base = path.resolve(start);
  if (!existsSync(base) || !statSync(base).isDirectory()) {
    throw new SpecloopError({ code: 'SPEC_PATH_NOT_FOUND', message: `folder ${base} does not exist`, hint: 'run spec in your project, or pass --cwd (cwd in the API) an existing folder of it' });
  }
  const root = findProjectRoot(base);
  if (root === undefined) {
    throw new SpecloopError({
      code: 'SPEC_PROJECT_NOT_FOUND',
      message: `no project at or above ${base}: found no spec.config.*, cucumber config or package.json`,
      hint: 'run spec inside your project (or pass --cwd), or run spec init here to start one',
    });
  }
  const unusable = specFolderProblem(root);
  if (unusable) throw new SpecloopError(unusable);
  return { root, base };
}

/**
 * A path the user gave, from where they stand, as the project-relative path the rest of
 * specloop reads; a `file:line` suffix is kept as written.
 */
export function fromBase(place: ProjectPlace, arg: string): string {
  const [, file = arg, lines = ''] = /^(.*?)((?::\d+)*)$/.exec(arg) ?? [];
  const rel = path.relative(place.root, path.resolve(place.base, file)).split(path.sep).join('/');
  return `${rel || '.'}${lines}`;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
