import type { SpecProblem } from '../core/errors.js';
import type { DebtChange } from '../debt/change.js';
import type { Verdict } from './verdict.js';

/**
 * What a watch session tells, event by event: produced by watch/, rendered by report/watch.ts
 * (human, agent, NDJSON). Defined here, below both, because report/ may not import watch/.
 */
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
  /** `debt`: the figures after an edit no scenario reaches (debt on), since nothing ran to carry them. */
  | { type: 'idle'; trigger: string[]; reason: string; debt?: DebtChange }
  | { type: 'error'; problem: SpecProblem };
