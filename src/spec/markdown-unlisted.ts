/**
 * Lines under a Markdown scenario that read like steps but that the format does not make steps:
 * a lowercase or colon-glued keyword, a task box, a step inside a blockquote, a code block, an HTML
 * block or a heading. Each is SPEC_STEP_DROPPED at its line (a failure under strict mode, build-verdict.ts),
 * so a check the author wrote never vanishes from the run without a word.
 */
import type { Heading, Nodes, Paragraph } from 'mdast';
import { fencedBlock, isGherkinFence, warn, type CompileState } from './markdown-context.js';
import { dialects, type Dialect } from '@cucumber/gherkin';
import { matchStepKeyword, type Keywords } from './markdown-text.js';

const CODE = 'SPEC_STEP_DROPPED';
// Leading emphasis, then a GFM task box: `- [ ] Given …` is a checklist item, not a step.
const DECORATION = /^(?:\*\*|__|\*|_)?(?:\[[ xX]\][ \t]+)?(?:\*\*|__|\*|_)?/;
const CONTAINER_PREFIX = /^[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)?/;

const STEP_KINDS = ['given', 'when', 'then', 'and', 'but'] as const;
const dialect = (language: string) => dialects[language] as Dialect;
const ENGLISH_STEPS = STEP_KINDS.flatMap((kind) => dialect('en')[kind]).filter((k) => k.trim() !== '*');

/** The document's own keyword for an English one (`Then` → `Alors`), for the fix. */
function translated(word: string, language: string): string | undefined {
  const kind = STEP_KINDS.find((k) => dialect('en')[k].some((w) => w.trim().toLocaleLowerCase() === word.toLocaleLowerCase()));
  return kind ? dialect(language)[kind].find((w) => w.trim() !== '*')?.trim() : undefined;
}

/** The keyword a step-like text starts with, as written, when it is not an exact step keyword. */
export function nearStepKeyword(text: string, kw: Keywords): string | undefined {
  if (matchStepKeyword(text, kw)) return undefined;
  const body = text.replace(DECORATION, '');
  const lower = body.toLocaleLowerCase();
  // English keywords slip into documents in other languages (a copied scenario): they run no more.
  for (const keyword of kw.language === 'en' ? kw.steps : [...kw.steps, ...ENGLISH_STEPS]) {
    const word = keyword.trim();
    if (word === '*' || !lower.startsWith(word.toLocaleLowerCase())) continue;
    // A following letter makes it another word ("Thenceforth", "Andrew"), not a keyword.
    if (/^(?:\*\*|__|\*|_)?[:,.]?(?:\*\*|__|\*|_)?[ \t]+\S/.test(body.slice(word.length))) return body.slice(0, word.length);
  }
  return undefined;
}

/** A list item or a prose line under a scenario that almost is a step. */
export function warnNearStep(state: CompileState, line: number, text: string): boolean {
  const near = nearStepKeyword(text, state.kw);
  if (near === undefined) return false;
  const written = state.kw.steps.map((k) => k.trim()).filter((k) => k !== '*' && k.toLocaleLowerCase() === near.toLocaleLowerCase());
  if (written.length === 0) {
    const own = translated(near, state.kw.language);
    warn(state, line, CODE, `This line reads like a step ("${near}"), but this document's language is ${state.kw.language}, so "${near}" is no step keyword: it does not run`, `Write it with the document's keyword, - ${own ?? near} …, or set the front matter's language to the one the steps are written in.`);
    return true;
  }
  warn(
    state,
    line,
    CODE,
    `This line reads like a step ("${near}"), but steps start with a keyword written exactly, followed by a space: it does not run`,
    `Write it as a step list item, - ${written[0] ?? near} …, or reword the note so it does not start with a step keyword.`,
  );
  return true;
}

/** Blockquotes, code blocks that are no step's argument, HTML blocks and sub-headings under a scenario. */
export function warnHiddenSteps(state: CompileState, node: Nodes): void {
  if (!state.section) return;
  if (node.type === 'blockquote') return warnLines(state, node, 'blockquote', false);
  if (node.type === 'code' && !isGherkinFence(node)) return warnLines(state, node, fencedBlock(state, node) ? 'fenced code block' : 'indented code block', true);
  if (node.type === 'heading') return warnHeading(state, node);
  // `<details>` folds steps away on GitHub, and Markdown reads the whole block as HTML; a comment
  // is the author's own way to switch a step off, as `#` is in Gherkin.
  if (node.type === 'html' && !node.value.trimStart().startsWith('<!--')) return warnLines(state, node, 'HTML block', false);
}

function warnLines(state: CompileState, node: Nodes, where: string, once: boolean): void {
  const first = node.position?.start.line ?? 0;
  const last = node.position?.end.line ?? -1;
  for (let line = first; line <= last; line++) {
    const text = (state.lines[line - 1] ?? '').replace(CONTAINER_PREFIX, '');
    if (!matchStepKeyword(text, state.kw) && nearStepKeyword(text, state.kw) === undefined) continue;
    warn(state, line, CODE, `This line reads like a step, but it is in a ${where}, and only list items directly under a scenario are steps: it does not run`, `Move it out of the ${where} as a list item, - Given …, or reword it so it does not start with a step keyword.`);
    if (once) return;
  }
}

function warnHeading(state: CompileState, node: Heading): void {
  const line = node.position?.start.line ?? 0;
  const text = (state.lines[line - 1] ?? '').replace(/^[ \t]*#{1,6}[ \t]+/, '');
  if (!matchStepKeyword(text, state.kw) && nearStepKeyword(text, state.kw) === undefined) return;
  warn(state, line, CODE, 'This heading reads like a step, but a heading is never a step: it does not run', 'Make it a list item under the scenario, - Then …, or reword the heading.');
}

/** A nested item is a note, not a step; one that reads like a step must not vanish without a word. */
export function warnNestedSteps(state: CompileState, node: Nodes): void {
  if (node.type !== 'list') return;
  for (const item of node.children) {
    const para = item.children[0]?.type === 'paragraph' ? item.children[0] : undefined;
    const text = para ? firstText(state, para) : '';
    if (para && matchStepKeyword(text, state.kw)) {
      warn(state, para.position?.start.line ?? 0, CODE, 'This nested list item starts with a step keyword, but only top-level list items are steps: it does not run', 'Un-indent it to make it a step, or reword the note so it does not start with a step keyword.');
    } else if (para) warnNearStep(state, para.position?.start.line ?? 0, text);
    for (const child of item.children) warnNestedSteps(state, child);
  }
}

/** The first line of a paragraph from where its text starts (list markers and `>` left out). */
export function firstText(state: CompileState, para: Paragraph): string {
  const start = para.position?.start;
  if (start?.offset === undefined) return '';
  return (state.lines[start.line - 1] ?? '').slice(start.offset - (state.lineStarts[start.line - 1] ?? 0));
}
