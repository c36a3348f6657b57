import { mkdir, readFile } from 'node:fs/promises';
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
export async function compileSpecs(root: string, files: string[], options: { write: boolean } = { write: true }): Promise<CompiledSpecs> {
  const compiled = await Promise.all(files.map((file) => compileOne(root, file, options.write)));
  const kept = compiled.filter((file): file is SpecFile => file !== undefined);
  const problems = kept.flatMap((file) => file.problems);
  const sourceOf = new Map(kept.map((file) => [file.runPath, file.path]));
  return { files: kept, problems, sourceOf };
}

async function compileOne(root: string, file: string, write: boolean): Promise<SpecFile | undefined> {
  const kind = specKind(file);
  if (!kind) return undefined;
  let text: string;
  try {
    text = await readFile(path.join(root, file), 'utf8');
  } catch (error) {
    // Deleted between discovery and reading (an agent mid-edit): nothing to run.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (kind !== 'markdown') {
    const parsed = parseGherkin(text, file, kind === 'feature-md');
    return { path: file, kind, runPath: file, ...parsed, frontMatter: undefined };
  }
  // Loaded on first use: projects without Markdown specs never pay for the Markdown parser.
  const { compileMarkdownSpec } = await import('./markdown.js');
  const md = compileMarkdownSpec(text, file);
  if (!md.hasScenarios && md.problems.length === 0) return undefined;
  const runPath = `${COMPILED_DIR}/${file}.feature`;
  const parsed = parseGherkin(md.gherkin, file, false);
  const problems: SpecProblem[] = [...md.problems, ...parsed.problems];
  if (write && problems.length === 0) await writeIfChanged(path.join(root, runPath), md.gherkin);
  return { path: file, kind, runPath, document: parsed.document, pickles: parsed.pickles, frontMatter: md.frontMatter, problems };
}

async function writeIfChanged(target: string, content: string): Promise<void> {
  const existing = await readFile(target, 'utf8').catch(() => undefined);
  if (existing === content) return;
  await mkdir(path.dirname(target), { recursive: true });
  const { default: writeFileAtomic } = await import('write-file-atomic');
  await writeFileAtomic(target, content, { fsync: false });
}
