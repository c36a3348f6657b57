/**
 * Node ≥ 22.1 can keep V8's compiled code of every module it loads on disk
 * (`module.enableCompileCache`), sparing each later process most of the compile cost of
 * specloop's modules and of the project's cucumber: a start-up cost every `spec verify`, every
 * shard and every runner pays (bench/RESULTS.md, session 8 B). The cache lives under the project's
 * `.spec/` only, never elsewhere: when that folder is not there or not writable it stays off,
 * silently (nothing is wrong). On Node 20 the function does not exist: off.
 */
import { accessSync, constants } from 'node:fs';
import nodeModule from 'node:module';
import path from 'node:path';

type Enable = (directory: string) => { status: number; directory?: string };

export const COMPILE_CACHE_DIR = path.join('.spec', 'compile-cache');

/** Switches the cache on for this thread under `<root>/.spec/compile-cache`; the folder it uses, or undefined when off. */
export function enableCompileCache(root: string, enable: Enable | null = (nodeModule as { enableCompileCache?: Enable }).enableCompileCache ?? null): string | undefined {
  if (!enable) return undefined;
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
