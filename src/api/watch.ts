import { makeEnvironment, type SpecEnvironment } from '../core/env.js';
import type { SpecProblem } from '../core/errors.js';
import type { Verdict } from '../report/verdict.js';

export type WatchEvent =
  | { type: 'ready'; watching: number }
  | {
      type: 'run-started';
      trigger: string[];
      /** What asked for the run: edits, or a key (a all, f failed, enter the last selection again). */
      mode: 'changes' | 'all' | 'failed' | 'last';
      all: boolean;
      /** Why each target runs; a target is a whole spec file or one scenario (file:line). */
      selected: { target: string; because: string }[];
      /** How many scenarios the targets hold, when known (absent with `all` or a spec file never run). */
      scenarios?: number;
    }
  | { type: 'run-finished'; verdict: Verdict }
  | { type: 'run-cancelled'; trigger: string[]; reason: string }
  | { type: 'idle'; trigger: string[]; reason: string }
  | { type: 'error'; problem: SpecProblem };

export interface WatchOptions {
  /** Quiet time after the last write before a run starts, ms. */
  settleMs?: number;
  configFile?: string;
  tags?: string;
  names?: string[];
  profile?: string;
  /** Record per-scenario coverage on every run (as config "coverage": true), so edits select exactly. */
  coverage?: boolean;
}

export interface WatchHandle {
  /** `all` runs every scenario, `failed` the ones failing now, `last` repeats the last selection. */
  rerun(mode: 'all' | 'failed' | 'last'): void;
  stop(): Promise<void>;
  /** Resolves once stopped. */
  done: Promise<void>;
}

/**
 * `spec watch`: one full run, then after each settled burst of edits only the scenarios the edit
 * reaches. Runs never overlap: an edit during a run cancels it (its changes join the next run).
 * Returns at once; everything it learns arrives through `onEvent`; it never prints.
 */
export async function watch(options: WatchOptions, environment: Partial<SpecEnvironment>, onEvent: (event: WatchEvent) => void): Promise<WatchHandle> {
  const env = makeEnvironment(environment);
  const { WatchSession } = await import('../watch/session.js');
  const session = new WatchSession(env, options, onEvent);
  await session.start();
  return { rerun: (mode) => session.rerun(mode), stop: () => session.stop(), done: session.done };
}
