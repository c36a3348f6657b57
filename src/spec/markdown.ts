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
import type { Paragraph, RootContent } from 'mdast';
import type { SpecProblem } from '../core/errors.js';
import { emptyFrontMatter, parseFrontMatter, type SpecFrontMatter } from './front-matter.js';
import { GherkinLines, type CompileState } from './markdown-context.js';
import { findTitle, finishHeadings, onHeading } from './markdown-headings.js';
import { visitProse } from './markdown-gherkin-block.js';
import { warnHiddenSteps } from './markdown-unlisted.js';
import { noteHeading, warnStraySteps } from './markdown-stray.js';
import { emitTable, isPipeParagraph, onStepList, onStepParagraph } from './markdown-steps.js';
import { isSafeDescriptionLine, keywordsFor, splitLines } from './markdown-text.js';

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

export function compileMarkdownSpec(source: string, uri: string, language = 'en'): MarkdownCompileResult {
  const text = source.replace(/^\uFEFF/, '');
  try {
    return compile(text, uri, language);
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

function compile(source: string, file: string, language: string): MarkdownCompileResult {
  const tree = fromMarkdown(source, {
    extensions: [gfmTable(), frontmatter(['yaml'])],
    mdastExtensions: [gfmTableFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
  });
  const lines = splitLines(source);
  const yaml = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
  const fm = yaml ? parseFrontMatter(yaml.value, 2, file) : { frontMatter: emptyFrontMatter(), problems: [], warnings: [] };
  if (!yaml && unclosedFrontMatter(lines)) {
    fm.problems.push({ code: 'SPEC_MARKDOWN', message: 'The front matter opened by --- at line 1 is never closed, so its keys (tags, status…) are read as prose', location: { file, line: 1, column: 1 }, hint: 'Close it with a --- line after the last key.' });
  }
  const state = newState(source, file, lines, fm.frontMatter, language);
  state.problems.push(...fm.problems);
  state.warnings.push(...fm.warnings);
  if (fm.frontMatter.language) state.out.put(1, `# language: ${state.kw.language}`);
  state.titleLine = findTitle(state, tree);
  walk(state, tree.children);
  finishHeadings(state);
  return {
    gherkin: state.out.lines.join('\n'),
    frontMatter: fm.frontMatter,
    problems: state.problems.sort(byLine),
    warnings: state.warnings.sort(byLine),
    hasScenarios: state.scenarios > 0,
  };
}

/** `---` then `key:` lines with no closing `---`: Markdown sees a rule and a paragraph, not keys. */
function unclosedFrontMatter(lines: string[]): boolean {
  return /^---[ \t]*$/.test(lines[0] ?? '') && /^[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|$)/.test(lines[1] ?? '');
}

const byLine = (a: SpecProblem, b: SpecProblem) => (a.location?.line ?? 0) - (b.location?.line ?? 0);

function newState(source: string, file: string, lines: string[], fm: SpecFrontMatter, language: string): CompileState {
  const lineStarts = [0];
  for (const m of source.matchAll(/\r\n|\r|\n/g)) lineStarts.push(m.index + m[0].length);
  return {
    file,
    source,
    lines,
    lineStarts,
    out: new GherkinLines(lines.length),
    kw: keywordsFor(fm.language ?? language),
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

function walk(state: CompileState, nodes: RootContent[]): void {
  let skip: RootContent | undefined;
  nodes.forEach((node, i) => {
    if (node === skip) return;
    const next = nodes[i + 1];
    if (node.type === 'heading') {
      onHeading(state, node);
      noteHeading(state, node);
      warnHiddenSteps(state, node);
    }
    else if (node.type === 'paragraph' && state.inDescription) onDescription(state, node);
    else if (state.examples && !state.examples.hasTable && (node.type === 'table' || isPipeParagraph(state, node))) onExamplesTable(state, node);
    else if (node.type === 'list' && state.section) skip = onStepList(state, node, next);
    else if (node.type === 'paragraph' && state.section) skip = onStepParagraph(state, node, next);
    else {
      if (node.type === 'list') warnStraySteps(state, node);
      warnHiddenSteps(state, node);
      visitProse(state, node);
    }
  });
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
