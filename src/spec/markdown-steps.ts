/**
 * Steps inside a Scenario or Background: list items (or plain lines) that start with a step
 * keyword, and the table or fenced block right under a step as its argument.
 */
import type { Code, List, ListItem, Nodes, Paragraph, RootContent } from 'mdast';
import { fencedBlock, isGherkinFence, report, warn, type CompileState } from './markdown-context.js';
import { visitProse } from './markdown-gherkin-block.js';
import { isDelimiterRow, matchStepKeyword, renderDocString, renderRow, splitRow } from './markdown-text.js';
import { firstText, warnNearStep, warnNestedSteps } from './markdown-unlisted.js';

/**
 * Rows of a table: a header, then its rows. The `| --- |` row under the header is optional, as
 * in Cucumber's Markdown; without it GitHub shows plain text, so a warning says to add it. A row
 * whose cell count differs from the header's is an error at that row: GFM would pad or cut it
 * silently and the scenario would fail far from the cause.
 */
export function emitTable(state: CompileState, first: number, last: number): void {
  const header = state.lines[first - 1] ?? '';
  const width = splitRow(header).length;
  const hasDelimiter = last > first && isDelimiterRow(state.lines[first] ?? '');
  if (!hasDelimiter) {
    warn(state, first, 'SPEC_TABLE_NO_DELIMITER', 'This table has no | --- | row under its header: it runs as a table, but Markdown shows it as plain text', `Add a delimiter row such as ${delimiterFor(width)} under the header row.`);
  }
  for (let line = first; line <= last; line++) {
    if (hasDelimiter && line === first + 1) {
      checkCells(state, line, width, first, 'delimiter row');
      continue;
    }
    const text = state.lines[line - 1] ?? '';
    if (line !== first) checkCells(state, line, width, first, 'row');
    state.out.put(line, renderRow(text, width));
  }
}

function checkCells(state: CompileState, line: number, width: number, headerLine: number, what: string): void {
  const cells = splitRow(state.lines[line - 1] ?? '').length;
  if (cells === width) return;
  report(
    state,
    line,
    `This table ${what} has ${cells} cell${cells === 1 ? '' : 's'}, but the header at line ${headerLine} has ${width}: inconsistent cell count`,
    `Give every row of the table ${width} cell${width === 1 ? '' : 's'} (an empty cell is written | |).`,
  );
}

function delimiterFor(width: number): string {
  return `| ${Array.from({ length: Math.max(1, width) }, () => '---').join(' | ')} |`;
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

/**
 * A paragraph of plain lines under a Scenario: each line that starts with a step keyword is a
 * step, as it would be in a .feature file. Returns the next node when it became the last step's
 * argument; undefined when the paragraph holds no step (it is prose).
 */
export function onStepParagraph(state: CompileState, para: Paragraph, next: RootContent | undefined): RootContent | undefined {
  const steps = stepLines(state, para, false);
  if (steps.count === 0) warnNearStep(state, para.position?.start.line ?? 0, firstText(state, para));
  if (steps.count === 0 || !steps.open || !next || !isArgument(state, next)) return undefined;
  emitArgument(state, next);
  return next;
}

/** True when `after` (the block after the list) was taken as this step's argument. */
function onListItem(state: CompileState, item: ListItem, after: RootContent | undefined): boolean {
  const [para, ...rest] = item.children;
  const steps = para?.type === 'paragraph' ? stepLines(state, para, true) : undefined;
  if (!steps || steps.count === 0) {
    if (para?.type === 'paragraph') warnNearStep(state, para.position?.start.line ?? 0, firstText(state, para));
    visitProse(state, item);
    return false;
  }
  let hasArgument = !steps.open;
  const [child] = rest;
  if (!hasArgument && child && isArgument(state, child)) {
    emitArgument(state, child);
    rest.shift();
    hasArgument = true;
  }
  for (const node of rest) {
    warnNestedSteps(state, node);
    visitProse(state, node);
  }
  if (hasArgument || item.children.length > 1 || !after || !isArgument(state, after)) return false;
  emitArgument(state, after);
  return true;
}

interface StepLines {
  count: number;
  /** The last step has no argument yet: the block right after the paragraph may be it. */
  open: boolean;
}

/**
 * Walks a paragraph line by line: step lines, pipe rows right under a step (its table), and
 * lines that continue a step (an error: a step is one line). In a list item only the first
 * line decides whether the item is a step at all.
 */
function stepLines(state: CompileState, para: Paragraph, listItem: boolean): StepLines {
  const start = para.position?.start;
  const last = para.position?.end.line ?? 0;
  if (!start || start.offset === undefined) return { count: 0, open: false };
  const firstColumn = start.offset - (state.lineStarts[start.line - 1] ?? 0);
  const result: StepLines = { count: 0, open: false };
  let underStep: number | undefined;
  let warned = false;
  for (let line = start.line; line <= last; line++) {
    const raw = state.lines[line - 1] ?? '';
    const column = line === start.line ? firstColumn : raw.length - raw.trimStart().length;
    const text = raw.slice(column);
    if (underStep !== undefined && text.startsWith('|')) {
      const end = pipeRowsEnd(state, line, last);
      emitTable(state, line, end);
      line = end;
      result.open = false;
      underStep = undefined;
      continue;
    }
    const step = matchStepKeyword(text, state.kw);
    if (step && (result.count > 0 || !listItem || line === start.line)) {
      if (!emitStep(state, line, column, step)) return result;
      if (!(listItem && line === start.line) && !warned) {
        warned = true;
        warn(state, line, 'SPEC_STEP_NOT_LISTED', 'These steps are plain lines: they run, but Markdown shows them as one run-on paragraph', 'Make each step a list item: - Given …, - When …, - Then ….');
      }
      result.count++;
      result.open = true;
      underStep = line;
      continue;
    }
    if (listItem && result.count === 0) return result;
    if (underStep !== undefined) {
      report(state, line, 'A Gherkin step is one line, but this step continues on the next line', 'Join the lines into one step; if this is prose, start it with a word that is not a step keyword, or end the list before it.');
      underStep = undefined;
      result.open = false;
    }
  }
  return result;
}

function pipeRowsEnd(state: CompileState, from: number, last: number): number {
  let end = from;
  while (end < last && (state.lines[end] ?? '').trimStart().startsWith('|')) end++;
  return end;
}

function emitStep(state: CompileState, line: number, column: number, step: NonNullable<ReturnType<typeof matchStepKeyword>>): boolean {
  if (state.section?.afterExamples) {
    report(state, line, 'This step comes after the Examples heading; Gherkin allows no steps there', 'Move the step above the Examples heading.');
    return false;
  }
  state.out.put(line, `${' '.repeat(column + step.offset)}${step.keyword}${step.rest}`);
  return true;
}

/** A paragraph made only of `| … |` lines: a table Markdown did not recognise (no delimiter row). */
export function isPipeParagraph(state: CompileState, node: Nodes): boolean {
  if (node.type !== 'paragraph') return false;
  const first = node.position?.start.line ?? 0;
  const last = node.position?.end.line ?? 0;
  const rows = state.lines.slice(first - 1, last);
  return rows.length > 0 && rows.every((row) => row.trim().startsWith('|'));
}

function isArgument(state: CompileState, node: Nodes): boolean {
  if (node.type === 'table') return true;
  if (isPipeParagraph(state, node)) return true;
  return node.type === 'code' && !isGherkinFence(node) && fencedBlock(state, node) !== undefined;
}

function emitArgument(state: CompileState, node: Nodes): void {
  if (node.type === 'table' || node.type === 'paragraph') return emitTable(state, node.position?.start.line ?? 0, node.position?.end.line ?? -1);
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
