import type { GherkinDocument } from '@cucumber/messages';
import type { SpecProblem } from '../core/errors.js';
import type { SpecFrontMatter } from './front-matter.js';

export type SpecKind = 'feature' | 'feature-md' | 'markdown';

/** One spec file after compilation: what later stages read. Paths are project-relative. */
export interface SpecFile {
  path: string;
  kind: SpecKind;
  /** Project-relative path cucumber runs: the source itself, or its compiled twin under .spec/compiled. */
  runPath: string;
  document: GherkinDocument | undefined;
  frontMatter: SpecFrontMatter | undefined;
  problems: SpecProblem[];
  /** Compiled and runnable, but worth the author's attention (Markdown documents only). */
  warnings?: SpecProblem[];
}

export interface CompiledSpecs {
  files: SpecFile[];
  problems: SpecProblem[];
  warnings: SpecProblem[];
  /** runPath → source path, to map cucumber's uris back to what the person wrote. */
  sourceOf: Map<string, string>;
}

export function specKind(file: string): SpecKind | undefined {
  if (file.endsWith('.feature')) return 'feature';
  if (file.endsWith('.feature.md')) return 'feature-md';
  if (file.endsWith('.md')) return 'markdown';
  return undefined;
}
