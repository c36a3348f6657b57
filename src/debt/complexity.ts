import type { ts as TS } from 'ts-morph';
import { typescript } from '../impact/typescript.js';
import { calls, elseKeyword, functionName, isFunctionWithBody, isLoop, rangeStart, recursiveCallee, type FunctionLike, type LoopNode } from './function-like.js';

/**
 * Cognitive complexity (G. Ann Campbell, SonarSource, "Cognitive Complexity: a new way of measuring
 * understandability", 2016–2023) of every function-like in one source file.
 *
 * Structural increments (+1 plus the nesting level, and they nest what they contain): if, ternary,
 * switch, for/for-in/for-of/while/do, catch. Hybrid (+1, no nesting penalty, but nest what they
 * contain): else if, else. Fundamental (+1): each sequence of like logical operators (&&, ||, ??;
 * every change of operator starts a new one), break/continue to a label, recursion.
 *
 * Nested functions: the paper scores a method with its lambdas inside it, a nested function adding
 * one level of nesting. That is `inclusive`. `complexity` is the function's own score with nesting
 * starting again at its boundary (SonarJS's per-function figure): nested functions are scored on
 * their own, so a file's total is the sum of `complexity` without counting any line twice.
 */
export interface FunctionComplexity {
  name: string;
  /** The TypeScript syntax kind, e.g. "ArrowFunction", "MethodDeclaration". */
  kind: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  /** Own score: nested functions excluded, nesting counted from this function's boundary. */
  complexity: number;
  /** The paper's score: nested functions' increments included, one nesting level per function. */
  inclusive: number;
  /** Own increments, in source order: what explains `complexity`. */
  increments: Increment[];
}

export type IncrementKind =
  | 'if' | 'else if' | 'else' | 'conditional' | 'switch' | 'loop' | 'catch'
  | 'label jump' | 'recursion' | '&&' | '||' | '??';

export interface Increment {
  line: number;
  column: number;
  kind: IncrementKind;
  /** The points it adds to its own function: 1 + nesting for structural increments, else 1. */
  points: number;
  /** Nesting level within its own function when it was counted. */
  nesting: number;
}

interface Frame {
  node: FunctionLike;
  result: FunctionComplexity;
  /** Absolute nesting at the start of this function's body. */
  base: number;
  parent: Frame | undefined;
  recursionCounted: boolean;
}

const LOGICAL = new Set(['&&', '||', '??']);

/** Every function-like with a body in `text` (TypeScript or JavaScript), in source order. */
export function analyzeComplexity(path: string, text: string): FunctionComplexity[] {
  const ts = typescript();
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, scriptKind(ts, path));
  return new Walker(ts, sf).run();
}

function scriptKind(ts: typeof TS, path: string): TS.ScriptKind {
  if (/\.[cm]?jsx?$/.test(path)) return path.endsWith('x') ? ts.ScriptKind.JSX : ts.ScriptKind.JS;
  return path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
}

class Walker {
  private readonly results: FunctionComplexity[] = [];
  private frame: Frame | undefined;

  constructor(private readonly ts: typeof TS, private readonly sf: TS.SourceFile) {}

  run(): FunctionComplexity[] {
    this.walk(this.sf, 0);
    return this.results;
  }

  private walk(node: TS.Node, nesting: number): void {
    const ts = this.ts;
    if (isFunctionWithBody(ts, node)) return this.enterFunction(node, nesting);
    if (ts.isIfStatement(node)) return this.ifStatement(node, nesting);
    if (ts.isConditionalExpression(node)) {
      this.structural('conditional', node.questionToken, nesting);
      this.walk(node.condition, nesting);
      this.walk(node.whenTrue, nesting + 1);
      return this.walk(node.whenFalse, nesting + 1);
    }
    if (ts.isSwitchStatement(node)) {
      this.structural('switch', node, nesting);
      this.walk(node.expression, nesting);
      for (const clause of node.caseBlock.clauses) this.walk(clause, nesting + 1);
      return;
    }
    if (isLoop(ts, node)) return this.loop(node, nesting);
    if (ts.isCatchClause(node)) {
      this.structural('catch', node, nesting);
      if (node.variableDeclaration) this.walk(node.variableDeclaration, nesting);
      return this.walk(node.block, nesting + 1);
    }
    if ((ts.isBreakStatement(node) || ts.isContinueStatement(node)) && node.label) this.fundamental('label jump', node, nesting);
    if (ts.isBinaryExpression(node) && this.isLogicalRoot(node)) return this.logicalSequence(node, nesting);
    if (ts.isCallExpression(node)) this.recursion(node, nesting);
    ts.forEachChild(node, (child) => this.walk(child, nesting));
  }

  private enterFunction(node: FunctionLike, nesting: number): void {
    const inner = this.frame ? nesting + 1 : nesting;
    const result = this.record(node);
    this.frame = { node, result, base: inner, parent: this.frame, recursionCounted: false };
    this.ts.forEachChild(node, (child) => this.walk(child, inner));
    this.frame = this.frame.parent;
  }

  private record(node: FunctionLike): FunctionComplexity {
    const start = this.sf.getLineAndCharacterOfPosition(rangeStart(this.ts, node, this.sf));
    const end = this.sf.getLineAndCharacterOfPosition(node.getEnd());
    const result: FunctionComplexity = {
      name: functionName(this.ts, node),
      kind: this.ts.SyntaxKind[node.kind],
      startLine: start.line + 1,
      startColumn: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      complexity: 0,
      inclusive: 0,
      increments: [],
    };
    this.results.push(result);
    return result;
  }

  private ifStatement(node: TS.IfStatement, nesting: number): void {
    const parent = node.parent;
    const elseIf = this.ts.isIfStatement(parent) && parent.elseStatement === node;
    if (elseIf) this.fundamental('else if', node, nesting);
    else this.structural('if', node, nesting);
    this.walk(node.expression, nesting);
    this.walk(node.thenStatement, nesting + 1);
    const otherwise = node.elseStatement;
    if (!otherwise) return;
    if (this.ts.isIfStatement(otherwise)) return this.walk(otherwise, nesting);
    this.fundamental('else', elseKeyword(this.ts, node, this.sf), nesting);
    this.walk(otherwise, nesting + 1);
  }

  private loop(node: LoopNode, nesting: number): void {
    this.structural('loop', node, nesting);
    this.ts.forEachChild(node, (child) => this.walk(child, child === node.statement ? nesting + 1 : nesting));
  }

  /** A logical expression not itself an operand (through parentheses) of another one. */
  private isLogicalRoot(node: TS.BinaryExpression): boolean {
    if (!LOGICAL.has(this.ts.tokenToString(node.operatorToken.kind) ?? '')) return false;
    let parent = node.parent;
    while (this.ts.isParenthesizedExpression(parent)) parent = parent.parent;
    return !this.isLogical(parent);
  }

  private isLogical(node: TS.Node): node is TS.BinaryExpression {
    return this.ts.isBinaryExpression(node) && LOGICAL.has(this.ts.tokenToString(node.operatorToken.kind) ?? '');
  }

  /** One +1 per run of the same operator, reading the flattened chain left to right. */
  private logicalSequence(root: TS.BinaryExpression, nesting: number): void {
    const operators: TS.BinaryExpression[] = [];
    const operands: TS.Expression[] = [];
    const flatten = (expr: TS.Expression): void => {
      let inner = expr;
      while (this.ts.isParenthesizedExpression(inner)) inner = inner.expression;
      if (!this.isLogical(inner)) return void operands.push(expr);
      flatten(inner.left);
      operators.push(inner);
      flatten(inner.right);
    };
    flatten(root);
    let previous: string | undefined;
    for (const op of operators) {
      const text = this.ts.tokenToString(op.operatorToken.kind) as '&&' | '||' | '??';
      if (text !== previous) this.fundamental(text, op.operatorToken, nesting);
      previous = text;
    }
    for (const operand of operands) this.walk(operand, nesting);
  }

  /** The paper's +1 for a function that calls itself: once per function, at its first such call. */
  private recursion(call: TS.CallExpression, nesting: number): void {
    const callee = recursiveCallee(this.ts, call);
    if (callee === undefined) return;
    for (let frame = this.frame; frame; frame = frame.parent) {
      if (!calls(this.ts, frame.node, callee)) continue;
      if (frame.recursionCounted) return;
      frame.recursionCounted = true;
      return this.add(frame, { ...this.where(call), kind: 'recursion', points: 1, nesting: nesting - frame.base }, 0);
    }
  }

  private structural(kind: IncrementKind, at: TS.Node, nesting: number): void {
    if (!this.frame) return;
    const own = nesting - this.frame.base;
    this.add(this.frame, { ...this.where(at), kind, points: 1 + own, nesting: own }, nesting);
  }

  private fundamental(kind: IncrementKind, at: TS.Node | number, nesting: number): void {
    if (!this.frame) return;
    this.add(this.frame, { ...this.where(at), kind, points: 1, nesting: nesting - this.frame.base }, 0);
  }

  /** Adds to the function's own score and, with the nesting seen from each, to every enclosing one. */
  private add(frame: Frame, increment: Increment, absoluteNesting: number): void {
    frame.result.increments.push(increment);
    frame.result.complexity += increment.points;
    const structural = isStructural(increment.kind);
    for (let f: Frame | undefined = frame; f; f = f.parent) {
      f.result.inclusive += structural ? 1 + absoluteNesting - f.base : 1;
    }
  }

  private where(at: TS.Node | number): { line: number; column: number } {
    const pos = typeof at === 'number' ? at : at.getStart(this.sf);
    const { line, character } = this.sf.getLineAndCharacterOfPosition(pos);
    return { line: line + 1, column: character + 1 };
  }
}

function isStructural(kind: IncrementKind): boolean {
  return kind === 'if' || kind === 'conditional' || kind === 'switch' || kind === 'loop' || kind === 'catch';
}
