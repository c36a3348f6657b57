import { makeEnvironment, type EnvironmentInput } from '../core/env.js';
import type { WatchEvent, WatchHandle, WatchOptions } from '../watch/types.js';

export type { WatchEvent, WatchHandle, WatchOptions } from '../watch/types.js';

/**
 * `spec watch`: one full run, then after each settled burst of edits only the scenarios the edit
 * reaches. Runs never overlap: an edit during a run cancels it (its changes join the next run).
 * Returns at once; everything it learns arrives through `onEvent`; it never prints.
 */
export async function watch(options: WatchOptions, environment: EnvironmentInput, onEvent: (event: WatchEvent) => void): Promise<WatchHandle> {
  const env = makeEnvironment(environment);
  // The session runs each pass through the same composition of stages as verify (api/ hands it in).
  const [{ WatchSession }, { verifyDetailed }] = await Promise.all([import('../watch/session.js'), import('./verify-run.js')]);
  const session = new WatchSession(env, options, onEvent, { runScenarios: verifyDetailed });
  await session.start();
  return { rerun: (mode) => session.rerun(mode), stop: () => session.stop(), done: session.done };
}
