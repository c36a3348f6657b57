import path from 'node:path';
import { SpecloopError, type SpecProblem } from '../core/errors.js';
import { readTextIfExists } from '../core/fs.js';
import { linkedPackageOf } from '../core/linked-packages.js';
import { discoverSpecs } from '../spec/discover.js';
import { loadGraph, saveGraph } from './cache.js';
import type { ImportGraph } from './graph.js';
import { isBuildOutput } from './build-output.js';
import { heldGraph, isHeld, keepGraph } from './held-graph.js';
import { codeFiles, isCode, isIgnored } from './project-files.js';
import { loadScenarioMap, type ScenarioMap } from './scenario-map.js';
import { selectScenarios, type Selection, type SelectionInput } from './select.js';
import { staleBuilds } from './stale-build.js';
import { sharedSupportFiles } from './support-kind.js';

/**
 * Changed files → the scenarios they reach: the one selection both `--changed` and every watch
 * pass make (the map recorded by earlier runs + the import graph + what every scenario loads).
 */
export function selectForChanges(input: Omit<SelectionInput, 'sharedSupport' | 'readText'>): Selection {
  const sharedSupport = input.map ? sharedSupportFiles(input.root, input.map.supportFiles) : [];
  return selectScenarios({ ...input, sharedSupport });
}

/** The project's import graph, from the disk cache: only files whose size or mtime changed since it was written are parsed. */
export async function loadProjectGraph(root: string): Promise<ImportGraph> {
  return loadGraph(root, undefined, { files: await codeFiles(root) });
}

/**
 * Which of `files` differ only inside function bodies from the text a run last ran (`before`).
 * A file with no earlier text, or gone now, is not a body-only edit: it selects the wide way.
 */
export async function bodyOnlyEdits(files: string[], before: (file: string) => string | undefined, now: (file: string) => string | undefined): Promise<(file: string) => boolean> {
  const known = files.filter((file) => before(file) !== undefined);
  if (known.length === 0) return () => false;
  const { isBodyOnlyEdit } = await import('./body-edit.js');
  const exact = new Set<string>();
  for (const file of known) {
    const text = now(file);
    if (text !== undefined && isBodyOnlyEdit(before(file)!, text, file)) exact.add(file);
  }
  return (file) => exact.has(file);
}

export interface ChangedRequest {
  root: string;
  specGlobs: string[];
  /** Paths the command was given: --changed refuses them (it selects the scenarios itself). */
  paths: string[] | undefined;
  /** Compare with this git revision instead of the uncommitted changes. */
  since: string | undefined;
  /** Files known to have changed besides what git reports (absolute or project-relative). */
  changedFiles: string[] | undefined;
  /** Files the run writes itself (the profile's reports), absolute: never a reason to run. */
  outputs: string[];
  /** The configured tags and names this run's suite is under (record.ts suiteScope). */
  scope?: string;
}

/** --changed: git's changed files → the scenarios they reach, and problems that keep the run from checking the change (a stale build). */
export async function selectChanged(request: ChangedRequest): Promise<Selection & { problems: SpecProblem[] }> {
  const { root } = request;
  if (request.paths?.length) {
    throw new SpecloopError({ code: 'SPEC_USAGE', message: '--changed selects the scenarios itself: give it no paths', hint: 'drop the paths, or drop --changed' });
  }
  const { changedFiles } = await import('./git.js');
  // specloop's own output (.spec/), the reports the last run wrote and dependencies are never a reason to run anything.
  const own = new Set(request.outputs);
  const told = (request.changedFiles ?? []).map((f) => path.relative(root, path.resolve(root, f)).split(path.sep).join('/')).filter((f) => f !== '' && f !== '..' && (!f.startsWith('../') || linkedPackageOf(root, path.resolve(root, f)) !== undefined) && !path.isAbsolute(f));
  const changed = [...new Set([...(await changedFiles(root, request.since)), ...told])].filter((f) => (!isIgnored(root, path.join(root, f)) || isBuildOutput(f)) && !own.has(path.join(root, f)));
  const [map, graph, specs] = await Promise.all([loadScenarioMap(root), heldGraph(root, changed) ?? loadProjectGraph(root), discoverSpecs(root, request.specGlobs, [])]);
  // A held graph is written when its holder lets go of it; otherwise the cache is this run's to update.
  if (isHeld(root)) keepGraph(root, graph);
  else await saveGraph(graph).catch(() => undefined);
  const baseline = map?.loadActive ? await (await import('./baseline.js')).loadBaseline(root) : {};
  const bodyOnly = map?.loadActive ? await bodyOnlyEdits(changed.filter(isCode), (file) => baseline[file], (file) => readTextIfExists(path.join(root, file))) : undefined;
  const specFiles = new Set(specs.files);
  // The map remembers spec files deleted since it was recorded: their scenarios are no longer the suite's to run.
  const selection = narrowSelection(selectForChanges({ root, changed, map, graph, specFiles: specs.files, bodyOnly }), (file) => specFiles.has(file));
  return { ...(otherScope(map, request.scope, selection, specFiles) ?? selection), problems: staleBuilds(root, changed, graph) };
}

/**
 * A map recorded under a configured filter other than this run's (another profile's tags) never saw
 * the scenarios that filter left out: silence about them is no "not reached", so an edit to code, or
 * one that reaches a scenario, runs every scenario until a full run under this filter records them. A map recorded
 * with no filter knows every scenario.
 */
function otherScope(map: ScenarioMap | undefined, scope: string | undefined, selection: Selection, specFiles: Set<string>): Selection | undefined {
  if (!map?.scope || scope === undefined || map.scope === scope || selection.all) return undefined;
  const changed = selection.triggers;
  const trigger = changed.find((f) => !specFiles.has(f) && (isCode(f) || selection.paths.length > 0));
  if (trigger === undefined) return undefined;
  return { all: true, paths: [], reasons: [{ target: 'every scenario', because: `${trigger} changed, and the scenario map was recorded under another filter (${map.scope}), which left scenarios of this run out` }], triggers: changed };
}

/** A selection narrowed to the spec files `keep` accepts (its whole files and file:line entries alike). */
export function narrowSelection(selection: Selection, keep: (specFile: string) => boolean): Selection {
  if (selection.all) return selection;
  const kept = (target: string) => keep(target.replace(/:\d+$/, ''));
  return { ...selection, paths: selection.paths.filter(kept), reasons: selection.reasons.filter((r) => kept(r.target)) };
}
