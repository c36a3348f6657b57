import type { ScenarioMap } from './scenario-map.js';
import type { Selection } from './select.js';
import { sharedSupportFiles } from './support-kind.js';

/**
 * The step and support files a selection needs, from the map of the runs that recorded it: the
 * step files its scenarios bound to, plus hooks, parameter types and shared support (watch's rule,
 * for a runner that re-reads its support code each pass). Undefined — load them all — when every
 * scenario runs, no map exists, or a selected id is not in the map (a changed spec may bind anywhere).
 */
export function stepFilesOfSelection(root: string, map: ScenarioMap | undefined, selection: Selection): string[] | undefined {
  if (selection.all || !map) return undefined;
  const ids = new Set(selection.paths);
  const entries = map.scenarios.filter((s) => ids.has(s.id));
  if (entries.length < ids.size) return undefined;
  return [...new Set([...entries.flatMap((s) => s.stepFiles), ...map.globalSupportFiles, ...sharedSupportFiles(root, map.supportFiles)])];
}
