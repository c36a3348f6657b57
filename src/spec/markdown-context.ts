/**
 * The mutable state of one Markdown → Gherkin compilation: the line-for-line output, where
 * the compiler is in the Gherkin structure, and the problems found so far.
 */
import type { Code } from 'mdast';
import type { ErrorCode, SpecProblem } from '../core/errors.js';
import type { Keywords } from './markdown-text.js';

/** Output lines, 1-based like the source; content is written in increasing line order. */
export class GherkinLines {
  readonly lines: string[];
  /** Last line holding Gherkin content; lines after it are free for a tag line. */
  last = 0;

  constructor(count: number) {
    this.lines = new Array<string>(count).fill('');
  }

  put(line: number, text: string): void {
    if (line < 1 || line > this.lines.length) return;
    this.lines[line - 1] = text;
    if (line > this.last) this.last = line;
  }

  /** Tags need their own line before the keyword and after the previous Gherkin content. */
  freeLineBefore(line: number): number | undefined {
    return line - 1 > this.last ? line - 1 : undefined;
  }

  append(line: number, text: string): void {
    this.lines[line - 1] = `${this.lines[line - 1] ?? ''} ${text}`;
  }
}

export interface Section {
  kind: 'scenario' | 'background';
  depth: number;
  line: number;
  /** Gherkin allows no steps after Examples, so later step lists are reported, not emitted. */
  afterExamples: boolean;
}

export interface ExamplesState {
  line: number;
  depth: number;
  hasTable: boolean;
}

export interface CompileState {
  file: string;
  source: string;
  lines: string[];
  /** Offset of each line's first character, for columns independent of tab handling. */
  lineStarts: number[];
  out: GherkinLines;
  kw: Keywords;
  problems: SpecProblem[];
  /** What compiles and runs, but may not be what the author meant or sees rendered. */
  warnings: SpecProblem[];
  frontMatterTags: string[];
  /** Line of the `# Title` heading, found before the walk so gherkin blocks know they join it. */
  titleLine: number | undefined;
  featureLine: number | undefined;
  /** Feature tags that found no line above the Feature: they go on every scenario instead. */
  pushTags: string[];
  inDescription: boolean;
  section: Section | undefined;
  examples: ExamplesState | undefined;
  rule: { depth: number; line: number; inBlock: boolean } | undefined;
  scenarios: number;
  /** Gherkin wants at most one Background per Feature or Rule, before its first scenario. */
  scope: { scenarios: number; background: boolean };
  /** Executable lines met before any Feature line exists. */
  orphans: number[];
  /** The last heading, when it reads like a Scenario heading but lacks the keyword's colon. */
  keywordlessHeading?: { line: number; keyword: string } | undefined;
}

export function report(state: CompileState, line: number, message: string, hint?: string, column?: number): void {
  // Without a better column, point at the line's first character, as a parse error would.
  const at = column ?? Math.max(1, (state.lines[line - 1] ?? '').search(/\S/) + 1);
  state.problems.push({
    code: 'SPEC_MARKDOWN',
    message,
    location: { file: state.file, line, column: at },
    ...(hint ? { hint } : {}),
  });
}

export function warn(state: CompileState, line: number, code: ErrorCode, message: string, hint: string): void {
  const column = Math.max(1, (state.lines[line - 1] ?? '').search(/\S/) + 1);
  state.warnings.push({ code, message, location: { file: state.file, line, column }, hint });
}

/** Puts `tags` on their own line above `line`, or on `tagLine` when Gherkin already has one there. */
export function tryPlaceTags(state: CompileState, line: number, tags: string[], tagLine?: number): boolean {
  if (tags.length === 0) return true;
  if (tagLine !== undefined) {
    state.out.append(tagLine, tags.join(' '));
    return true;
  }
  const free = state.out.freeLineBefore(line);
  if (free === undefined) return false;
  state.out.put(free, tags.join(' '));
  return true;
}

export function placeTags(state: CompileState, line: number, tags: string[], tagLine?: number, why?: string): void {
  if (tryPlaceTags(state, line, tags, tagLine)) return;
  const because = why ? ` (${why})` : '';
  report(
    state,
    line,
    `No free line above line ${line} for its tags ${tags.join(' ')}: Gherkin needs tags on the line before the keyword${because}`,
    'Add a blank line before this heading.',
  );
}

export interface FencedBlock {
  openLine: number;
  /** Content lines as Markdown sees them: container prefixes and fence indent removed. */
  content: string[];
  closed: boolean;
  /** Indent of the opening fence, in characters. */
  indent: number;
}

// Fenced code starts at its fence; indented code starts at its indentation.
const FENCE = /^(`{3,}|~{3,})/;

/** The content lines of a fenced code block, mapped to the source lines they sit on. */
export function fencedBlock(state: CompileState, code: Code): FencedBlock | undefined {
  const pos = code.position;
  if (!pos || pos.start.offset === undefined) return undefined;
  const fence = FENCE.exec(state.source.slice(pos.start.offset, pos.start.offset + 200))?.[1];
  if (!fence) return undefined;
  const openLine = pos.start.line;
  const lastText = pos.end.line > openLine ? (state.lines[pos.end.line - 1] ?? '') : '';
  const closing = /^[\s>]*(`{3,}|~{3,})[ \t]*$/.exec(lastText)?.[1];
  const closed = closing !== undefined && closing[0] === fence[0] && closing.length >= fence.length;
  const count = (closed ? pos.end.line - 1 : pos.end.line) - openLine;
  const value = count > 0 ? code.value.split(/\r\n|\r|\n/) : [];
  const content = Array.from({ length: count }, (_, i) => value[i] ?? '');
  const indent = pos.start.offset - (state.lineStarts[openLine - 1] ?? 0);
  return { openLine, content, closed, indent };
}

export function isGherkinFence(code: Code): boolean {
  const lang = (code.lang ?? '').toLowerCase();
  return lang === 'gherkin' || lang === 'feature';
}
