import type { RunResult } from '../core/run-result.js';
import { supportGlobsOf } from '../bind/support-files.js';
import { stampOf, supportState } from '../impact/binding-stamp.js';
import { buildScenarioMap, mergeScenarioMap, type ScenarioMap } from '../impact/scenario-map.js';
import type { Prepared } from './stages.js';

// The scenario map a run's debt traces the specs by (drift, selfGraded): the one this run leaves,
// not the one the run before left, which knows nothing of a spec added since.

/**
 * The map as this run leaves it (impact/record.ts writes the same), a narrowed run's or a shard's
 * merged onto `previous` (read before the run, which may have written its own by now). A scenario this run ran without coverage keeps the files the last
 * coverage run saw it execute while its spec and every support file read as they did then (its
 * stamp): more precise than the step files' imports, and still what it runs, as only code changed.
 */
export async function runMap(root: string, prepared: Prepared, result: RunResult, previous: ScenarioMap | undefined): Promise<ScenarioMap> {
  const sources = prepared.sourceOf;
  const globs = supportGlobsOf(prepared.config, prepared.overlay);
  const built = buildScenarioMap(result, (uri) => sources.get(uri) ?? uri, [...prepared.supportFiles], globs);
  const map = await withCoverageKept(root, built, previous, globs);
  return prepared.filtered || prepared.shard ? mergeScenarioMap(previous, map, prepared.wholeFiles) : map;
}

async function withCoverageKept(root: string, map: ScenarioMap, previous: ScenarioMap | undefined, globs: string[]): Promise<ScenarioMap> {
  const before = new Map((previous?.scenarios ?? []).filter((s) => s.covered && !s.incomplete && s.stamp).map((s) => [s.id, s]));
  if (before.size === 0 || map.scenarios.every((s) => s.covered)) return map;
  const support = await supportState(root, globs);
  const stamps = new Map<string, string>();
  const stamp = (file: string) => stamps.get(file) ?? stamps.set(file, stampOf(root, file, support)).get(file)!;
  const scenarios = map.scenarios.map((s) => {
    const then = before.get(s.id);
    return s.covered || !then || then.stamp !== stamp(s.file) ? s : { ...s, covered: then.covered };
  });
  return { ...map, scenarios };
}
