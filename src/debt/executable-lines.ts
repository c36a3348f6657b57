import type { ts as TS } from 'ts-morph';
import { typescript } from '../impact/typescript.js';
import { isFunctionWithBody, rangeStart } from './function-like.js';

/**
 * Which lines of a source file hold code that runs: the lines where a statement starts (an
 * expression-bodied arrow's body counts as one), as istanbul counts lines. Declarations that
 * leave nothing at run time (types, interfaces, `declare`, imports, exports of names) and
 * containers whose own contents are counted (blocks, function and class declarations) are not.
 *
 * Each line is also attributed to the innermost function it sits in, keyed like
 * analyzeComplexity's functions (start line and column): whether a function ran is read from
 * its own lines.
 */
export interface ExecutableLines {
  /** Sorted, 1-based. */
  lines: number[];
  /** "line:column" of a function's start (1-based, as analyzeComplexity) → its own executable lines. */
  byFunction: Map<string, number[]>;
}

export function executableLines(file: string, text: string): ExecutableLines {
  const ts = typescript();
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(ts, file));
  const lines = new Set<number>();
  const byFunction = new Map<string, number[]>();
  const lineOf = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line + 1;
  const visit = (node: TS.Node, owner: number[] | undefined): void => {
    if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || isAmbient(ts, node)) return;
    let own = owner;
    if (isFunctionWithBody(ts, node)) {
      const start = sf.getLineAndCharacterOfPosition(rangeStart(ts, node, sf));
      own = [];
      byFunction.set(`${start.line + 1}:${start.character + 1}`, own);
      if (ts.isArrowFunction(node) && !ts.isBlock(node.body)) note(lineOf(node.body.getStart(sf)));
    } else if (runs(ts, node)) note(lineOf(node.getStart(sf)));
    function note(line: number): void {
      lines.add(line);
      if (own && !own.includes(line)) own.push(line);
    }
    ts.forEachChild(node, (child) => visit(child, own));
  };
  visit(sf, undefined);
  return { lines: [...lines].sort((a, b) => a - b), byFunction };
}

function runs(ts: typeof TS, node: TS.Node): boolean {
  switch (node.kind) {
    case ts.SyntaxKind.VariableStatement:
    case ts.SyntaxKind.ExpressionStatement:
    case ts.SyntaxKind.ReturnStatement:
    case ts.SyntaxKind.IfStatement:
    case ts.SyntaxKind.ForStatement:
    case ts.SyntaxKind.ForInStatement:
    case ts.SyntaxKind.ForOfStatement:
    case ts.SyntaxKind.WhileStatement:
    case ts.SyntaxKind.DoStatement:
    case ts.SyntaxKind.SwitchStatement:
    case ts.SyntaxKind.ThrowStatement:
    case ts.SyntaxKind.TryStatement:
    case ts.SyntaxKind.BreakStatement:
    case ts.SyntaxKind.ContinueStatement:
    case ts.SyntaxKind.DebuggerStatement:
    case ts.SyntaxKind.ExportAssignment:
      return true;
    default:
      return false;
  }
}

/** `declare …` and anything inside `declare module`/`declare global`: types only. */
function isAmbient(ts: typeof TS, node: TS.Node): boolean {
  if (!ts.canHaveModifiers(node)) return false;
  return ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword) ?? false;
}

function scriptKind(ts: typeof TS, file: string): TS.ScriptKind {
  if (/\.[cm]?jsx?$/.test(file)) return file.endsWith('x') ? ts.ScriptKind.JSX : ts.ScriptKind.JS;
  return file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
}
