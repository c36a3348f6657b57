/**
 * Node ≥ 22.1 can keep V8's compiled code of every module it loads on disk
 * (`module.enableCompileCache`), sparing each later process most of the compile cost of
 * specloop's modules and of the project's cucumber: a start-up cost every `spec verify`, every
 * shard and every runner pays (bench/RESULTS.md, session 8 B). The cache lives under the project's
 * `.spec/` only, never elsewhere: when that folder is not there or not writable it stays off,
 * silently (nothing is wrong). On Node 20 the function does not exist: off.
 *
 * Code V8 takes from the cache carries no block coverage (Node's docs, "Limitations of the compile
 * cache"; nodejs/node#54633): a module's top level and what compiles with it would read as wholly
 * run. A runner that records line coverage is started with the cache off (NODE_DISABLE_COMPILE_CACHE,
 * Node's own switch, which also overrides a NODE_COMPILE_CACHE the user set) and refuses lines
 * while it is on (run/worker.ts). Function coverage (which files ran) is the same either way.
 */
import { accessSync, constants } from 'node:fs';
import nodeModule from 'node:module';
import path from 'node:path';

type Enable = (directory: string) => { status: number; directory?: string };

export const COMPILE_CACHE_DIR = path.join('.spec', 'compile-cache');

const nodeEnable = (nodeModule as { enableCompileCache?: Enable }).enableCompileCache ?? null;

/** A runner's variables with the compile cache off: for one that records line coverage. */
export function withoutCompileCache(env: Record<string, string | undefined>): Record<string, string | undefined> {
  return { ...env, NODE_DISABLE_COMPILE_CACHE: '1' };
}

/** Whether a process started with these variables on this Node may load code from the cache. */
export function compileCacheMayBeOn(env: Record<string, string | undefined>): boolean {
  return nodeEnable !== null && !env.NODE_DISABLE_COMPILE_CACHE;
}

/** The folder this thread loads code from a compile cache in now (its own, or one NODE_COMPILE_CACHE started). */
function compileCacheDir(): string | undefined {
  return (nodeModule as { getCompileCacheDir?: () => string | undefined }).getCompileCacheDir?.() || undefined;
}

/** Whether this thread loads code from a compile cache now. */
export function compileCacheIsOn(): boolean {
  return compileCacheDir() !== undefined;
}

/**
 * The folder this thread's cache was switched on with, for another thread to join
 * (joinCompileCache): Node keeps its entries in a subfolder per Node build.
 */
export function compileCacheFolder(): string | undefined {
  const entries = compileCacheDir();
  return entries === undefined ? undefined : path.dirname(entries);
}

/**
 * Switches this thread onto the cache another one uses (compileCacheFolder): a thread does not
 * inherit one its parent switched on with module.enableCompileCache, only one NODE_COMPILE_CACHE started.
 */
export function joinCompileCache(folder: string | undefined, enable: Enable | null = nodeEnable): void {
  if (folder !== undefined) enable?.(folder);
}

/** Writes what this thread compiled to the cache now: for a thread its parent terminates rather than lets exit. */
export function flushCompileCache(): void {
  (nodeModule as { flushCompileCache?: () => void }).flushCompileCache?.();
}

/** Switches the cache on for this thread under `<root>/.spec/compile-cache`; the folder it uses, or undefined when off. */
export function enableCompileCache(root: string, enable: Enable | null = nodeEnable, env: Record<string, string | undefined> = {}): string | undefined {
  // A worker thread's own variables are not the ones Node read at start: the switch is honoured here too.
  if (!enable || env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  const specDir = path.join(root, '.spec');
  try {
    accessSync(specDir, constants.W_OK);
  } catch {
    return undefined;
  }
  const directory = path.join(root, COMPILE_CACHE_DIR);
  // Node's values (module.constants.compileCacheStatus), for a caller that passes its own `enable`.
  const { ENABLED = 1, ALREADY_ENABLED = 2 } = (nodeModule as { constants?: { compileCacheStatus?: Record<string, number> } }).constants?.compileCacheStatus ?? {};
  // A cache another start switched on (NODE_COMPILE_CACHE, the parent thread) is the user's choice: left as it is.
  const result = enable(directory);
  return result.status === ENABLED || result.status === ALREADY_ENABLED ? (result.directory ?? directory) : undefined;
}
