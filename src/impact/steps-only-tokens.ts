/**
 * The token side of the steps-only reading: js-tokens' tokens without white space and comments
 * (each marked when a line break precedes it), and a cursor over them that knows brackets, type
 * annotations and where a statement ends. A bracket or token it cannot place throws Unsure.
 */
import jsTokens from 'js-tokens';

export interface Tok {
  type: string;
  value: string;
  /** A line break stands between this token and the previous one. */
  nl: boolean;
}

const SKIPPED = new Set(['WhiteSpace', 'MultiLineComment', 'SingleLineComment', 'HashbangComment']);
const CLOSER = new Map([['(', ')'], ['[', ']'], ['{', '}']]);
/** An opening bracket (a Map, not an object: `constructor` is an identifier, not a key of it). */
export const isOpen = (tok: Tok): boolean => tok.type === 'Punctuator' && CLOSER.has(tok.value);
/** Tokens after a line break that continue the expression before it (no automatic semicolon). */
export const CONTINUES = new Set(['(', '[', '.', '?.', ',', '?', ':', '=>', '=', '+', '-', '*', '/', '%', '**', '==', '!=', '===', '!==', '<', '>', '<=', '>=', '&&', '||', '??', '&', '|', '^', '<<', '>>', '>>>', 'in', 'instanceof', 'as', 'satisfies', 'extends', 'keyof']);
export const TYPE_CONTINUES = new Set([...CONTINUES, '|', '&', '{', 'keyof', 'typeof', 'infer', 'readonly', 'unique']);


export function tokenize(text: string): Tok[] | undefined {
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

/** Thrown where the reading is not sure: the answer is then "no". */
export class Unsure extends Error {}

export class TokenCursor {
  protected i = 0;

  constructor(protected readonly t: Tok[]) {}

  protected get tok(): Tok | undefined {
    return this.t[this.i];
  }

  protected is(value: string, ahead = 0): boolean {
    const tok = this.t[this.i + ahead];
    return tok !== undefined && tok.value === value && (tok.type === 'Punctuator' || tok.type === 'IdentifierName');
  }

  protected expect(value: string): void {
    if (!this.is(value)) throw new Unsure();
    this.i++;
  }

  protected ident(): void {
    if (this.tok?.type !== 'IdentifierName') throw new Unsure();
    this.i++;
  }

  protected string(): void {
    if (this.tok?.type !== 'StringLiteral') throw new Unsure();
    this.i++;
  }

  /** A statement ends at `;`, a line break, the end of the file or a closing brace. */
  protected end(): void {
    if (this.is(';')) return void this.i++;
    if (!this.tok || this.tok.nl || this.is('}')) return;
    throw new Unsure();
  }

  /** An arrow's expression body: runs only when called; it ends where its enclosing expression does. */
  protected skipConciseBody(): void {
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
  protected skipType(): void {
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

  protected skipStatement(continues: Set<string>): void {
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

  protected skipAngles(): void {
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
  protected skipBalanced(): void {
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

  /** Type parameters, parameters (run only when called) and a return type, up to the body. */
  protected functionRest(): void {
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
}
