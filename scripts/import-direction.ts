/**
 * Checks that src/ imports flow one way (scripts/import-direction.rules.ts says which way).
 *
 * Why not dependency-cruiser: it reads TypeScript only through the `typescript` package's compiler
 * API (versions >=2 <7) or @swc/core. Here `typescript` is 7.x, the native compiler without that
 * API, so dependency-cruiser 17 (the last line that runs on Node 20) scans no .ts file at all and
 * would pass on anything; @swc/core needs an install script. es-module-lexer, already a
 * dependency, lexes TypeScript and reports every import with its position, type-only ones
 * included, which is all a folder-level rule needs.
 *
 * Counted: static imports and re-exports (type-only too) and `import('…')` with a literal path
 * (also in type positions). Not counted: `require()` through createRequire and computed
 * `import()` paths; src/ uses those only for packages, which no rule is about.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { init, parse } from 'es-module-lexer';
import { BRANCHES, FRONT_ENDS, KNOWN_VIOLATIONS, PIPELINE, ROOT } from './import-direction.rules.js';

export interface Violation {
  /** Importing file, relative to the project root (`src/run/gates.ts`). */
  readonly from: string;
  readonly line: number;
  /** Imported file, relative to the project root. */
  readonly to: string;
  readonly why: string;
}

const pipeline: readonly string[] = PIPELINE;
const frontEnds: readonly string[] = FRONT_ENDS;

/** Why `from` may not import `to` (folder names; ROOT for files directly in src/), or undefined. */
export function forbidden(from: string, to: string): string | undefined {
  if (from === to) return undefined;
  for (const folder of [from, to]) {
    if (folder !== ROOT && !pipeline.includes(folder) && !frontEnds.includes(folder) && !(folder in BRANCHES)) {
      return `src/${folder}/ has no place in the import direction: add it to scripts/import-direction.rules.ts`;
    }
  }
  if (frontEnds.includes(to)) return `nothing imports a front end (${to}/)`;
  if (to === ROOT) return 'nothing imports the package entry (src/index.ts)';
  const branch = BRANCHES[to];
  if (branch) return branch.importedBy.includes(from) ? undefined : `${to}/ is imported only by ${branch.importedBy.join(', ')}`;
  const own = BRANCHES[from];
  if (own) return own.imports.includes(to) ? undefined : `${from}/ imports only from ${own.imports.join(', ')}`;
  if (from === ROOT || frontEnds.includes(from)) return undefined;
  return pipeline.indexOf(to) < pipeline.indexOf(from) ? undefined : `${from}/ comes before ${to}/ in the pipeline (${pipeline.join(' → ')})`;
}

/**
 * `import('…')` with a literal relative path. The lexer misses it right after `=` in a type alias
 * (`type A = import('./a.js').A`), so the text is also searched for it; one in a comment counts as
 * well, which can only make the check stricter.
 */
const IMPORT_CALL = /\bimport\s*\(\s*(['"])(\.[^'"\n]*)\1/g;

/** Relative specifiers a TypeScript file imports, with their lines. Throws on text it cannot lex. */
export function relativeImports(text: string, file: string): { specifier: string; line: number }[] {
  const [entries] = parse(text, file);
  const lineAt = (offset: number): number => text.slice(0, offset).split('\n').length;
  const found = new Map<string, { specifier: string; line: number }>();
  const add = (specifier: string, line: number): void => void found.set(`${line}:${specifier}`, { specifier, line });
  for (const entry of entries) {
    if (entry.type === 'import-meta' || entry.specifier === undefined || !entry.specifier.startsWith('.')) continue;
    add(entry.specifier, lineAt(entry.start));
  }
  for (const match of text.matchAll(IMPORT_CALL)) add(match[2]!, lineAt(match.index));
  return [...found.values()].sort((a, b) => a.line - b.line);
}

/** The folder a file of src/ belongs to, ROOT for files directly in it; undefined outside src/. */
function folderOf(srcDir: string, file: string): string | undefined {
  const rel = path.relative(srcDir, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const parts = rel.split(path.sep);
  return parts.length === 1 ? ROOT : parts[0];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.[cm]?tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

export interface DirectionReport {
  /** Imports between src/ files looked at (so a lexer that found nothing cannot pass as clean). */
  readonly checked: number;
  /** Upward imports not in KNOWN_VIOLATIONS. */
  readonly violations: Violation[];
  /** Entries of KNOWN_VIOLATIONS that no longer occur: remove them. */
  readonly stale: { readonly from: string; readonly to: string }[];
}

/** Every import in `root`/src that goes against the direction. */
export async function checkImportDirection(root: string, known = KNOWN_VIOLATIONS): Promise<DirectionReport> {
  await init();
  const srcDir = path.join(root, 'src');
  const violations: Violation[] = [];
  let checked = 0;
  for (const file of sourceFiles(srcDir)) {
    const from = folderOf(srcDir, file)!;
    for (const { specifier, line } of relativeImports(readFileSync(file, 'utf8'), file)) {
      const target = path.resolve(path.dirname(file), specifier).replace(/\.([cm]?)js$/, '.$1ts');
      const to = folderOf(srcDir, target);
      if (to !== undefined) checked++;
      const why = to === undefined ? undefined : forbidden(from, to);
      if (why) violations.push({ from: toPosix(path.relative(root, file)), line, to: toPosix(path.relative(root, target)), why });
    }
  }
  const isKnown = (v: { from: string; to: string }) => (k: { from: string; to: string }) => k.from === v.from && k.to === v.to;
  return {
    checked,
    violations: violations.filter((v) => !known.some(isKnown(v))),
    stale: known.filter((k) => !violations.some(isKnown(k))),
  };
}

const toPosix = (p: string): string => p.split(path.sep).join('/');

export function formatViolation(v: Violation): string {
  return `${v.from}:${v.line} imports ${v.to}: ${v.why}`;
}
