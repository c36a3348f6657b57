/**
 * A long-lived runner (watch) evaluates every project module afresh for each run, so no state a
 * scenario left in one reaches the next and every edit is seen (worker.ts, purge.ts). Node compiles
 * each of them again every time: on Node 20, with nothing cached, that and re-reading the module's
 * source map were a third of a reload (bench/RESULTS.md, session 17).
 *
 * A module whose code is exactly what it was at its last compile runs again from the function
 * compiled then. Calling a module's function again gives it a new scope: its top-level variables
 * start from their initial values, as in a fresh compile, and nothing of the last call is reachable
 * from the new one. Code that changed, or that this runner has not compiled yet, goes through Node.
 *
 * Stack traces map to the TypeScript through the source map Node read when it compiled the code
 * (tsx inlines it). Node keeps one per file, only while the module it compiled for is alive
 * (internal/source_map/source_map_cache_map.js, Node 20–24): that module is held here. A file Node
 * compiles again replaces both, so a reused function never runs under another version's map.
 */
import { createRequire } from 'node:module';
import nodeModule from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

type Compile = (this: NodeJS.Module, content: string, filename: string, format?: string) => unknown;
type ModuleHost = { prototype: { _compile: Compile } };
type ModuleFunction = (exports: unknown, require: NodeJS.Require, module: NodeJS.Module, filename: string, dirname: string) => unknown;

interface Compiled {
  code: string;
  /** The module Node compiled `code` for: the file's source map lives as long as it does. */
  holder: NodeJS.Module;
  /** Compiled on its first reuse; null when the code is not a CommonJS function body. */
  run?: ModuleFunction | null;
}

export interface CompiledModules {
  /** Off for a load that records coverage: a reused function was compiled without its counters. */
  enabled: boolean;
  /** How often code ran from a kept function, and how often Node compiled it (for tests and timing). */
  readonly counts: { reused: number; compiled: number };
  uninstall(): void;
}

const PARAMETERS = ['exports', 'require', 'module', '__filename', '__dirname'];

/**
 * Wraps Module#_compile (tsx's require hook calls it with the code it transformed) for the files
 * `owns` names: the project's own modules, never node_modules.
 */
export function reuseCompiledModules(owns: (filename: string) => boolean, host: ModuleHost = nodeModule as unknown as ModuleHost): CompiledModules {
  const nodeCompile = host.prototype._compile;
  const kept = new Map<string, Compiled>();
  const state: CompiledModules = {
    enabled: true,
    counts: { reused: 0, compiled: 0 },
    uninstall: () => {
      if (host.prototype._compile === compile) host.prototype._compile = nodeCompile;
      kept.clear();
    },
  };
  const compile: Compile = function (this: NodeJS.Module, content, filename, format) {
    // Node's own TypeScript formats (22.18+) and ES modules compile another way: Node's business.
    if ((format !== undefined && format !== 'commonjs') || !owns(filename)) return nodeCompile.call(this, content, filename, format);
    const entry = kept.get(filename);
    if (state.enabled && entry?.code === content) {
      entry.run ??= compiledFunction(content, filename);
      if (entry.run) {
        state.counts.reused++;
        return entry.run.call(this.exports, this.exports, requireFor(this), this, filename, path.dirname(filename));
      }
    }
    // Forgotten before Node compiles: should this throw, the file's source map is already the new code's.
    kept.delete(filename);
    state.counts.compiled++;
    const result = nodeCompile.call(this, content, filename, format);
    kept.set(filename, { code: content, holder: this });
    return result;
  };
  host.prototype._compile = compile;
  return state;
}

function compiledFunction(code: string, filename: string): ModuleFunction | null {
  try {
    return vm.compileFunction(code, PARAMETERS, { filename, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER }) as ModuleFunction;
  } catch {
    return null;
  }
}

/**
 * The `require` a module's code gets: loads through the module itself (its children and the cache
 * as Node keeps them); resolves as Node's own does from the module's file.
 */
function requireFor(module: NodeJS.Module): NodeJS.Require {
  const fromFile = createRequire(module.filename);
  const require = ((id: string) => module.require(id)) as NodeJS.Require;
  require.resolve = fromFile.resolve;
  require.main = process.mainModule;
  require.extensions = fromFile.extensions;
  require.cache = fromFile.cache;
  return require;
}
