/**
 * The graph's disk cache, `.spec/impact-graph.json` by default: for each parsed file its
 * mtimeMs, size and parsed imports (not the resolution: that is redone on load, cheaply, so a
 * file created or deleted while specloop was not running is seen). A warm start re-reads only
 * files whose mtime or size changed. Written atomically (write-file-atomic: temp file + rename),
 * so a kill at any moment leaves the old or the new cache. A missing, corrupt or other-version
 * cache is ignored: the graph is then built from the files given.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { ensureDir } from '../core/fs.js';
import { ImportGraph, type CachedParse, type GraphOptions } from './graph.js';
import type { ImportKind, ParsedImport } from './types.js';

/** Bump when the file format or what parsing reports changes. */
export const CACHE_VERSION = 1;
export const DEFAULT_CACHE_FILE = path.join('.spec', 'impact-graph.json');

type CachedFile = [mtimeMs: number, size: number, imports: Array<[ImportKind, string]>, error?: string];

interface CacheFile {
  format: 'specloop-import-graph';
  version: number;
  files: Record<string, CachedFile>;
}

export interface CacheRead {
  readonly status: 'ok' | 'missing' | 'corrupt' | 'version';
  /** Absolute path → cached parse. */
  readonly entries: Map<string, CachedParse>;
}

const KINDS = new Set<string>(['static', 'reexport', 'dynamic', 'glob', 'require', 'non-literal']);

export async function saveGraph(graph: ImportGraph, file: string = DEFAULT_CACHE_FILE): Promise<string> {
  const target = path.resolve(graph.root, file);
  const files: Record<string, CachedFile> = {};
  for (const entry of graph.modules()) {
    const rel = path.relative(graph.root, entry.path).split(path.sep).join('/');
    const imports = entry.parsed.map((i): [ImportKind, string] => [i.kind, i.specifier]);
    files[rel] = entry.error !== undefined ? [entry.mtimeMs, entry.size, imports, entry.error] : [entry.mtimeMs, entry.size, imports];
  }
  const data: CacheFile = { format: 'specloop-import-graph', version: CACHE_VERSION, files };
  ensureDir(path.dirname(target));
  await writeFileAtomic(target, JSON.stringify(data));
  return target;
}

/**
 * A graph from the cache: the cached files (or `options.files` when given) are stat'ed and only
 * those whose mtimeMs / size changed are re-parsed. Never throws on a bad cache.
 */
export async function loadGraph(
  root: string,
  file: string = DEFAULT_CACHE_FILE,
  options: GraphOptions & { files?: Iterable<string> } = {},
): Promise<ImportGraph> {
  const { files, ...graphOptions } = options;
  const fs = graphOptions.fs;
  const text = fs ? fs.readFile(path.resolve(root, file)) : await readText(path.resolve(root, file));
  const cache = readCache(path.resolve(root), text);
  return ImportGraph.build(root, files ?? cache.entries.keys(), { ...graphOptions, reuse: cache.entries });
}

/** Parses cache text (undefined = no file); invalid entries are dropped one by one. */
export function readCache(root: string, text: string | undefined): CacheRead {
  const entries = new Map<string, CachedParse>();
  if (text === undefined) return { status: 'missing', entries };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { status: 'corrupt', entries };
  }
  if (typeof data !== 'object' || data === null) return { status: 'corrupt', entries };
  const { format, version, files } = data as Partial<CacheFile>;
  if (format !== 'specloop-import-graph' || typeof files !== 'object' || files === null) return { status: 'corrupt', entries };
  if (version !== CACHE_VERSION) return { status: 'version', entries };
  for (const [rel, value] of Object.entries(files)) {
    const parsed = validEntry(value);
    if (parsed) entries.set(path.resolve(root, rel), parsed);
  }
  return { status: 'ok', entries };
}

function validEntry(value: unknown): CachedParse | undefined {
  if (!Array.isArray(value) || value.length < 3) return undefined;
  const [mtimeMs, size, list, error] = value as unknown[];
  if (typeof mtimeMs !== 'number' || typeof size !== 'number' || !Array.isArray(list)) return undefined;
  const imports: ParsedImport[] = [];
  for (const item of list) {
    if (!Array.isArray(item) || typeof item[0] !== 'string' || !KINDS.has(item[0]) || typeof item[1] !== 'string') return undefined;
    imports.push({ kind: item[0] as ImportKind, specifier: item[1] });
  }
  if (error !== undefined && typeof error !== 'string') return undefined;
  return error === undefined ? { mtimeMs, size, imports } : { mtimeMs, size, imports, error };
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}
