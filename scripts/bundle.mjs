#!/usr/bin/env node
// Builds dist/bundle/: the CLI, the MCP server and the runner's entries as a few esbuild bundles of
// tsc's output, so a process loads a handful of files instead of ≈ 50 of dist/ and ≈ 100 of its
// dependencies (module loading was most of a verify's fixed cost: bench/RESULTS.md, session 8 B).
// Run after tsc and bundle-zod, by `npm run build` and `npm test`. dist/'s own modules stay as tsc
// wrote them: the library entry (dist/index.js) and tests that import dist/ use them.
//
// - Code splitting keeps every import() lazy: a chunk loads only when the import() runs.
// - Files dist/ code reaches by URL (new URL('./x.js', import.meta.url)) are entries or copies
//   beside the chunks; dist/bundle/ is one level under dist/ as dist/cli/ is, so '../' and
//   '../../package.json' still name dist/ and the package.
// - Not bundled: the peer @cucumber/cucumber (resolved from the user's project), tsx (registered by
//   path), the TypeScript compiler (large, loaded by require() when needed) and packages that read
//   their own files beside them (@cucumber/html-formatter).
// - Bundled packages' licence texts go to dist/bundle/LICENSES.txt, which every output names.
import { copyFileSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(root, 'dist');
export const BUNDLE_DIR = path.join(dist, 'bundle');

/** Output name → tsc's module. Each is a process's entry or a file started by URL. */
export const ENTRIES = {
  cli: 'cli/entry.js',
  mcp: 'mcp/main.js',
  // bin/spec.js starts verify's runner thread with it before the CLI loads (src/run/prestart.ts).
  prestart: 'run/prestart.js',
  'vacuous-worker': 'debt/vacuous-worker.js',
  'fresh-esm-hooks': 'run/fresh-esm-hooks.js',
};
/**
 * The runner's entry, built apart as one CommonJS file (worker.cjs): a thread whose entry is an ES
 * module starts Node's ES module loader first and links each chunk, ≈ 20 ms of a runner's start on
 * Node 20, on the path to the first scenario of every verify (bench/RESULTS.md, session 18).
 */
export const RUNNER = { name: 'worker', file: 'run/worker.js' };
/** Where code that starts the runner finds it in the bundle (src/run/runner-entry.ts): set in both builds. */
const RUNNER_ENTRY = { __SPECLOOP_RUNNER_ENTRY__: JSON.stringify(`./${RUNNER.name}.cjs`) };
/** CommonJS files loaded by path at run time (cucumber's parallel workers require the preamble). */
const COPIED = ['run/worker-preamble.cjs', 'run/capture-errors.cjs', 'run/read-recorder.cjs', 'run/sync-spawns.cjs', 'run/late-errors.cjs', 'run/cucumber-load-check.cjs'];
// jsonc-parser's main is UMD: its require('./impl/…') calls would look beside the bundle.
const EXTERNAL = ['jsonc-parser', '@cucumber/cucumber', '@cucumber/cucumber/*', 'tsx', 'tsx/*', 'typescript', 'ts-morph', '@ts-morph/common', '@ts-morph/common/*', '@cucumber/html-formatter', './capture-errors.cjs', './read-recorder.cjs', './sync-spawns.cjs', './late-errors.cjs'];
/** Bundles tsc's output already holds (scripts/bundle-zod.mjs), by the package they came from. */
const PREBUNDLED = { 'dist/core/zod.js': 'zod' };

/**
 * A CommonJS package loaded with import() stays external: in a split build esbuild gives its chunk
 * only a default export (`export default require_x()`), so `(await import('yaml')).parse` would be
 * undefined, where Node's own loader gives the named exports. Such packages load lazily anyway.
 */
export const commonJsImportsExternal = {
  name: 'commonjs-imports-external',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.kind !== 'dynamic-import' || args.pluginData === 'inner' || args.path.startsWith('node:')) return undefined;
      const resolved = await pluginBuild.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'inner' });
      if (resolved.errors.length > 0 || resolved.external) return resolved.errors.length > 0 ? { errors: resolved.errors } : { path: args.path, external: true };
      return isCommonJs(resolved.path) ? { path: args.path, external: true } : { path: resolved.path };
    });
  },
};

/** Whether Node loads `file` as CommonJS: .cjs, or .js under a package.json without "type": "module". */
function isCommonJs(file) {
  if (/\.cjs$/.test(file)) return true;
  if (/\.mjs$/.test(file)) return false;
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')).type !== 'module';
  }
  return true;
}

/** The packages (name → folder) whose code went into the bundles, from esbuild's metafile. */
export function bundledPackages(metafile) {
  const packages = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input);
    if (match) packages.set(match[2], path.join(root, match[1]));
    else if (PREBUNDLED[input]) packages.set(PREBUNDLED[input], path.join(root, 'node_modules', PREBUNDLED[input]));
  }
  return new Map([...packages].sort(([a], [b]) => a.localeCompare(b)));
}

/** Each package's name, version and licence text (its LICENSE file, or its package.json's licence field when it ships none). */
export function licenceText(packages) {
  const sections = [...packages].map(([name, dir]) => {
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const file = readdirSync(dir).find((entry) => /^(licen[cs]e|copying)([.-]|$)/i.test(entry));
    const declared = pkg.license ?? pkg.licenses?.map((entry) => entry.type).join(' OR ') ?? 'not stated';
    const text = file ? readFileSync(path.join(dir, file), 'utf8').trim() : `Licence: ${declared} (the package ships no licence file; see ${pkg.homepage ?? pkg.repository?.url ?? 'its npm page'}).`;
    return `${'='.repeat(78)}\n${name}@${pkg.version}\n${'='.repeat(78)}\n${text}\n`;
  });
  return `Third-party code bundled into specloop's dist/bundle/ (scripts/bundle.mjs), with each package's licence.\n\n${sections.join('\n')}`;
}

async function main() {
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  const result = await build({
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, path.join(dist, file)])),
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir: BUNDLE_DIR,
    external: EXTERNAL,
    plugins: [commonJsImportsExternal],
    define: RUNNER_ENTRY,
    // Bundled CommonJS packages call require() for Node's built-ins, and write-file-atomic hashes
    // __filename into its temporary names; an ES module has neither. No __dirname: a package that
    // finds its own files by it must stay external (test/bundle.test.ts).
    banner: { js: `// specloop, bundled by scripts/bundle.mjs; third-party licences: LICENSES.txt beside this file.\nimport { createRequire as __specloopCreateRequire } from 'node:module';\nimport { fileURLToPath as __specloopFileURLToPath } from 'node:url';\nconst require = __specloopCreateRequire(import.meta.url);\nconst __filename = __specloopFileURLToPath(import.meta.url);` },
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  const runner = await build({
    entryPoints: { [RUNNER.name]: path.join(dist, RUNNER.file) },
    absWorkingDir: root,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outdir: BUNDLE_DIR,
    outExtension: { '.js': '.cjs' },
    external: EXTERNAL,
    plugins: [commonJsImportsExternal],
    // tsc's output is ES modules: strict, and import.meta.url names their file (here, this one).
    define: { 'import.meta.url': '__specloopImportMetaUrl', ...RUNNER_ENTRY },
    banner: { js: `"use strict";\n// specloop, bundled by scripts/bundle.mjs; third-party licences: LICENSES.txt beside this file.\nconst __specloopImportMetaUrl = require('node:url').pathToFileURL(__filename).href;` },
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  const metafile = { inputs: { ...result.metafile.inputs, ...runner.metafile.inputs }, outputs: { ...result.metafile.outputs, ...runner.metafile.outputs } };
  for (const file of COPIED) copyFileSync(path.join(dist, file), path.join(BUNDLE_DIR, path.basename(file)));
  writeFileSync(path.join(BUNDLE_DIR, 'LICENSES.txt'), licenceText(bundledPackages(metafile)));
  // Kept for test/bundle.test.ts: what each output loads statically, and from which modules.
  writeFileSync(path.join(BUNDLE_DIR, 'meta.json'), JSON.stringify(metafile));
  for (const file of ['cli.js', 'worker.cjs']) if (!existsSync(path.join(BUNDLE_DIR, file))) throw new Error(`bundle: dist/bundle/${file} was not written`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
