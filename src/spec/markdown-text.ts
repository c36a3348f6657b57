/**
 * Pure text helpers for the Markdown spec compiler: keyword matching in a Gherkin dialect,
 * heading text, trailing tags, table rows and doc strings. No state, no mdast walking.
 */
import { dialects, type Dialect } from '@cucumber/gherkin';

export interface Keywords {
  language: string;
  feature: string[];
  scenario: string[];
  outline: string[];
  background: string[];
  rule: string[];
  examples: string[];
  /** Step keywords as the dialect spells them, trailing space included, longest first. */
  steps: string[];
}

const byLengthDesc = (a: string, b: string) => b.length - a.length;

export function keywordsFor(language: string): Keywords {
  const d: Dialect = dialects[language] ?? (dialects['en'] as Dialect);
  const sorted = (words: readonly string[]) => [...new Set(words)].sort(byLengthDesc);
  return {
    language: dialects[language] ? language : 'en',
    // Unsorted: the first is the dialect's own name for a Feature, used for `# Title`.
    feature: [...d.feature],
    scenario: sorted(d.scenario),
    outline: sorted(d.scenarioOutline),
    background: sorted(d.background),
    rule: sorted(d.rule),
    examples: sorted(d.examples),
    steps: sorted([...d.given, ...d.when, ...d.then, ...d.and, ...d.but]),
  };
}

export type HeadingKind = 'outline' | 'scenario' | 'background' | 'rule' | 'examples';

export interface HeadingKeyword {
  kind: HeadingKind;
  keyword: string;
  /** Offset of the keyword inside the heading text (after an opening `**`). */
  offset: number;
  name: string;
  /** Written without a colon: `## Background` may just as well be a prose section. */
  bare: boolean;
}

// Longest first, so `**` is tried before `*`; '' is the plain, unemphasised form.
const EMPHASIS = ['**', '__', '*', '_', ''];

/** `Scenario: x`, `**Scenario:** x`, `**Scenario**: x`; `Background`/`Examples` may omit the colon. */
export function matchHeadingKeyword(text: string, kw: Keywords): HeadingKeyword | undefined {
  const kinds: [HeadingKind, string[], boolean][] = [
    ['outline', kw.outline, false],
    ['scenario', kw.scenario, false],
    ['background', kw.background, true],
    ['rule', kw.rule, false],
    ['examples', kw.examples, true],
  ];
  for (const [kind, words, colonOptional] of kinds) {
    const found = matchTitle(text, words, colonOptional);
    if (found) return { kind, ...found };
  }
  return undefined;
}

function matchTitle(text: string, words: string[], colonOptional: boolean) {
  for (const em of EMPHASIS) {
    if (!text.startsWith(em)) continue;
    const body = text.slice(em.length);
    for (const keyword of words) {
      if (!body.startsWith(keyword)) continue;
      const after = body.slice(keyword.length);
      const colon = [`${em}:`, `:${em}`].find((c) => after.startsWith(c));
      if (colon !== undefined) return { keyword, offset: em.length, name: after.slice(colon.length).trim(), bare: false };
      // "Background and motivation" is prose, so without a colon only the bare keyword counts.
      if (colonOptional && after === em) return { keyword, offset: em.length, name: '', bare: true };
    }
  }
  return undefined;
}

export interface StepKeyword {
  keyword: string;
  offset: number;
  rest: string;
}

/** `Given x`, `**When** y`, `__Then__ z`: the keyword may be emphasised, the text is kept raw. */
export function matchStepKeyword(text: string, kw: Keywords): StepKeyword | undefined {
  for (const em of EMPHASIS) {
    if (!text.startsWith(em)) continue;
    const body = text.slice(em.length);
    for (const keyword of kw.steps) {
      const word = keyword.trimEnd();
      if (!body.startsWith(word) || !body.startsWith(em, word.length)) continue;
      const after = body.slice(word.length + em.length);
      if (word !== keyword && !/^[ \t]/.test(after)) continue;
      const rest = after.trim();
      if (rest) return { keyword, offset: em.length, rest };
    }
  }
  return undefined;
}

/** Strips a leading `Feature:` the author may have written in the title. */
export function stripFeatureKeyword(text: string, kw: Keywords): string {
  const found = matchTitle(text, kw.feature, false);
  return found ? found.name : text;
}

export interface HeadingText {
  text: string;
  /** 0-based column of the text on the heading's first line. */
  column: number;
}

/** Raw heading text from the source (markup kept), for ATX (`## x ##`) and setext headings. */
export function headingText(lines: readonly string[], first: number, last: number): HeadingText {
  if (last > first) {
    const body = lines.slice(first - 1, last - 1);
    const head = body[0] ?? '';
    return { text: body.map((l) => l.trim()).join(' '), column: head.length - head.trimStart().length };
  }
  const line = lines[first - 1] ?? '';
  const open = /^[ \t]*#{1,6}(?:[ \t]+|$)/.exec(line)?.[0] ?? '';
  const text = line.slice(open.length).replace(/(?:^|[ \t]+)#+[ \t]*$/, '').trim();
  return { text, column: open.length };
}

/** `Scenario: pay @smoke @fast` → name `Scenario: pay`, tags `@smoke @fast`. */
export function splitTrailingTags(text: string): { text: string; tags: string[] } {
  const tags: string[] = [];
  let rest = text.trimEnd();
  for (let m = /(?:^|\s)(@\S+)$/.exec(rest); m; m = /(?:^|\s)(@\S+)$/.exec(rest)) {
    tags.unshift(m[1] as string);
    rest = rest.slice(0, m.index).trimEnd();
  }
  return { text: rest, tags };
}

/** Lines Gherkin would read as something other than description text in a Feature header. */
export function isSafeDescriptionLine(line: string, kw: Keywords): boolean {
  const t = line.trim();
  if (/^(?:@|\||"""|```|#)/.test(t)) return false;
  const titles = [...kw.scenario, ...kw.outline, ...kw.background, ...kw.rule, ...kw.examples];
  return !titles.some((word) => t.startsWith(`${word}:`));
}

/** Splits a GFM row on unescaped pipes; cell text stays raw (`\|` kept for Gherkin). */
export function splitRow(raw: string): string[] {
  const s = raw.trim();
  const cells: string[] = [];
  let cell = '';
  let endedOnPipe = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    endedOnPipe = false;
    if (c === '\\' && i + 1 < s.length) {
      cell += c + (s[++i] as string);
    } else if (c === '|') {
      cells.push(cell);
      cell = '';
      endedOnPipe = true;
    } else {
      cell += c;
    }
  }
  if (!endedOnPipe) cells.push(cell);
  if (s.startsWith('|')) cells.shift();
  return cells.map((c) => c.trim());
}

export function isDelimiterRow(line: string): boolean {
  return /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/.test(line);
}

/** A Gherkin table row with the GFM header's width: GFM pads short rows and drops extra cells. */
export function renderRow(sourceLine: string, width: number): string {
  const cells = splitRow(sourceLine).slice(0, width);
  while (cells.length < width) cells.push('');
  const indent = sourceLine.length - sourceLine.trimStart().length;
  return `${' '.repeat(indent)}| ${cells.join(' | ')} |`;
}

export interface DocStringLines {
  open: string;
  body: string[];
  close: string;
}

/**
 * Content is indented by the fence's indent so Gherkin strips exactly that; ``` content
 * switches the delimiter to `"""`, whose leading occurrences Gherkin needs escaped.
 */
export function renderDocString(content: string[], info: string, indent: number): DocStringLines {
  const delimiter = content.some((l) => l.includes('```')) ? '"""' : '```';
  const pad = ' '.repeat(indent);
  const body = content.map((line) => {
    if (line === '') return '';
    const safe = delimiter === '"""' && line.trimStart().startsWith('"""') ? line.replace('"""', '\\"\\"\\"') : line;
    return pad + safe;
  });
  return { open: `${pad}${delimiter}${info}`, body, close: pad + delimiter };
}

export function splitLines(source: string): string[] {
  return source.split(/\r\n|\r|\n/);
}
