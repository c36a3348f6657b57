/**
 * ```gherkin blocks are copied verbatim onto their own lines. When the document already has
 * a Feature (its `# Title`), the block's Feature header is blanked so its scenarios join it.
 */
import type { Code, Nodes } from 'mdast';
import { fencedBlock, isGherkinFence, placeTags, report, tryPlaceTags, type CompileState } from './markdown-context.js';
import { keywordsFor, type Keywords } from './markdown-text.js';

type LineKind = 'blank' | 'docstring' | 'tag' | 'comment' | 'feature' | 'scenario' | 'background' | 'rule' | 'other';

function classify(trimmed: string, kw: Keywords): LineKind {
  if (trimmed === '') return 'blank';
  if (trimmed.startsWith('"""') || trimmed.startsWith('```')) return 'docstring';
  if (trimmed.startsWith('@')) return 'tag';
  if (trimmed.startsWith('#')) return 'comment';
  const title = (words: string[]) => words.some((w) => trimmed.startsWith(`${w}:`));
  if (title(kw.feature)) return 'feature';
  if (title(kw.scenario) || title(kw.outline)) return 'scenario';
  if (title(kw.background)) return 'background';
  if (title(kw.rule)) return 'rule';
  return 'other';
}

interface BlockWalk {
  docString: string | undefined;
  /** Tag lines waiting for their keyword line. */
  tagLines: number[];
  /** Blanking a joined Feature's description until the next structural line. */
  skippingHeader: boolean;
  structural: boolean;
}

/** A block that may define the document's Feature may also switch its language. */
function blockKeywords(state: CompileState, content: string[]): Keywords {
  if (state.titleLine !== undefined || state.featureLine !== undefined) return state.kw;
  for (const line of content) {
    const t = line.trim();
    const lang = /^#\s*language\s*:\s*([a-zA-Z\-_]+)\s*$/.exec(t)?.[1];
    if (lang) return keywordsFor(lang);
    if (t !== '' && !t.startsWith('#')) break;
  }
  return state.kw;
}

function compileGherkinBlock(state: CompileState, code: Code): void {
  const block = fencedBlock(state, code);
  if (!block) return;
  if (!block.closed) report(state, block.openLine, 'This ```gherkin block is never closed', 'Add a closing ``` line.');
  const kw = blockKeywords(state, block.content);
  const walk: BlockWalk = { docString: undefined, tagLines: [], skippingHeader: false, structural: false };
  block.content.forEach((text, i) => blockLine(state, kw, walk, block.openLine + 1 + i, text));
  if (walk.structural) {
    state.section = undefined;
    state.inDescription = false;
  }
}

function blockLine(state: CompileState, kw: Keywords, walk: BlockWalk, line: number, text: string): void {
  const trimmed = text.trim();
  if (walk.docString !== undefined) {
    if (trimmed.startsWith(walk.docString)) walk.docString = undefined;
    return state.out.put(line, text);
  }
  const kind = classify(trimmed, kw);
  if (kind === 'blank') return;
  if (walk.skippingHeader && !['tag', 'scenario', 'background', 'rule'].includes(kind)) return;
  walk.skippingHeader = false;
  if (kind === 'feature') return featureLine(state, walk, line, text);
  if (kind === 'docstring') walk.docString = trimmed.slice(0, 3);
  if (kind === 'scenario' || kind === 'background' || kind === 'rule') keywordLine(state, walk, line, kind);
  if (kind === 'tag') walk.tagLines.push(line);
  else if (kind !== 'comment') walk.tagLines = [];
  if (kind !== 'comment') state.inDescription = false;
  state.out.put(line, text);
}

function featureLine(state: CompileState, walk: BlockWalk, line: number, text: string): void {
  if (state.titleLine !== undefined || state.featureLine !== undefined) {
    // The document's Feature stands; this one's tags and description would be a second Feature.
    for (const tagLine of walk.tagLines) state.out.lines[tagLine - 1] = '';
    walk.tagLines = [];
    walk.skippingHeader = true;
    return;
  }
  state.featureLine = line;
  walk.structural = true;
  // No line above the Feature for the front matter tags: the scenarios carry them instead.
  if (!tryPlaceTags(state, line, state.frontMatterTags, walk.tagLines.at(-1))) state.pushTags = state.frontMatterTags;
  walk.tagLines = [];
  state.out.put(line, text);
}

function keywordLine(state: CompileState, walk: BlockWalk, line: number, kind: 'scenario' | 'background' | 'rule'): void {
  walk.structural = true;
  if (kind === 'rule') {
    state.rule = { depth: 7, line, inBlock: true };
    state.scope = { scenarios: 0, background: false };
  } else if (kind === 'background') {
    if (state.scope.background || state.scope.scenarios > 0) {
      report(state, line, 'Gherkin allows one Background per Feature or Rule, above its first scenario', 'Merge it into the earlier Background or move it up.');
    }
    state.scope.background = true;
  } else {
    if (state.featureLine === undefined) state.orphans.push(line);
    state.scenarios++;
    state.scope.scenarios++;
    placeTags(state, line, state.pushTags, walk.tagLines.at(-1));
  }
}

/** Prose never reaches the output, except ```gherkin blocks, which count wherever they are. */
export function visitProse(state: CompileState, node: Nodes): void {
  if (node.type === 'code' && isGherkinFence(node)) return compileGherkinBlock(state, node);
  if ('children' in node) for (const child of node.children) visitProse(state, child);
}
