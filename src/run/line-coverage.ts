import path from 'node:path';
import { executedIntervals, unionIntervals, type Intervals } from './executed-ranges.js';
import { hasNodeModulesSegment, rootPrefix, scriptPath, toPosix, type ScriptCoverage } from './coverage-files.js';
import { executedSourceLines } from './source-lines.js';

/**
 * Line coverage over a whole run, from the same V8 takes that give each scenario its files (each
 * take resets V8's counters, so every take is folded in here). Only the project's own scripts
 * are kept, as the offsets that ran: merging a scenario's few scripts costs microseconds; the
 * mapping to source lines happens once, at the end of the run.
 */
export class LineCoverage {
  private readonly scripts = new Map<string, { file: string; ran: Intervals }>();
  /** Scripts already known not to be the project's (Node's, dependencies'): most of every take. */
  private readonly others = new Set<string>();
  private readonly prefix: string;
  private readonly linked: readonly string[];

  /** `linked`: folders of linked packages (workspace siblings), whose lines count as the project's (`../core/src/x.ts`). */
  constructor(
    private readonly root: string,
    private readonly exclude: (absPath: string) => boolean,
    linked: readonly string[] = [],
  ) {
    this.prefix = rootPrefix(root);
    this.linked = linked.map(rootPrefix);
  }

  fold(result: readonly ScriptCoverage[]): void {
    for (const script of result) {
      const known = this.entry(script);
      const ran = known && executedIntervals(script.functions);
      if (ran?.length) known!.ran = unionIntervals(known!.ran, ran);
    }
  }

  /** Notes the project scripts of a take that counted no blocks (their lines come later). */
  know(result: readonly ScriptCoverage[]): void {
    for (const script of result) this.entry(script);
  }

  private entry(script: ScriptCoverage): { file: string; ran: Intervals } | undefined {
    let known = this.scripts.get(script.scriptId);
    if (known || this.others.has(script.scriptId)) return known;
    const file = this.projectFile(script.url);
    if (file === undefined) this.others.add(script.scriptId);
    else this.scripts.set(script.scriptId, (known = { file, ran: [] }));
    return known;
  }

  /** The project scripts folded so far: id and absolute file. */
  scriptFiles(): [string, string][] {
    return [...this.scripts].map(([id, { file }]) => [id, file]);
  }

  reset(): void {
    this.scripts.clear();
  }

  /**
   * Per project file (root-relative, forward slashes), the 1-based source lines that ran, for
   * every file the run loaded (a loaded file whose lines never ran has an empty list). `sourceOf`
   * gives the text V8 ran for a script id (undefined: gone, and the file is left out).
   */
  lines(sourceOf: (scriptId: string) => string | undefined): Record<string, number[]> {
    const merged = new Map<string, Set<number>>();
    for (const [scriptId, { file, ran }] of this.scripts) {
      const text = sourceOf(scriptId);
      if (text === undefined) continue;
      for (const [source, lines] of executedSourceLines(file, text, ran)) {
        const rel = this.relative(source);
        if (rel === undefined) continue;
        const set = merged.get(rel) ?? new Set();
        for (const line of lines) set.add(line);
        merged.set(rel, set);
      }
    }
    return Object.fromEntries([...merged].sort(([a], [b]) => (a < b ? -1 : 1)).map(([file, set]) => [file, [...set].sort((a, b) => a - b)]));
  }

  private projectFile(url: string): string | undefined {
    const abs = scriptPath(url);
    return abs === undefined || this.relative(abs) === undefined ? undefined : abs;
  }

  private relative(abs: string): string | undefined {
    const dir = this.linked.find((d) => abs.startsWith(d));
    if (dir !== undefined) return hasNodeModulesSegment(toPosix(abs.slice(dir.length))) || this.exclude(abs) ? undefined : toPosix(path.relative(this.root, abs));
    if (!abs.startsWith(this.prefix) || this.exclude(abs)) return undefined;
    const rel = toPosix(abs.slice(this.prefix.length));
    return rel === '' || hasNodeModulesSegment(rel) ? undefined : rel;
  }
}
