import type { ResolvedConfig } from '../config/schema.js';
import type { RunConfig } from '../config/run-config.js';
import type { RunOptions } from '../run/options.js';
import { chooseDebtGate, thresholdsNeedLines } from '../debt/gate.js';

/** What coverage a run's runner records: per-scenario files (the scenario map) and, on a run of everything, lines (debt). */
export function coverageOf(options: RunOptions, values: RunConfig['values'], config: ResolvedConfig, parallel: number): { coverage: boolean; lines: boolean } {
  // cucumber's workers run the scenarios in other processes, out of the runner's coverage session.
  if (options.dryRun || parallel > 0) return { coverage: false, lines: false };
  return { coverage: coverageAsked(options, values, config), lines: runsEverything(options, values) };
}

/**
 * Known before the specs are read: nothing narrows the run, so its coverage can count for every
 * scenario (line coverage is only recorded then; the parent still checks the run was whole). A
 * shard is one slice of such a run: spec merge joins the slices' lines into the whole's.
 */
export function runsEverything(options: RunOptions, values: RunConfig['values']): boolean {
  return !options.paths?.length && !options.changed && !options.since && !options.selected && !options.stepFiles && !options.failFast && !values.failFast.value && !options.tags && !options.names?.length;
}

/**
 * Coverage as asked, or, left unset, on for a run of everything whose debt gate has a threshold
 * on a line figure: without it every edit would leave that gate unchecked until someone thought of
 * running --coverage (run more, never less). `"coverage": false` keeps it off.
 */
function coverageAsked(options: RunOptions, values: RunConfig['values'], config: ResolvedConfig): boolean {
  if (values.coverage.value) return true;
  const unset = values.coverage.sources.every((s) => s.kind === 'default');
  return unset && runsEverything(options, values) && chooseDebtGate(options.gates, config.debt).debt && thresholdsNeedLines(config.debt);
}
