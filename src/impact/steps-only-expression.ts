/** The expression half of the steps-only reading (see steps-only.ts): what a value may be and still run nothing. */
import { CONTINUES, isOpen, TokenCursor, Unsure, type Tok } from './steps-only-tokens.js';

/** Operators that change state or run code at load time. */
const EFFECTS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '**=', '<<=', '>>=', '>>>=', '&=', '|=', '^=', '&&=', '||=', '??=', '++', '--', '@']);
export const EFFECT_WORDS = new Set(['new', 'await', 'yield', 'delete', 'class', 'import', 'super', 'throw']);
/** Words before `(` that do not make it a call. */
const NOT_CALLEES = new Set(['typeof', 'void', 'in', 'of', 'instanceof', 'return', 'case', 'else', 'keyof', 'as', 'satisfies', 'extends']);

export class ExpressionReader extends TokenCursor {
  /**
   * An expression that must run no code at load time: no calls (but `require('literal')`), no
   * `new`, `await`, assignments or tagged templates. Function bodies are skipped: they run later.
   * Stops before a `,` or closing bracket at its own level, or where the statement ends.
   */
  protected expression(depthAtStart = 0): void {
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
}

/** Whether `(` or a template right after this token calls it. */
function isCallee(tok: Tok): boolean {
  if (tok.type === 'IdentifierName') return !NOT_CALLEES.has(tok.value);
  return tok.value === ')' || tok.value === ']' || tok.value === '>' || tok.value === '?.' || tok.type === 'TemplateTail' || tok.type === 'NoSubstitutionTemplate' || tok.type === 'StringLiteral';
}
