/**
 * Text → the imports that exist at run time. Pure: no file system.
 *
 * es-module-lexer (3.x, the full build) finds static imports, `export … from`, `export *`,
 * dynamic `import()` and `import x = require()`, and flags `import type` / `export type … from` /
 * `export type *` as `typeOnly`. It does NOT flag `import { type A, type B } from` or
 * `export { type A } from` (every binding type-only, so TypeScript and esbuild drop the whole
 * statement): that case is read here from the statement text. `require('x')` comes from
 * require-scan.ts. A `.tsx` / `.jsx` file the lexer rejects (JSX text such as `it's` reads as a
 * string to it) is re-parsed with the TypeScript parser (parse-jsx.ts).
 *
 * Known over-approximations (they select more, never less): an import whose bindings are used
 * only as types (`import { A }` with A an interface) counts; so does `const x: import('m') = y`.
 * Known under-approximation: under `verbatimModuleSyntax` TypeScript keeps
 * `import { type A } from 'm'` as `import {} from 'm'` (m's side effects run); it is not counted.
 */
import { init, parse } from 'es-module-lexer';
import { parseWithTypeScript } from './parse-jsx.js';
import { scanRequires } from './require-scan.js';
import type { ParsedImport } from './types.js';

export type ParseResult =
  | { readonly ok: true; readonly imports: ParsedImport[] }
  | { readonly ok: false; readonly error: string };

/** Compiles the lexer's WebAssembly; `parseImports` also works before (it compiles synchronously). */
export const initParser = (): Promise<void> => init();

const TS_FILE = /\.[cm]?tsx?$/;
const JSX_FILE = /\.[jt]sx$/;

export function parseImports(text: string, file = ''): ParseResult {
  let lexed: ReturnType<typeof parse>;
  try {
    lexed = parse(text, file);
  } catch (error) {
    if (JSX_FILE.test(file)) return parseWithTypeScript(text, file);
    return { ok: false, error: describeLexError(error) };
  }
  const isTs = TS_FILE.test(file);
  const imports: ParsedImport[] = [];
  const lexerStarts = new Set<number>();
  for (const entry of lexed[0]) {
    if (entry.type === 'import-meta') continue;
    lexerStarts.add(entry.start);
    if (entry.type === 'dynamic') {
      if (entry.specifier === undefined) {
        const expr = text.slice(entry.dynamicStart, entry.end).replace(/^\(/, '').trim();
        imports.push({ kind: 'non-literal', specifier: expr.slice(0, 200) });
      } else if (!(isTs && entry.probablyTypeOnly)) {
        imports.push({ kind: entry.glob ? 'glob' : 'dynamic', specifier: entry.specifier });
      }
      continue;
    }
    if (entry.typeOnly) continue;
    const head = text.slice(entry.importStart, Math.max(entry.importStart, entry.start - 1));
    if (isTs && allBindingsTypeOnly(head)) continue;
    const kind = entry.type === 'reexport-star' || head.startsWith('export') ? 'reexport' : 'static';
    imports.push({ kind, specifier: entry.specifier });
  }
  for (const call of scanRequires(text)) {
    // `import x = require('y')` is already a lexer import (and may be `import type x = …`).
    if (!lexerStarts.has(call.start)) imports.push({ kind: 'require', specifier: call.specifier });
  }
  return { ok: true, imports };
}

/**
 * `import { type A, type B as C } from` / `export { type A } from`: true when there is at least
 * one binding and every binding is `type X` or `type X as Y` (`type`, `type as x` are values
 * named `type`). A default or namespace binding beside the braces makes it a value import.
 */
export function allBindingsTypeOnly(head: string): boolean {
  const clean = head.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ');
  const match = /^(?:import|export)\s*\{([^}]*)\}\s*from\s*$/.exec(clean.trim());
  if (!match) return false;
  const bindings = match[1]!.split(',').map((b) => b.trim()).filter((b) => b.length > 0);
  if (bindings.length === 0) return false;
  return bindings.every((binding) => {
    const words = binding.split(/\s+/);
    return words[0] === 'type' && (words.length === 2 || words.length === 4);
  });
}

function describeLexError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const at = /:(\d+:\d+)\s*$/.exec(message);
  return at ? `syntax error at ${at[1]}` : `syntax error: ${message}`;
}
