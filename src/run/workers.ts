import type { SpecProblem } from '../core/errors.js';
import type { ProfileOverlay } from '../config/profile.js';
import type { RunOptions } from './options.js';
import type { CucumberApi } from './load-cucumber.js';

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

/**
 * cucumber starts every worker it is given, each loading the support code, before it hands out a
 * scenario: more workers than scenarios only cost start-up (50 on 8 scenarios took 21 s). A run on
 * workers keeps at least one; an unknown plan leaves the asked count.
 */
export function cappedWorkers(asked: number, scenarios: number | undefined): number {
  if (asked <= 1 || scenarios === undefined) return asked;
  return Math.max(1, Math.min(asked, scenarios));
}

/**
 * The workers a run on workers is given: the asked count, capped at the scenarios cucumber plans
 * (its own filter: paths, lines, tags, names). A cucumber without loadSources, or one that cannot
 * plan, keeps the asked count: the run then says what is wrong, as it would have.
 */
export async function workersFor(api: CucumberApi, sources: Parameters<CucumberApi['loadSources']>[0], environment: Parameters<CucumberApi['loadSources']>[1], asked: number): Promise<number> {
  if (asked <= 1 || typeof api.loadSources !== 'function') return asked;
  const planned = await api.loadSources(sources, environment).then(
    (loaded) => loaded.plan.length,
    () => undefined,
  );
  return cappedWorkers(asked, planned);
}

function noCoverageNote(parallel: number): SpecProblem {
  return {
    code: 'SPEC_PARALLEL_NO_COVERAGE',
    message: `ran on cucumber's workers (parallel ${parallel}, no more workers than scenarios): per-scenario coverage and line coverage were not recorded (they are recorded in one runner), so spec watch and --changed select from the step files each scenario binds to and run more until a serial run records coverage again`,
    hint: 'nothing to do; run `spec verify --parallel 0` now and then to refresh the coverage the scenario map and debt use',
  };
}
