/**
 * FileSystem implementations: Node's, and an in-memory one for tests.
 *
 * NodeFileSystem answers `exists` from a cached listing of each folder (one readdir per folder,
 * instead of a stat per resolution candidate): resolving 2,000 specifiers probes a few thousand
 * candidates but only ~10 folders. The cache is a snapshot: whoever learns that a file was
 * created or deleted calls `invalidate(file)` (ImportGraph.update does), or `clear()`.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FileStat, FileSystem } from './types.js';

export class NodeFileSystem implements FileSystem {
  private readonly listings = new Map<string, Map<string, boolean>>();

  exists(file: string): boolean {
    const dir = path.dirname(file);
    let listing = this.listings.get(dir);
    if (!listing) {
      listing = readListing(dir);
      this.listings.set(dir, listing);
    }
    const isFile = listing.get(path.basename(file));
    if (isFile === undefined) return false;
    if (isFile) return true;
    // A symlink or an unknown entry type: ask stat.
    return this.stat(file) !== undefined;
  }

  realpath(file: string): string | undefined {
    try {
      return realpathSync(file);
    } catch {
      return undefined;
    }
  }

  readFile(file: string): string | undefined {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  }

  stat(file: string): FileStat | undefined {
    try {
      const s = statSync(file, { throwIfNoEntry: false });
      return s?.isFile() ? { mtimeMs: s.mtimeMs, size: s.size } : undefined;
    } catch {
      return undefined;
    }
  }

  invalidate(file: string): void {
    this.listings.delete(path.dirname(file));
    this.listings.delete(file);
  }

  clear(): void {
    this.listings.clear();
  }
}

/** name → true for a regular file, false for a symlink / other (checked with stat on demand). */
function readListing(dir: string): Map<string, boolean> {
  const listing = new Map<string, boolean>();
  try {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isFile()) listing.set(entry.name, true);
      else if (!entry.isDirectory()) listing.set(entry.name, false);
    }
  } catch {
    // missing or unreadable folder: nothing exists in it
  }
  return listing;
}

/** In-memory files keyed by absolute path; each write bumps the mtime. */
export class MemoryFileSystem implements FileSystem {
  private readonly files = new Map<string, { text: string; mtimeMs: number }>();
  private clock = 1;
  /** Calls to readFile, so tests can check what an update re-read. */
  reads: string[] = [];

  constructor(files: Readonly<Record<string, string>> = {}, root = '/') {
    for (const [name, text] of Object.entries(files)) this.write(path.resolve(root, name), text);
  }

  write(file: string, text: string): void {
    this.files.set(path.resolve(file), { text, mtimeMs: this.clock++ });
  }

  remove(file: string): void {
    this.files.delete(path.resolve(file));
  }

  exists(file: string): boolean {
    return this.files.has(file);
  }

  readFile(file: string): string | undefined {
    this.reads.push(file);
    return this.files.get(file)?.text;
  }

  stat(file: string): FileStat | undefined {
    const entry = this.files.get(file);
    return entry ? { mtimeMs: entry.mtimeMs, size: Buffer.byteLength(entry.text) } : undefined;
  }

  list(): string[] {
    return [...this.files.keys()];
  }
}
