import path from 'node:path';
import { locateProject, type ProjectPlace } from '../config/project-root.js';
import { packageOwningPaths } from '../config/package-paths.js';
import { suiteOwningPaths } from '../config/suite-paths.js';
import { SpecloopError } from '../core/errors.js';
import { REPORTER_NAMES, detectReporter, isReporterName, type ReporterName } from '../core/reporters.js';

/** An explicit reporter (the flag, else the config's) wins; else the registry's detection decides (a coding agent gets the agent reporter). */
export function pickReporter(requested: string | undefined, env: Record<string, string | undefined>): ReporterName {
  if (requested === undefined) return detectReporter(env);
  if (isReporterName(requested)) return requested;
  throw new SpecloopError({ code: 'SPEC_USAGE', message: `unknown reporter "${requested}"`, hint: `use one of: ${REPORTER_NAMES.join(', ')}` });
}

/**
 * Runs a command with an AbortSignal wired to SIGINT/SIGTERM: the first signal cancels the work
 * (children are killed and the partial verdict still prints); a second one exits at once.
 */
export async function withInterrupts<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(name === 'SIGINT' ? 130 : 143);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await work(controller.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/**
 * The project a command works on: found at or above --cwd (or the current folder), so spec runs
 * the same from any of its subfolders. A missing folder, or none in a project, is a usage error.
 */
export function locate(cwd: string | undefined): ProjectPlace {
  return locateProject(cwd ?? process.cwd());
}

/**
 * Steps expect the project folder as their working folder; standing there lets them run in a thread.
 * Twice: a worker thread caches process.cwd(), and Node before nodejs/node#61664 (20.20 here) tells
 * threads of a chdir before making it, so the held runner thread, reading paths meanwhile, could keep
 * the folder left for good (test/enter-project.test.ts). A second chdir into the same folder makes
 * every thread read it afresh, and what it reads in that one's window is the project already.
 */
export function enterProject(root: string): void {
  process.chdir(root);
  process.chdir(root);
}

/**
 * Paths named at a workspace root that belong to a package's suite run in that package
 * (config/package-paths.ts); so do paths given from a folder outside the suite that holds them
 * (config/suite-paths.ts). Said on stderr: the verdict's paths are then the package's.
 */
export async function placeForPaths(place: ProjectPlace, paths: string[], command: string): Promise<{ place: ProjectPlace; paths: string[] }> {
  const inPackage = await packageOwningPaths(place, paths, command);
  const owned = inPackage ?? suiteOwningPaths(place, paths);
  if (!owned) return { place, paths };
  const root = path.join(place.root, owned.folder);
  // --cwd as the user would type it, from the folder they stand in (a workspace root names the package from the root, as before).
  const cwd = inPackage ? owned.folder : path.relative(place.base, root).split(path.sep).join('/');
  const where = inPackage ? `the workspace package ${owned.folder}` : `the suite at ${cwd}`;
  process.stderr.write(`spec: ${paths.join(' ')} ${paths.length === 1 ? 'is' : 'are'} in ${where}: ran there with its config, as spec ${command} --cwd ${cwd} ${owned.paths.join(' ')} would (the paths below are under ${cwd}/)\n`);
  return { place: { root, base: root }, paths: owned.paths };
}
