import { statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { discoverSpecs } from '../spec/discover.js';
import { buildCandidates } from '../impact/build-output.js';
import { fileLineDebt, lineFigures, type LineDebtInput, type LineFigures } from './line-debt.js';
import { contentHash, LINE_RECORD_FILE, loadLineRecord } from './line-record.js';
import type { FileShape } from './file-shape.js';
import type { FileDebt } from './model.js';
import { ShapeCache } from './shape-cache.js';
import { sourceFiles } from './sources.js';
import { stampedReader } from './stamped.js';

export interface LineDebtOptions {
  /** Step and support globs (config `steps`, or the cucumber profile's require/import): not source. */
  steps: string[];
  /** Spec globs (config `specs`): Markdown specs among them claim code with `covers:`. */
  specs: string[];
  /** Globs choosing the source files to count; default: every code file not excluded (sources.ts). */
  sources?: string[];
  /**
   * Parse files changed since the record (default true). Their lines are out of the figures
   * anyway; only the per-file table and `weightedLines` read their shape. A narrowed watch run with
   * no ack needs neither, and leaving them unparsed keeps the TypeScript parser (≈ 50 MB) out of
   * the watcher.
   */
  staleShapes?: boolean;
}

/** The project's spec and source files, when the caller has listed them already (debt/ack-files.ts `projectFiles`). */
export interface ListedFiles {
  specs: string[];
  sources: string[];
}

export interface LineDebt {
  /** Every source file's share, by path; `unreviewed` is null (the ack's part). */
  files: FileDebt[];
  metrics: LineFigures;
  /** When the line-coverage record was taken (undefined: none yet). */
  recordedAt: string | undefined;
  /** Files changed (or new) since the record: their lines are null and not in the figures (nor in `files` when left unparsed). */
  stale: string[];
  /** Sources the suite ran as their build (dist/): their lines are null, and named in the figures' `because`. */
  ranAsBuild: { file: string; build: string }[];
  /**
   * Every executable source line weighted as `unreviewed` weighs a changed one (the cognitive
   * complexity of its innermost function, at least 1; 1 outside functions): the whole that
   * `unreviewed` is a share of in the score. Null when a stale file was left unparsed (`staleShapes: false`).
   */
  weightedLines: number | null;
}

/**
 * `unspecified`, `declaredOnly` and `opaqueComplexity`, per file and in total, from the line
 * coverage the last run of every scenario recorded (`spec verify --coverage`) and the files as
 * they are now. Never runs a scenario; writes only its cache of parsed files (.spec/debt-shapes.json).
 */
export async function measureLineDebt(root: string, options: LineDebtOptions, listed?: ListedFiles): Promise<LineDebt> {
  const specFiles = listed ? Promise.resolve(listed.specs) : discoverSpecs(root, options.specs).then((s) => s.files, () => [] as string[]);
  const [files, record, claims, shapes] = await Promise.all([listed?.sources ?? sourceFiles(root, options), readRecord(path.join(root, LINE_RECORD_FILE)), specFiles.then((specs) => claimedGlobs(root, specs)), ShapeCache.open(root)]);
  const claimed = claims.length ? picomatch(claims) : () => false;
  const stale: string[] = [];
  const ranAsBuild: { file: string; build: string }[] = [];
  let weightedLines: number | null = 0;
  const unshaped = options.staleShapes === false && record ? (file: string, hash: string) => record.files[file]?.hash !== hash : undefined;
  const measured = await Promise.all(
    files.map(async (file) => {
      const known = heldShape(root, file, shapes) ?? (await readShape(root, file, shapes, unshaped));
      if (!known) return undefined;
      const entry = record?.files[file];
      const fresh = entry?.hash === known.hash;
      if (record && !fresh) stale.push(file);
      if (!known.shape) {
        weightedLines = null;
        return undefined;
      }
      // The suite ran the file's build (dist/): its lines here never ran as such, and are not "unexecuted".
      const build = fresh && record && entry.executed.length === 0 && known.shape.lines.length > 0 ? buildCandidates(file).find((b) => record.files[b] !== undefined) : undefined;
      if (build) ranAsBuild.push({ file, build });
      const debt = debtOf(path.join(root, file), { file, shape: known.shape, executed: fresh && !build ? entry.executed : null, claimed: claimed(file) });
      if (weightedLines !== null) weightedLines += debt.weight;
      return debt.debt;
    }),
  );
  const debts = measured.filter((debt) => debt !== undefined);
  shapes.save();
  stale.sort();
  return { files: debts, metrics: lineFigures(debts, record?.recordedAt, stale, ranAsBuild.sort((a, b) => a.file.localeCompare(b.file))), recordedAt: record?.recordedAt, stale, ranAsBuild, weightedLines };
}

/** A file's executable lines, each weighted by its innermost function's complexity (at least 1). */
export function weightOf(shape: FileShape): number {
  const inFunctions = shape.functions.reduce((sum, fn) => sum + fn.own.length, 0);
  return shape.lines.length - inFunctions + shape.functions.reduce((sum, fn) => sum + Math.max(1, fn.complexity) * fn.own.length, 0);
}

/** Per file, its figures for the shape, record entry and claim they were computed from. */
const figured = new Map<string, LineDebtInput & { debt: FileDebt; weight: number }>();

function debtOf(abs: string, input: LineDebtInput): { debt: FileDebt; weight: number } {
  const known = figured.get(abs);
  if (known && known.file === input.file && known.shape === input.shape && known.executed === input.executed && known.claimed === input.claimed) return known;
  const next = { ...input, debt: fileLineDebt(input), weight: weightOf(input.shape) };
  figured.set(abs, next);
  return next;
}

/** The record as last read, re-read when the file changed (a run wrote a new one). */
const readRecord = stampedReader((file) => loadLineRecord(path.dirname(path.dirname(file))));

/** Per file, its hash and shape by size and mtime: a long-lived process (watch) reads only the files that changed. */
const seen = new Map<string, { stamp: string; hash: string; shape: FileShape }>();

/** The file's hash and shape when it has not changed since this process last read it (checked synchronously: a thousand sync stats take a few ms, as many through libuv's pool tens). */
function heldShape(root: string, file: string, shapes: ShapeCache): { hash: string; shape: FileShape } | undefined {
  const abs = path.join(root, file);
  const known = seen.get(abs);
  if (!known) return undefined;
  const stats = statSync(abs, { throwIfNoEntry: false });
  if (!stats || known.stamp !== `${stats.size}:${stats.mtimeMs}`) return undefined;
  shapes.keep(file, known.hash, known.shape);
  return known;
}

/** The file's hash and shape; no shape when `unshaped` says its text needs none and none is cached (nothing is parsed then). */
async function readShape(root: string, file: string, shapes: ShapeCache, unshaped?: (file: string, hash: string) => boolean): Promise<{ hash: string; shape: FileShape | undefined } | undefined> {
  const abs = path.join(root, file);
  // Deleted between the listing and the read: it is no longer source.
  const stats = await stat(abs).catch(() => undefined);
  if (!stats) return undefined;
  const text = await readFile(abs, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const hash = contentHash(text);
  if (unshaped?.(file, hash)) {
    const cached = shapes.cached(file, hash);
    if (!cached) return { hash, shape: undefined };
  }
  const next = { stamp: `${stats.size}:${stats.mtimeMs}`, hash, shape: shapes.shape(file, hash, text) };
  seen.set(abs, next);
  return next;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

/** Every Markdown spec's `covers:` globs (project-relative). A spec whose front matter is broken claims nothing: verify reports it. */
export async function claimedGlobs(root: string, specFiles: string[]): Promise<string[]> {
  const globs = await Promise.all(
    specFiles.filter((f) => f.endsWith('.md')).map((file) => readCovers(path.join(root, file)).then((covers) => covers(file))),
  );
  return [...new Set(globs.flat())];
}

/** A Markdown spec's front matter, parsed once per change of the file. */
const readCovers = stampedReader(async (abs) => {
  const yaml = FRONT_MATTER.exec(await readFile(abs, 'utf8'))?.[1];
  if (!yaml) return (): string[] => [];
  // The YAML and Gherkin parsers under it load only for a spec that has front matter: a suite of plain Gherkin never pays for them.
  const { parseFrontMatter } = await import('../spec/front-matter.js');
  let covers: string[] | undefined;
  // Parsed on first use, under the project-relative name its problems are reported by.
  return (file: string): string[] => (covers ??= parseFrontMatter(yaml, 2, file).frontMatter.covers.map((g) => g.replace(/^\.\//, '')));
});
