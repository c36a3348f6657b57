#!/usr/bin/env node
// Replaces dist/core/zod.js (tsc's `export { z } from 'zod'`) with one module bundling only the zod
// functions src/ calls, so no command pays for loading zod's ≈ 95 modules and every locale
// (src/core/zod.ts says why). Run after tsc, by `npm run build` and `npm test`.
//
// What src/ calls is read from tsc's output, where types are gone: every `z.NAME` in dist/'s
// JavaScript (z.core.$ZodIssue, a type, would pull in all of zod again). src/core/zod.ts is the only
// module that imports zod and `z` is only ever used as `z.NAME` (test/zod-bundle.test.ts), so
// nothing dist/ reaches can be missing.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { z as zod } from 'zod';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** The `z.NAME`s in compiled JavaScript under `dir` that zod's `z` has, sorted. */
export function zodNamesUsed(dir = path.join(root, 'dist')) {
  const names = new Set();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (!entry.isFile() || !/\.[cm]?js$/.test(entry.name) || file === path.join(dir, 'core', 'zod.js')) continue;
    const text = readFileSync(file, 'utf8');
    // `z.` not preceded by a name or a member dot (`a.z.b`); a spread (`...z.x`) counts.
    for (const match of text.matchAll(/(?:^|[^\w$.]|\.\.\.)z\.([A-Za-z_$][\w$]*)/g)) names.add(match[1]);
  }
  return [...names].filter((name) => Object.hasOwn(zod, name)).sort();
}

/** The bundle's entry: the used names, imported under `$` aliases (`enum`, `instanceof` are keywords). */
export function entrySource(names) {
  const imports = names.map((name) => `${name} as $${name}`).join(', ');
  const fields = names.map((name) => `${name}: $${name}`).join(', ');
  return `import { ${imports} } from 'zod';\nexport const z = Object.freeze({ ${fields} });\n`;
}

async function main() {
  const names = zodNamesUsed();
  const version = JSON.parse(readFileSync(path.join(root, 'node_modules', 'zod', 'package.json'), 'utf8')).version;
  await build({
    stdin: { contents: entrySource(names), resolveDir: root, sourcefile: 'zod-entry.js', loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile: path.join(root, 'dist', 'core', 'zod.js'),
    allowOverwrite: true,
    legalComments: 'inline',
    // MIT asks that the notice go with every copy: the bundle is one, so it carries zod's licence text.
    banner: { js: `// zod ${version} (https://zod.dev), bundled by scripts/bundle-zod.mjs with only: ${names.join(', ')}.\n/*\n${readFileSync(path.join(root, 'node_modules', 'zod', 'LICENSE'), 'utf8').replaceAll('*/', '* /').trim()}\n*/` },
    logLevel: 'warning',
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
