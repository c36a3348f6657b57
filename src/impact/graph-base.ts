/**
 * The graph's machinery, under the public ImportGraph (graph.ts): reading and parsing one file
 * (or reusing the disk cache's parse when mtime and size match), resolving its imports, and
 * wiring the edges, following newly reached project files.
 */
import path from 'node:path';
import { loadResolverConfig } from './config.js';
import { EdgeStore, type FileEntry } from './edges.js';
import { NodeFileSystem } from './fs.js';
import { parseImports } from './parse.js';
import { CODE_EXTENSIONS, Resolver } from './resolve.js';
import { matchGlob } from './specifiers.js';
import type { FileStat, FileSystem, ImportRecord, ParsedImport } from './types.js';

export interface GraphOptions {
  /** Defaults to the real file system (with a folder-listing cache). */
  fs?: FileSystem;
  /** tsconfig path relative to root (default `tsconfig.json`), or false to ignore tsconfig. */
  tsconfig?: string | false;
  /** Parse project files reached by imports but missing from the list (default true). */
  follow?: boolean;
  /** Parse results to reuse when a file's mtimeMs and size still match (the disk cache). */
  reuse?: ReadonlyMap<string, CachedParse>;
}

export interface CachedParse extends FileStat {
  readonly imports: readonly ParsedImport[];
  readonly error?: string;
}

export const isModulePath = (file: string): boolean =>
  CODE_EXTENSIONS.some((e) => file.endsWith(e)) && !/\.d\.[cm]?ts$/.test(file);

export class GraphBase {
  readonly root: string;
  readonly fs: FileSystem;
  /** Files read and parsed vs taken from the cache since this graph was made. */
  readonly stats = { parsed: 0, reused: 0 };
  protected resolver: Resolver;
  protected readonly store = new EdgeStore();
  protected readonly follow: boolean;
  protected readonly tsconfig: string | false;
  protected reuse: ReadonlyMap<string, CachedParse> | undefined;

  protected constructor(root: string, options: GraphOptions) {
    this.root = path.resolve(root);
    this.fs = options.fs ?? new NodeFileSystem();
    this.follow = options.follow ?? true;
    this.tsconfig = options.tsconfig ?? 'tsconfig.json';
    this.reuse = options.reuse;
    this.resolver = this.makeResolver();
  }

  protected makeResolver(): Resolver {
    return new Resolver(this.root, this.fs, loadResolverConfig(this.root, this.fs, this.tsconfig));
  }

  abs(file: string): string {
    return path.resolve(this.root, file);
  }

  /** Under the root, a linked package's folder or (reached by an import) the git work tree, and not in node_modules. */
  protected inProject(abs: string): boolean {
    const under = (dir: string) => {
      const rel = path.relative(dir, abs);
      return !rel.startsWith('..') && !path.isAbsolute(rel) && !rel.split(path.sep).includes('node_modules');
    };
    const { linked, workTree } = this.resolver.config;
    return under(this.root) || (linked ?? []).some((p) => under(p.dir)) || (workTree !== undefined && under(workTree));
  }

  /** Adds an entry (parsed when `module`); true when it was parsed and needs resolving. */
  protected load(abs: string, module: boolean): boolean {
    const stat = this.fs.stat(abs);
    const entry: FileEntry = { path: abs, module, mtimeMs: stat?.mtimeMs ?? 0, size: stat?.size ?? 0, parsed: [], records: [], deps: new Set(), misses: [] };
    if (module) {
      if (!stat) return false;
      this.read(entry, stat);
    }
    this.store.add(entry);
    return module;
  }

  protected read(entry: FileEntry, stat: FileStat): void {
    entry.mtimeMs = stat.mtimeMs;
    entry.size = stat.size;
    const cached = this.reuse?.get(entry.path);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) {
      this.stats.reused++;
      entry.parsed = cached.imports;
      if (cached.error !== undefined) entry.error = cached.error;
      else delete entry.error;
      return;
    }
    this.stats.parsed++;
    const text = this.fs.readFile(entry.path);
    const result = text === undefined ? { ok: false as const, error: 'unreadable' } : parseImports(text, entry.path);
    if (result.ok) {
      entry.parsed = result.imports;
      delete entry.error;
    } else {
      entry.parsed = [];
      entry.error = result.error;
    }
  }

  /** Resolves the files' imports, adding newly reached files (and resolving them in turn). */
  protected resolveAll(files: readonly string[]): { added: string[]; removed: string[] } {
    const queue = [...files];
    const first = { added: [] as string[], removed: [] as string[] };
    for (let i = 0; i < queue.length; i++) {
      const entry = this.store.entries.get(queue[i]!);
      if (!entry || !entry.module) continue;
      const { records, misses } = this.resolveEntry(entry);
      const diff = this.store.setEdges(entry.path, records, misses);
      if (i === 0) Object.assign(first, diff);
      for (const target of diff.added) {
        if (this.store.entries.has(target)) continue;
        const module = this.follow && isModulePath(target);
        if (this.load(target, module)) queue.push(target);
      }
    }
    return first;
  }

  protected resolveEntry(entry: FileEntry): { records: ImportRecord[]; misses: string[] } {
    const records: ImportRecord[] = [];
    const misses: string[] = [];
    for (const imp of entry.parsed) {
      if (imp.kind === 'non-literal') {
        records.push({ ...imp, unresolved: 'non-literal' });
      } else if (imp.kind === 'glob') {
        const targets = matchGlob(imp.specifier, entry.path, this.store.entries.keys());
        if (targets.length === 0) records.push({ ...imp, unresolved: 'not-found' });
        for (const target of targets) records.push({ ...imp, target });
      } else {
        const r = this.resolver.resolve(imp.specifier, entry.path);
        if (r.kind === 'external') records.push({ ...imp, external: r.name });
        else if (r.kind === 'file') records.push({ ...imp, target: r.path });
        else records.push({ ...imp, unresolved: r.reason });
        if (r.kind !== 'external') misses.push(...r.misses);
      }
    }
    return { records, misses };
  }
}
