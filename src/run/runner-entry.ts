import { fileURLToPath } from 'node:url';

/** Set by scripts/bundle.mjs in dist/bundle/, whose runner is one CommonJS file (worker.cjs). */
declare const __SPECLOOP_RUNNER_ENTRY__: string | undefined;

/**
 * The runner's entry file beside this module: tsc's dist/run/worker.js, or the bundle's worker.cjs.
 * A sibling by URL, not by the caller's name: in the bundle this code sits in a shared chunk.
 */
export function runnerEntryFile(): string {
  const name = typeof __SPECLOOP_RUNNER_ENTRY__ === 'string' ? __SPECLOOP_RUNNER_ENTRY__ : './worker.js';
  return fileURLToPath(new URL(name, import.meta.url));
}
