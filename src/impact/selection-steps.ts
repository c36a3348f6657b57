import type { ScenarioMap } from './scenario-map.js';
import type { Selection } from './select.js';
import { sharedSupportFiles } from './support-kind.js';
import { stampOf, type SupportState } from './binding-stamp.js';

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

/**
 * The step and support files a shard's scenarios need, from the map: their recorded step files
 * plus every support file that is not steps-only (World, hooks, parameter types, side effects).
 * Undefined — load them all — unless every scenario is in the map with the stamp its spec and the
 * support code have now (binding-stamp.ts), and every recorded step file is still a support file
 * (a definition registered from a module the globs do not match is not a file we can pick).
 */
export async function stepFilesOfShard(root: string, map: ScenarioMap | undefined, ids: readonly string[], support: SupportState): Promise<string[] | undefined> {
  if (!map || ids.length === 0) return undefined;
  const byId = new Map(map.scenarios.map((s) => [s.id, s]));
  const stamps = new Map<string, string>();
  const files = new Set(support.files);
  const stepFiles = new Set<string>();
  for (const id of ids) {
    const entry = byId.get(id);
    if (!entry?.stamp) return undefined;
    if (!stamps.has(entry.file)) stamps.set(entry.file, stampOf(root, entry.file, support));
    if (stamps.get(entry.file) !== entry.stamp || !entry.stepFiles.every((f) => files.has(f))) return undefined;
    for (const f of entry.stepFiles) stepFiles.add(f);
  }
  return [...new Set([...stepFiles, ...map.globalSupportFiles, ...sharedSupportFiles(root, support.files)])];
}
