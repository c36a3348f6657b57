import type { SpecEnvironment } from '../core/env.js';
import type { SpecProblem } from '../core/errors.js';
import type { RunResult } from '../core/run-result.js';
import type { Verdict } from '../report/verdict.js';
import type { TableOptions } from '../config/options-table.js';
import type { RunOptions } from '../run/options.js';
import type { Runner } from '../run/runner.js';

// What a watch session takes and tells: owned here, so the session needs nothing from api/ (which
// re-exports these as the library's `watch()` types).

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

/** watch()'s options, typed from the one options table (config/options-table.ts, which says what each means). */
export type WatchOptions = TableOptions<'watch'>;

export interface WatchHandle {
  /** `all` runs every scenario, `failed` the ones failing now, `last` repeats the last selection. */
  rerun(mode: 'all' | 'failed' | 'last'): void;
  stop(): Promise<void>;
  /** Resolves once stopped. */
  done: Promise<void>;
}

/** A verdict plus what the run leaves for the impact map: what one pass of the stages returns. */
export interface VerifyDetails {
  verdict: Verdict;
  result: RunResult | undefined;
  sourceOf: (uri: string) => string;
  /** Every step and support file the run loaded, project-relative. */
  supportFiles: string[];
  /** The globs those came from: a new file matching them may define steps. */
  supportGlobs: string[];
  /** The spec files the run compiled, project-relative. */
  specFiles: string[];
  /** The run covered a subset (paths, tags, names, --changed). */
  partial: boolean;
  /** Spec files this run covered in full (no line, tag or name filter): the map may drop their vanished scenarios. */
  wholeFiles: string[];
  /** The first runner was left alive, with its support code loaded, for the next run. */
  kept: boolean;
}

/**
 * One pass of every stage (config, specs, binding, the run) on a runner: api/ composes it and
 * hands it to the session, which is how watch/ runs scenarios without importing api/.
 */
export type RunPass = (first: Runner, options: RunOptions, env: SpecEnvironment, startedAt: Date, started: number) => Promise<VerifyDetails>;
