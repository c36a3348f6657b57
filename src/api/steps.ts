import { makeEnvironment, type EnvironmentInput, type SpecEnvironment } from '../core/env.js';
import { SpecloopError, type SpecProblem } from '../core/errors.js';
import { fromBase, locateProject } from '../config/project-root.js';
import type { ProfileOverlay } from '../config/profile.js';
import type { ResolvedConfig } from '../config/schema.js';
import { runnerOf, type RunConfig } from '../config/run-config.js';
import { StepsCatalogueSchema, type StepsCatalogue } from '../bind/catalogue-schema.js';
import { buildCatalogue } from '../bind/catalogue.js';
import { makeSnippetWriter, typedSnippets } from '../bind/snippet.js';
import { supportGlobsOf } from '../bind/support-files.js';
import type { RunResult } from '../core/run-result.js';
import type { Runner, RunOutcome } from '../run/runner.js';
import { runnerKindFor, startRunner } from '../run/start.js';
import { checkCall, ListStepsOptionsSchema } from './options.js';
import { loadRunConfig } from './run-config.js';
import { prepareStages } from './stages.js';
import { runPrepared } from './run-prepared.js';
import { judgeRun } from './judge-run.js';

export { StepsCatalogueSchema, type StepsCatalogue } from '../bind/catalogue-schema.js';

export interface ListStepsOptions {
  /** A folder of the project (default: the current one); its root is found at or above it. */
  cwd?: string;
  /** Spec files or folders (relative to cwd) whose steps to bind; default: every spec. */
  paths?: string[];
  configFile?: string;
  /** The cucumber profile to read (default: spec.config's, else cucumber's default). */
  profile?: string;
}

/** What binding the steps found, with what `--generate` needs besides the catalogue. */
export interface BoundSteps {
  catalogue: StepsCatalogue;
  root: string;
  result: RunResult;
  config: ResolvedConfig;
  overlay: ProfileOverlay | undefined;
  /** The globs the project's step and support files come from (spec.config, else the profile). */
  supportGlobs: string[];
  /** The step and support files loaded, project-relative. */
  supportFiles: string[];
}

/**
 * The steps catalogue (`spec steps`): every step definition with file:line and the spec steps that
 * use it, the unused ones, undefined steps with a snippet, ambiguous steps. The project's own
 * cucumber binds the specs in a dry run (nothing executes). Returns data; never prints.
 * Throws SpecloopError (exit 2) for bad options, config, profile, specs or support code.
 */
export async function listSteps(options: ListStepsOptions = {}, environment: EnvironmentInput = {}): Promise<StepsCatalogue> {
  return (await bindSteps(options, environment)).catalogue;
}

export async function bindSteps(options: ListStepsOptions = {}, environment: EnvironmentInput = {}): Promise<BoundSteps> {
  const call = checkCall('listSteps', ListStepsOptionsSchema, options, environment);
  const place = locateProject(call.cwd);
  const here = makeEnvironment({});
  const env = makeEnvironment({ ...call.environment, cwd: place.root, processCwd: here.processCwd });
  const given = { ...(call.options.profile ? { profile: call.options.profile } : {}), ...(call.options.configFile ? { configFile: fromBase(place, call.options.configFile) } : {}) };
  const paths = call.options.paths?.map((p) => fromBase(place, p));
  const runners: Runner[] = [];
  try {
    return await bind({ ...given, ...(paths ? { paths } : {}), dryRun: true }, env, runners);
  } finally {
    for (const runner of runners) runner.kill();
  }
}

async function bind(options: { paths?: string[]; configFile?: string; profile?: string; dryRun: true }, env: SpecEnvironment, runners: Runner[]): Promise<BoundSteps> {
  const { config, run: configured } = await loadRunConfig(options, env, (loaded) => {
    runners.push(startRunner(runnerKindFor(env.cwd, runnerOf(loaded, options).value, env.processCwd), env.cwd, env.env));
    return () => runners[0]!;
  });
  const run = everyScenario(configured);
  const prepared = await prepareStages({ options, env, child: runners[0]!, config, run, outputs: [] });
  refuse(prepared.problems);
  const outcome = await judgeRun(prepared, await runPrepared(prepared, runners[0]!, env, options, runners), options, prepared.problems, env.cwd);
  // judgeRun added what cucumber could not parse to the prepared problems.
  refuse(prepared.problems);
  const result = await usedAcrossSpecs(resultOf(outcome), options.paths, run.values.specs.value, env.cwd, prepared.overlay?.language);
  refuse(result.undefinedParameterTypes.map((p) => ({ code: 'SPEC_UNDEFINED_PARAMETER_TYPE', message: `undefined parameter type {${p.name}} in "${p.expression}"`, hint: `define it with defineParameterType({ name: '${p.name}', regexp: /…/ }) in a support file` })));
  const sources = prepared.sourceOf;
  const overlay = prepared.overlay;
  const catalogue = buildCatalogue({ result, sourceOf: (uri) => sources.get(uri) ?? uri, snippet: makeSnippetWriter(result.parameterTypes, overlay?.snippetInterface, typedSnippets(result.definitions.map((d) => d.uri))), cucumberSnippets: Boolean(overlay?.snippetSyntax) });
  return { catalogue: StepsCatalogueSchema.parse(catalogue), root: env.cwd, result, config, overlay, supportGlobs: supportGlobsOf(config, overlay), supportFiles: prepared.supportFiles };
}

/**
 * The catalogue speaks of the specs, not of one run of them: configured tags and names (`not @wip`)
 * decide what verify runs, but a scenario they leave out still uses the definitions its steps bind
 * to. A dry run executes nothing, so binding every scenario costs little.
 */
function everyScenario(run: RunConfig): RunConfig {
  return { ...run, values: { ...run.values, tags: { ...run.values.tags, value: '' }, names: { ...run.values.names, value: [] } } };
}

/** Listing some specs (`paths`), a definition only the others use is still used: never called unused. */
async function usedAcrossSpecs(result: RunResult, paths: string[] | undefined, specGlobs: string[], root: string, language: string | undefined): Promise<RunResult> {
  if (!paths?.length || result.definitions.every((d) => d.used)) return result;
  const [{ discoverSpecs }, { judgeUnusedAcrossSuite }] = await Promise.all([import('../spec/discover.js'), import('../bind/unused-scope.js')]);
  return judgeUnusedAcrossSuite(result, (await discoverSpecs(root, specGlobs)).files, root, language);
}

function refuse(problems: SpecProblem[]): void {
  if (problems.length) throw new SpecloopError(problems[0]!, problems.slice(1));
}

/** Anything but a whole result means the steps could not be bound: that is the answer, never an empty catalogue. */
function resultOf(outcome: RunOutcome | undefined): RunResult {
  if (outcome?.kind === 'result') return outcome.result;
  if (outcome?.kind === 'fatal') throw new SpecloopError(outcome.problem);
  const problem: SpecProblem =
    outcome?.kind === 'timeout'
      ? { code: 'SPEC_RUN_TIMEOUT', message: `binding the steps did not finish within ${outcome.limitMs} ms`, hint: 'loading the support code blocks: look for work done at import time' }
      : outcome?.kind === 'aborted'
        ? { code: 'SPEC_CANCELLED', message: 'listing the steps was cancelled', hint: 'run it again' }
        : outcome?.kind === 'crash'
          ? { code: 'SPEC_RUN_CRASH', message: `the runner exited while binding the steps (${outcome.signal ?? `exit code ${outcome.exitCode}`})`, hint: 'the support code probably called process.exit or crashed Node while loading' }
          : { code: 'SPEC_NO_SCENARIOS', message: 'no spec to bind steps for', hint: 'check the specs globs in spec.config (or the paths given)' };
  throw new SpecloopError(problem);
}
