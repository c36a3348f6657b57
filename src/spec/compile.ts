import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { ensureDir } from '../core/fs.js';
import path from 'node:path';
import type { SpecProblem } from '../core/errors.js';
import { DEFAULTS } from '../config/defaults.js';
import { parseGherkin } from './gherkin.js';
import { specKind, type CompiledSpecs, type SpecFile } from './model.js';

export const COMPILED_DIR = `${DEFAULTS.outDir}/compiled`;

/**
 * Compiles every spec: Gherkin and .feature.md are parsed as they are; Markdown spec documents are
 * compiled to line-preserving Gherkin under .spec/compiled. Every problem in every file is collected.
 */
export async function compileSpecs(root: string, files: string[], options: { write: boolean; language?: string | undefined } = { write: true }): Promise<CompiledSpecs> {
  const language = options.language ?? 'en';
  const compiled: (SpecFile | undefined)[] = [];
  for (const file of files) {
    const kind = specKind(file);
    const text = kind && readSource(root, file);
    if (kind === undefined || text === undefined) continue;
    const unreadable = notTextProblem(file, text);
    if (unreadable) {
      compiled.push({ path: file, kind, runPath: file, document: undefined, frontMatter: undefined, problems: [unreadable] });
      continue;
    }
    compiled.push(kind === 'markdown' ? await compileMarkdown(root, file, text, options.write, language) : compileGherkin(file, kind, text, language));
  }
  const kept = compiled.filter((file): file is SpecFile => file !== undefined);
  const problems = kept.flatMap((file) => file.problems);
  const warnings = kept.flatMap((file) => file.warnings ?? []);
  const sourceOf = new Map(kept.map((file) => [file.runPath, file.path]));
  return { files: kept, problems, warnings, sourceOf };
}

// C0 controls other than tab and line or page breaks, and DEL: no spec holds them, and a message
// quoting the line would write them raw to the terminal (ESC sequences, NUL, backspace).
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/;

/** A binary file under a spec's name (an image, an archive), or text with a stray control byte. */
function notTextProblem(file: string, text: string): SpecProblem | undefined {
  const found = CONTROL.exec(text);
  if (!found) return undefined;
  const hint = 'A spec is UTF-8 text: remove the file or rename it so the spec globs do not match it, or save it again as text.';
  if (text.includes('\u0000')) return { code: 'SPEC_PARSE', message: `${file} is not a text file: it holds NUL bytes (binary data), so it is no spec`, location: { file, line: 1, column: 1 }, hint };
  const before = text.slice(0, found.index).split(/\r\n|\r|\n/);
  const code = `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  const location = { file, line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
  return { code: 'SPEC_PARSE', message: `${file} is not a text file: line ${location.line} holds the control character ${code}, which no spec has`, location, hint: 'Delete the character (an editor shows it as ^[ or <0x..>), or save the file again as UTF-8 text.' };
}

/** Sync: for many small files the thread-pool round trips of async reads cost more than the reads. */
function readSource(root: string, file: string): string | undefined {
  try {
    return readFileSync(path.join(root, file), 'utf8');
  } catch (error) {
    // Deleted between discovery and reading (an agent mid-edit): nothing to run.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * A long-lived process (watch, MCP) parses a spec file again only when its text (or the run's
 * language) changed: the key is the whole text, so an edit is always seen. One entry per file;
 * readers never change a document.
 */
const parsedGherkin = new Map<string, { text: string; language: string; parsed: ReturnType<typeof parseGherkin> }>();

function compileGherkin(file: string, kind: 'feature' | 'feature-md', text: string, language: string): SpecFile {
  const key = `${kind}:${file}`;
  let hit = parsedGherkin.get(key);
  if (hit?.text !== text || hit.language !== language) parsedGherkin.set(key, (hit = { text, language, parsed: parseGherkin(text, file, kind === 'feature-md', language) }));
  return { path: file, kind, runPath: file, ...hit.parsed, frontMatter: undefined };
}

/** A document without `language:` in its front matter is in the run's language, which cucumber reads its compiled Gherkin in. */
async function compileMarkdown(root: string, file: string, text: string, write: boolean, language: string): Promise<SpecFile | undefined> {
  // Loaded on first use: projects without Markdown specs never pay for the Markdown parser.
  const { compileMarkdownSpec } = await import('./markdown.js');
  const md = compileMarkdownSpec(text, file, language);
  // A prose-only document is skipped, unless it lists steps that would vanish with it.
  if (!md.hasScenarios && md.problems.length === 0 && !md.warnings.some((w) => w.code === 'SPEC_STEP_DROPPED')) return undefined;
  const runPath = `${COMPILED_DIR}/${file}.feature`;
  const parsed = parseGherkin(md.gherkin, file, false, language);
  const problems: SpecProblem[] = [...md.problems, ...parsed.problems];
  if (write && problems.length === 0) await writeIfChanged(path.join(root, runPath), md.gherkin);
  const covers = md.frontMatter.covers.length ? await (await import('./covers-check.js')).checkCovers(root, file, text, md.frontMatter.covers) : [];
  return { path: file, kind: 'markdown', runPath, document: parsed.document, frontMatter: md.frontMatter, problems, warnings: [...md.warnings, ...covers] };
}

async function writeIfChanged(target: string, content: string): Promise<void> {
  const existing = await readFile(target, 'utf8').catch(() => undefined);
  if (existing === content) return;
  ensureDir(path.dirname(target));
  const { default: writeFileAtomic } = await import('write-file-atomic');
  await writeFileAtomic(target, content, { fsync: false });
}
