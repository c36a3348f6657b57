import path from 'node:path';
import { placeBuildChanges } from './build-output.js';
import { readTextIfExists } from '../core/fs.js';
import type { ImportGraph } from './graph.js';
import type { ScenarioMap } from './scenario-map.js';
import { unplacedLinkedChange } from './linked-change.js';
import { addReaders, readWhileLoading } from './reads.js';
import { gainedStepPattern } from './step-patterns.js';
import { dedupe, unique, wholeFilesWin } from './selection-output.js';
import { looksLikeSupport } from './support-kind.js';

export interface SelectionInput {
  root: string;
  /** Project-relative paths created, edited or deleted. */
  changed: string[];
  map: ScenarioMap | undefined;
  graph: ImportGraph | undefined;
  /** The current spec files, project-relative. */
  specFiles: string[];
  /**
   * Whether an edited file changed only inside function bodies (see body-edit.ts). With the map's
   * coverage, such an edit reaches exactly the scenarios that ran code in the file.
   */
  bodyOnly?: (file: string) => boolean;
  /** A project file's text (default: read from disk), to find step files that also register a World. */
  readText?: (file: string) => string | undefined;
  /** Support files every run loads because they do more than define steps (World, hooks, setup), project-relative. */
  sharedSupport?: string[];
}

export interface Selection {
  all: boolean;
  /** Whole spec files or file:line entries to run; empty with `all`. */
  paths: string[];
  reasons: { target: string; because: string }[];
  triggers: string[];
}

/** Root config, and tsconfig/package.json at any depth (the nearest one decides how a file loads). */
const CONFIG = /^(spec\.config\.[cm]?[jt]s|spec\.config\.json|cucumber\.(js|cjs|mjs|json|ya?ml))$|(^|\/)(package\.json|tsconfig[^/]*\.json)$/;
const SPEC = /\.(feature|feature\.md|md)$/;

/** A change to it can change how every file loads or runs: every scenario runs, and watch starts a fresh runner. */
export function isConfigFile(file: string): boolean {
  return CONFIG.test(file);
}

/**
 * Which scenarios an edit reaches (issue 3's rules): config → all; a spec → its scenarios; a step
 * file → the scenarios bound to it; a source module → the scenarios whose step files import it.
 */
export function selectScenarios(input: SelectionInput): Selection {
  const { changed, map } = input;
  const everything = (because: string, trigger: string): Selection => ({ all: true, paths: [], reasons: [{ target: 'every scenario', because: `${trigger} ${because}` }], triggers: changed });
  const config = changed.find(isConfigFile);
  if (config) return everything('changed (configuration)', config);
  if (!map) return everything('changed, and no scenario map exists yet', changed[0] ?? 'a file');
  const global = changed.find((f) => map.globalSupportFiles.includes(f));
  if (global) return everything('changed (it defines hooks or parameter types)', global);
  const loadRead = readWhileLoading(changed.filter((f) => !input.specFiles.includes(f)), map);
  if (loadRead) return everything(loadRead.because, loadRead.file);
  const shared = reachedSharedSupport(input);
  if (shared) return everything(shared.via === shared.file ? 'changed (support code every scenario loads: World, hooks or setup)' : `changed (it reaches ${shared.via}, support code every scenario loads)`, shared.file);
  const built = placeBuildChanges(input.changed, input.root, input.graph, map);
  if (built.unplaced) return everything('changed (build output the suite may load, and nothing places it or its source)', built.unplaced);
  input = { ...input, changed: built.changed };
  const unplaced = unplacedLinkedChange(input.changed, input.root, input.graph, map);
  if (unplaced) return everything('changed outside the project folder, and neither imports nor coverage place it', unplaced);
  const reasons: Selection['reasons'] = [];
  const add = (target: string, because: string) => reasons.push({ target, because });
  const specs = new Set(input.specFiles);
  for (const file of input.changed) {
    if (SPEC.test(file) && (specs.has(file) || map.scenarios.some((s) => s.file === file))) {
      if (specs.has(file)) add(file, `${file} changed`);
      continue;
    }
    const bound = map.scenarios.filter((s) => s.stepFiles.includes(file));
    if (bound.length) for (const s of bound) add(s.id, `step file ${file} changed`);
    else if (map.supportFiles.includes(file) === false && looksLikeSupport(file, map)) return everything('is a step or support file no run has loaded yet (it may define steps for undefined ones)', file);
  }
  const gained = gainedStepPattern(changed, map, input.root, input.readText);
  if (gained) return everything(gained.because, gained.file);
  addReachedThroughCode(input, add);
  addReaders(input.changed.filter((f) => !input.specFiles.includes(f) && !isConfigFile(f)), map, (f) => input.graph?.has(path.join(input.root, f)) ?? false, add);
  return { all: false, paths: wholeFilesWin(unique(reasons.map((r) => r.target))), reasons: dedupe(reasons), triggers: changed };
}

/**
 * Scenarios a changed code file reaches: those whose step files import it (transitively), those
 * whose recorded coverage ran code in it (which also finds computed imports), and every scenario
 * when it reaches a support file every scenario loads (a World registered in a file of its own,
 * which step files import only as a type). When the edit stayed inside function bodies and nothing
 * in the file ran at load time, coverage alone decides for every scenario whose coverage can be
 * trusted: a scenario that never called into the file cannot change.
 */
function addReachedThroughCode(input: SelectionInput, add: (target: string, because: string) => void): void {
  const { graph, map, root } = input;
  if (!map) return;
  const loadActive = new Set(map.loadActive ?? []);
  const shared = loadedByEveryScenario(map, graph, root, input.readText ?? ((f) => readTextIfExists(path.join(root, f))));
  for (const file of input.changed) {
    // Support files count too: a helper beside the step files reaches scenarios only through them.
    if (SPEC.test(file)) continue;
    const affected = graph?.affectedBy([path.join(root, file)]) ?? new Set<string>([path.join(root, file)]);
    const exact = map.loadActive !== undefined && !loadActive.has(file) && input.bodyOnly?.(file) === true;
    const viaShared = shared.find((s) => affected.has(path.join(root, s)));
    for (const scenario of map.scenarios) {
      if (scenario.covered?.includes(file)) {
        add(scenario.id, `${file} changed (its code ran in this scenario)`);
        continue;
      }
      if (exact && trustedCoverage(scenario)) continue;
      const via = scenario.stepFiles.find((s) => affected.has(path.join(root, s)));
      if (via) add(scenario.id, `${file} changed (reached through ${via})`);
      else if (viaShared) add(scenario.id, `${file} changed (reached through ${viaShared}, which every scenario loads)`);
    }
  }
}

/**
 * Support files every scenario runs with, beyond its own step files: those defining hooks or
 * parameter types, and those defining no step a scenario used that either register something with
 * cucumber (a World class in a file of its own, which step files import only as a type) or that
 * no file imports (loaded for their side effects alone), and step files that also register a World.
 * What they import reaches every scenario. A helper the step files import is not one: it reaches
 * the scenarios through them.
 */
function loadedByEveryScenario(map: ScenarioMap, graph: ImportGraph | undefined, root: string, readText: (file: string) => string | undefined): string[] {
  const stepFiles = new Set(map.scenarios.flatMap((s) => s.stepFiles));
  const registers = (file: string) => {
    const abs = path.join(root, file);
    if (!graph?.has(abs)) return true;
    return graph.externalsOf(abs).includes('@cucumber/cucumber') || graph.dependentsOf(abs).length === 0;
  };
  const setsWorld = (file: string) => WORLD.test(readText(file) ?? '');
  return [...new Set([...map.globalSupportFiles, ...map.supportFiles.filter((f) => (stepFiles.has(f) ? setsWorld(f) : registers(f)))])];
}

const WORLD = /\bsetWorldConstructor\s*\(/;

/**
 * Coverage may rule a scenario out only when it saw the whole scenario: recorded by a run where the
 * scenario passed (a failed one stopped early, before the code it would run next), and naming the
 * scenario's own step files (else coverage did not map this project's files).
 */
function trustedCoverage(scenario: ScenarioMap['scenarios'][number]): boolean {
  const covered = scenario.covered;
  return covered !== undefined && scenario.incomplete !== true && scenario.stepFiles.every((f) => covered.includes(f));
}

/**
 * A changed file that is, or reaches through the import graph, support code every scenario runs
 * with (a World registered in its own file, hooks, setup): no step file imports it, so only this
 * finds it. A body-only edit that coverage can judge (nothing in it ran at load) is left to coverage.
 */
function reachedSharedSupport(input: SelectionInput): { file: string; via: string } | undefined {
  const { graph, map, root } = input;
  const shared = [...new Set([...(input.sharedSupport ?? []), ...(map?.globalSupportFiles ?? [])])];
  if (!map || shared.length === 0) return undefined;
  const loadActive = new Set(map.loadActive ?? []);
  for (const file of input.changed) {
    if (SPEC.test(file)) continue;
    if (map.loadActive !== undefined && !loadActive.has(file) && input.bodyOnly?.(file) === true) continue;
    const affected = graph?.affectedBy([path.join(root, file)]) ?? new Set([path.join(root, file)]);
    const via = shared.find((s) => s === file || affected.has(path.join(root, s)));
    if (via) return { file, via };
  }
  return undefined;
}
