/**
 * Step list items outside any scenario: Markdown makes them prose, but a list of `- Given …` /
 * `- Then …` items is a check its author meant to run, most often under a heading that lost its
 * colon (`## Scenario Refunds are capped`) or a section such as "Acceptance criteria". Each is
 * SPEC_STEP_DROPPED at its line (a failure under strict mode), so the check never vanishes from
 * a run that otherwise passes. A lone item in prose ("- Given the budget, we chose …") is left
 * alone unless the heading above it reads like a scenario's.
 */
import type { Heading, List } from 'mdast';
import { warn, type CompileState } from './markdown-context.js';
import { headingText, matchHeadingKeyword, matchStepKeyword, splitTrailingTags } from './markdown-text.js';
import { firstText } from './markdown-unlisted.js';

const EMPHASIS = /^(?:\*\*|__|\*|_)/;

/** Remembers a heading that reads like a Scenario heading without the keyword's colon. */
export function noteHeading(state: CompileState, node: Heading): void {
  const pos = node.position;
  state.keywordlessHeading = undefined;
  if (!pos) return;
  const { text } = splitTrailingTags(headingText(state.lines, pos.start.line, pos.end.line).text);
  if (matchHeadingKeyword(text, state.kw)) return;
  const body = text.replace(EMPHASIS, '').toLocaleLowerCase();
  const near = [...state.kw.outline, ...state.kw.scenario].find((word) => {
    const w = word.toLocaleLowerCase();
    return body.startsWith(w) && /^(?:\*\*|__|\*|_)?(?:[ \t]|$)/.test(body.slice(w.length));
  });
  if (near) state.keywordlessHeading = { line: pos.start.line, keyword: near };
}

/** `*` is a list marker as much as a keyword: only a worded keyword makes an item read like a step. */
function isStepItem(state: CompileState, text: string): boolean {
  const step = matchStepKeyword(text, state.kw);
  return step !== undefined && step.keyword.trim() !== '*';
}

export function warnStraySteps(state: CompileState, list: List): void {
  const items = list.children
    .map((item) => (item.children[0]?.type === 'paragraph' ? item.children[0] : undefined))
    .filter((para) => para !== undefined && isStepItem(state, firstText(state, para)));
  // "- Checkout:" with the steps indented under it is the same list of checks, one level down.
  for (const item of list.children) for (const child of item.children) if (child.type === 'list') warnStraySteps(state, child);
  const heading = state.keywordlessHeading;
  if (items.length < (heading ? 1 : 2)) return;
  const message = heading
    ? `This list item reads like a step, but the heading at line ${heading.line} above it has no colon after "${heading.keyword}", so it is no Scenario and its list is prose: it does not run`
    : 'This list item reads like a step, but it is under no Scenario heading, so it is prose: it does not run';
  const hint = heading
    ? `Write the heading as "${heading.keyword}: …" to run these steps, or reword them so they do not start with a step keyword.`
    : 'Put these steps under a "## Scenario: …" heading to run them, or reword them so they do not start with a step keyword.';
  for (const para of items) {
    warn(state, para?.position?.start.line ?? 0, 'SPEC_STEP_DROPPED', message, hint);
  }
}
