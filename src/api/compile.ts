import { makeEnvironment, type EnvironmentInput } from '../core/env.js';
import { isSpecloopError, type SpecProblem } from '../core/errors.js';
import { COMPILED_DIR, compileSpecs } from '../spec/compile.js';
import { discoverSpecs } from '../spec/discover.js';
import { compilePickles } from '../spec/gherkin.js';
import { fromBase, locateProject } from '../config/project-root.js';
import { specReading } from './config.js';
import { checkCall, CompileOptionsSchema } from './options.js';

export interface CompileOptions {
  /** The folder to run from (default: the current one); the project is found there or above, as for verify. */
  cwd?: string;
  /** Spec files or folders relative to `cwd`. Empty: every configured spec. */
  paths?: string[];
  configFile?: string;
}

export interface CompiledFileSummary {
  path: string;
  kind: 'feature' | 'feature-md' | 'markdown';
  compiledPath: string | undefined;
  scenarios: number;
  problems: number;
  /** The document's front matter says `status: draft`: its scenarios run but never fail the verdict. */
  draft?: boolean;
}

export interface CompileReport {
  outDir: string;
  files: CompiledFileSummary[];
  problems: SpecProblem[];
  /** Compiled and runnable, but worth the author's attention; never changes the exit code. */
  warnings: SpecProblem[];
  exitCode: 0 | 2;
}

/** Parses every spec and writes Markdown documents' compiled Gherkin; reports every problem in every file. */
export async function compile(options: CompileOptions = {}, environment: EnvironmentInput = {}): Promise<CompileReport> {
  const call = checkCall('compile', CompileOptionsSchema, options, environment);
  const place = locateProject(call.cwd);
  const env = makeEnvironment({ ...call.environment, cwd: place.root });
  const { paths = [], configFile } = call.options;
  try {
    const { globs, language } = await specReading(env.cwd, configFile && fromBase(place, configFile));
    const selection = await discoverSpecs(env.cwd, globs, paths.map((p) => fromBase(place, p)));
    const compiled = await compileSpecs(env.cwd, selection.files, { write: true, language });
    if (compiled.files.length === 0 && compiled.problems.length === 0) {
      const problem: SpecProblem = { code: 'SPEC_NO_SPECS', message: `no specs found (looked for ${globs.join(', ')})`, hint: 'write a .feature or Markdown spec under features/ (spec init makes an example), or set "specs" in spec.config' };
      return { outDir: COMPILED_DIR, files: [], problems: [problem], warnings: [], exitCode: 2 };
    }
    const files = compiled.files.map((f) => ({
      path: f.path,
      kind: f.kind,
      compiledPath: f.kind === 'markdown' && f.problems.length === 0 ? f.runPath : undefined,
      scenarios: compilePickles(f.document, f.path).length,
      problems: f.problems.length,
      ...(f.frontMatter?.status === 'draft' ? { draft: true } : {}),
    }));
    return { outDir: COMPILED_DIR, files, problems: compiled.problems, warnings: compiled.warnings, exitCode: compiled.problems.length ? 2 : 0 };
  } catch (error) {
    if (!isSpecloopError(error)) throw error;
    return { outDir: COMPILED_DIR, files: [], problems: error.problems, warnings: [], exitCode: 2 };
  }
}
