/**
 * Finds where src/ reads the process's environment itself instead of the SpecEnvironment it is
 * given: `process.env`, `process.cwd()`, `process.stdout`, `process.stderr` (however written:
 * `process['env']`, `globalThis.process.env`, `const { env } = process`, `import { env } from
 * 'node:process'`, or `process` handed on whole), and any use of `console`. Read by
 * test/process-access.test.ts in every `npm test`.
 *
 * Why: below cli/ every module takes cwd, env and streams as data (core/env.ts's SpecEnvironment),
 * so the API, the MCP server and tests run in-process on any folder and stream. One that reads the
 * process quietly works on the wrong folder or prints into a host's terminal. Parsed with the
 * TypeScript parser (ts-morph bundles it; `typescript` 7 here has no compiler API), so comments
 * and strings that mention `process.env` do not count.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ts as TS } from 'ts-morph';

const ts = createRequire(import.meta.url)('@ts-morph/common/dist/typescript.js') as typeof TS;

/** The process's own entries: the command line, the MCP server's entry (`spec mcp`), and the runner's own thread or child. */
const PROCESS_ENTRIES = [/^src\/cli\//, /^src\/mcp\/main\.ts$/, /^src\/run\/worker\.ts$/];
/** The one boundary that supplies the process's defaults to a library caller who passes none. */
const BOUNDARY = 'src/core/env.ts';
const READS = new Set(['env', 'cwd', 'stdout', 'stderr']);

export interface ProcessAccess {
  /** Relative to the project root, forward slashes. */
  readonly file: string;
  readonly line: number;
  /** What was read: `process.env`, `console`, `process` (handed on whole). */
  readonly what: string;
}

/** Whether `file` (project-relative) may read the process: cli/, the MCP server's entry and the runner entry; core/env.ts all but console. */
export function mayRead(file: string, what: string): boolean {
  if (PROCESS_ENTRIES.some((entry) => entry.test(file))) return true;
  return file === BOUNDARY && what !== 'console';
}

/** Every read of the process in one file's text, allowed or not. */
export function findProcessAccess(file: string, text: string): ProcessAccess[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: ProcessAccess[] = [];
  const add = (node: TS.Node, what: string) => found.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, what });
  const visit = (node: TS.Node): void => {
    const what = readOf(node);
    if (what) add(node, what);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** What `node` reads of the process, if it is a read; each read is reported at one node only. */
function readOf(node: TS.Node): string | undefined {
  if (ts.isImportDeclaration(node)) return importedRead(node);
  if (!ts.isIdentifier(node) || isName(node) || inTypeQuery(node)) return undefined;
  if (node.text === 'console') return 'console';
  if (node.text === 'globalThis' && ts.isPropertyAccessExpression(node.parent) && node.parent.name.text === 'process') return memberRead(node.parent);
  if (node.text !== 'process' || isGlobalThisMember(node)) return undefined;
  return memberRead(node);
}

/** `process.X` / `process['X']` / `const { X } = process` for a read X; `process` handed on whole; else undefined. */
function memberRead(target: TS.Expression): string | undefined {
  const parent = target.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.expression === target) return READS.has(parent.name.text) ? `process.${parent.name.text}` : undefined;
  if (ts.isElementAccessExpression(parent) && parent.expression === target) {
    const key = parent.argumentExpression;
    if (ts.isStringLiteralLike(key)) return READS.has(key.text) ? `process.${key.text}` : undefined;
    return 'process[…]';
  }
  if (ts.isVariableDeclaration(parent) && parent.initializer === target && ts.isObjectBindingPattern(parent.name)) {
    const names = parent.name.elements.map((e) => (e.propertyName ?? e.name).getText());
    const read = names.find((n) => READS.has(n));
    return read ? `process.${read}` : undefined;
  }
  // Any other use hands the whole process on (an alias, an argument), and with it env and streams.
  return 'process';
}

/** `typeof process.stderr.write` names a type: it reads nothing when the code runs. */
function inTypeQuery(node: TS.Node): boolean {
  let at = node.parent;
  while (ts.isQualifiedName(at)) at = at.parent;
  return ts.isTypeQueryNode(at);
}

function importedRead(node: TS.ImportDeclaration): string | undefined {
  const from = ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : '';
  if (from !== 'process' && from !== 'node:process') return undefined;
  const bindings = node.importClause?.namedBindings;
  if (!bindings || ts.isNamespaceImport(bindings) || node.importClause?.name) return 'process';
  const read = bindings.elements.map((e) => (e.propertyName ?? e.name).text).find((n) => READS.has(n));
  return read ? `process.${read}` : undefined;
}

/** An identifier that names a member, a key or a declaration, not the global. */
function isName(node: TS.Identifier): boolean {
  const parent = node.parent;
  return (
    (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
    (ts.isQualifiedName(parent) && parent.right === node) ||
    ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent) || ts.isBindingElement(parent) || ts.isParameter(parent) || ts.isVariableDeclaration(parent) || ts.isFunctionDeclaration(parent)) && parent.name === node) ||
    ts.isImportSpecifier(parent) || ts.isImportClause(parent) || ts.isNamespaceImport(parent) || ts.isExportSpecifier(parent) ||
    (ts.isTypeReferenceNode(parent) || ts.isExpressionWithTypeArguments(parent))
  );
}

function isGlobalThisMember(node: TS.Identifier): boolean {
  const parent = node.parent;
  return ts.isPropertyAccessExpression(parent) && parent.name === node;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every read of the process under `root`/src by a file that may not read it. */
export function checkProcessAccess(root: string): { checked: number; violations: ProcessAccess[] } {
  const files = tsFiles(path.join(root, 'src'));
  const violations = files.flatMap((full) => {
    const file = path.relative(root, full).split(path.sep).join('/');
    return findProcessAccess(file, readFileSync(full, 'utf8')).filter((access) => !mayRead(file, access.what));
  });
  return { checked: files.length, violations };
}

export function formatAccess(access: ProcessAccess): string {
  const why = access.what === 'console' ? 'only cli/ prints: return data, or write to the stream the SpecEnvironment gives' : `take it from the SpecEnvironment you are given (core/env.ts); only cli/, mcp/main.ts, run/worker.ts and ${BOUNDARY} read the process`;
  return `${access.file}:${access.line} reads ${access.what}: ${why}`;
}
