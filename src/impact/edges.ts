/**
 * The graph's storage: one entry per file, forward and reverse edges, and the index of
 * resolution candidates that did not exist ("misses") so that creating a file re-resolves
 * exactly the imports it could change. Pure data structure; no parsing, no I/O.
 */
import type { ImportRecord, ParsedImport } from './types.js';

export interface FileEntry {
  readonly path: string;
  /** True for a code file that is parsed; false for a leaf (JSON, CSS, an unfollowed file). */
  readonly module: boolean;
  mtimeMs: number;
  size: number;
  parsed: readonly ParsedImport[];
  records: readonly ImportRecord[];
  deps: ReadonlySet<string>;
  misses: readonly string[];
  error?: string;
}

export class EdgeStore {
  readonly entries = new Map<string, FileEntry>();
  /** Files that have a dynamic-import template: a new file may match it. */
  readonly globImporters = new Set<string>();
  private readonly reverse = new Map<string, Set<string>>();
  private readonly missIndex = new Map<string, Set<string>>();
  private edges = 0;

  get edgeCount(): number {
    return this.edges;
  }

  /** Replaces a file's outgoing edges; returns the targets gained and lost. */
  setEdges(file: string, records: readonly ImportRecord[], misses: readonly string[]): { added: string[]; removed: string[] } {
    const entry = this.entries.get(file);
    if (!entry) return { added: [], removed: [] };
    const next = new Set<string>();
    for (const r of records) if (r.target !== undefined && r.target !== file) next.add(r.target);
    const added = [...next].filter((t) => !entry.deps.has(t));
    const removed = [...entry.deps].filter((t) => !next.has(t));
    for (const t of removed) this.reverse.get(t)?.delete(file);
    for (const t of added) {
      let set = this.reverse.get(t);
      if (!set) this.reverse.set(t, (set = new Set()));
      set.add(file);
    }
    this.edges += added.length - removed.length;
    for (const m of entry.misses) this.missIndex.get(m)?.delete(file);
    for (const m of misses) {
      let set = this.missIndex.get(m);
      if (!set) this.missIndex.set(m, (set = new Set()));
      set.add(file);
    }
    entry.records = records;
    entry.deps = next;
    entry.misses = misses;
    if (records.some((r) => r.kind === 'glob')) this.globImporters.add(file);
    else this.globImporters.delete(file);
    return { added, removed };
  }

  add(entry: FileEntry): void {
    this.entries.set(entry.path, entry);
  }

  /** Drops a file and its outgoing edges; edges pointing at it stay until their owners re-resolve. */
  remove(file: string): string[] {
    const entry = this.entries.get(file);
    if (!entry) return [];
    const removed = [...entry.deps];
    this.setEdges(file, [], []);
    this.globImporters.delete(file);
    this.entries.delete(file);
    return removed;
  }

  dependents(file: string): ReadonlySet<string> {
    return this.reverse.get(file) ?? EMPTY;
  }

  /** Files whose resolution tried this path and found nothing there. */
  missedBy(file: string): ReadonlySet<string> {
    return this.missIndex.get(file) ?? EMPTY;
  }

  /**
   * Breadth-first closure, starts included; `forward` follows imports, else importers — and the
   * files that looked for a start and did not find it, so a deleted file's former importers (now
   * unresolved) and the files a new file would shadow count as affected.
   */
  closure(starts: Iterable<string>, forward: boolean): Set<string> {
    const seen = new Set<string>();
    const queue: string[] = [];
    for (const s of starts) {
      if (!seen.has(s)) {
        seen.add(s);
        queue.push(s);
      }
    }
    for (let i = 0; i < queue.length; i++) {
      const file = queue[i]!;
      const lists = forward ? [this.entries.get(file)?.deps] : [this.reverse.get(file), this.missIndex.get(file)];
      for (const next of lists) {
        if (!next) continue;
        for (const n of next) {
          if (!seen.has(n)) {
            seen.add(n);
            queue.push(n);
          }
        }
      }
    }
    return seen;
  }
}

const EMPTY: ReadonlySet<string> = new Set();
