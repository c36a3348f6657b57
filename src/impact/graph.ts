/**
 * The static import graph of a project: which project files each file imports (static,
 * re-export, dynamic, require; type-only imports excluded), who imports whom, closures both
 * ways, and an incremental `update(file)` for the watcher. Parsing: parse.ts; resolution:
 * resolve.ts; storage: edges.ts; reading and wiring: graph-base.ts; disk cache: cache.ts.
 * Paths in and out are absolute (relative ones are taken from the root). Nothing here throws on
 * a bad file: errors are recorded.
 */
import { GraphBase, isModulePath, type GraphOptions } from './graph-base.js';
import type { FileEntry } from './edges.js';
import { initParser } from './parse.js';
import type { ImportRecord, ParsedImport, UpdateResult } from './types.js';
import { forgetLinkedPackages } from '../core/linked-packages.js';

export { isModulePath, type CachedParse, type GraphOptions } from './graph-base.js';
export type { FileSystem, ImportKind, ImportRecord, ParsedImport, UpdateResult } from './types.js';
export { MemoryFileSystem, NodeFileSystem } from './fs.js';

export class ImportGraph extends GraphBase {
  static async build(root: string, files: Iterable<string>, options: GraphOptions = {}): Promise<ImportGraph> {
    await initParser();
    const graph = new ImportGraph(root, options);
    const queue: string[] = [];
    for (const f of files) {
      const abs = graph.abs(f);
      if (!graph.store.entries.has(abs) && graph.inProject(abs) && graph.load(abs, isModulePath(abs))) queue.push(abs);
    }
    graph.resolveAll(queue);
    // Templates match files by name: resolve them again once every file is known.
    graph.resolveAll([...graph.store.globImporters]);
    graph.reuse = undefined;
    return graph;
  }

  // ---- queries -------------------------------------------------------------------------

  has(file: string): boolean {
    return this.store.entries.has(this.abs(file));
  }
  /** Every file in the graph: parsed modules and the leaves they import. */
  files(): string[] {
    return [...this.store.entries.keys()];
  }
  /** Parsed code files only, with their stat (what the disk cache keeps). */
  modules(): FileEntry[] {
    return [...this.store.entries.values()].filter((e) => e.module);
  }
  get edgeCount(): number {
    return this.store.edgeCount;
  }
  dependenciesOf(file: string): string[] {
    return [...(this.store.entries.get(this.abs(file))?.deps ?? [])];
  }
  dependentsOf(file: string): string[] {
    return [...this.store.dependents(this.abs(file))];
  }
  /** Every import of the file after resolution, including externals and unresolved ones. */
  importsOf(file: string): readonly ImportRecord[] {
    return this.store.entries.get(this.abs(file))?.records ?? [];
  }
  externalsOf(file: string): string[] {
    return [...new Set(this.importsOf(file).flatMap((r) => (r.external !== undefined ? [r.external] : [])))];
  }
  errorOf(file: string): string | undefined {
    return this.store.entries.get(this.abs(file))?.error;
  }
  unresolved(): Array<ImportRecord & { file: string }> {
    return [...this.store.entries.values()].flatMap((e) =>
      e.records.filter((r) => r.unresolved !== undefined).map((r) => ({ ...r, file: e.path })),
    );
  }
  errors(): Array<{ file: string; error: string }> {
    return [...this.store.entries.values()].flatMap((e) => (e.error !== undefined ? [{ file: e.path, error: e.error }] : []));
  }
  /** The files and everything they import, transitively. */
  reachableFrom(files: Iterable<string>): Set<string> {
    return this.store.closure([...files].map((f) => this.abs(f)), true);
  }
  /**
   * The changed files and every file that imports one of them, transitively. Call it after
   * `update()`: a deleted file still reaches its former importers (through their failed lookup).
   */
  affectedBy(changed: Iterable<string>): Set<string> {
    return this.store.closure([...changed].map((f) => this.abs(f)), false);
  }

  // ---- incremental update --------------------------------------------------------------

  /** Re-reads one file after a change, creation or deletion, and rewires what it affects. */
  update(file: string): UpdateResult {
    const abs = this.abs(file);
    if (this.resolver.config.files.includes(abs)) {
      this.fs.invalidate?.(abs);
      // A dependency added or removed may link a workspace package or unlink one.
      if (abs.endsWith('package.json')) forgetLinkedPackages();
      this.resolver = this.makeResolver();
      const all = [...this.store.entries.keys()];
      this.resolveAll(all);
      return { file: abs, status: 'config', added: [], removed: [], rewired: all };
    }
    const entry = this.store.entries.get(abs);
    const stat = this.fs.stat(abs);
    // A plain edit leaves the folder's listing as it was; a creation or deletion does not.
    if (!entry || !stat) this.fs.invalidate?.(abs);
    if (!stat) {
      if (!entry) return { file: abs, status: 'ignored', added: [], removed: [], rewired: [] };
      const importers = [...this.store.dependents(abs)].filter((d) => d !== abs);
      const removed = this.store.remove(abs);
      this.resolveAll(importers);
      return { file: abs, status: 'deleted', added: [], removed, rewired: importers };
    }
    if (entry && !entry.module) {
      entry.mtimeMs = stat.mtimeMs;
      entry.size = stat.size;
      return { file: abs, status: 'changed', added: [], removed: [], rewired: [] };
    }
    if (entry) {
      const before = entry.parsed;
      const hadError = entry.error !== undefined;
      this.read(entry, stat);
      if (entry.error !== undefined) {
        const { removed } = this.store.setEdges(abs, [], []);
        return { file: abs, status: 'error', added: [], removed, rewired: [], error: entry.error };
      }
      if (!hadError && sameImports(before, entry.parsed)) return { file: abs, status: 'unchanged', added: [], removed: [], rewired: [] };
      const { added, removed } = this.resolveAll([abs]);
      return { file: abs, status: 'changed', added, removed, rewired: [] };
    }
    const module = isModulePath(abs);
    const wanted = [...this.store.missedBy(abs)];
    if ((!module && wanted.length === 0) || !this.inProject(abs)) return { file: abs, status: 'ignored', added: [], removed: [], rewired: [] };
    this.load(abs, module);
    const { added } = this.resolveAll([abs]);
    const rewired = [...new Set([...wanted, ...(module ? this.store.globImporters : [])])].filter((f) => f !== abs);
    this.resolveAll(rewired);
    const error = this.store.entries.get(abs)?.error;
    return { file: abs, status: 'created', added, removed: [], rewired, ...(error !== undefined ? { error } : {}) };
  }
}

function sameImports(a: readonly ParsedImport[], b: readonly ParsedImport[]): boolean {
  return a.length === b.length && a.every((x, i) => x.kind === b[i]!.kind && x.specifier === b[i]!.specifier);
}
