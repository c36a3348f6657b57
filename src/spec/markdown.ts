/**
 * Markdown spec documents (prose-first PRDs/ADRs with embedded acceptance criteria) compiled
 * into line-preserving Gherkin: the output has the source's line count, every Gherkin line sits
 * on the line it came from, and everything else is blank, so cucumber locations point at the
 * line the person wrote. Nothing in the document is ever executed.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import type { SpecProblem } from '../core/errors.js';
import { emptyFrontMatter, parseFrontMatter, type SpecFrontMatter } from './front-matter.js';
import { GherkinLines, placeTags, report, tryPlaceTags, type CompileState } from './markdown-context.js';
import { visitProse } from './markdown-gherkin-block.js';
import { emitTable, isPipeParagraph, onStepList, onStepParagraph } from './markdown-steps.js';
import {
  headingText,
  isSafeDescriptionLine,
  keywordsFor,
  matchHeadingKeyword,
  splitLines,
  splitTrailingTags,
  stripFeatureKeyword,
  type HeadingKeyword,
} from './markdown-text.js';

export interface MarkdownCompileResult {
  /** Same line count as the source. */
  gherkin: string;
  frontMatter: SpecFrontMatter;
  problems: SpecProblem[];
  /** Compiled and runnable, but worth the author's attention (never changes the exit code). */
  warnings: SpecProblem[];
  /** False for a prose-only document, which the caller skips. */
  hasScenarios: boolean;
}

export function compileMarkdownSpec(source: string, uri: string): MarkdownCompileResult {
  const text = source.replace(/^\uFEFF/, '');
  try {
    return compile(text, uri);
  } catch (error) {
    // A compiler bug must surface as a located problem, never take the whole run down.
    const message = error instanceof Error ? error.message : String(error);
    return {
      gherkin: splitLines(text).map(() => '').join('\n'),
      frontMatter: emptyFrontMatter(),
      problems: [{ code: 'SPEC_INTERNAL', message: `Markdown spec compiler failed: ${message}`, location: { file: uri, line: 1 } }],
      warnings: [],
      hasScenarios: false,
    };
  }
}

function compile(source: string, file: string): MarkdownCompileResult {
  const tree = fromMarkdown(source, {
    extensions: [gfmTable(), frontmatter(['yaml'])],
    mdastExtensions: [gfmTableFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
  });
  const lines = splitLines(source);
  const yaml = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
  const fm = yaml ? parseFrontMatter(yaml.value, 2, file) : { frontMatter: emptyFrontMatter(), problems: [], warnings: [] };
  const state = newState(source, file, lines, fm.frontMatter);
  state.problems.push(...fm.problems);
  state.warnings.push(...fm.warnings);
  if (fm.frontMatter.language) state.out.put(1, `# language: ${state.kw.language}`);
  state.titleLine = findTitle(state, tree);
  walk(state, tree.children);
  finish(state);
  return {
    gherkin: state.out.lines.join('\n'),
    frontMatter: fm.frontMatter,
    problems: state.problems.sort(byLine),
    warnings: state.warnings.sort(byLine),
    hasScenarios: state.scenarios > 0,
  };
}

const byLine = (a: SpecProblem, b: SpecProblem) => (a.location?.line ?? 0) - (b.location?.line ?? 0);

function newState(source: string, file: string, lines: string[], fm: SpecFrontMatter): CompileState {
  const lineStarts = [0];
  for (const m of source.matchAll(/\r\n|\r|\n/g)) lineStarts.push(m.index + m[0].length);
  return {
    file,
    source,
    lines,
    lineStarts,
    out: new GherkinLines(lines.length),
    kw: keywordsFor(fm.language ?? 'en'),
    problems: [],
    warnings: [],
    frontMatterTags: fm.tags,
    titleLine: undefined,
    featureLine: undefined,
    pushTags: [],
    inDescription: false,
    section: undefined,
    examples: undefined,
    rule: undefined,
    scenarios: 0,
    scope: { scenarios: 0, background: false },
    orphans: [],
  };
}

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
function findTitle(state: CompileState, tree: Root): number | undefined {
  for (const node of tree.children) {
    if (node.type !== 'heading' || node.depth !== 1) continue;
    const parts = headingParts(state, node);
    if (parts && !parts.keyword) return parts.line;
  }
  return undefined;
}

function walk(state: CompileState, nodes: RootContent[]): void {
  let skip: RootContent | undefined;
  nodes.forEach((node, i) => {
    if (node === skip) return;
    const next = nodes[i + 1];
    if (node.type === 'heading') onHeading(state, node);
    else if (node.type === 'paragraph' && state.inDescription) onDescription(state, node);
    else if (state.examples && !state.examples.hasTable && (node.type === 'table' || isPipeParagraph(state, node))) onExamplesTable(state, node);
    else if (node.type === 'list' && state.section) skip = onStepList(state, node, next);
    else if (node.type === 'paragraph' && state.section) skip = onStepParagraph(state, node, next);
    else visitProse(state, node);
  });
}

function onHeading(state: CompileState, node: Heading): void {
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

function onDescription(state: CompileState, node: Paragraph): void {
  const pos = node.position;
  if (!pos) return;
  for (let line = pos.start.line; line <= pos.end.line; line++) {
    const text = state.lines[line - 1] ?? '';
    if (isSafeDescriptionLine(text, state.kw)) state.out.put(line, text);
  }
}

function onExamplesTable(state: CompileState, node: RootContent): void {
  if (state.examples) state.examples.hasTable = true;
  emitTable(state, node.position?.start.line ?? 0, node.position?.end.line ?? -1);
}

function finish(state: CompileState): void {
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
