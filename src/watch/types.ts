import type { SpecEnvironment } from '../core/env.js';
import type { RunResult } from '../core/run-result.js';
import type { TableOptions } from '../config/options-table.js';
import type { DebtSummary } from '../debt/model.js';
import type { RunOptions } from '../run/options.js';
import type { Runner } from '../run/runner.js';
import type { Verdict } from '../report/verdict.js';
import type { WatchEvent } from '../report/watch-event.js';

// What a watch session takes and tells: owned here, so the session needs nothing from api/ (which
// re-exports these as the library's `watch()` types). The events themselves are defined in report/,
// whose watch renderers read them and which may not import watch/.
export type { WatchEvent };

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
  /** The spec globs the run resolved (absent when its config did not load): a new file matching them is a spec. */
  specGlobs?: string[] | undefined;
  /** The run covered a subset (paths, tags, names, --changed). */
  partial: boolean;
  /** Spec files this run covered in full (no line, tag or name filter): the map may drop their vanished scenarios. */
  wholeFiles: string[];
  /** The configured tags and names the run's suite is under ('' none); absent when its config did not load. */
  scope?: string;
  /** The debt figures now, without a run, under this pass's config: for an edit no scenario reaches. */
  debtNow?: (() => Promise<DebtSummary | undefined>) | undefined;
  /** The first runner was left alive, with its support code loaded, for the next run. */
  kept: boolean;
}

/**
 * One pass of every stage (config, specs, binding, the run) on a runner: api/ composes it and
 * hands it to the session, which is how watch/ runs scenarios without importing api/.
 */
export type RunPass = (first: Runner, options: RunOptions, env: SpecEnvironment, startedAt: Date, started: number) => Promise<VerifyDetails>;
