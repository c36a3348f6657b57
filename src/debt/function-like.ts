import type { ts as TS } from 'ts-morph';

/** What the paper calls a method: anything with a body of its own that can be called. */
export type FunctionLike =
  | TS.FunctionDeclaration | TS.FunctionExpression | TS.ArrowFunction | TS.MethodDeclaration
  | TS.GetAccessorDeclaration | TS.SetAccessorDeclaration | TS.ConstructorDeclaration;

/** Overloads, abstract and `declare` members have no body and nothing to score. */
export function isFunctionWithBody(ts: typeof TS, node: TS.Node): node is FunctionLike {
  const kind = ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node)
    || ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node) || ts.isConstructorDeclaration(node);
  return kind && (node as FunctionLike).body !== undefined;
}

/**
 * A readable name: `f`, `Class.method`, `get Class.prop`, `Class.constructor`, the variable or
 * property an anonymous function is assigned to, or `<callback of X>` for an argument.
 */
export function functionName(ts: typeof TS, node: FunctionLike): string {
  if (ts.isConstructorDeclaration(node)) return `${className(ts, node)}.constructor`;
  if (ts.isMethodDeclaration(node) || ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node)) {
    const prefix = ts.isGetAccessorDeclaration(node) ? 'get ' : ts.isSetAccessorDeclaration(node) ? 'set ' : '';
    const owner = ts.isClassLike(node.parent) ? `${className(ts, node)}.` : '';
    return `${prefix}${owner}${propertyName(node.name)}`;
  }
  if (node.name) return node.name.text;
  if (ts.isFunctionDeclaration(node)) return 'default';
  return assignedName(ts, node) ?? '<anonymous>';
}

function assignedName(ts: typeof TS, node: TS.FunctionExpression | TS.ArrowFunction): string | undefined {
  let parent = node.parent;
  while (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent)) parent = parent.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) return propertyName(parent.name);
  if (ts.isPropertyDeclaration(parent)) return `${ts.isClassLike(parent.parent) ? `${parent.parent.name?.text ?? '<class>'}.` : ''}${propertyName(parent.name)}`;
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) return parent.left.getText();
  if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) return `<callback of ${calleeText(parent.expression)}>`;
  if (ts.isExportAssignment(parent)) return 'default';
  return undefined;
}

function className(ts: typeof TS, node: TS.ClassElement): string {
  const owner = node.parent;
  return ts.isClassLike(owner) && owner.name ? owner.name.text : '<class>';
}

function propertyName(name: TS.Node): string {
  const n = name as { text?: string };
  return typeof n.text === 'string' ? n.text : name.getText();
}

/** The callee as written, shortened: enough to find the callback in its file. */
function calleeText(callee: TS.Expression): string {
  const text = callee.getText().replace(/\s+/g, ' ');
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** `name(…)` or `this.name(…)`: the calls that can be a function calling itself by name. */
export function recursiveCallee(ts: typeof TS, call: TS.CallExpression): { name: string; viaThis: boolean } | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return { name: callee.text, viaThis: false };
  if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword) return { name: callee.name.text, viaThis: true };
  return undefined;
}

export type LoopNode = TS.ForStatement | TS.ForInStatement | TS.ForOfStatement | TS.WhileStatement | TS.DoStatement;

export function isLoop(ts: typeof TS, node: TS.Node): node is LoopNode {
  return ts.isForStatement(node) || ts.isForInStatement(node) || ts.isForOfStatement(node) || ts.isWhileStatement(node) || ts.isDoStatement(node);
}

/** Position of the `else` keyword: the first token after the then-branch. */
export function elseKeyword(ts: typeof TS, node: TS.IfStatement, sf: TS.SourceFile): number {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, sf.languageVariant, sf.text, undefined, node.thenStatement.getEnd());
  scanner.scan();
  return scanner.getTokenStart();
}

/**
 * Where a function starts for reporting: a function or arrow that is a property's value starts at
 * the property's key, as a method does (`{ run: () => … }` reads as the method `run`).
 */
export function rangeStart(ts: typeof TS, node: FunctionLike, sf: TS.SourceFile): number {
  const parent = node.parent;
  if ((ts.isFunctionExpression(node) || ts.isArrowFunction(node)) && ts.isPropertyAssignment(parent) && parent.initializer === node) return parent.getStart(sf);
  return node.getStart(sf);
}

/** Whether `callee` (an identifier or `this.name`) names `fn` itself. */
export function calls(ts: typeof TS, fn: FunctionLike, callee: { name: string; viaThis: boolean }): boolean {
  const isMember = ts.isMethodDeclaration(fn) || ts.isGetAccessorDeclaration(fn) || ts.isSetAccessorDeclaration(fn);
  if (callee.viaThis !== isMember) return false;
  return ownName(ts, fn) === callee.name;
}

function ownName(ts: typeof TS, fn: FunctionLike): string | undefined {
  if (ts.isConstructorDeclaration(fn)) return undefined;
  if (fn.name && (ts.isIdentifier(fn.name) || ts.isPrivateIdentifier(fn.name))) return fn.name.text;
  const parent = fn.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  return undefined;
}
