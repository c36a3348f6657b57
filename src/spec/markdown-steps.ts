/**
 * Steps inside a Scenario or Background: list items that start with a step keyword, and the
 * table or fenced block right under a step as its argument.
 */
import type { Code, List, ListItem, Nodes, Paragraph, RootContent } from 'mdast';
import { fencedBlock, isGherkinFence, report, type CompileState } from './markdown-context.js';
import { visitProse } from './markdown-gherkin-block.js';
import { isDelimiterRow, matchStepKeyword, renderDocString, renderRow, splitRow } from './markdown-text.js';

/** Every line of a GFM table is a row, except the delimiter row on its second line. */
export function emitTable(state: CompileState, first: number, last: number): void {
  const width = splitRow(state.lines[first - 1] ?? '').length;
  for (let line = first; line <= last; line++) {
    if (line !== first + 1) state.out.put(line, renderRow(state.lines[line - 1] ?? '', width));
  }
}

/** Returns the node after the list when it became the last step's argument. */
export function onStepList(state: CompileState, list: List, next: RootContent | undefined): RootContent | undefined {
  let used: RootContent | undefined;
  list.children.forEach((item, i) => {
    const after = i === list.children.length - 1 ? next : undefined;
    if (onListItem(state, item, after)) used = after;
  });
  return used;
}

/** True when `after` (the block after the list) was taken as this step's argument. */
function onListItem(state: CompileState, item: ListItem, after: RootContent | undefined): boolean {
  const [para, ...rest] = item.children;
  if (para?.type !== 'paragraph' || !emitStep(state, para)) {
    visitProse(state, item);
    return false;
  }
  let hasArgument = continuationTable(state, para);
  const [child] = rest;
  if (!hasArgument && child && isArgument(state, child)) {
    emitArgument(state, child);
    rest.shift();
    hasArgument = true;
  }
  if (!hasArgument && child) warnTableWithoutDelimiter(state, child);
  for (const node of rest) visitProse(state, node);
  if (hasArgument || item.children.length > 1 || !after) return false;
  if (!isArgument(state, after)) {
    warnTableWithoutDelimiter(state, after);
    return false;
  }
  emitArgument(state, after);
  return true;
}

/** Rows of pipes with no |---| line are prose to Markdown: the step would silently lose its table. */
function warnTableWithoutDelimiter(state: CompileState, node: Nodes): void {
  if (node.type !== 'paragraph') return;
  const first = node.position?.start.line ?? 0;
  const last = node.position?.end.line ?? 0;
  const rows = state.lines.slice(first - 1, last);
  if (rows.length === 0 || !rows.every((row) => row.trim().startsWith('|'))) return;
  report(state, first, 'This looks like a data table for the step above, but Markdown reads it as prose: it has no |---| row under its header', 'Add a delimiter row such as | --- | --- | under the header row.');
}

function emitStep(state: CompileState, para: Paragraph): boolean {
  const start = para.position?.start;
  if (!start || start.offset === undefined) return false;
  const column = start.offset - (state.lineStarts[start.line - 1] ?? 0);
  const step = matchStepKeyword((state.lines[start.line - 1] ?? '').slice(column), state.kw);
  if (!step) return false;
  if (state.section?.afterExamples) {
    report(state, start.line, 'This step comes after the Examples heading; Gherkin allows no steps there', 'Move the step above the Examples heading.');
    return false;
  }
  state.out.put(start.line, `${' '.repeat(column + step.offset)}${step.keyword}${step.rest}`);
  return true;
}

/**
 * A table written straight under a step (no blank line) is a paragraph continuation to
 * micromark, but GitHub renders it as a table: honour what the author sees.
 */
function continuationTable(state: CompileState, para: Paragraph): boolean {
  const first = para.position?.start.line ?? 0;
  const last = para.position?.end.line ?? 0;
  if (last === first) return false;
  const header = state.lines[first] ?? '';
  const delimiter = state.lines[first + 1] ?? '';
  if (last >= first + 2 && header.includes('|') && isDelimiterRow(delimiter) && splitRow(header).length === splitRow(delimiter).length) {
    emitTable(state, first + 1, last);
    return true;
  }
  report(state, first + 1, 'A Gherkin step is one line, but this step continues on the next line', 'Join the lines into one, or end the list before the prose.');
  return false;
}

function isArgument(state: CompileState, node: Nodes): boolean {
  if (node.type === 'table') return true;
  return node.type === 'code' && !isGherkinFence(node) && fencedBlock(state, node) !== undefined;
}

function emitArgument(state: CompileState, node: Nodes): void {
  if (node.type === 'table') return emitTable(state, node.position?.start.line ?? 0, node.position?.end.line ?? -1);
  if (node.type === 'code') emitDocString(state, node);
}

function emitDocString(state: CompileState, code: Code): void {
  const block = fencedBlock(state, code);
  if (!block) return;
  if (!block.closed) {
    report(state, block.openLine, 'The fenced block under this step is never closed, so it cannot be its doc string', 'Add the closing ``` line.');
    return;
  }
  const info = [code.lang, code.meta].filter(Boolean).join(' ');
  const doc = renderDocString(block.content, info, block.indent);
  state.out.put(block.openLine, doc.open);
  doc.body.forEach((text, i) => state.out.put(block.openLine + 1 + i, text));
  state.out.put(block.openLine + 1 + doc.body.length, doc.close);
}
