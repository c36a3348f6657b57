import path from 'node:path';
import type { CallExpression, Identifier, Project, SourceFile } from 'ts-morph';
import { Node, SyntaxKind } from '../core/ts-morph.js';
import { ASSERTION_MODULES, assertionByName, calleeText, functionOf, isCallbackParameter, requiredModule, resultDropped, rootIdentifier } from './can-fail-syntax.js';

/**
 * Whether a step's code can make it fail, read statically: an assertion, a `throw`, a rejected
 * promise or an errored callback in it, or in a project function it calls (followed through
 * ts-morph's resolution, to a bounded depth, each function once). Libraries are not followed: a
 * call into node_modules counts as nothing, whatever it may throw.
 */
export interface FailPoint {
  /** What can fail, e.g. "assert.equal(…)", "throw", "Promise.reject(…)". */
  what: string;
  file: string;
  line: number;
  /** Project functions called on the way, outermost first (empty when in the step itself). */
  via: string[];
}

export class FailFinder {
  private readonly memo = new Map<Node, FailPoint | null>();
  private methodIndex: Map<string, Node[]> | undefined;

  /**
   * `followValues: false` follows only the calls whose result the code drops (a statement, or what
   * a function returns): a helper the step takes a value from (`const run = this.lastRun()`) is
   * fetching data, and its throws are preconditions ("no command has run"), not the check.
   */
  constructor(private readonly project: Project, private readonly root: string, private readonly maxDepth = 6, private readonly followValues = true) {}

  /** The first way `fn` (a step's function) can fail, or undefined when none is found. */
  find(fn: Node): FailPoint | undefined {
    return this.inFunction(fn, 0, new Set(), fn) ?? undefined;
  }

  private inFunction(fn: Node, depth: number, visiting: Set<Node>, step: Node): FailPoint | undefined {
    const known = this.memo.get(fn);
    if (known !== undefined) return known ?? undefined;
    if (visiting.has(fn) || depth > this.maxDepth) return undefined;
    visiting.add(fn);
    // The function's own assertions first (the check it makes), then the ones in what it calls.
    const found = this.firstIn(fn, (node) => this.ownFailure(node, step)) ?? this.firstIn(fn, (node) => this.calledFailure(node, depth, visiting, step));
    visiting.delete(fn);
    // Only a definite answer is kept: "not found" under a cycle or the depth bound may be partial.
    if (found || depth === 0) this.memo.set(fn, found ?? null);
    return found;
  }

  private firstIn(fn: Node, test: (node: Node) => FailPoint | undefined): FailPoint | undefined {
    let found: FailPoint | undefined;
    fn.forEachDescendant((node, traversal) => {
      found = test(node);
      if (found) traversal.stop();
    });
    return found;
  }

  private ownFailure(node: Node, step: Node): FailPoint | undefined {
    if (Node.isThrowStatement(node)) return this.point('throw', node);
    if (Node.isPropertyAccessExpression(node) && node.getName() === 'should') return this.point('….should', node);
    if (!Node.isCallExpression(node)) return undefined;
    const direct = this.directFailure(node, step);
    if (direct) return this.point(direct, node);
    // A project function is judged by its body; only a call we cannot follow is judged by its name.
    return assertionByName(node) && this.targets(node).length === 0 ? this.point(`${calleeText(node)}(…)`, node) : undefined;
  }

  private calledFailure(node: Node, depth: number, visiting: Set<Node>, step: Node): FailPoint | undefined {
    if (!Node.isCallExpression(node) || (!this.followValues && !resultDropped(node))) return undefined;
    for (const target of this.targets(node)) {
      const inner = this.inFunction(target, depth + 1, visiting, step);
      if (inner) return { ...inner, via: [`${calleeText(node)} (${this.where(node)})`, ...inner.via] };
    }
    return undefined;
  }

  /** An assertion library's function, a rejection or an errored callback right at this call. */
  private directFailure(call: CallExpression, step: Node): string | undefined {
    const callee = call.getExpression();
    const text = calleeText(call);
    const root = rootIdentifier(callee);
    if (root && this.fromAssertionModule(root)) return `${text}(…)`;
    if (text === 'Promise.reject') return 'Promise.reject(…)';
    if (Node.isIdentifier(callee) && this.isPromiseReject(callee)) return `${text}(…) of a new Promise`;
    if (Node.isIdentifier(callee) && call.getArguments().length > 0 && isCallbackParameter(callee, step)) return `${text}(error) callback`;
    return undefined;
  }

  private fromAssertionModule(id: Identifier): boolean {
    for (const decl of id.getSymbol()?.getDeclarations() ?? []) {
      const importDecl = decl.getFirstAncestorByKind(SyntaxKind.ImportDeclaration);
      if (importDecl && ASSERTION_MODULES.has(importDecl.getModuleSpecifierValue())) return true;
      const required = Node.isVariableDeclaration(decl) || Node.isBindingElement(decl) ? requiredModule(decl) : undefined;
      if (required && ASSERTION_MODULES.has(required)) return true;
    }
    return false;
  }

  /** `reject` as the second parameter of a `new Promise(...)` executor. */
  private isPromiseReject(id: Identifier): boolean {
    return (id.getSymbol()?.getDeclarations() ?? []).some((decl) => {
      if (!Node.isParameterDeclaration(decl)) return false;
      const fn = decl.getParent();
      if (!Node.isArrowFunction(fn) && !Node.isFunctionExpression(fn)) return false;
      const created = fn.getParent();
      return Node.isNewExpression(created) && created.getExpression().getText() === 'Promise' && fn.getParameters()[1] === decl;
    });
  }

  /** The project functions a call may run: by resolution, else (an untyped `this.x()`) by method name. */
  private targets(call: CallExpression): Node[] {
    const callee = call.getExpression();
    const named = Node.isIdentifier(callee) ? callee : Node.isPropertyAccessExpression(callee) ? callee.getNameNode() : undefined;
    if (!named) return [];
    let symbol = named.getSymbol();
    if (symbol?.isAlias()) symbol = symbol.getAliasedSymbol() ?? symbol;
    const resolved = (symbol?.getDeclarations() ?? []).map(functionOf).filter((n): n is Node => n !== undefined);
    if (resolved.length > 0) return resolved.filter((n) => this.inProject(n.getSourceFile()));
    if (Node.isPropertyAccessExpression(callee) && !symbol) return this.methodsNamed(callee.getName());
    return [];
  }

  private methodsNamed(name: string): Node[] {
    if (!this.methodIndex) {
      this.methodIndex = new Map();
      for (const sf of this.project.getSourceFiles().filter((f) => this.inProject(f))) {
        for (const method of [...sf.getDescendantsOfKind(SyntaxKind.MethodDeclaration), ...sf.getDescendantsOfKind(SyntaxKind.PropertyAssignment)]) {
          const fn = functionOf(method);
          if (fn) this.methodIndex.set(method.getName(), [...(this.methodIndex.get(method.getName()) ?? []), fn]);
        }
      }
    }
    return this.methodIndex.get(name) ?? [];
  }

  private inProject(sf: SourceFile): boolean {
    const file = sf.getFilePath();
    const relative = path.relative(this.root, file);
    return !sf.isDeclarationFile() && !relative.startsWith('..') && !path.isAbsolute(relative) && !relative.split(path.sep).includes('node_modules');
  }

  private point(what: string, node: Node): FailPoint {
    return { what, file: this.relative(node), line: node.getStartLineNumber(), via: [] };
  }

  private where(node: Node): string {
    return `${this.relative(node)}:${node.getStartLineNumber()}`;
  }

  private relative(node: Node): string {
    return path.relative(this.root, node.getSourceFile().getFilePath()).split(path.sep).join('/');
  }
}
