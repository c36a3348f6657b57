/**
 * Which support files a partial run may leave out. A file whose loading does nothing but define
 * steps (plus imports, types, functions and constants that call nothing) only matters to the
 * scenarios bound to it. Anything else — a World registered with setWorldConstructor, hooks,
 * parameter types, setDefaultTimeout, `chai.use(…)`, a side-effect import, top-level `if`/`await`
 * — may act on every scenario, so every run loads it.
 *
 * A conservative reading of the file's tokens (js-tokens), not a parser: every statement must
 * match one of the shapes below or the answer is "no". Wrong only towards loading more. Known
 * limit: a binding import (`import { x } from './m'`) is taken for its bindings; if `m` itself
 * has side effects another file relies on, that reliance is not seen.
 */
import { EFFECT_WORDS, ExpressionReader } from './steps-only-expression.js';
import { tokenize, TYPE_CONTINUES, Unsure } from './steps-only-tokens.js';
import { STEP_FUNCTIONS } from '../core/step-functions.js';


/** True when loading the file (TypeScript or JavaScript source) can do nothing but define steps. */
export function definesStepsOnly(text: string): boolean {
  const tokens = tokenize(text);
  if (!tokens) return false;
  try {
    return new Reader(tokens).file();
  } catch (error) {
    if (error instanceof Unsure) return false;
    throw error;
  }
}

class Reader extends ExpressionReader {
  file(): boolean {
    while (this.i < this.t.length) this.statement();
    return true;
  }

  private statement(): void {
    const tok = this.tok!;
    if (this.is(';')) return void this.i++;
    if (tok.type === 'StringLiteral') return this.directive();
    if (tok.type !== 'IdentifierName') throw new Unsure();
    switch (tok.value) {
      case 'import':
        return this.importDeclaration();
      case 'export':
        return this.exportDeclaration();
      default:
        return this.declarationOrCall();
    }
  }

  private directive(): void {
    if (!/^['"]use strict['"]$/.test(this.tok!.value)) throw new Unsure();
    this.i++;
    this.end();
  }

  private declarationOrCall(): void {
    const word = this.tok!.value;
    if (word === 'const' && this.is('enum', 1)) return (this.i++, this.enumDeclaration());
    if (word === 'const' || word === 'let' || word === 'var') return this.variables();
    if (word === 'function' || (word === 'async' && this.is('function', 1))) return this.functionDeclaration();
    if (word === 'interface' && this.t[this.i + 1]?.type === 'IdentifierName') return this.interfaceDeclaration();
    if (word === 'type' && this.t[this.i + 1]?.type === 'IdentifierName' && !this.t[this.i + 1]!.nl) return this.typeAlias();
    if (word === 'enum') return this.enumDeclaration();
    if (word === 'declare') return this.skipStatement(TYPE_CONTINUES);
    if (word === 'module' || word === 'exports' || word === 'Object') return this.commonJsExport();
    return this.stepCall();
  }

  private importDeclaration(): void {
    this.i++;
    // `import './setup'` exists for its side effects; `import(…)` and `import.meta` run code.
    if (this.tok?.type === 'StringLiteral' || this.is('(') || this.is('.')) throw new Unsure();
    if (this.t[this.i + 1]?.value === '=' || (this.is('type') && this.t[this.i + 2]?.value === '=')) return this.importEquals();
    while (!this.is('from')) {
      const tok = this.tok;
      if (!tok || !(tok.type === 'IdentifierName' || ['{', '}', ',', '*'].includes(tok.value))) throw new Unsure();
      this.i++;
    }
    this.i++;
    this.string();
    this.attributes();
    this.end();
  }

  /** `import x = require('m')` or `import x = A.B` (a namespace alias). */
  private importEquals(): void {
    if (this.is('type')) this.i++;
    this.ident();
    this.expect('=');
    if (this.is('require')) {
      this.i++;
      this.expect('(');
      this.string();
      this.expect(')');
    } else {
      this.ident();
      while (this.is('.')) (this.i++, this.ident());
    }
    this.end();
  }

  private attributes(): void {
    if ((this.is('with') || this.is('assert')) && !this.tok!.nl && this.is('{', 1)) {
      this.i++;
      this.skipBalanced();
    }
  }

  private exportDeclaration(): void {
    this.i++;
    if (this.is('default')) {
      this.i++;
      if (this.is('function') || (this.is('async') && this.is('function', 1))) return this.functionDeclaration(true);
      if (this.is('interface')) return this.interfaceDeclaration();
      this.expression();
      return this.end();
    }
    if (this.is('=')) {
      this.i++;
      this.expression();
      return this.end();
    }
    if (this.is('type') && (this.is('{', 1) || this.is('*', 1))) this.i++;
    if (this.is('{') || this.is('*')) return this.reexport();
    if (this.is('as') && this.is('namespace', 1)) return this.skipStatement(TYPE_CONTINUES);
    if (this.is('import')) return (this.i++, this.importEquals());
    if (this.tok?.type !== 'IdentifierName') throw new Unsure();
    this.declarationOrCall();
  }

  private reexport(): void {
    if (this.is('{')) this.skipBalanced();
    else {
      this.i++;
      if (this.is('as')) (this.i++, this.i++);
    }
    if (this.is('from')) {
      this.i++;
      this.string();
      this.attributes();
    }
    this.end();
  }

  private variables(): void {
    this.i++;
    for (;;) {
      this.binding();
      if (this.is('!')) this.i++;
      if (this.is(':')) (this.i++, this.skipType());
      if (this.is('=')) {
        this.i++;
        this.expression();
      }
      if (!this.is(',')) return this.end();
      this.i++;
    }
  }

  /** A name or a destructuring pattern; defaults in a pattern run at load time, so they must call nothing. */
  private binding(): void {
    if (this.tok?.type === 'IdentifierName') return void this.i++;
    if (!this.is('{') && !this.is('[')) throw new Unsure();
    const start = this.i;
    this.skipBalanced();
    for (let k = start; k < this.i; k++) {
      const tok = this.t[k]!;
      if (tok.value === '(' || EFFECT_WORDS.has(tok.value) || tok.type.startsWith('Template')) throw new Unsure();
    }
  }

  private functionDeclaration(exported = false): void {
    if (this.is('async')) this.i++;
    this.expect('function');
    if (this.is('*')) this.i++;
    if (!exported || this.tok?.type === 'IdentifierName') this.ident();
    this.functionRest();
    if (!this.is('{')) return this.end();
    this.skipBalanced();
  }

  private interfaceDeclaration(): void {
    while (this.tok && !this.is('{')) this.i++;
    this.skipBalanced();
  }

  private typeAlias(): void {
    this.i += 2;
    if (this.is('<')) this.skipAngles();
    this.expect('=');
    this.skipType();
    this.end();
  }

  private enumDeclaration(): void {
    this.expect('enum');
    this.ident();
    const start = this.i;
    if (!this.is('{')) throw new Unsure();
    this.skipBalanced();
    for (let k = start; k < this.i; k++) if (this.t[k]!.value === '(' || EFFECT_WORDS.has(this.t[k]!.value)) throw new Unsure();
  }

  /** `module.exports = …`, `exports.x = …` and the `__esModule` marker compilers write. */
  private commonJsExport(): void {
    if (this.is('Object') && this.is('.', 1) && this.is('defineProperty', 2)) {
      const marker = this.t.slice(this.i + 3, this.i + 14).map((t) => t.value).join('');
      if (!/^\(exports,["']__esModule["'],\{value:true\}\)/.test(marker)) throw new Unsure();
      this.i += 3;
      this.skipBalanced();
      return this.end();
    }
    const first = this.tok!.value;
    this.i++;
    if (first === 'Object' || (first === 'module' && !(this.is('.') && this.is('exports', 1)))) throw new Unsure();
    while (this.is('.')) (this.i++, this.ident());
    this.expect('=');
    this.expression();
    this.end();
  }

  /** `Given('…', function () {…})`, `cucumber.When<W>(/…/, async () => {…})`: registers a step, runs nothing. */
  private stepCall(): void {
    let name = this.tok!.value;
    this.ident();
    while (this.is('.')) {
      this.i++;
      name = this.tok?.value ?? '';
      this.ident();
    }
    if (!STEP_FUNCTIONS.has(name)) throw new Unsure();
    if (this.is('<')) this.skipAngles();
    this.expect('(');
    for (this.expression(1); this.is(','); this.expression(1)) this.i++;
    this.expect(')');
    this.end();
  }


}
