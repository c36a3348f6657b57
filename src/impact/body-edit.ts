/**
 * Decides whether an edit to a module can only matter through the functions it changed: if every
 * difference lies inside function bodies, loading the new version runs the same top-level code,
 * so only scenarios that call into the file (per-scenario coverage) can be affected. Pure: no
 * file system, no Program — just the TypeScript parser bundled with ts-morph.
 */
import vm from 'node:vm';
import type { ts as TS } from 'ts-morph';
import { typescript } from './typescript.js';

const ts = typescript();

/** Stands in for every blanked body; cannot collide with a leaf, whose entries start with `'`. */
const BODY = '{…}';

/**
 * True iff every difference between `before` and `after` lies inside function bodies (block
 * bodies of function declarations/expressions, arrows, methods, constructors and accessors, and
 * arrow expression bodies). Then the module's load-time evaluation can differ only by what those
 * functions do when called.
 *
 * "Only when called" includes calls made while the module loads (`const x = helper()` at top
 * level with `helper`'s body edited): this still returns true — whether such a call happens at
 * load time is the caller's load-phase check, not this one's.
 *
 * Outside bodies the two versions are compared as syntax trees (node kinds plus token text), not
 * as text: whitespace and comments (JSDoc included) there do not count as differences, while a
 * change that keeps the tokens but alters the parse (automatic semicolon insertion moving `++`
 * across a line break) does. JSX text outside bodies is compared with its whitespace, since
 * JSX keeps some of it. Parameters, default values, decorators, modifiers, type annotations and
 * class static blocks are outside bodies. A function's `toString()` does change with its body;
 * that is ignored.
 *
 * Conservative on syntax errors: if either version fails to parse, false (unless the texts are
 * identical, which is trivially body-only).
 */
export function isBodyOnlyEdit(before: string, after: string, fileName: string): boolean {
  if (before === after) return true;
  const a = skeleton(before, fileName);
  const b = skeleton(after, fileName);
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  return a.every((entry, i) => entry === b[i]) && compiles(after, fileName);
}

/**
 * Some errors are not parse errors to TypeScript but stop the module from loading (`await` in a
 * function that is not async, `let a; let a;`, `break` outside a loop, an invalid regexp): such an
 * edit reaches every importer. V8 is the judge: the module, with its types stripped, must compile.
 */
/** "Top-level await needs module es2022…": about the CommonJS output chosen here, not the module. */
const TOP_LEVEL_AWAIT = new Set([1375, 1378, 1431, 1432]);

function compiles(text: string, fileName: string): boolean {
  const { outputText, diagnostics } = ts.transpileModule(text, {
    // .mts/.mjs would stay ES modules whatever `module` says; vm compiles scripts.
    fileName: fileName.replace(/\.m([jt]s)$|\.c([jt]s)$/, '.$1$2'),
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, jsx: ts.JsxEmit.React, isolatedModules: true },
  });
  if (diagnostics?.some((d) => d.category === ts.DiagnosticCategory.Error && !TOP_LEVEL_AWAIT.has(d.code))) return false;
  try {
    // Wrapped as CommonJS is (never run): top-level await is the one form this would reject wrongly.
    // import.meta is ES-module syntax a script cannot hold; as an identifier it checks the same.
    const script = outputText.replace(/\bimport\.meta\b/g, '__import_meta');
    new vm.Script(`(async function (exports, require, module, __filename, __dirname) {${script}\n})`, { filename: fileName });
    return true;
  } catch {
    return false;
  }
}

/**
 * Pre-order serialization of the tree with bodies replaced by one placeholder each: `(kind` and
 * `)` around inner nodes, `'text` for tokens. Kept as an array, so no separator can be faked by
 * the contents of a string or template literal.
 */
function skeleton(text: string, fileName: string): string[] | undefined {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, scriptKind(fileName));
  if (hasParseErrors(sf)) return undefined;
  const out: string[] = [];
  const visit = (node: TS.Node): void => {
    if (isJsDoc(node)) return;
    const children = node.getChildren(sf);
    if (children.length === 0) {
      out.push("'" + leafText(node, sf));
      return;
    }
    out.push('(' + node.kind);
    const body = functionBody(node);
    for (const child of children) {
      if (child === body) out.push(BODY);
      else visit(child);
    }
    out.push(')');
  };
  visit(sf);
  return out;
}

function scriptKind(fileName: string): TS.ScriptKind {
  const ext = /\.[^./\\]+$/.exec(fileName)?.[0].toLowerCase();
  switch (ext) {
    case '.tsx':
      return ts.ScriptKind.TSX;
    case '.jsx':
      return ts.ScriptKind.JSX;
    case '.js':
    case '.mjs':
    case '.cjs':
      return ts.ScriptKind.JS;
    default:
      return ts.ScriptKind.TS; // .ts, .mts, .cts, and anything unknown
  }
}

function hasParseErrors(sf: TS.SourceFile): boolean {
  // Parse diagnostics are not public API on a bare SourceFile (no Program is built here).
  const diagnostics = (sf as unknown as { parseDiagnostics?: readonly TS.Diagnostic[] }).parseDiagnostics;
  return diagnostics !== undefined && diagnostics.length > 0;
}

function isJsDoc(node: TS.Node): boolean {
  return node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode;
}

/** Leading whitespace of JSX text can be rendered (`<b> x</b>`), so it is kept there. */
function leafText(node: TS.Node, sf: TS.SourceFile): string {
  return node.kind === ts.SyntaxKind.JsxText ? sf.text.slice(node.pos, node.end) : node.getText(sf);
}

/** The body whose contents run only when the function is called; undefined for other nodes. */
function functionBody(node: TS.Node): TS.Node | undefined {
  switch (node.kind) {
    case ts.SyntaxKind.FunctionDeclaration:
    case ts.SyntaxKind.FunctionExpression:
    case ts.SyntaxKind.ArrowFunction:
    case ts.SyntaxKind.MethodDeclaration:
    case ts.SyntaxKind.Constructor:
    case ts.SyntaxKind.GetAccessor:
    case ts.SyntaxKind.SetAccessor:
      return (node as TS.FunctionLikeDeclaration).body;
    default:
      return undefined;
  }
}
