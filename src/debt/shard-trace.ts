import type { ScenarioMap } from '../impact/scenario-map.js';
import { sharedSupportFiles } from '../impact/support-kind.js';
import type { SpecsRan } from './shard-debt.js';

// What spec merge traces drift and selfGraded by: the shards' own record of each spec they ran and
// the files its scenarios traced (shard-debt.ts), not a scenario map in the merge's checkout — a
// CI merge job has none, and one an earlier run left knows nothing of a spec added since.

/**
 * The specs the shards ran as a scenario map, one entry a spec. With line coverage in every shard
 * (`covered`), their traced files are what ran; else they are step and support files, whose
 * imports debt/ack-debt.ts follows, as for any run without coverage.
 */
export function mapOfShares(root: string, specs: SpecsRan, supportFiles: string[], covered: boolean): ScenarioMap {
  const shared = new Set(sharedSupportFiles(root, supportFiles));
  const steps = new Set(supportFiles.filter((f) => !shared.has(f)));
  const scenarios = [...specs].map(([file, s]) => ({ id: file, file, line: 0, stepFiles: s.traced.filter((f) => steps.has(f)), ...(covered ? { covered: s.traced } : {}) }));
  return { version: 1, scenarios, globalSupportFiles: [], supportFiles };
}
