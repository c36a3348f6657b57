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
import jsTokens from 'js-tokens';

interface Tok {
  type: string;
  value: string;
  /** A line break stands between this token and the previous one. */
  nl: boolean;
}

const STEP_FUNCTIONS = new Set(['Given', 'When', 'Then', 'And', 'But', 'Step', 'defineStep']);
const SKIPPED = new Set(['WhiteSpace', 'MultiLineComment', 'SingleLineComment', 'HashbangComment']);
const CLOSER = new Map([['(', ')'], ['[', ']'], ['{', '}']]);
/** An opening bracket (a Map, not an object: `constructor` is an identifier, not a key of it). */
const isOpen = (tok: Tok): boolean => tok.type === 'Punctuator' && CLOSER.has(tok.value);
/** Tokens after a line break that continue the expression before it (no automatic semicolon). */
const CONTINUES = new Set(['(', '[', '.', '?.', ',', '?', ':', '=>', '=', '+', '-', '*', '/', '%', '**', '==', '!=', '===', '!==', '<', '>', '<=', '>=', '&&', '||', '??', '&', '|', '^', '<<', '>>', '>>>', 'in', 'instanceof', 'as', 'satisfies', 'extends', 'keyof']);
/** Operators that change state or run code at load time. */
const EFFECTS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '**=', '<<=', '>>=', '>>>=', '&=', '|=', '^=', '&&=', '||=', '??=', '++', '--', '@']);
const EFFECT_WORDS = new Set(['new', 'await', 'yield', 'delete', 'class', 'import', 'super', 'throw']);
/** Words before `(` that do not make it a call. */
const NOT_CALLEES = new Set(['typeof', 'void', 'in', 'of', 'instanceof', 'return', 'case', 'else', 'keyof', 'as', 'satisfies', 'extends']);

function tokenize(text: string): Tok[] | undefined {
  const tokens: Tok[] = [];
  let nl = false;
  for (const token of jsTokens(text)) {
    if (token.type === 'Invalid' || ('closed' in token && token.closed === false)) return undefined;
    if (token.type === 'LineTerminatorSequence' || (token.type === 'MultiLineComment' && /[\n\r\u2028\u2029]/.test(token.value))) nl = true;
    if (token.type === 'LineTerminatorSequence' || SKIPPED.has(token.type)) continue;
    tokens.push({ type: token.type, value: token.value, nl });
    nl = false;
  }
  return tokens;
}

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

class Unsure extends Error {}

class Reader {
  private i = 0;
  constructor(private readonly t: Tok[]) {}

  file(): boolean {
    while (this.i < this.t.length) this.statement();
    return true;
  }

  private get tok(): Tok | undefined {
    return this.t[this.i];
  }

  private is(value: string, ahead = 0): boolean {
    const tok = this.t[this.i + ahead];
    return tok !== undefined && tok.value === value && (tok.type === 'Punctuator' || tok.type === 'IdentifierName');
  }

  private expect(value: string): void {
    if (!this.is(value)) throw new Unsure();
    this.i++;
  }

  private ident(): void {
    if (this.tok?.type !== 'IdentifierName') throw new Unsure();
    this.i++;
  }

  private string(): void {
    if (this.tok?.type !== 'StringLiteral') throw new Unsure();
    this.i++;
  }

  /** A statement ends at `;`, a line break, the end of the file or a closing brace. */
  private end(): void {
    if (this.is(';')) return void this.i++;
    if (!this.tok || this.tok.nl || this.is('}')) return;
    throw new Unsure();
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

  /** Type parameters, parameters (run only when called) and a return type, up to the body. */
  private functionRest(): void {
    if (this.is('<')) this.skipAngles();
    if (!this.is('(')) throw new Unsure();
    this.skipBalanced();
    if (!this.is(':')) return;
    this.i++;
    while (this.tok && !this.is('{') && !this.is(';') && !(this.tok.nl && !CONTINUES.has(this.tok.value))) {
      if (isOpen(this.tok)) this.skipBalanced();
      else this.i++;
    }
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

  /**
   * An expression that must run no code at load time: no calls (but `require('literal')`), no
   * `new`, `await`, assignments or tagged templates. Function bodies are skipped: they run later.
   * Stops before a `,` or closing bracket at its own level, or where the statement ends.
   */
  private expression(depthAtStart = 0): void {
    let depth = 0;
    const first = this.i;
    while (this.tok) {
      const tok = this.tok;
      const prev = this.i > first ? this.t[this.i - 1] : undefined;
      if (depth === 0 && depthAtStart === 0 && this.i > first && (tok.value === ';' || (tok.nl && !CONTINUES.has(tok.value) && !(prev && CONTINUES.has(prev.value))))) return;
      if ((tok.value === ',' && depth === 0) || ([')', ']', '}'].includes(tok.value) && depth === 0)) return;
      if (tok.type === 'IdentifierName' && EFFECT_WORDS.has(tok.value)) throw new Unsure();
      if (tok.type === 'Punctuator' && EFFECTS.has(tok.value)) throw new Unsure();
      if (tok.value === 'function' && tok.type === 'IdentifierName') {
        this.i++;
        if (this.is('*')) this.i++;
        if (this.tok?.type === 'IdentifierName') this.i++;
        this.functionRest();
        this.skipBalanced();
        continue;
      }
      if (tok.value === '=>') {
        this.i++;
        if (this.is('{')) this.skipBalanced();
        else this.skipConciseBody();
        continue;
      }
      if ((tok.type === 'TemplateHead' || tok.type === 'NoSubstitutionTemplate') && prev && isCallee(prev)) throw new Unsure();
      if (tok.value === '(' && prev && isCallee(prev)) {
        this.call(prev);
        continue;
      }
      if (isOpen(tok) || tok.type === 'TemplateHead') depth++;
      else if ([')', ']', '}'].includes(tok.value) || tok.type === 'TemplateTail') depth--;
      this.i++;
    }
  }

  /** At `(` after a callee: `require('m')` and method definitions (`name() {…}`) are fine; any other call is not. */
  private call(callee: Tok): void {
    if (callee.value === 'require' && this.t[this.i + 1]?.type === 'StringLiteral' && this.is(')', 2)) return void (this.i += 3);
    const open = this.i;
    this.skipBalanced();
    if (this.is('{') && !this.tok!.nl) return this.skipBalanced();
    if (callee.value === 'async' && this.is('=>')) return;
    this.i = open;
    throw new Unsure();
  }

  /** An arrow's expression body: runs only when called; it ends where its enclosing expression does. */
  private skipConciseBody(): void {
    let depth = 0;
    const first = this.i;
    while (this.tok) {
      const tok = this.tok;
      if (depth === 0 && this.i > first && (tok.value === ';' || tok.value === ',' || (tok.nl && !CONTINUES.has(tok.value)))) return;
      if (isOpen(tok) || tok.type === 'TemplateHead') depth++;
      else if ([')', ']', '}'].includes(tok.value) || tok.type === 'TemplateTail') {
        if (depth === 0) return;
        depth--;
      }
      this.i++;
    }
  }

  /** A type annotation: never evaluated. Stops before `=`, `,` or a closing bracket at its level, or at the statement's end. */
  private skipType(): void {
    const first = this.i;
    while (this.tok) {
      const tok = this.tok;
      const prev = this.t[this.i - 1];
      if (this.i > first && (tok.value === '=' || tok.value === ',' || tok.value === ';' || [')', ']', '}'].includes(tok.value))) return;
      if (this.i > first && tok.nl && !TYPE_CONTINUES.has(tok.value) && !(prev && TYPE_CONTINUES.has(prev.value))) return;
      if (isOpen(tok)) this.skipBalanced();
      else if (tok.value === '<') this.skipAngles();
      else this.i++;
    }
  }

  private skipStatement(continues: Set<string>): void {
    const first = this.i;
    while (this.tok) {
      const tok = this.tok;
      const prev = this.t[this.i - 1];
      if (tok.value === ';') return void this.i++;
      if (this.i > first && tok.nl && !continues.has(tok.value) && !(prev && continues.has(prev.value))) return;
      if (isOpen(tok)) this.skipBalanced();
      else this.i++;
    }
  }

  private skipAngles(): void {
    let depth = 0;
    do {
      const tok = this.tok;
      if (!tok) throw new Unsure();
      if (tok.value === '<') depth++;
      else if (tok.value === '>') depth--;
      else if (tok.value === '>>') depth -= 2;
      if (isOpen(tok)) this.skipBalanced();
      else this.i++;
    } while (depth > 0);
  }

  /** From an opening bracket (or template head) past its match. */
  private skipBalanced(): void {
    const stack: string[] = [];
    do {
      const tok = this.tok;
      if (!tok) throw new Unsure();
      if (isOpen(tok)) stack.push(CLOSER.get(tok.value)!);
      else if (tok.type === 'TemplateHead') stack.push('`');
      else if (tok.type === 'TemplateTail') {
        if (stack.pop() !== '`') throw new Unsure();
      } else if (tok.type === 'Punctuator' && [')', ']', '}'].includes(tok.value) && stack.pop() !== tok.value) throw new Unsure();
      this.i++;
    } while (stack.length > 0);
  }
}

const TYPE_CONTINUES = new Set([...CONTINUES, '|', '&', '{', 'keyof', 'typeof', 'infer', 'readonly', 'unique']);

/** Whether `(` or a template right after this token calls it. */
function isCallee(tok: Tok): boolean {
  if (tok.type === 'IdentifierName') return !NOT_CALLEES.has(tok.value);
  return tok.value === ')' || tok.value === ']' || tok.value === '>' || tok.value === '?.' || tok.type === 'TemplateTail' || tok.type === 'NoSubstitutionTemplate' || tok.type === 'StringLiteral';
}
