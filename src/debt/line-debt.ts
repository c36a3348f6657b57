import type { FileShape } from './file-shape.js';
import type { Figure, FileDebt } from './model.js';

/** One source file as line debt reads it. */
export interface LineDebtInput {
  file: string;
  shape: FileShape;
  /** Source lines that ran in the recorded run; null: no record for the file as it is now. */
  executed: number[] | null;
  /** A Markdown spec's `covers:` claims the file. */
  claimed: boolean;
}

/** A file's share (its `unreviewed` is the ack's to fill: null here). */
export function fileLineDebt({ file, shape, executed, claimed }: LineDebtInput): FileDebt {
  const ran = executed ? new Set(executed) : undefined;
  const unspecified = ran ? shape.lines.filter((line) => !ran.has(line)) : null;
  const functions = shape.functions.map(({ own, ...fn }) => ({ ...fn, executed: ran && own.length ? own.some((line) => ran.has(line)) : null }));
  return {
    file,
    executableLines: shape.lines.length,
    unspecifiedLines: unspecified,
    declaredOnlyLines: unspecified && (claimed ? unspecified : []),
    opaqueComplexity: ran ? functions.reduce((sum, fn) => sum + (fn.executed === false ? fn.complexity : 0), 0) : null,
    unreviewed: null,
    functions,
  };
}

export const NO_LINE_RECORD = 'no line-coverage run yet: run `spec verify --coverage` (every scenario, no filter) to record which lines the scenarios execute';
/** No source file to measure lines in: specloop found no code outside the checks (steps, support, tests, tool configs). */
export const NO_SOURCES = 'no source file found: no code outside the steps, support files and tests (a workspace package the suite imports is counted when npm, pnpm or yarn links it into node_modules)';

export interface LineFigures {
  unspecified: Figure;
  declaredOnly: Figure;
  opaqueComplexity: Figure;
}

/**
 * The three figures over every file. Files changed since the recorded run are left out and named
 * in `because`, so an old number never passes for a current one.
 */
export function lineFigures(files: readonly FileDebt[], recordedAt: string | undefined, staleFiles?: readonly string[], ranAsBuild: readonly { file: string; build: string }[] = []): LineFigures {
  if (recordedAt === undefined) return { unspecified: { value: null, because: NO_LINE_RECORD }, declaredOnly: { value: null, because: NO_LINE_RECORD }, opaqueComplexity: { value: null, because: NO_LINE_RECORD } };
  // A stale file left unparsed has no entry in `files`: the caller names it.
  const built = new Set(ranAsBuild.map((b) => b.file));
  const stale = staleFiles ? [...staleFiles] : files.filter((f) => f.unspecifiedLines === null && !built.has(f.file)).map((f) => f.file);
  const because = [stale.length ? staleReason(stale, recordedAt) : '', builtReason(ranAsBuild)].filter(Boolean).join('; ') || undefined;
  const figure = (value: number): Figure => (because ? { value, because } : { value });
  const sum = (pick: (f: FileDebt) => number | null) => files.reduce((total, f) => total + (pick(f) ?? 0), 0);
  return {
    unspecified: figure(sum((f) => f.unspecifiedLines?.length ?? null)),
    declaredOnly: figure(sum((f) => f.declaredOnlyLines?.length ?? null)),
    opaqueComplexity: figure(sum((f) => f.opaqueComplexity)),
  };
}

/** Sources the suite ran as their build: coverage is on the build's lines, which are not the source's, so they are not counted. */
export function builtReason(built: readonly { file: string; build: string }[]): string {
  if (!built.length) return '';
  const named = built.slice(0, 5).map((b) => `${b.file} ran as ${b.build}`).join(', ') + (built.length > 5 ? `, and ${built.length - 5} more` : '');
  return `not measured for ${built.length} source file${built.length === 1 ? '' : 's'} the suite ran through a build (${named}): coverage is on the build's lines, not the source's`;
}

function staleReason(stale: string[], recordedAt: string): string {
  const named = stale.slice(0, 5).join(', ') + (stale.length > 5 ? `, and ${stale.length - 5} more` : '');
  return `stale: ${stale.length} file${stale.length === 1 ? '' : 's'} changed since the line-coverage run of ${recordedAt} (${named}) not counted; run \`spec verify --coverage\` to measure them`;
}
