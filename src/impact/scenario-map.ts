import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ensureDir } from '../core/fs.js';
import type { RunResult } from '../core/run-result.js';
import type { StepStatus } from '../core/results.js';
import { preloadLock, updateLocked } from './locked-update.js';

/** One scenario and the step files its steps bound to in the run that recorded it. */
export interface ScenarioEntry {
  /** Source file:line, e.g. 'features/a.feature:12' or 'specs/x.md:30'. */
  id: string;
  file: string;
  line: number;
  stepFiles: string[];
  /** Recorded with coverage on: the project files whose code ran in this scenario. */
  covered?: string[];
  /** The project files (folders end in `/`) its code read through fs; absent when the run did not record them. */
  reads?: string[];
  /** The scenario did not pass when `covered` was recorded: it stopped early, so coverage may miss code it runs. */
  incomplete?: true;
  /** How the scenario ended in the run that recorded it (spec review shows it beside a changed spec). */
  status?: StepStatus;
  /** Its spec's and the support code's text when recorded (binding-stamp.ts): --shard trusts `stepFiles` only under the same stamp. */
  stamp?: string;
}

/** The scenario ↔ code map recorded from runs; paths are project-relative. */
export interface ScenarioMap {
  version: 1;
  scenarios: ScenarioEntry[];
  /** Files defining hooks or parameter types: they affect every scenario. */
  globalSupportFiles: string[];
  /** Every step and support file the recording run loaded. */
  supportFiles: string[];
  /** The globs the support files came from (config "steps" or the cucumber profile's). */
  supportGlobs?: string[];
  /** Per step file a run loaded, the step patterns it defined then: a pattern it gains may bind other scenarios' steps. */
  stepPatterns?: Record<string, string[]>;
  /** Recorded with coverage on: files whose functions ran while loading or in BeforeAll hooks. */
  loadActive?: string[];
  /** Data files the code read through fs while loading or in BeforeAll/AfterAll hooks: every scenario may see them. */
  loadReads?: string[];
  /** Project files the code wrote through fs: its own output, which the data-file rule does not count as an input. */
  writes?: string[];
  /** The configured tags and names of the run that recorded it ('' none): it knows nothing of the scenarios they left out. */
  scope?: string;
}

const MAP_FILE = '.spec/scenario-map.json';

export function buildScenarioMap(result: RunResult, sourceOf: (uri: string) => string, supportFiles: string[], supportGlobs?: string[]): ScenarioMap {
  const definitionFile = new Map(result.definitions.map((d) => [d.id, sourceOf(d.uri)]));
  const scenarios = result.scenarios.map((s) => {
    const file = sourceOf(s.uri);
    const stepFiles = new Set(s.steps.flatMap((step) => step.definitionIds.map((id) => definitionFile.get(id)).filter((f): f is string => f !== undefined)));
    return { id: `${file}:${s.line}`, file, line: s.line, stepFiles: [...stepFiles].sort(), status: s.status, ...(s.reads ? { reads: s.reads } : {}), ...(s.covered ? { covered: s.covered, ...(s.status === 'passed' ? {} : { incomplete: true as const }) } : {}) };
  });
  const map: ScenarioMap = { version: 1, scenarios, globalSupportFiles: result.globalSupportFiles.map(sourceOf).sort(), supportFiles: [...supportFiles].sort(), ...(supportGlobs ? { supportGlobs } : {}), stepPatterns: patternsOf(result, sourceOf) };
  const withReads = { ...map, ...(result.loadReads ? { loadReads: result.loadReads } : {}), ...(result.writes ? { writes: result.writes } : {}) };
  return result.loadActive ? { ...withReads, loadActive: result.loadActive } : withReads;
}

/**
 * A partial run replaces the scenarios it ran (by id); for `wholeFiles`, spec files it ran in full,
 * scenarios it no longer found are dropped too. Everything else is kept.
 */
export function mergeScenarioMap(previous: ScenarioMap | undefined, next: ScenarioMap, wholeFiles: string[]): ScenarioMap {
  if (!previous) return next;
  const whole = new Set(wholeFiles);
  const ran = new Set(next.scenarios.map((s) => s.id));
  const supportGlobs = next.supportGlobs ?? previous.supportGlobs;
  return {
    version: 1,
    scenarios: [...previous.scenarios.filter((s) => !ran.has(s.id) && !whole.has(s.file)), ...next.scenarios],
    globalSupportFiles: [...new Set([...previous.globalSupportFiles, ...next.globalSupportFiles])].sort(),
    supportFiles: [...new Set([...previous.supportFiles, ...next.supportFiles])].sort(),
    ...mergeLoadActive(previous, next),
    ...union(previous, next, 'loadReads'),
    ...union(previous, next, 'writes'),
    ...(supportGlobs ? { supportGlobs } : {}),
    stepPatterns: { ...omit(previous.stepPatterns ?? {}, next.supportFiles), ...next.stepPatterns },
    ...(previous.scope !== undefined ? { scope: previous.scope } : {}),
  };
}

function patternsOf(result: RunResult, sourceOf: (uri: string) => string): Record<string, string[]> {
  const byFile: Record<string, string[]> = {};
  for (const d of result.definitions) (byFile[sourceOf(d.uri)] ??= []).push(d.pattern);
  return byFile;
}

/** The files a run loaded define what it saw them define, none of it kept from before (a pattern may be gone). */
function omit(patterns: Record<string, string[]>, files: string[]): Record<string, string[]> {
  const loaded = new Set(files);
  return Object.fromEntries(Object.entries(patterns).filter(([file]) => !loaded.has(file)));
}

/** What the code read at load, or wrote, only grows: a partial run saw part of it. */
function union(previous: ScenarioMap, next: ScenarioMap, key: 'loadReads' | 'writes'): Partial<ScenarioMap> {
  if (!previous[key] && !next[key]) return {};
  return { [key]: [...new Set([...(previous[key] ?? []), ...(next[key] ?? [])])].sort() };
}

/** Load-time activity only grows (a module loaded once keeps its state); a run without coverage adds none. */
function mergeLoadActive(previous: ScenarioMap, next: ScenarioMap): Pick<ScenarioMap, 'loadActive'> {
  if (!previous.loadActive && !next.loadActive) return {};
  return { loadActive: [...new Set([...(previous.loadActive ?? []), ...(next.loadActive ?? [])])].sort() };
}

/** write-file-atomic and the lock (and signal-exit under them) cost ≈ 10 ms to load: callers start that early. */
export function preloadWriter(): Promise<unknown> {
  return Promise.all([import('write-file-atomic'), preloadLock()]);
}

/**
 * Records a run's part of the map: a partial run merges into the map on disk, read and written
 * under the map's lock so a run at the same time cannot slip its write in between and be lost.
 */
export async function recordScenarioMap(root: string, next: ScenarioMap, partial: boolean, wholeFiles: string[]): Promise<ScenarioMap> {
  return updateLocked(path.join(root, MAP_FILE), async () => {
    const map = partial ? mergeScenarioMap(await loadScenarioMap(root), next, wholeFiles) : next;
    await writeMap(root, map);
    return map;
  });
}

/** Writes the whole map (watch's own, kept in memory), under the same lock as recordScenarioMap. */
export async function saveScenarioMap(root: string, map: ScenarioMap): Promise<void> {
  await updateLocked(path.join(root, MAP_FILE), () => writeMap(root, map));
}

/** Whole or not at all: a temp file renamed over the map, so a reader never sees half of one. */
async function writeMap(root: string, map: ScenarioMap): Promise<void> {
  const target = path.join(root, MAP_FILE);
  ensureDir(path.dirname(target));
  const { default: writeFileAtomic } = await import('write-file-atomic');
  await writeFileAtomic(target, JSON.stringify(map), { fsync: false });
}

/** A missing, corrupt or older map is no map: the next run is a full one. */
export async function loadScenarioMap(root: string): Promise<ScenarioMap | undefined> {
  try {
    const map = JSON.parse(await readFile(path.join(root, MAP_FILE), 'utf8')) as ScenarioMap;
    return map.version === 1 && Array.isArray(map.scenarios) && Array.isArray(map.globalSupportFiles) && Array.isArray(map.supportFiles) ? map : undefined;
  } catch {
    return undefined;
  }
}
