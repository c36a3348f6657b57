import type { RunResult } from '../core/run-result.js';
import type { ScenarioMap } from './scenario-map.js';

/** What a run leaves for the scenario map. */
export interface RanForMap {
  result: RunResult | undefined;
  sourceOf: (uri: string) => string;
  /** Every step and support file the run loaded, project-relative. */
  supportFiles: string[];
  /** The globs those came from: a new file matching them may define steps. */
  supportGlobs: string[];
  /** Spec files the run covered in full: the map may drop their vanished scenarios. */
  wholeFiles: string[];
  /** When the run started: files written since get no binding stamp. */
  verdict?: { startedAt: string };
  /** The configured tags and names the run ran under (suiteScope). */
  scope?: string;
}

/**
 * Every run teaches the scenario map which step files each scenario binds to (for --changed and
 * watch). A partial run is merged into the map on disk under its lock, so another run meanwhile
 * keeps its part. Returns the map as recorded; when writing fails (the map is a cache: that must
 * not fail the run), the map as it would have been, from `previous`. Nothing ran: undefined.
 */
export async function recordRunMap(root: string, ran: RanForMap, partial: boolean, previous?: ScenarioMap): Promise<ScenarioMap | undefined> {
  if (!ran.result) return undefined;
  const { buildScenarioMap, mergeScenarioMap, recordScenarioMap } = await import('./scenario-map.js');
  const built = buildScenarioMap(ran.result, ran.sourceOf, ran.supportFiles, ran.supportGlobs);
  const next = await stamped(root, ran.scope === undefined ? built : { ...built, scope: ran.scope }, ran.supportGlobs, Date.parse(ran.verdict?.startedAt ?? ''));
  return recordScenarioMap(root, next, partial, ran.wholeFiles).catch(() => (partial ? mergeScenarioMap(previous, next, ran.wholeFiles) : next));
}

/** Each scenario stamped with the texts its binding came from (binding-stamp.ts); none when the start is unknown. */
async function stamped(root: string, map: ScenarioMap, globs: string[], startedAt: number): Promise<ScenarioMap> {
  if (!Number.isFinite(startedAt)) return map;
  const { stampsOf, supportState } = await import('./binding-stamp.js');
  const stamps = await stampsOf(root, map.scenarios.map((s) => s.file), await supportState(root, globs), startedAt);
  return { ...map, scenarios: map.scenarios.map((s) => (stamps.has(s.file) ? { ...s, stamp: stamps.get(s.file)! } : s)) };
}

/**
 * With coverage on: after a run of every scenario, the covered files as it ran them, for the next
 * --changed to compare with; after a partial run, covered files whose text moved on lose theirs.
 */
export async function recordCoverageBaseline(root: string, result: RunResult, startedAt: Date, whole: boolean): Promise<void> {
  const { forgetMoved, recordBaseline } = await import('./baseline.js');
  const covered = new Set(result.scenarios.flatMap((s) => s.covered ?? []));
  await (whole ? recordBaseline(root, covered, startedAt.getTime()) : forgetMoved(root, covered)).catch(() => undefined);
}

/** The configured filter a run's suite is under, as one comparable text ('' when none). */
export function suiteScope(tags: string, names: readonly string[]): string {
  return [tags, ...names.map((n) => `name ${n}`)].filter(Boolean).join('; ');
}
