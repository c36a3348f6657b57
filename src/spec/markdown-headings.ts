/**
 * The heading side of a Markdown spec: which headings name the Feature, a Scenario, Background,
 * Rule or Examples, the Gherkin keyword line each one becomes, and the nesting Gherkin requires.
 */
import type { Heading, Root } from 'mdast';
import { placeTags, report, tryPlaceTags, type CompileState } from './markdown-context.js';
import { headingText, matchHeadingKeyword, splitTrailingTags, stripFeatureKeyword, type HeadingKeyword } from './markdown-text.js';

interface HeadingParts {
  line: number;
  depth: number;
  column: number;
  text: string;
  tags: string[];
  keyword: HeadingKeyword | undefined;
}

function headingParts(state: CompileState, node: Heading): HeadingParts | undefined {
  const pos = node.position;
  if (!pos) return undefined;
  const raw = headingText(state.lines, pos.start.line, pos.end.line);
  const { text, tags } = splitTrailingTags(raw.text);
  const keyword = matchHeadingKeyword(text, state.kw);
  return { line: pos.start.line, depth: node.depth, column: raw.column, text, tags, keyword };
}

/** The first `#` heading that is not itself a Scenario/Rule/… heading names the feature. */
export function findTitle(state: CompileState, tree: Root): number | undefined {
  for (const node of tree.children) {
    if (node.type !== 'heading' || node.depth !== 1) continue;
    const parts = headingParts(state, node);
    if (parts && !parts.keyword) return parts.line;
  }
  return undefined;
}

export function onHeading(state: CompileState, node: Heading): void {
  const h = headingParts(state, node);
  if (!h) return;
  if (!h.keyword) return onPlainHeading(state, h);
  closeExamples(state);
  const kind = h.keyword.kind;
  const isScenario = kind === 'scenario' || kind === 'outline';
  if (state.featureLine === undefined) {
    // Only scenarios make a document executable; a lone "## Background" is a prose section.
    if (isScenario) state.orphans.push(h.line);
    if (isScenario) state.scenarios++;
    return;
  }
  if (isScenario) onScenario(state, h);
  else if (kind === 'background') onBackground(state, h);
  else if (kind === 'rule') onRule(state, h);
  else onExamples(state, h);
}

function emitKeywordLine(state: CompileState, h: HeadingParts, keyword: HeadingKeyword): void {
  const name = keyword.name ? ` ${keyword.name}` : '';
  state.out.put(h.line, `${' '.repeat(h.column + keyword.offset)}${keyword.keyword}:${name}`);
}

function onPlainHeading(state: CompileState, h: HeadingParts): void {
  if (h.line === state.titleLine) return onTitle(state, h);
  if (state.examples && h.depth <= state.examples.depth) closeExamples(state);
  if (state.section && h.depth <= state.section.depth) {
    closeExamples(state);
    state.section = undefined;
  }
}

function onTitle(state: CompileState, h: HeadingParts): void {
  const tags = [...new Set([...state.frontMatterTags, ...h.tags])];
  state.featureLine = h.line;
  state.inDescription = true;
  // With no line above the title (it is line 1), pickles get the same tags via each scenario.
  if (!tryPlaceTags(state, h.line, tags)) state.pushTags = tags;
  const name = stripFeatureKeyword(h.text, state.kw);
  state.out.put(h.line, `${' '.repeat(h.column)}${state.kw.feature[0] ?? 'Feature'}:${name ? ` ${name}` : ''}`);
}

function onScenario(state: CompileState, h: HeadingParts): void {
  checkRuleNesting(state, h);
  state.section = { kind: 'scenario', depth: h.depth, line: h.line, afterExamples: false };
  state.inDescription = false;
  state.scenarios++;
  state.scope.scenarios++;
  const why = state.pushTags.length > 0 ? 'the title\'s tags ride on each scenario, as the title has no line above it' : undefined;
  placeTags(state, h.line, [...new Set([...state.pushTags, ...h.tags])], undefined, why);
  emitKeywordLine(state, h, h.keyword as HeadingKeyword);
}

function onBackground(state: CompileState, h: HeadingParts): void {
  const keyword = h.keyword as HeadingKeyword;
  if (state.scope.scenarios > 0 || state.scope.background) {
    state.section = undefined;
    // Where Gherkin allows no Background, a bare "## Background" is a prose section about context.
    if (keyword.bare) return;
    const what = state.scope.background ? 'a second Background' : 'a Background after a scenario';
    report(state, h.line, `Gherkin does not allow ${what} in the same Feature or Rule`, 'Keep one Background, above the first scenario (or first scenario of its Rule).');
    return;
  }
  if (h.tags.length > 0) report(state, h.line, 'Gherkin does not allow tags on a Background', 'Remove the tags, or move them to the scenarios.');
  checkRuleNesting(state, h);
  state.scope.background = true;
  state.section = { kind: 'background', depth: h.depth, line: h.line, afterExamples: false };
  state.inDescription = false;
  emitKeywordLine(state, h, keyword);
}

function onRule(state: CompileState, h: HeadingParts): void {
  state.section = undefined;
  state.rule = { depth: h.depth, line: h.line, inBlock: false };
  state.scope = { scenarios: 0, background: false };
  state.inDescription = false;
  placeTags(state, h.line, h.tags);
  emitKeywordLine(state, h, h.keyword as HeadingKeyword);
}

function onExamples(state: CompileState, h: HeadingParts): void {
  const section = state.section;
  if (section?.kind !== 'scenario') {
    if (h.keyword?.bare) return; // an "## Examples" section of prose, not Gherkin Examples
    report(state, h.line, 'This Examples heading is not under a Scenario Outline', 'Put it below the steps of a "Scenario Outline:" heading.');
    return;
  }
  state.examples = { line: h.line, depth: h.depth, hasTable: false };
  section.afterExamples = true;
  placeTags(state, h.line, h.tags);
  emitKeywordLine(state, h, h.keyword as HeadingKeyword);
}

/** Gherkin has no way to leave a Rule: a scenario not nested under it would still land in it. */
function checkRuleNesting(state: CompileState, h: HeadingParts): void {
  const rule = state.rule;
  if (!rule || h.depth > rule.depth) return;
  const where = rule.inBlock ? `the Rule in the gherkin block at line ${rule.line}` : `the Rule heading at line ${rule.line}`;
  report(
    state,
    h.line,
    `This heading is not nested under ${where}, but Gherkin would silently put it inside that rule`,
    'Move it above the first Rule, or make it a deeper heading under a Rule.',
  );
}

function closeExamples(state: CompileState): void {
  const examples = state.examples;
  state.examples = undefined;
  if (!examples || examples.hasTable) return;
  report(state, examples.line, 'This Examples heading has no table under it', 'Add a Markdown table: a header row naming the <placeholders>, then one row per example.');
}

/** At the end of the document: an Examples left without a table, scenarios that belong to no Feature. */
export function finishHeadings(state: CompileState): void {
  closeExamples(state);
  const [first] = state.orphans;
  if (first === undefined) return;
  if (state.featureLine === undefined) {
    report(state, first, 'This document has scenarios but no "# Title" heading to name their Feature', 'Add a "# <feature name>" heading above the first scenario.');
    return;
  }
  for (const line of state.orphans) {
    report(state, line, `This comes before the Feature at line ${state.featureLine}, so it belongs to no Feature`, 'Move it below the "# Title" heading.');
  }
}
