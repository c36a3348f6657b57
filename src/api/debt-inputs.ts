import { existsSync } from 'node:fs';
import path from 'node:path';
import { measureAckDebt, NO_ACK } from '../debt/ack-debt.js';
import type { ProjectFiles } from '../debt/ack-files.js';
import { NO_LINE_RECORD } from '../debt/line-debt.js';
import { measureLineDebt, type LineDebt } from '../debt/measure-lines.js';
import type { AckInput, CoverageInput, Measured } from '../debt/measure.js';
import { ACK_FILE } from '../debt/ack-store.js';
import { loadScenarioMap } from '../impact/scenario-map.js';

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

/** The change since the last `spec ack` (debt/ack-debt.ts), with the whole `unreviewed` is a share of. */
export async function ackInput(root: string, listed: Promise<ProjectFiles> | undefined, lines: Lines): Promise<Measured<AckInput>> {
  if (!listed || !existsSync(path.join(root, ACK_FILE))) return { because: NO_ACK };
  try {
    const [files, map] = await Promise.all([listed, loadScenarioMap(root)]);
    const [debt, measured] = await Promise.all([measureAckDebt(root, files, map), lines]);
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
      },
    };
  } catch (error) {
    return { because: `the reviewed state could not be compared: ${messageOf(error)}` };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

