/**
 * Build output a suite loads (`../../dist/calc.js`, a workspace package whose main is dist/) is
 * the code under test: Node runs it, not src/. The import graph reads the source it is built from
 * (an edit there is what an author makes), so a path in a build folder maps to that source, and a
 * changed build file reaches the scenarios its source reaches.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ImportGraph } from './graph.js';
import { isCode } from './project-files.js';
import type { ScenarioMap } from './scenario-map.js';

/** Folders tsc and bundlers write to. `lib/` is left out: it is as often hand-written source. */
export const BUILD_DIR = /(^|\/)(dist|build|out)\//;
const JS_TO_SOURCE: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx', '.js', '.jsx'],
  '.mjs': ['.mts', '.mjs'],
  '.cjs': ['.cts', '.cjs'],
};

/** Whether a (project-relative or absolute, forward-slash) path lies in a build folder and is code Node loads. */
export function isBuildOutput(file: string): boolean {
  const posix = file.split(path.sep).join('/');
  return isCode(posix) && inBuildFolder(posix);
}

/** Whether a relative path lies in a build folder (not in node_modules or a dot-folder such as .spec/). */
export function inBuildFolder(file: string): boolean {
  const parts = file.split(/[\\/]/);
  return BUILD_DIR.test(parts.join('/')) && !parts.some((p) => p === 'node_modules' || (p.startsWith('.') && p !== '..' && p !== '.'));
}

/**
 * Source bases for a path in a build folder, best first, without extension changes: `dist/x.js` →
 * `src/x.js` (rootDir src), then `x.js` beside the build folder (rootDir `.`, `dist/src/x.js`).
 */
export function sourceBases(file: string): string[] {
  const posix = file.split(path.sep).join('/');
  const match = [...posix.matchAll(new RegExp(BUILD_DIR.source, 'g'))].at(-1);
  if (!match) return [];
  const before = posix.slice(0, match.index + match[1]!.length);
  const after = posix.slice(match.index + match[0].length);
  const bases = [`${before}src/${after}`, `${before}${after}`];
  return bases.map((b) => b.split('/').join(path.sep));
}

/** The source files a build file may be compiled from, best first (`dist/x.js` → `src/x.ts`, `src/x.tsx`, …). */
export function sourceCandidates(file: string): string[] {
  const out: string[] = [];
  for (const base of sourceBases(file)) {
    const ext = path.extname(base);
    const exts = JS_TO_SOURCE[ext];
    if (!exts) continue;
    const stem = base.slice(0, -ext.length);
    out.push(...exts.map((e) => stem + e));
  }
  return out;
}

/** Whether the graph holds the file or, for a build file, the source it reads an import of it as: a rebuild is code the suite loads. */
export function graphKnows(graph: ImportGraph | undefined, root: string, file: string): boolean {
  const held = (f: string) => Boolean(graph?.has(path.join(root, f)));
  return held(file) || (isBuildOutput(file) && sourceCandidates(file).some(held));
}

/** The source `file` (in a build folder) is built from, if one exists. */
export function sourceOf(file: string, exists: (candidate: string) => boolean): string | undefined {
  return sourceCandidates(file).find(exists);
}

/**
 * Changed build files → what selection reaches them through: the source they are built from when
 * the import graph holds it (kept beside the build file, which coverage may name), the build file
 * itself when the graph or coverage holds it. One nothing places is returned as `unplaced`: the
 * suite may still load it, so every scenario runs.
 */
export function placeBuildChanges(changed: readonly string[], root: string, graph: ImportGraph | undefined, map: ScenarioMap, exists: (file: string) => boolean = existsSync): { changed: string[]; unplaced?: string } {
  const out: string[] = [];
  let unplaced: string | undefined;
  for (const file of changed) {
    out.push(file);
    // Watch adds every edited file to the graph: held with no importer, a build file still reaches nothing but through its source.
    if (!isBuildOutput(file) || importedInGraph(graph, path.join(root, file))) continue;
    const source = sourceOf(file, (c) => exists(path.join(root, c)));
    if (source !== undefined && graph?.has(path.join(root, source))) out.push(source.split(path.sep).join('/'));
    else if (!map.scenarios.some((s) => s.covered?.includes(file))) unplaced ??= file;
  }
  return { changed: [...new Set(out)], ...(unplaced ? { unplaced } : {}) };
}

function importedInGraph(graph: ImportGraph | undefined, abs: string): boolean {
  return Boolean(graph?.has(abs) && graph.dependentsOf(abs).length > 0);
}

const BUILD_DIRS = ['dist', 'build', 'out'] as const;
const SOURCE_TO_JS: Readonly<Record<string, string>> = { '.ts': '.js', '.tsx': '.js', '.jsx': '.js', '.js': '.js', '.mts': '.mjs', '.mjs': '.mjs', '.cts': '.cjs', '.cjs': '.cjs' };

/** The build files a source under src/ may compile to: `src/a/b.ts` → `dist/a/b.js` (rootDir src), `dist/src/a/b.js` (rootDir .), then build/ and out/. */
export function buildCandidates(file: string): string[] {
  const posix = file.split(path.sep).join('/');
  const at = posix.startsWith('src/') ? 0 : posix.lastIndexOf('/src/') + 1;
  if (at === 0 && !posix.startsWith('src/')) return [];
  const [before, after] = [posix.slice(0, at), posix.slice(at + 4)];
  const ext = path.extname(after);
  const js = SOURCE_TO_JS[ext];
  if (!js) return [];
  const stem = after.slice(0, -ext.length) + js;
  return BUILD_DIRS.flatMap((dir) => [`${before}${dir}/${stem}`, `${before}${dir}/src/${stem}`]);
}
