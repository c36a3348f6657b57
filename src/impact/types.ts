/**
 * Shared types of the import graph (src/impact/). No code: parsing, resolution, storage and
 * I/O each live in their own file and meet here.
 */

/** How a module names another one. Type-only forms never produce an import. */
export type ImportKind =
  | 'static' // import … from 'x', import 'x', import x = require('x')
  | 'reexport' // export … from 'x', export * from 'x'
  | 'dynamic' // import('x') with a string literal
  | 'glob' // import(`./x/${y}.js`): the template, `${…}` collapsed to `*`
  | 'require' // require('x') with a string literal
  | 'non-literal'; // import(expr): not statically analysable; specifier is the expression text

/** One import as written in a file: the output of parsing, the input of resolution. */
export interface ParsedImport {
  readonly kind: ImportKind;
  readonly specifier: string;
}

/** Why a specifier resolved to no project file (bare packages are externals, not this). */
export type UnresolvedReason = 'not-found' | 'outside-root' | 'non-literal';

/** One import after resolution: exactly one of target / external / unresolved is set. */
export interface ImportRecord extends ParsedImport {
  /** Absolute path of the project file it names. A glob may name several: one record each. */
  readonly target?: string;
  /** Bare package name (`lodash`, `@scope/pkg`) or builtin (`node:fs`). */
  readonly external?: string;
  readonly unresolved?: UnresolvedReason;
}

/**
 * The file system the graph reads through: Node's (fs.ts, with a directory-listing cache) in
 * production, an in-memory one in tests. Synchronous on purpose: an incremental update does a
 * handful of lookups and must stay around a millisecond.
 */
export interface FileSystem {
  /** True when a regular file (or a symlink to one) exists at this absolute path. */
  exists(file: string): boolean;
  /** The file's text, or undefined when it can't be read (missing, a directory, no access). */
  readFile(file: string): string | undefined;
  /** mtimeMs and size of a regular file, or undefined when there is no such file. */
  stat(file: string): FileStat | undefined;
  /** Forget anything cached about this path and its folder (a file was created or deleted). */
  invalidate?(file: string): void;
  /** The real path of a file or folder (symlinks followed), or undefined when there is none. */
  realpath?(file: string): string | undefined;
}

export interface FileStat {
  readonly mtimeMs: number;
  readonly size: number;
}

/** The outcome of `ImportGraph.update(file)`. Never thrown: errors are data. */
export interface UpdateResult {
  readonly file: string;
  /**
   * changed / unchanged (same imports) / created / deleted / error (kept, no edges) / config
   * (a tsconfig or package.json: everything re-resolved) / ignored (not code, nothing imports it,
   * or a deleted file the graph never had).
   */
  readonly status: 'changed' | 'unchanged' | 'created' | 'deleted' | 'error' | 'config' | 'ignored';
  /** Dependencies the file gained / lost (absolute paths). */
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** Other files whose imports were re-resolved because this file appeared or disappeared. */
  readonly rewired: readonly string[];
  /** The parse error, when status is 'error'. */
  readonly error?: string;
}
