import type { CallExpression, Identifier } from 'ts-morph';
import { Node, SyntaxKind } from '../core/ts-morph.js';

// The syntax can-fail.ts reads: what an assertion looks like, whose result a call drops, which
// function a declaration stands for.

/** Modules whose exports are assertions, however they are imported or named. */
export const ASSERTION_MODULES = new Set([
  'assert', 'node:assert', 'assert/strict', 'node:assert/strict', 'chai', 'expect', 'should', 'power-assert',
  '@playwright/test', 'vitest', '@jest/globals', 'uvu/assert', 'earl', 'unexpected', 'must', 'code',
]);
/** Callees that are assertions by their usual names, however they came into scope (a World, a global). */
const ASSERTION_NAME = /^(assert|expect|should)([A-Z_].*)?$|^fail$/;
const CALLBACK_NAME = /^(callback|cb|done|next)$/;

/** The function a declaration stands for: itself, or the function it is initialised with. */
export function functionOf(decl: Node): Node | undefined {
  if (Node.isFunctionDeclaration(decl) || Node.isMethodDeclaration(decl) || Node.isFunctionExpression(decl) || Node.isArrowFunction(decl)
    || Node.isGetAccessorDeclaration(decl) || Node.isConstructorDeclaration(decl)) return decl.getBody() ? decl : undefined;
  if (Node.isVariableDeclaration(decl) || Node.isPropertyAssignment(decl) || Node.isPropertyDeclaration(decl)) {
    let init = decl.getInitializer();
    while (init && (Node.isParenthesizedExpression(init) || Node.isAsExpression(init))) init = init.getExpression();
    return init && (Node.isArrowFunction(init) || Node.isFunctionExpression(init)) ? init : undefined;
  }
  return undefined;
}

/** The call is a statement of its own (awaited or not), or what its function returns. */
export function resultDropped(call: CallExpression): boolean {
  let node: Node = call;
  let parent = node.getParentOrThrow();
  while (Node.isAwaitExpression(parent) || Node.isParenthesizedExpression(parent) || Node.isVoidExpression(parent)) {
    node = parent;
    parent = parent.getParentOrThrow();
  }
  return Node.isExpressionStatement(parent) || Node.isReturnStatement(parent) || (Node.isArrowFunction(parent) && parent.getBody() === node);
}

/** `assert(…)`, `expect(x).toBe(…)`, `this.expectTotal(…)`, `should.exist(…)`: named as an assertion. */
export function assertionByName(call: CallExpression): boolean {
  const callee = call.getExpression();
  const root = rootIdentifier(callee);
  if (root && ASSERTION_NAME.test(root.getText())) return true;
  return Node.isPropertyAccessExpression(callee) && callee.getName() !== 'fail' && ASSERTION_NAME.test(callee.getName());
}

export function calleeText(call: CallExpression): string {
  const text = call.getExpression().getText().replace(/\s+/g, '');
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** `assert` in `assert.deepEqual`, `expect` in `expect(x).to.equal`: the identifier a chain starts from. */
export function rootIdentifier(expr: Node): Identifier | undefined {
  let node: Node = expr;
  for (;;) {
    if (Node.isIdentifier(node)) return node;
    if (Node.isPropertyAccessExpression(node) || Node.isCallExpression(node) || Node.isNonNullExpression(node)) node = node.getExpression();
    else return undefined;
  }
}

export function requiredModule(decl: Node): string | undefined {
  const variable = Node.isBindingElement(decl) ? decl.getFirstAncestorByKind(SyntaxKind.VariableDeclaration) : decl;
  const init = variable && Node.isVariableDeclaration(variable) ? variable.getInitializer() : undefined;
  if (!init || !Node.isCallExpression(init) || init.getExpression().getText() !== 'require') return undefined;
  const arg = init.getArguments()[0];
  return arg && Node.isStringLiteral(arg) ? arg.getLiteralValue() : undefined;
}

/** The step function's own last parameter, named like cucumber's callback interface. */
export function isCallbackParameter(id: Identifier, step: Node): boolean {
  if (!CALLBACK_NAME.test(id.getText()) || !(Node.isFunctionExpression(step) || Node.isArrowFunction(step) || Node.isFunctionDeclaration(step))) return false;
  const last = step.getParameters().at(-1);
  return last !== undefined && (id.getSymbol()?.getDeclarations() ?? []).includes(last);
}
