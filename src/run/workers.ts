import type { SpecProblem } from '../core/errors.js';
import type { ProfileOverlay } from '../config/profile.js';
import type { RunOptions } from './options.js';

export interface Workers {
  /** cucumber's `parallel`: 0 runs every scenario in the one runner. */
  parallel: number;
  /** What the verdict says about it: what a run on workers did not record, or why watch ignored it. */
  notes: (coverage: boolean) => SpecProblem[];
}

/**
 * How many of cucumber's workers a run uses: the option, else the profile's `parallel`. Watch
 * stays in its one warm runner: reloading it and recording each scenario's coverage there is what
 * makes a re-run take milliseconds and select exactly, and workers would start cold every edit.
 */
export function workersOf(options: RunOptions, overlay: ProfileOverlay | undefined): Workers {
  const asked = options.parallel ?? overlay?.parallel?.workers ?? 0;
  if (options.runKind === 'watch' || options.dryRun) {
    const ignored = options.runKind === 'watch' && overlay?.parallel ? [overlay.parallel.ignoredInWatch] : [];
    return { parallel: 0, notes: () => ignored };
  }
  return { parallel: asked, notes: (coverage) => (asked > 0 && coverage ? [noCoverageNote(asked)] : []) };
}

function noCoverageNote(parallel: number): SpecProblem {
  return {
    code: 'SPEC_PARALLEL_NO_COVERAGE',
    message: `ran on ${parallel} workers: per-scenario coverage and line coverage were not recorded (they are recorded in one runner), so spec watch and --changed select from the step files each scenario binds to and run more until a serial run records coverage again`,
    hint: 'nothing to do; run `spec verify --parallel 0` now and then to refresh the coverage the scenario map and debt use',
  };
}
