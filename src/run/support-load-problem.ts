/** A support file that failed to load, as a problem located in the user's own file. Pure. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SpecProblem } from '../core/errors.js';

/** specloop's own compiled files: never the place to point a user at. */
export const OWN_DIST = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

type Where = { file: string; line: number; column?: number };
type LoadError = Error & { code?: string; requireStack?: string[] };

/**
 * `syntaxAt`: where Node's parser stops in a file, for a lexer's "Parse error" that names no real
 * place, and for an ES module's SyntaxError, which names no file at all: then the support files
 * (`loaded`) are checked in turn.
 */
export function supportLoadProblem(error: unknown, cwd: string, syntaxAt?: (file: string) => Omit<Where, 'file'> | undefined, loaded: string[] = []): SpecProblem {
  const err = error as LoadError;
  const root = `${cwd}${path.sep}`;
  const where = lexerError(err, syntaxAt) ?? placeOf(err) ?? unplacedSyntaxError(err, loaded, syntaxAt);
  const message = ownRequireStack(err.message);
  const detail = message.split('\n').filter((l) => l.trim()).slice(0, 8).join('\n').split(root).join('');
  return {
    code: 'SPEC_SUPPORT_LOAD',
    message: `loading step definitions failed: ${detail}`,
    ...(where ? { location: relative(where, cwd) } : {}),
    hint: 'fix the error where the step file is imported; the file must load without throwing',
  };
}

/**
 * Where the user should look, most precise first: a syntax error esbuild (tsx) reports in its
 * message, one Node's own parser reports as the stack's first line ("file:line", a caret below),
 * the first user frame of a throw or a CommonJS require, else the file whose import is missing.
 */
function placeOf(err: LoadError): Where | undefined {
  return firstUserFrame(err.message) ?? parserHeader(err) ?? firstUserFrame(err.stack ?? '') ?? missingImport(err);
}

/** es-module-lexer (inside tsx) throws "Parse error FILE:L:C" at the start of its scan, not at the error. */
function lexerError(err: LoadError, syntaxAt?: (file: string) => Omit<Where, 'file'> | undefined): Where | undefined {
  const file = /^Parse error ((?:file:\/\/)?\/.+?):\d+:\d+/.exec(err.message)?.[1];
  if (!file || !syntaxAt || !isUserFile(toPath(file))) return undefined;
  const at = syntaxAt(toPath(file));
  return at && { file: toPath(file), ...at };
}

function unplacedSyntaxError(err: LoadError, loaded: string[], syntaxAt?: (file: string) => Omit<Where, 'file'> | undefined): Where | undefined {
  if (!syntaxAt || (!(err instanceof SyntaxError) && err.name !== 'SyntaxError')) return undefined;
  for (const file of loaded.map(toPath).filter(isUserFile)) {
    const at = syntaxAt(file);
    if (at) return { file, ...at };
  }
  return undefined;
}

function firstUserFrame(text: string): Where | undefined {
  // A path starts a line, follows "(" or a space, or is a file URL: never the tail of "node:internal/…".
  for (const match of text.matchAll(/(?:^|[\s(])((?:file:\/\/)?\/[^\s():]+):(\d+):(\d+)(: ERROR:)?/gm)) {
    const file = toPath(match[1]!);
    if (!isUserFile(file)) continue;
    // esbuild's messages (tsx's transform errors: "file:L:C: ERROR: …") count columns from 0, stack frames from 1.
    return { file, line: Number(match[2]), column: Number(match[3]) + (match[4] ? 1 : 0) };
  }
  return undefined;
}

/** Node's parser (CommonJS and ES modules) puts "file:line", the source line and a caret above the message. */
function parserHeader(err: LoadError): Where | undefined {
  if (!(err instanceof SyntaxError) && err.name !== 'SyntaxError') return undefined;
  const [first, , caret] = (err.stack ?? '').split('\n');
  const match = /^((?:file:\/\/)?\/.+):(\d+)$/.exec(first ?? '');
  if (!match || !isUserFile(toPath(match[1]!))) return undefined;
  const column = caret?.indexOf('^') ?? -1;
  return { file: toPath(match[1]!), line: Number(match[2]), ...(column >= 0 ? { column: column + 1 } : {}) };
}

/** An import that does not resolve: Node names the importing file; find the import's line there. */
function missingImport(err: LoadError): Where | undefined {
  const importer = err.requireStack?.[0] ?? / imported from ((?:file:\/\/)?\/\S+)/.exec(err.message)?.[1];
  if (!importer || !isUserFile(toPath(importer))) return undefined;
  const file = toPath(importer);
  const missing = /Cannot find (?:module|package) '([^']+)'/.exec(err.message)?.[1];
  return { file, line: (missing && importLine(file, missing)) || 1 };
}

/** The 1-based line of the import or require naming `missing` (a specifier or the path it resolved to). */
function importLine(file: string, missing: string): number | undefined {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const lines = source.split('\n');
  const index = lines.findIndex((line) =>
    [...line.matchAll(/(?:from|import|require)\s*\(?\s*['"]([^'"]+)['"]/g)].some((m) => names(file, m[1]!, missing)),
  );
  return index >= 0 ? index + 1 : undefined;
}

function names(file: string, specifier: string, missing: string): boolean {
  if (specifier === missing) return true;
  return specifier.startsWith('.') && path.resolve(path.dirname(file), specifier) === toPath(missing);
}

/** Node's require stack runs from the failing file out to whoever loaded it: keep the project's part. */
function ownRequireStack(message: string): string {
  const [head, stack] = message.split(/\nRequire stack:\n/);
  if (stack === undefined) return message;
  const own: string[] = [];
  for (const entry of stack.split('\n')) {
    if (!entry.startsWith('- ') || !isUserFile(entry.slice(2))) break;
    own.push(entry);
  }
  return own.length ? `${head}\nRequire stack:\n${own.join('\n')}` : head!;
}

function isUserFile(file: string): boolean {
  return !file.includes('/node_modules/') && !file.startsWith('node:') && !file.startsWith(OWN_DIST);
}

function toPath(file: string): string {
  return file.startsWith('file://') ? fileURLToPath(file) : file;
}

function relative(where: Where, cwd: string): Where {
  return { ...where, file: path.relative(cwd, where.file).split(path.sep).join('/') };
}
