import path from 'node:path';
import type { ScenarioMap } from '../impact/scenario-map.js';
import { sharedSupportFiles } from '../impact/support-kind.js';
import { hashText, kindsOf, readAll, type AckKind, type ProjectFiles } from './ack-files.js';
import { ackedText, loadAck, type Ack } from './ack-store.js';
import { pairRenames } from './ack-renames.js';
import { lineChanges, weighLines } from './line-diff.js';
import type { Figure } from './model.js';

/*
 * The ack-based figures: what changed since the reviewed baseline (`spec ack`), measured by a line
 * diff of each file against its acked text. Definitions (also in the README):
 * - unreviewed: Σ over source lines added or changed (non-blank) of the line's weight, the own
 *   cognitive complexity of the innermost function holding it, at least 1 (1 outside functions).
 * - drift: specs unchanged, whose step files are unchanged, whose traced source changed.
 * - selfGraded: specs whose traced source changed while the spec or a step file it binds to changed too
 *   (a spec new since the ack counts as changed).
 * - specChurnRatio: 100 × spec lines added+removed ÷ source lines added+removed.
 * Traced = the files the spec's scenarios executed (scenario map, coverage on); for a spec whose
 * scenarios ran without coverage, the step files they bound to, the support files every scenario
 * runs with (the World, hooks, parameter types: as --changed and watch treat them), and every
 * project file those import.
 */

export const NO_ACK = 'no ack yet: run spec ack';

export type FileChange = 'added' | 'changed' | 'removed';

/** One file that differs from the ack. */
export interface ChangedFile {
  file: string;
  kind: AckKind;
  change: FileChange;
  /** Lines added or changed (current text, 1-based, non-blank). */
  lines: number[];
  added: number;
  removed: number;
  /** Weighted lines (sources only; 0 for specs and steps). */
  unreviewed: number;
  /** A file of the ack gone now whose text this one mostly keeps (a rename): diffed against it. */
  renamedFrom?: string;
}

export interface SpecTrace {
  spec: string;
  /** Project files its scenarios executed (or bind to, without coverage), sorted. */
  traced: string[];
  /** The source files among them that changed since the ack. */
  changedCode: string[];
  /** The spec or one of the step files it binds to changed since the ack (or the spec is new). */
  oracleChanged: boolean;
  /** SpecDebt's `drift`: the changed traced source when the spec and its steps did not change, else []. */
  drift: string[];
  /** SpecDebt's `selfGraded`: traced source changed and so did the spec or its steps. */
  selfGraded: boolean;
}

export interface AckDebt {
  ack: Pick<Ack, 'at' | 'message' | 'commit'> | null;
  figures: { unreviewed: Figure; drift: Figure; selfGraded: Figure; specChurnRatio: Figure };
  /** Every spec, step and source file that differs from the ack; sources by unreviewed, largest first. */
  changed: ChangedFile[];
  /** Specs whose traced code changed (drifted or self-graded), and specs the scenario map knows. */
  specs: SpecTrace[];
}

const nothing = (because: string): Figure => ({ value: null, because });

/**
 * Measures the ack-based figures of the project now. `files` is what the project holds by kind
 * (debt/ack-files.ts `projectFiles`); `map` the scenario map in .spec/ (undefined: no run yet, so
 * no spec traces anything and drift and selfGraded are 0 over what is known, said in `because`).
 */
export async function measureAckDebt(root: string, files: ProjectFiles, map: ScenarioMap | undefined): Promise<AckDebt> {
  return traceSinceAck(root, files, await diffSinceAck(root, files), map);
}

/** The ack and every file that differs from it: the part of measureAckDebt no run changes, begun before the run. */
export interface SinceAck {
  ack: Ack | null;
  changed: ChangedFile[];
  missing: string[];
}

export async function diffSinceAck(root: string, files: ProjectFiles): Promise<SinceAck> {
  const ack = await loadAck(root);
  return ack ? { ack, ...(await diffAgainstAck(root, ack, files)) } : { ack: null, changed: [], missing: [] };
}

/** The ack-based figures from the diff and the scenario map that says which code each spec traces (a run's own, once it ran). */
export async function traceSinceAck(root: string, files: ProjectFiles, { ack, changed, missing }: SinceAck, map: ScenarioMap | undefined): Promise<AckDebt> {
  if (!ack) return { ack: null, figures: { unreviewed: nothing(NO_ACK), drift: nothing(NO_ACK), selfGraded: nothing(NO_ACK), specChurnRatio: nothing(NO_ACK) }, changed: [], specs: [] };
  const specs = await traceSpecs(root, map, changed, files);
  return { ack: { at: ack.at, message: ack.message, commit: ack.commit }, figures: figuresOf(changed, specs, missing, map), changed, specs };
}

/** Every file whose content hash differs from the ack's, with its line diff. */
export async function diffAgainstAck(root: string, ack: Ack, files: ProjectFiles): Promise<{ changed: ChangedFile[]; missing: string[] }> {
  const kinds = kindsOf(files);
  const texts = await readAll(root, [...kinds.keys()]);
  const paths = [...new Set([...kinds.keys(), ...Object.keys(ack.files)])].sort();
  const missing: string[] = [];
  const changed: ChangedFile[] = [];
  const wholly = new Map<string, string>();
  for (const file of paths) {
    const now = texts.get(file);
    const then = ack.files[file];
    if (now !== undefined && then && hashText(now) === then.hash) continue;
    if (now === undefined && !then) continue;
    const before = then ? await ackedText(root, then.hash) : undefined;
    if (then && before === undefined) missing.push(file);
    const kind = kinds.get(file) ?? then!.kind;
    const diff = lineChanges(before, now);
    const unreviewed = kind === 'source' && now !== undefined ? weighLines(file, now, diff.added) : 0;
    changed.push({ file, kind, change: !then ? 'added' : now === undefined ? 'removed' : 'changed', lines: diff.added, added: diff.addedCount, removed: diff.removedCount, unreviewed });
    if (!then || now === undefined) wholly.set(file, (now ?? before) ?? '');
  }
  pairRenames(changed, wholly);
  changed.sort((a, b) => b.unreviewed - a.unreviewed || b.added + b.removed - (a.added + a.removed) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)); // not localeCompare: its first call loads ICU (≈ 25 ms)
  return { changed, missing };
}

async function traceSpecs(root: string, map: ScenarioMap | undefined, changed: ChangedFile[], files: ProjectFiles): Promise<SpecTrace[]> {
  if (!map) return [];
  const byFile = new Map(changed.map((c) => [c.file, c]));
  const specs = [...new Set(map.scenarios.map((s) => s.file))].filter((f) => files.specs.includes(f)).sort();
  const importsOf = await importClosure(root, map);
  // Code reached only through `this` (the World requires lib/, the steps do not) still runs in every scenario.
  const shared = [...new Set([...map.globalSupportFiles, ...sharedSupportFiles(root, map.supportFiles)])];
  return specs.map((spec) => {
    const scenarios = map.scenarios.filter((s) => s.file === spec);
    const stepFiles = new Set(scenarios.flatMap((s) => s.stepFiles));
    const covered = scenarios.some((s) => s.covered);
    const traced = covered ? new Set(scenarios.flatMap((s) => s.covered ?? [])) : importsOf([...stepFiles, ...shared]);
    const changedCode = [...traced].filter((f) => byFile.get(f)?.kind === 'source').sort();
    const oracleChanged = byFile.has(spec) || [...stepFiles].some((f) => byFile.has(f));
    return { spec, traced: [...traced].sort(), changedCode, oracleChanged, drift: oracleChanged ? [] : changedCode, selfGraded: oracleChanged && changedCode.length > 0 };
  });
}

/** Without coverage, a spec traces its step files and what they import: the graph is built only then. */
async function importClosure(root: string, map: ScenarioMap): Promise<(stepFiles: string[]) => Set<string>> {
  if (map.scenarios.every((s) => s.covered)) return (stepFiles) => new Set(stepFiles);
  const { ImportGraph } = await import('../impact/graph.js');
  const graph = await ImportGraph.build(root, map.supportFiles.map((f) => path.join(root, f)));
  return (stepFiles) => new Set([...graph.reachableFrom(stepFiles.map((f) => path.join(root, f)))].map((f) => path.relative(root, f).split(path.sep).join('/')));
}

function figuresOf(changed: ChangedFile[], specs: SpecTrace[], missing: string[], map: ScenarioMap | undefined): AckDebt['figures'] {
  const lost = missing.length ? `the reviewed text of ${missing.join(', ')} is missing from .spec/ack/: run spec ack again` : undefined;
  const sources = changed.filter((c) => c.kind === 'source');
  const codeLines = sources.reduce((n, c) => n + c.added + c.removed, 0);
  const specLines = changed.filter((c) => c.kind === 'spec').reduce((n, c) => n + c.added + c.removed, 0);
  const traced = map ? undefined : 'no run recorded which code the specs trace: run spec verify';
  return {
    unreviewed: lost ? nothing(lost) : { value: sources.reduce((n, c) => n + c.unreviewed, 0) },
    drift: traced ? nothing(traced) : { value: specs.filter((s) => s.drift.length).length },
    selfGraded: traced ? nothing(traced) : { value: specs.filter((s) => s.selfGraded).length },
    specChurnRatio: lost ? nothing(lost) : codeLines === 0 ? nothing('no source line changed since the ack') : { value: Math.round((100 * specLines * 100) / codeLines) / 100 },
  };
}
