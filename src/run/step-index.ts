/**
 * cucumber assembles each test case by asking every step definition whether it matches each step
 * (assemble_test_cases `stepDefinitions.filter((d) => d.matchesStepName(text))`): steps ×
 * definitions regexp runs, most of a large suite's time between loading and its first scenario
 * (≈ 0.3 s at 2,000 scenarios; bench/RESULTS.md). Most definitions' regexps start with literal
 * text, and one that does cannot match a step that does not start with it: indexed by that text,
 * a step is asked of the few definitions that could match it, in the library's order, so cucumber
 * sees exactly the list the full filter gives.
 */

/** Characters with a meaning of their own in a regexp source (never literal when unescaped). */
const SPECIAL = new Set('\\^$.|?*+()[]{}');
/** What makes the character before it optional or repeated. */
const QUANTIFIER = new Set('?*+{');
/** Flags that keep `^` at the text's start and literal characters exact. */
const PLAIN_FLAGS = /^[dsuv]*$/;

/**
 * The text every string the regexp matches starts with: '' when there is none or it cannot be told
 * for sure (no leading `^`, a top-level alternation, case-insensitive or multiline flags).
 */
export function literalPrefix(regexp: RegExp): string {
  const source = regexp.source;
  if (!source.startsWith('^') || !PLAIN_FLAGS.test(regexp.flags) || hasTopLevelAlternation(source)) return '';
  // With u or v, a quantifier after a surrogate pair repeats the whole character, not its low half.
  const unicode = /[uv]/.test(regexp.flags);
  let prefix = '';
  let i = 1;
  while (i < source.length) {
    const [literal, width] = literalAt(source, i, unicode);
    if (literal === undefined || QUANTIFIER.has(source[i + width] ?? '')) break;
    prefix += literal;
    i += width;
  }
  return prefix;
}

/** The literal character at `i` and the source code units it takes, or undefined when it is not one. */
function literalAt(source: string, i: number, unicode: boolean): [string | undefined, number] {
  const char = source[i] as string;
  if (unicode && /[\uD800-\uDBFF]/.test(char) && /[\uDC00-\uDFFF]/.test(source[i + 1] ?? '')) return [source.slice(i, i + 2), 2];
  if (char !== '\\') return SPECIAL.has(char) ? [undefined, 1] : [char, 1];
  const escaped = source[i + 1];
  // \d, \w, \b, \1, \u…, \x…, \k<…>: classes, assertions, references and code escapes.
  return escaped === undefined || /[\p{L}\p{N}_]/u.test(escaped) ? [undefined, 2] : [escaped, 2];
}

function hasTopLevelAlternation(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') i++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) return true;
  }
  return false;
}

export interface Entry<T> { definition: T; order: number; prefix: string }

/** What the index reads of a step definition: its expression's regexp, where there is one. */
export interface Indexable { expression?: { regexp?: unknown } }

interface Node<T> { entries: Entry<T>[]; next: Map<string, Node<T>> }

/** The definitions that could match a step text, in the library's order, with their places in it. */
export function stepCandidates<T extends Indexable>(definitions: readonly T[]): (text: string) => readonly Entry<T>[] {
  // A trie of the literal prefixes: a step text walks it once, meeting every prefix it starts with.
  const root: Node<T> = { entries: [], next: new Map() };
  definitions.forEach((definition, order) => {
    const regexp = definition.expression?.regexp;
    const prefix = regexp instanceof RegExp ? literalPrefix(regexp) : '';
    let node = root;
    // Code unit by code unit, prefix and text alike: a prefix may end inside a surrogate pair.
    for (let i = 0; i < prefix.length; i++) {
      const char = prefix[i] as string;
      let child = node.next.get(char);
      if (!child) node.next.set(char, (child = { entries: [], next: new Map() }));
      node = child;
    }
    node.entries.push({ definition, order, prefix });
  });
  const memo = new Map<string, Entry<T>[]>();
  return (text) => {
    let found = memo.get(text);
    if (found) return found;
    found = [...root.entries];
    let node: Node<T> | undefined = root;
    for (let i = 0; i < text.length; i++) {
      node = node.next.get(text[i] as string);
      if (!node) break;
      found.push(...node.entries);
    }
    found.sort((a, b) => a.order - b.order);
    memo.set(text, found);
    return found;
  };
}

/**
 * The step text a filter predicate asks of the definitions, read by calling it on a stand-in twice,
 * once answering no match and once a match: undefined unless each call asks `matchesStepName` once
 * with the same string, reads nothing else, and returns the answer it got (so a definition the index
 * leaves out, which cannot match, is one the predicate would have dropped).
 */
export function askedStepText(predicate: (value: never, index: number, array: never[]) => unknown, thisArg: unknown): string | undefined {
  const refused = probe(predicate, thisArg, false);
  const matched = probe(predicate, thisArg, true);
  if (!refused || !matched || refused.result || !matched.result) return undefined;
  return refused.asked === matched.asked ? refused.asked : undefined;
}

function probe(predicate: (value: never, index: number, array: never[]) => unknown, thisArg: unknown, answer: boolean): { asked: string; result: unknown } | undefined {
  let asked: unknown;
  let calls = 0;
  let other = false;
  const ask = (text: unknown) => ((calls += 1), (asked = text), answer);
  const standIn = new Proxy({}, { get: (_target, key) => (key === 'matchesStepName' ? ask : ((other = true), undefined)) });
  try {
    const result: unknown = predicate.call(thisArg, standIn as never, 0, []);
    return calls === 1 && !other && typeof asked === 'string' ? { asked, result } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The library's step definitions as an array whose `filter` asks only the definitions that could
 * match the step text the predicate asks about; any other filter (and every other method) is
 * Array's own. Results keep their order and are plain arrays.
 */
export function indexStepDefinitions<T extends Indexable>(definitions: T[]): T[] {
  const candidates = stepCandidates(definitions);
  const indexed: T[] = Array.from(definitions);
  Object.defineProperty(indexed, 'filter', {
    configurable: true,
    writable: true,
    value(predicate: (value: T, index: number, array: T[]) => unknown, thisArg?: unknown): T[] {
      // A library changed since it was indexed is filtered whole. Nothing can swap a definition in
      // place first: the array is made after the support code has loaded, no user code holds it,
      // and cucumber filters it only to assemble the test cases, before any hook or step runs. A
      // Proxy that noticed writes made cucumber's per-step `stepDefinitions.find` 10-15× slower.
      const text = this === indexed && indexed.length === definitions.length ? askedStepText(predicate as never, thisArg) : undefined;
      if (text === undefined) return Array.prototype.filter.call(this, predicate, thisArg) as T[];
      return candidates(text).filter((e) => predicate.call(thisArg, e.definition, e.order, indexed)).map((e) => e.definition);
    },
  });
  return indexed;
}
