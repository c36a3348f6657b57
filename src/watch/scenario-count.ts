import type { ScenarioMap } from '../impact/scenario-map.js';
import type { Selection } from '../impact/select.js';
import { compileSpecs } from '../spec/compile.js';
import { compilePickles } from '../spec/gherkin.js';
import type { WatchOptions } from './types.js';

/**
 * How many scenarios a selection holds: a whole spec file counts its scenarios, not 1 (from the
 * scenario map, or parsed afresh when the edit was to that file). Unknown under --tags/--name,
 * which cucumber applies to a file's scenarios later.
 */
export async function scenarioCount(root: string, options: WatchOptions, map: ScenarioMap | undefined, selection: Selection, changed: string[]): Promise<{ scenarios?: number }> {
  if (selection.all) return {};
  const files = selection.paths.filter((p) => !/:\d+$/.test(p));
  if (files.length && (options.tags || options.names?.length)) return {};
  const known = map?.scenarios ?? [];
  const fresh = files.filter((f) => changed.includes(f) || !known.some((s) => s.file === f));
  const compiled = fresh.length ? await compileSpecs(root, fresh, { write: false }).catch(() => undefined) : undefined;
  if (fresh.length && (!compiled || compiled.problems.length)) return {};
  const parsed = new Map(compiled?.files.map((f) => [f.path, compilePickles(f.document, f.runPath).length]));
  let count = selection.paths.length - files.length;
  for (const file of files) count += parsed.get(file) ?? (changed.includes(file) ? 0 : known.filter((s) => s.file === file).length);
  return { scenarios: count };
}
