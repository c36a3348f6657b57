import { existsSync } from 'node:fs';
import path from 'node:path';
import { diffSinceAck, NO_ACK, traceSinceAck, type SinceAck } from '../debt/ack-debt.js';
import type { ProjectFiles } from '../debt/ack-files.js';
import { NO_LINE_RECORD } from '../debt/line-debt.js';
import { measureLineDebt, type LineDebt } from '../debt/measure-lines.js';
import type { AckInput, CoverageInput, Measured } from '../debt/measure.js';
import { ACK_FILE } from '../debt/ack-store.js';
import { loadScenarioMap, type ScenarioMap } from '../impact/scenario-map.js';

// The debt figures a run does not measure itself: the lines the last full coverage run recorded
// (debt/measure-lines.ts) and the change since the last `spec ack` (debt/ack-debt.ts), in the
// shapes debt/measure.ts takes.

export type Lines = Promise<LineDebt | { because: string }>;

/** The line figures against `files`, or why there are none; `staleShapes: false` leaves files changed since the record unparsed (measure-lines.ts). */
export function measureLines(root: string, globs: { specs: string[]; steps: string[] }, files: Promise<ProjectFiles>, staleShapes = true): Lines {
  return files.then((listed) => measureLineDebt(root, { ...globs, staleShapes }, listed)).catch((error: unknown) => ({ because: `the source files could not be measured: ${messageOf(error)}` }));
}

/** The last line-coverage record against the files as they are now (debt/measure-lines.ts). */
export async function coverageInput(lines: Lines): Promise<Measured<CoverageInput>> {
  const measured = await lines;
  if ('because' in measured) return measured;
  if (measured.recordedAt === undefined) return { because: NO_LINE_RECORD };
  return { value: { recordedAt: measured.recordedAt, files: measured.files, stale: measured.stale, ranAsBuild: measured.ranAsBuild } };
}

/** The change since the last `spec ack` given the scenario map that traces the specs: `map` undefined, no run recorded one. */
export type AckTrace = (map: ScenarioMap | undefined) => Promise<Measured<AckInput>>;

/**
 * The change since the last `spec ack` (debt/ack-debt.ts), with the whole `unreviewed` is a share
 * of. The diff against the ack begins now; `early` traces the specs by the scenario map in .spec/
 * (`before`: the run before's, read now, before this run records its own), and `trace` by another:
 * a run's own, since a spec traces what its scenarios ran this time (a spec added since the run
 * before traces nothing in its map).
 */
export function ackInputs(root: string, listed: Promise<ProjectFiles> | undefined, lines: Lines): { early: Promise<Measured<AckInput>>; trace: AckTrace; before: Promise<ScenarioMap | undefined> } {
  if (!listed || !existsSync(path.join(root, ACK_FILE))) {
    const none = Promise.resolve({ because: NO_ACK });
    return { early: none, trace: () => none, before: Promise.resolve(undefined) };
  }
  const since = listed.then((files) => diffSinceAck(root, files));
  // Awaited by a trace; a failed read is that trace's `because`, never an unhandled rejection.
  since.catch(() => undefined);
  const onDisk = loadScenarioMap(root);
  const traced = new Map<string, Promise<Measured<AckInput>>>();
  const trace: AckTrace = (map) => {
    const key = traceKey(map);
    if (!traced.has(key)) traced.set(key, ackInput(root, listed, since, map, lines));
    return traced.get(key)!;
  };
  return { early: onDisk.then(trace), trace, before: onDisk };
}

/** What traceSpecs reads of a map: two maps with one key trace every spec alike. */
function traceKey(map: ScenarioMap | undefined): string {
  if (!map) return '';
  const bySpec = new Map<string, { steps: Set<string>; covered: Set<string> | undefined }>();
  for (const s of map.scenarios) {
    const spec = bySpec.get(s.file) ?? { steps: new Set<string>(), covered: undefined };
    bySpec.set(s.file, spec);
    for (const f of s.stepFiles) spec.steps.add(f);
    if (s.covered) for (const f of s.covered) (spec.covered ??= new Set()).add(f);
  }
  const specs = [...bySpec].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([file, s]) => [file, [...s.steps].sort(), s.covered ? [...s.covered].sort() : null]);
  const covered = map.scenarios.every((s) => s.covered);
  return JSON.stringify([specs, covered, [...map.globalSupportFiles].sort(), [...map.supportFiles].sort()]);
}

async function ackInput(root: string, listed: Promise<ProjectFiles>, since: Promise<SinceAck>, map: ScenarioMap | undefined, lines: Lines): Promise<Measured<AckInput>> {
  try {
    const files = await listed;
    const [debt, measured] = await Promise.all([traceSinceAck(root, files, await since, map), lines]);
    if (!debt.ack) return { because: debt.figures.unreviewed.because ?? NO_ACK };
    const { unreviewed, specChurnRatio } = debt.figures;
    if (unreviewed.value === null) return { because: unreviewed.because ?? NO_ACK };
    if ('because' in measured) return measured;
    if (measured.weightedLines === null) return { because: 'a file changed since the line-coverage run was not measured' };
    const sources = debt.changed.filter((c) => c.kind === 'source' && c.unreviewed > 0);
    return {
      value: {
        ackAt: debt.ack.at,
        unreviewedByFile: Object.fromEntries(sources.map((c) => [c.file, c.unreviewed])),
        weightedTotal: measured.weightedLines,
        drift: Object.fromEntries(debt.specs.filter((t) => t.drift.length > 0).map((t) => [t.spec, t.drift])),
        selfGraded: debt.specs.filter((t) => t.selfGraded).map((t) => t.spec),
        specChurnRatio: specChurnRatio.value,
        ...(debt.figures.drift.value === null ? { untraced: debt.figures.drift.because ?? 'no run recorded which code the specs trace' } : {}),
      },
    };
  } catch (error) {
    return { because: `the reviewed state could not be compared: ${messageOf(error)}` };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

