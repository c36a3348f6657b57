/**
 * Where Node's own parser stops in a JavaScript file. tsx's module lexer rejects an ES module with
 * a syntax error before V8 sees it, and names a place ("Parse error file:1:1") that is not the
 * error's: `node --check` gives the line and a caret under the column, as plain cucumber-js would.
 */
import { spawnSync } from 'node:child_process';

export function jsSyntaxErrorAt(file: string): { line: number; column?: number } | undefined {
  if (!/\.[cm]?js$/.test(file)) return undefined;
  // Bounded: a parse of one file, on the failure path only; the child ends before this returns.
  const checked = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8', timeout: 10_000 });
  const [first, , caret] = (checked.stderr ?? '').split('\n');
  const line = /:(\d+)$/.exec(first ?? '')?.[1];
  if (checked.status !== 1 || !line) return undefined;
  const column = caret?.indexOf('^') ?? -1;
  return { line: Number(line), ...(column >= 0 ? { column: column + 1 } : {}) };
}
