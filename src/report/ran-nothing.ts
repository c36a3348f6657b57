import type { ResolvedConfig } from '../config/schema.js';
import type { SpecProblem } from '../core/errors.js';
import type { Selection } from '../impact/select.js';
import type { RunOutcome } from '../run/runner.js';
import type { RunConfig } from '../config/run-config.js';
import type { RunOptions } from '../run/options.js';

/** What a prepared run says about how its scenarios were chosen. */
export interface ChosenBy {
  config: ResolvedConfig;
  /** The cucumber profile's filters, when a profile is read. */
  overlay: { tags: string; names: string[] } | undefined;
  run: RunConfig;
  /** --changed's selection, when the run took its scenarios from git's changes. */
  selection: Selection | undefined;
  /** A shard's slice: one shard's scenarios may all be skipped where the whole run's are not. */
  shard?: unknown;
}

/**
 * Running nothing is not a pass: a run that executed no scenario gets a failure saying which filters
 * matched nothing — unless asked (`passWithNoScenarios`), or the selection is impact's: --changed with
 * nothing affected, or a watch run of what an edit reached (watch's full run names no paths and counts).
 */
export function ranNothing(chosen: ChosenBy, outcome: RunOutcome | undefined, options: RunOptions): SpecProblem[] {
  if (chosen.selection || (options.selected && options.paths?.length) || chosen.run.values.passWithNoScenarios.value) return [];
  const empty = !outcome || (outcome.kind === 'result' && outcome.result.scenarios.length === 0 && outcome.result.runErrors.length === 0);
  if (empty) return [nothingMatched(chosen, options)];
  return !options.dryRun && !chosen.shard && allSkipped(outcome) ? [everyOneSkipped(outcome.result.scenarios.length)] : [];
}

/** Scenarios ran and every one was skipped (cucumber's `return 'skipped'`): cucumber exits 0, though nothing was checked. */
function allSkipped(outcome: RunOutcome): outcome is Extract<RunOutcome, { kind: 'result' }> {
  return outcome.kind === 'result' && outcome.result.runErrors.length === 0 && outcome.result.scenarios.length > 0 && outcome.result.scenarios.every((s) => s.status === 'skipped');
}

function everyOneSkipped(count: number): SpecProblem {
  return {
    code: 'SPEC_ALL_SKIPPED',
    message: `every scenario that ran was skipped (${count === 1 ? 'the only one' : `all ${count}`}): nothing was checked`,
    hint: "a Before hook or a step returned 'skipped' for each: skipping is not a pass; pass --pass-with-no-scenarios (config \"passWithNoScenarios\": true) when skipping them all is expected",
  };
}

/** Says which filters together matched nothing, in the words the user gave them. */
function nothingMatched({ config, overlay }: ChosenBy, options: RunOptions): SpecProblem {
  const filters = [
    ...(options.tags ? [`--tags ${options.tags}`] : []),
    ...(options.names ?? []).map((n) => `--name ${n}`),
    ...(config.tags ? [`the config's tags ${config.tags}`] : []),
    ...(overlay?.tags ? [`the profile's tags ${overlay.tags}`] : []),
    ...(overlay?.names ?? []).map((n) => `the profile's name ${n}`),
  ];
  const paths = options.selected ? [] : (options.paths ?? []);
  const where = paths.length ? ` in ${paths.join(', ')}` : '';
  return {
    code: 'SPEC_NO_SCENARIOS',
    message: filters.length ? `no scenario matched ${filters.join(' and ')}${where}` : `no scenario in ${paths.length ? paths.join(', ') : 'the specs'}: nothing ran`,
    hint: `running nothing is not a pass: check the ${filters.length ? 'tag expression and name patterns against the specs' : 'paths and specs'}; pass --pass-with-no-scenarios (config "passWithNoScenarios": true) when running none is expected`,
  };
}
