/**
 * Finds `require('literal')` calls, which es-module-lexer does not report.
 *
 * A single forward pass that skips comments, string literals, template literals (including
 * nested `${…}`) and regular-expression literals, so `// require('x')` or `"require('x')"` are
 * not calls. It reports `require(` + one string literal (or a template without `${}`) + `)`.
 *
 * Limits, all on the side of reporting nothing rather than something wrong:
 * - `require(name)`, `require('a' + b)` and `require.resolve('x')` are not edges;
 * - `obj.require('x')` is skipped (a member call), and so is a local function that happens to be
 *   called `require` — it is taken as Node's;
 * - the regex-or-division decision after `)` / `]` / identifiers is the usual lexer heuristic
 *   (division), so `if (x) /re'/.test(y)` can confuse it; JSX text with an apostrophe can too
 *   (an apostrophe in JSX text reads as the start of a string).
 */
export interface RequireCall {
  readonly specifier: string;
  /** Offset of the first character inside the quotes. */
  readonly start: number;
}

const KEYWORDS_BEFORE_EXPRESSION = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do',
  'else', 'yield', 'await',
]);

const isIdentChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c > 127;

export function scanRequires(src: string): RequireCall[] {
  const calls: RequireCall[] = [];
  if (!src.includes('require')) return calls;
  const n = src.length;
  let i = 0;
  // What the last significant token was, to tell a regex literal from a division.
  let prev: 'start' | 'ident' | 'keyword' | 'value' | 'punct' | 'dot' = 'start';
  // Brace depth of each template literal we are inside of, innermost last.
  const templates: number[] = [];
  let depth = 0;

  const skipString = (quote: number): number => {
    let j = i + 1;
    while (j < n) {
      const c = src.charCodeAt(j);
      if (c === 92) j += 2;
      else if (c === quote) return j + 1;
      else if (c === 10 && quote !== 96) return j; // unterminated: stop at the line end
      else j++;
    }
    return n;
  };
  // Template text from i (just after ` or }) to the closing ` (returns after it) or ${ (returns
  // after it, with the template pushed).
  const skipTemplateText = (from: number): number => {
    let j = from;
    while (j < n) {
      const c = src.charCodeAt(j);
      if (c === 92) j += 2;
      else if (c === 96) return j + 1;
      else if (c === 36 && src.charCodeAt(j + 1) === 123) {
        templates.push(depth);
        depth++;
        return j + 2;
      } else j++;
    }
    return n;
  };
  const skipRegex = (): number => {
    let j = i + 1;
    let inClass = false;
    while (j < n) {
      const c = src.charCodeAt(j);
      if (c === 92) j += 2;
      else if (c === 10) return j;
      else if (c === 91) { inClass = true; j++; }
      else if (c === 93) { inClass = false; j++; }
      else if (c === 47 && !inClass) return j + 1;
      else j++;
    }
    return n;
  };
  const skipSpace = (from: number): number => {
    let j = from;
    while (j < n && /\s/.test(src[j]!)) j++;
    return j;
  };
  const tryCall = (from: number): void => {
    let j = skipSpace(from);
    if (src.charCodeAt(j) !== 40) return; // (
    j = skipSpace(j + 1);
    const quote = src.charCodeAt(j);
    if (quote !== 39 && quote !== 34 && quote !== 96) return;
    const start = j + 1;
    let k = start;
    while (k < n && src.charCodeAt(k) !== quote && src.charCodeAt(k) !== 10) {
      if (src.charCodeAt(k) === 92) return; // escapes: too rare to be worth decoding
      if (quote === 96 && src.charCodeAt(k) === 36 && src.charCodeAt(k + 1) === 123) return;
      k++;
    }
    if (src.charCodeAt(k) !== quote) return;
    if (src.charCodeAt(skipSpace(k + 1)) !== 41) return; // )
    calls.push({ specifier: src.slice(start, k), start });
  };

  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 47) { // /
      const next = src.charCodeAt(i + 1);
      if (next === 47) { const e = src.indexOf('\n', i); i = e < 0 ? n : e; continue; }
      if (next === 42) { const e = src.indexOf('*/', i + 2); i = e < 0 ? n : e + 2; continue; }
      if (prev === 'ident' || prev === 'value') { i++; prev = 'punct'; continue; }
      i = skipRegex(); prev = 'value'; continue;
    }
    if (c === 39 || c === 34) { i = skipString(c); prev = 'value'; continue; }
    if (c === 96) { i = skipTemplateText(i + 1); prev = 'value'; continue; }
    if (c === 123) { depth++; i++; prev = 'punct'; continue; }
    if (c === 125) {
      depth--;
      if (templates.length > 0 && templates[templates.length - 1] === depth) {
        templates.pop();
        i = skipTemplateText(i + 1);
        prev = 'value';
        continue;
      }
      i++; prev = 'punct'; continue;
    }
    if (isIdentChar(c)) {
      let j = i + 1;
      while (j < n && isIdentChar(src.charCodeAt(j))) j++;
      const word = src.slice(i, j);
      if (word === 'require' && prev !== 'dot') tryCall(j);
      const digit = c >= 48 && c <= 57;
      prev = digit ? 'value' : KEYWORDS_BEFORE_EXPRESSION.has(word) ? 'keyword' : 'ident';
      i = j;
      continue;
    }
    if (c === 41 || c === 93) { prev = 'value'; i++; continue; } // ) ]
    if (c === 46) {
      if (src.startsWith('...', i)) { prev = 'punct'; i += 3; continue; }
      prev = 'dot'; i++; continue;
    }
    if (c === 32 || c === 9 || c === 10 || c === 13) { i++; continue; }
    prev = 'punct';
    i++;
  }
  return calls;
}
