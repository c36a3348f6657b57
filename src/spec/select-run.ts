import type { SpecProblem } from '../core/errors.js';
import { suitesElsewhere, workspaceSuites } from '../config/workspaces.js';
import { missedScriptSuiteHint } from '../config/script-suite.js';
import { discoverSpecs, type SpecSelection } from './discover.js';
import { specKind, type CompiledSpecs, type SpecFile } from './model.js';

export interface RunSpecsRequest {
  root: string;
  globs: string[];
  /** The user's paths (optionally file:line) or what --changed selected; empty: every spec. */
  paths: string[];
  /** Parse every spec here (after cucumber reported one it cannot parse). */
  parseHere: boolean;
  /** Report a file:line that names no scenario; off for impact's selections, where a stale line just runs nothing. */
  checkLines: boolean;
  /** The run's Gherkin language (a cucumber profile's `language:`); absent: en. */
  language?: string | undefined;
}

export interface RunSpecs {
  selection: SpecSelection;
  /** The specs were left for cucumber to parse (plain Gherkin, no line filters): no documents here. */
  parsedInRunner: boolean;
  compiled: CompiledSpecs;
  /** Compiled without problems and holding at least one scenario. */
  runnable: SpecFile[];
  problems: SpecProblem[];
}

/** The spec stage of a run: which spec files, compiled (or left to cucumber), and which of them can run. */
export async function selectRunSpecs(request: RunSpecsRequest): Promise<RunSpecs> {
  const { root } = request;
  const selection = await discoverSpecs(root, request.globs, request.paths);
  // Plain Gherkin without line filters goes to cucumber as it is: the runner parses it anyway, and
  // not loading a Gherkin parser here leaves the CPU to the runner's start-up (≈ 25 ms at 200
  // scenarios). A parse error there brings the parse back here, for every error with our messages.
  const parsedInRunner = !request.parseHere && selection.lines.size === 0 && selection.files.length > 0 && selection.files.every((f) => specKind(f) === 'feature');
  const compiled = parsedInRunner ? unparsed(selection.files) : await (await import('./compile.js')).compileSpecs(root, selection.files, { write: true, language: request.language });
  const problems = [...compiled.problems];
  const hasScenarios = parsedInRunner ? () => true : (await import('./gherkin.js')).hasScenarios;
  const runnable = compiled.files.filter((f) => f.problems.length === 0 && hasScenarios(f.document));
  if (request.checkLines) problems.push(...(await unmatchedLines(runnable, selection.lines)));
  return { selection, parsedInRunner, compiled, runnable, problems };
}

/** No spec file at all (and nothing else wrong): say where specloop looked. */
export async function noSpecsFound(root: string, specs: RunSpecs, paths: string[] | undefined, globs: string[]): Promise<SpecProblem[]> {
  if (specs.compiled.files.length > 0 || specs.problems.length > 0) return [];
  if (paths?.length) return [noSpecs(`in ${paths.join(', ')}`)];
  return [noSpecs(`(looked for ${globs.join(', ')})`, await workspaceSuites(root), await scriptHint(root))];
}

/** --changed selecting nothing is no pass when there is no spec to select from: the same bad input as a plain run. */
export async function noSpecsAtAll(root: string, globs: string[]): Promise<SpecProblem[]> {
  if ((await discoverSpecs(root, globs)).files.length > 0) return [];
  return [noSpecs(`(looked for ${globs.join(', ')})`, await workspaceSuites(root), await scriptHint(root))];
}

/** At a workspace root, the packages that do have specs are where the person meant to run; with an npm script that names them, that script's paths. */
function noSpecs(where: string, packages: string[] = [], script?: string): SpecProblem {
  if (packages.length) {
    const { said, run } = suitesElsewhere(packages);
    return { code: 'SPEC_NO_SPECS', message: `no specs found ${where}: this is a workspace root, and ${said} specs`, hint: run };
  }
  if (script) return { code: 'SPEC_NO_SPECS', message: `no specs found ${where}`, hint: script };
  return { code: 'SPEC_NO_SPECS', message: `no specs found ${where}`, hint: 'write a .feature or Markdown spec under features/ (spec init makes an example), or set "specs" in spec.config' };
}

/** The hint for a suite that only an npm script's command line names, or undefined. */
function scriptHint(root: string): Promise<string | undefined> {
  return missedScriptSuiteHint(root, 'to run them');
}

/** Spec files as cucumber will read them, not parsed here. */
function unparsed(files: string[]): CompiledSpecs {
  const specs: SpecFile[] = files.map((file) => ({ path: file, kind: 'feature', runPath: file, document: undefined, frontMatter: undefined, problems: [] }));
  return { files: specs, problems: [], warnings: [], sourceOf: new Map(files.map((f) => [f, f])) };
}

/** The scenario lines to offer for a wrong one: all of them, or in a long file the dozen nearest (the first dozen missed a typo near the end). */
export function startsNear(starts: number[], line: number): string {
  if (starts.length <= 12) return `scenarios start at lines ${starts.join(', ')}`;
  const nearest = [...starts].sort((a, b) => Math.abs(a - line) - Math.abs(b - line) || a - b).slice(0, 12).sort((a, b) => a - b);
  return `the nearest scenarios start at lines ${nearest.join(', ')}`;
}

/** A file:line that names no scenario or example row would silently run nothing: say so instead. */
async function unmatchedLines(files: SpecFile[], lines: Map<string, number[]>): Promise<SpecProblem[]> {
  if (lines.size === 0) return [];
  const { compilePickles } = await import('./gherkin.js');
  const { indexPickles } = await import('./pickle-index.js');
  const problems: SpecProblem[] = [];
  for (const file of files) {
    const wanted = lines.get(file.path);
    if (!wanted) continue;
    const pickles = indexPickles(file.document, compilePickles(file.document, file.path));
    for (const line of wanted.filter((l) => !pickles.some((p) => p.line === l || p.scenarioLine === l))) {
      const starts = pickles.map((p) => p.scenarioLine).filter((l, i, all) => all.indexOf(l) === i);
      problems.push({
        code: 'SPEC_NO_SCENARIO_AT_LINE',
        message: `no scenario at ${file.path}:${line}`,
        location: { file: file.path, line },
        hint: `name the line of a Scenario, Scenario Outline or example row${starts.length ? ` (${startsNear(starts, line)})` : ''}`,
      });
    }
  }
  return problems;
}
