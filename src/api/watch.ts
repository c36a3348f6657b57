import { makeEnvironment, type EnvironmentInput } from '../core/env.js';
import type { WatchEvent, WatchHandle, WatchOptions } from '../watch/types.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { SpecloopError } from '../core/errors.js';
import { DEFAULTS } from '../config/defaults.js';

export type { WatchEvent, WatchHandle, WatchOptions } from '../watch/types.js';

/**
 * `spec watch`: one full run, then after each settled burst of edits only the scenarios the edit
 * reaches. Runs never overlap: an edit during a run cancels it (its changes join the next run).
 * Returns at once; everything it learns arrives through `onEvent`; it never prints.
 */
export async function watch(options: WatchOptions, environment: EnvironmentInput, onEvent: (event: WatchEvent) => void): Promise<WatchHandle> {
  const env = makeEnvironment(environment);
  await refuseWorkspaceRoot(env.cwd, options.configFile);
  // The session runs each pass through the same composition of stages as verify (api/ hands it in).
  const [{ WatchSession }, { verifyDetailed }] = await Promise.all([import('../watch/session.js'), import('./verify-run.js')]);
  const session = new WatchSession(env, options, onEvent, { runScenarios: verifyDetailed });
  await session.start();
  return { rerun: (mode) => session.rerun(mode), stop: () => session.stop(), done: session.done };
}

/**
 * A workspace root with no specs of its own and no cucumber config is bad input, as verify says:
 * watching it would run nothing while the packages' suites go unwatched. (Elsewhere a project with
 * no specs yet is watched, so the first spec written runs.)
 */
async function refuseWorkspaceRoot(root: string, configFile: string | undefined): Promise<void> {
  if (DEFAULTS.cucumberConfigFiles.some((name) => existsSync(path.join(root, name)))) return;
  const [{ loadConfig }, { noSpecsAtAll }] = await Promise.all([import('../config/load.js'), import('../spec/select-run.js')]);
  const { workspaceSuites } = await import('../config/workspaces.js');
  if (!(await workspaceSuites(root)).length) return;
  const problems = await noSpecsAtAll(root, (await loadConfig(root, configFile)).specs);
  if (problems.length) throw new SpecloopError(problems[0]!);
}
