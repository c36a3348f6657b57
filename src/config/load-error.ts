/**
 * Where a config file that failed to load went wrong, so SPEC_CONFIG_LOAD names its real line and
 * column as a JSON config's syntax error does, never line 1 with the place buried in the message.
 */
import { fileURLToPath } from 'node:url';
import { jsSyntaxErrorAt } from '../core/syntax-check.js';

export interface ConfigLoadPlace {
  line: number;
  column?: number;
  /** The error without the loader's wrapping ("Transform failed with 1 error: FILE:L:C: ERROR: "). */
  reason: string;
}

/** `file` is the config's absolute path; undefined when nothing in the error places it in that file. */
export function configLoadPlace(error: unknown, file: string): ConfigLoadPlace | undefined {
  const err = error instanceof Error ? error : new Error(String(error));
  return esbuildError(err, file) ?? parserHeader(err, file) ?? moduleSyntaxError(err, file) ?? thrownIn(err, file);
}

/** tsx compiles a .ts config with esbuild, whose message is "FILE:LINE:COLUMN: ERROR: reason", the column 0-based. */
function esbuildError(err: Error, file: string): ConfigLoadPlace | undefined {
  for (const match of err.message.matchAll(/^((?:file:\/\/)?\/.+?):(\d+):(\d+): ERROR: (.+)$/gm)) {
    if (toPath(match[1]!) === file) return { line: Number(match[2]), column: Number(match[3]) + 1, reason: match[4]! };
  }
  return undefined;
}

/** Node's CommonJS parser puts "FILE:LINE", the source line and a caret above the stack. */
function parserHeader(err: Error, file: string): ConfigLoadPlace | undefined {
  if (err.name !== 'SyntaxError') return undefined;
  const [first, , caret] = (err.stack ?? '').split('\n');
  const match = /^((?:file:\/\/)?\/.+):(\d+)$/.exec(first ?? '');
  if (!match || toPath(match[1]!) !== file) return undefined;
  const column = caret?.indexOf('^') ?? -1;
  return { line: Number(match[2]), ...(column >= 0 ? { column: column + 1 } : {}), reason: err.message };
}

/** Node 20 places an ES module's syntax error nowhere: its own parser (`node --check`) does. */
function moduleSyntaxError(err: Error, file: string): ConfigLoadPlace | undefined {
  if (err.name !== 'SyntaxError') return undefined;
  const at = jsSyntaxErrorAt(file);
  return at && { ...at, reason: err.message };
}

/** A config that throws while it runs: the first stack frame in the config file. */
function thrownIn(err: Error, file: string): ConfigLoadPlace | undefined {
  for (const match of (err.stack ?? '').matchAll(/((?:file:\/\/)?\/[^\s():]+):(\d+):(\d+)/g)) {
    if (toPath(match[1]!) === file) return { line: Number(match[2]), column: Number(match[3]), reason: err.message };
  }
  return undefined;
}

function toPath(file: string): string {
  return file.startsWith('file://') ? fileURLToPath(file) : file;
}
