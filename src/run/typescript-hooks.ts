/**
 * The runner's module hooks: tsx for TypeScript (require hooks at boot, ESM hooks only once a job
 * imports) and, for ES modules, the hooks that give every run fresh copies of the project's own
 * modules (fresh-esm-hooks.ts). Each is registered once per runner: module hooks stack.
 */
import { createRequire, register as registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';
import { loadsEsModules, type SupportJob } from './protocol.js';
import { linkedPackages } from '../core/linked-packages.js';

const ownRequire = createRequire(import.meta.url);

let cjsRegistered = false;

/** tsx's require hooks go in at boot (they only affect require); ESM hooks only when a job imports. */
export function registerCommonJs(): void {
  if (cjsRegistered) return;
  (ownRequire('tsx/cjs/api') as { register: () => void }).register();
  cjsRegistered = true;
}

let esmRegistered = false;
/** Bumped before each reload: the fresh-module hooks put it in the URL of every project module. */
const generation = new Int32Array(new SharedArrayBuffer(4));

/** `root`: the project folder, whose modules (outside node_modules) load fresh each run. */
export async function registerTypeScript(support: SupportJob, root: string): Promise<void> {
  registerCommonJs();
  if (esmRegistered || !loadsEsModules(support)) return;
  esmRegistered = true;
  const { register } = (await import('tsx/esm/api')) as { register: () => void };
  register();
  // After tsx, so these run first and rename what tsx resolved.
  // Linked packages (workspace siblings the project imports) are its code too: they load fresh as well.
  const data = { root: pathToFileURL(root).href + '/', linked: linkedPackages(root).map((p) => pathToFileURL(p.dir).href + '/'), generation: generation.buffer };
  // From dist/ the hooks are .js; from source (the unit tests) they are .ts, which the loader
  // thread reads through tsx's hooks, or Node 22+'s own type stripping, where a .js name fails.
  const hooks = import.meta.url.endsWith('.ts') ? './fresh-esm-hooks.ts' : './fresh-esm-hooks.js';
  registerHooks(new URL(hooks, import.meta.url), { data });
}

/** The next load evaluates fresh copies of the project's ES modules (CommonJS ones leave require.cache: purge.ts). */
export function freshModules(): void {
  Atomics.add(generation, 0, 1);
}
