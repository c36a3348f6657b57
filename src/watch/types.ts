import type { WatchEvent } from '../report/watch-event.js';

// What a watch session takes and tells: owned here, so the session needs nothing from api/ (which
// re-exports these as the library's `watch()` types). The events themselves are defined in report/,
// whose watch renderers read them and which may not import watch/.
export type { WatchEvent };

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
