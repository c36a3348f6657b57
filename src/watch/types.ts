import type { SpecProblem } from '../core/errors.js';
import type { Verdict } from '../report/verdict.js';
import type { TableOptions } from '../config/options-table.js';

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
