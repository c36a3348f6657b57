import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { SpecProblem } from '../core/errors.js';
import type { ProfileConfig } from './cucumber-profile.js';

/*
 * specloop compiles TypeScript support code itself, so a profile whose `.ts` files cucumber-js
 * cannot compile still passes under spec verify. Measured with cucumber 12.9 and 13.3 on Node 20,
 * 22 and 24 (ESM, steps importing `../src/x.js`): cucumber reads `import:`/`require:` entries as
 * file globs, so `import: ['tsx', …]` or `['tsx/esm', …]` loads no tsx (the glob matches no file);
 * Node 20 then refuses `.ts` (ERR_UNKNOWN_FILE_EXTENSION) and Node's own type stripping (22.18+)
 * cannot map `.js` specifiers to `.ts` (ERR_MODULE_NOT_FOUND). NODE_OPTIONS="--import tsx" and a
 * support file that calls tsx's register() first load them. Anything that may register a
 * compiler counts as one (a requireModule, a loader, NODE_OPTIONS that preload, here or in a
 * package.json script, which is where projects set it for `npm test`; an `import:` or `require:`
 * entry that is a JavaScript file or glob): the warning is never given on a guess.
 */

const TS_ENTRY = /\.(?:[cm]?ts|tsx)(?:$|[},])|\{[^}]*\b[cm]?tsx?\b[^}]*\}/;
const PRELOAD = /(?:^|\s)(?:--import|--require|-r|--loader|--experimental-loader)(?:[=\s]|$)/;
const GLOB = /[*?{[]/;

/** The warning, when the profile names TypeScript support files and nothing cucumber-js would compile them with. */
export function uncompiledTypeScript(root: string, file: string, profile: ProfileConfig, nodeOptions: string | undefined): SpecProblem | undefined {
  const entries = [...profile.import, ...profile.require];
  const typeScript = entries.filter((e) => TS_ENTRY.test(e));
  if (!typeScript.length || profile.requireModule.length || profile.loader.length || PRELOAD.test(nodeOptions ?? '') || scriptsPreload(root)) return undefined;
  const others = entries.filter((e) => !TS_ENTRY.test(e));
  // A JavaScript file or glob may register a compiler (tsx's register()): no warning on a guess.
  if (others.some((e) => GLOB.test(e) || existsSync(path.resolve(root, e)))) return undefined;
  const globbed = others.length ? ` (${others.map((e) => `'${e}'`).join(', ')} in import/require ${others.length > 1 ? 'match' : 'matches'} no file: cucumber-js reads those entries as file globs, not modules, so it loads nothing for ${others.length > 1 ? 'them' : 'it'})` : '';
  return {
    code: 'SPEC_PROFILE_TS_UNCOMPILED',
    message: `${file} names TypeScript support files (${typeScript.join(', ')}) but nothing cucumber-js would compile them with${globbed}. specloop compiles them itself, so this verdict can pass where \`npx cucumber-js\` fails: Node before 22.18 loads no .ts file, and Node's own type stripping cannot map \`.js\` imports to \`.ts\` files`,
    hint: `for cucumber-js, preload tsx: NODE_OPTIONS="--import tsx" where it runs (the test script, CI), or list first in import: a file that calls register() from 'tsx/esm/api'; for CommonJS, requireModule: ['tsx/cjs'] with require:`,
  };
}

/** A package.json script that preloads (NODE_OPTIONS, node --import, tsx as the runner): `npm test` may compile what `npx cucumber-js` alone would not. */
function scriptsPreload(root: string): boolean {
  try {
    const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, unknown> }).scripts ?? {};
    return Object.values(scripts).some((script) => typeof script === 'string' && (/NODE_OPTIONS/.test(script) || PRELOAD.test(script) || /(?:^|[\s;&|])tsx\s/.test(script)));
  } catch {
    return true;
  }
}

/** tsx's own entries that throw when registered as a loader hook (tsx 4; measured with 4.23 on Node 20, 22 and 24). */
const TSX_AS_LOADER = new Set(['tsx', 'tsx/esm']);

/**
 * The warning, when the profile's `loader` names tsx and the project's tsx refuses to be one:
 * cucumber registers each loader as a module hook, which tsx 4 answers with "tsx must be loaded
 * with --import instead of --loader" before any scenario runs. specloop drops TypeScript loaders
 * and compiles itself, so its verdict alone would pass where `npx cucumber-js` cannot start.
 */
export function refusedLoader(root: string, file: string, profile: ProfileConfig): SpecProblem | undefined {
  const named = profile.loader.filter((l) => TSX_AS_LOADER.has(l));
  if (!named.length) return undefined;
  const version = tsxVersion(root);
  if (version === undefined || Number(version.split('.')[0]) < 4) return undefined;
  return {
    code: 'SPEC_PROFILE_LOADER_REFUSED',
    message: `${file} names ${named.map((l) => `'${l}'`).join(', ')} as cucumber's loader, which tsx ${version} refuses ("tsx must be loaded with --import instead of --loader"): \`npx cucumber-js\` fails before any scenario, while specloop compiles TypeScript itself and runs them`,
    hint: 'drop loader: and preload tsx where cucumber-js runs: NODE_OPTIONS="--import tsx" in the test script and CI',
  };
}

function tsxVersion(root: string): string | undefined {
  try {
    const manifest = createRequire(path.join(root, 'package.json')).resolve('tsx/package.json');
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}
