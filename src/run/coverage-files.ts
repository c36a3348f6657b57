/**
 * V8 precise coverage → the project files a scenario ran code in. Pure: no file system, no
 * inspector session (the caller takes the coverage; this only reads its result).
 *
 * Called once per scenario on results that hold every script the process has seen (~1,000, most
 * of them Node internals or dependencies), so the cheap URL tests run before any parsing and the
 * function loop stops at the first function that ran.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The parts of the inspector's `Profiler.ScriptCoverage` read here (structurally compatible). */
export interface ScriptCoverage {
  readonly scriptId: string;
  readonly url: string;
  readonly functions: readonly FunctionCoverage[];
}

export interface FunctionCoverage {
  readonly functionName: string;
  readonly isBlockCoverage: boolean;
  readonly ranges: readonly CoverageRange[];
}

export interface CoverageRange {
  readonly startOffset: number;
  readonly endOffset: number;
  readonly count: number;
}

/**
 * Sorted, de-duplicated, root-relative forward-slash paths of the files under `root` in which at
 * least one function ran since the last `takePreciseCoverage` (its own range, `ranges[0]`, has a
 * non-zero count; later ranges are blocks inside it). Scripts without a file location (`node:`,
 * `data:`, `evalmachine.<anonymous>`, empty URLs), files outside `root`, files under a
 * `node_modules` folder below `root`, and paths `exclude` rejects are left out.
 */
export function coveredFiles(
  result: readonly ScriptCoverage[],
  root: string,
  exclude?: (absPath: string) => boolean,
): string[] {
  const prefix = rootPrefix(root);
  const found = new Set<string>();
  for (const script of result) {
    const abs = scriptPath(script.url);
    if (abs === undefined || !abs.startsWith(prefix) || !anyFunctionRan(script)) continue;
    const rel = toPosix(abs.slice(prefix.length));
    if (rel === '' || found.has(rel) || hasNodeModulesSegment(rel)) continue;
    if (exclude?.(abs)) continue;
    found.add(rel);
  }
  return [...found].sort();
}

/** `root` with exactly one trailing separator, so `/repo` does not claim `/repo-other/x.ts`. */
export function rootPrefix(root: string): string {
  const resolved = path.resolve(root);
  return resolved.endsWith(path.sep) ? resolved : resolved + path.sep;
}

/**
 * ESM scripts (and CJS under some loaders) report `file:` URLs, plain CJS reports the absolute
 * path; every other scheme or relative-looking name has no file behind it.
 */
export function scriptPath(url: string): string | undefined {
  if (url.startsWith('file:')) {
    try {
      return fileURLToPath(url);
    } catch {
      return undefined; // e.g. a `file://host/…` URL on POSIX
    }
  }
  return path.isAbsolute(url) ? url : undefined;
}

/**
 * coveredFiles' path tests, remembered per script id (V8 never gives one id to two scripts in an
 * isolate): a run's thousands of takes see the same few hundred scripts again and again.
 */
export class ProjectScripts {
  private readonly known = new Map<string, string | null>();
  private readonly prefix: string;
  private readonly linked: readonly string[];

  /** `linked`: folders of linked packages (workspace siblings) whose code is the project's too, kept as `../core/src/x.ts`. */
  constructor(
    private readonly root: string,
    private readonly exclude?: (absPath: string) => boolean,
    linked: readonly string[] = [],
  ) {
    this.prefix = rootPrefix(root);
    this.linked = linked.map(rootPrefix);
  }

  /** The script's root-relative path, or undefined when it is not one of the project's files. */
  fileOf(script: ScriptCoverage): string | undefined {
    let rel = this.known.get(script.scriptId);
    if (rel === undefined) this.known.set(script.scriptId, (rel = this.classify(script.url)));
    return rel ?? undefined;
  }

  /** Whether a file about to be compiled (it has no script id yet) is one of the project's. */
  isProjectPath(absPath: string): boolean {
    return this.classify(absPath) !== null;
  }

  private classify(url: string): string | null {
    const abs = scriptPath(url);
    if (abs === undefined) return null;
    const dir = this.linked.find((d) => abs.startsWith(d));
    if (dir !== undefined) return hasNodeModulesSegment(toPosix(abs.slice(dir.length))) || this.exclude?.(abs) ? null : toPosix(path.relative(this.root, abs));
    if (!abs.startsWith(this.prefix)) return null;
    const rel = toPosix(abs.slice(this.prefix.length));
    return rel === '' || hasNodeModulesSegment(rel) || this.exclude?.(abs) ? null : rel;
  }
}

export function anyFunctionRan(script: ScriptCoverage): boolean {
  for (const fn of script.functions) {
    const own = fn.ranges[0];
    if (own !== undefined && own.count > 0) return true;
  }
  return false;
}

export function toPosix(rel: string): string {
  return path.sep === '/' ? rel : rel.split(path.sep).join('/');
}

/**
 * Tested on the root-relative part only: a project that itself lives below some `node_modules`
 * folder must still see its own files.
 */
export function hasNodeModulesSegment(rel: string): boolean {
  return rel === 'node_modules' || rel.startsWith('node_modules/') || rel.includes('/node_modules/');
}
