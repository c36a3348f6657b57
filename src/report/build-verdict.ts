import { coded, ERROR_CODES } from '../core/error-codes.js';
import type { SpecProblem } from '../core/errors.js';
import type { RunOutcome } from '../run/runner.js';
import { reportedMs, scenarioId } from './scenario-times.js';
import type { RunResult, RunScenario } from '../core/run-result.js';
import { definitionRef, problemFailure, scenarioFailures, type FailureContext, type VerdictTools } from './failures.js';
import { gateFailure, kindOfProblem, outcomeFailures } from './outcome-failures.js';
import { flakyEntry, flakyFailure, isFlaky, withAttempts } from './flaky.js';
import { judge, SCHEMA_VERSION } from './summary.js';
import { countScenarios, countSteps } from './verdict-counts.js';
import type { DebtSummary } from '../debt/model.js';
import type { Failure, GateResult, ScenarioResult, Verdict, Warning } from './verdict.js';

export interface VerdictInput {
  root: string;
  version: string;
  startedAt: Date;
  durationMs: number;
  /** Problems found before anything ran: spec parse errors, config, usage. */
  problems: SpecProblem[];
  outcome: RunOutcome | undefined;
  gates: GateResult[];
  /** Comprehension debt's summary; null when `debt: false` turns it off. */
  debt?: DebtSummary | null;
  /** The run was a subset (paths, tags, names): unused definitions can't be judged. */
  filtered: boolean;
  strict: boolean;
  sourceOf: (uri: string) => string;
  excerpt: FailureContext['excerpt'];
  tools: VerdictTools;
  /** What compiled and ran but may not be what the author meant (never changes the exit code). */
  warnings?: SpecProblem[];
  /** Source files whose front matter says `status: draft`: counted apart, never failing the verdict. */
  isDraft?: (file: string) => boolean;
  /** How unused steps were judged, when a filter narrowed the run. */
  unusedNote?: string;
  /** The globs step files are loaded from (config "steps" or the profile's), for where to put a new one. */
  stepGlobs?: string[];
  /** --fail-on-flaky: a scenario that passed only on a retry fails the verdict. */
  failOnFlaky?: boolean;
}


/** Assembles the verdict every reporter reads. Pure: all I/O arrives through the input. */
export function buildVerdict(input: VerdictInput): Verdict {
  const result = resultOf(input.outcome);
  const ctx: FailureContext = {
    root: input.root,
    sourceOf: input.sourceOf,
    excerpt: input.excerpt,
    definitions: new Map((result?.definitions ?? []).map((d) => [d.id, d])),
    tools: input.tools,
    stepHome: stepHome((result?.definitions ?? []).map((d) => input.sourceOf(d.uri)), input.stepGlobs ?? []),
    stepHooks: result?.stepHooks,
  };
  const isDraft = input.isDraft ?? (() => false);
  const scenarios = (result?.scenarios ?? []).map((s) => scenarioResult(s, ctx, input.strict, isDraft));
  const ran = (result?.scenarios ?? []).map((s, i) => ({ run: s, scenario: scenarios[i]! }));
  const flaky = ran.filter(({ run }) => isFlaky(run)).map(({ run, scenario }) => ({ scenario, entry: flakyEntry(run, scenario, ctx) }));
  // Under strict, a Markdown line that reads like a step but does not run is a check that vanished.
  const dropped = (p: SpecProblem) => input.strict && p.code === 'SPEC_STEP_DROPPED';
  const failures: Failure[] = [
    ...[...input.problems, ...(input.warnings ?? []).filter(dropped)].map((p) => problemFailure(p, kindOfProblem(p), ctx)),
    ...outcomeFailures(input.outcome, ctx),
    ...ran.flatMap(({ run, scenario }) => asDraft(scenario, withAttempts(run, stepFailures(run, scenario, ctx, input.strict)))),
    ...(input.failOnFlaky ? flaky.flatMap(({ scenario, entry }) => asDraft(scenario, [flakyFailure(entry, scenario)])) : []),
    ...input.gates.filter((g) => g.status !== 'passed' && g.status !== 'skipped').map(gateFailure),
  ].sort((a, b) => Number(a.draft ?? false) - Number(b.draft ?? false)); // what fails the run comes first
  const warnings = [...(input.warnings ?? []).filter((p) => !dropped(p)), ...(input.strict ? [] : scenarios.filter(isStepless).map(noStepsWarning))].map(toWarning);
  const drafts = scenarios.filter((s) => s.draft);
  const counted = scenarios.filter((s) => !s.draft);
  const counts = { scenarios: countScenarios(counted), steps: countSteps(counted), ...(drafts.length ? { drafts: countScenarios(drafts) } : {}) };
  const { exitCode, status, summary } = judge({ scenarios, failures, gates: input.gates, strict: input.strict, isBadInput: (f) => ERROR_CODES[f.code].exit === 2 });
  const verdict: Verdict = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'specloop', version: input.version, ...(result?.cucumberVersion ? { cucumber: result.cucumberVersion } : {}) },
    status,
    exitCode,
    startedAt: input.startedAt.toISOString(),
    durationMs: Math.round(input.durationMs),
    counts,
    scenarios,
    ...(flaky.length ? { flaky: flaky.map(({ entry }) => entry) } : {}),
    failures,
    warnings,
    gates: input.gates,
    unusedSteps: input.filtered || !result || input.outcome?.kind !== 'result' ? [] : result.definitions.filter((d) => !d.used).map((d) => definitionRef(d, ctx)!),
    ...(input.unusedNote ? { unusedNote: input.unusedNote } : {}),
    debt: input.debt ?? null,
    summary,
  };
  return verdict;
}

/**
 * Where a new step definition belongs: the folder most of the project's step definitions are in,
 * else the fixed folder of the first step glob that has one (`tests/steps/` for `tests/steps/**` globs).
 */
function stepHome(definitionFiles: string[], globs: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const file of definitionFiles) {
    const dir = file.includes('/') ? `${file.slice(0, file.lastIndexOf('/'))}/` : './';
    counts.set(dir, (counts.get(dir) ?? 0) + 1);
  }
  const [top] = [...counts].sort((a, b) => b[1] - a[1]);
  if (top) return top[0];
  const fixed = globs.map((g) => g.replace(/^\.\//, '').split(/[*?{[]/)[0]!).find((p) => p.endsWith('/'));
  return fixed;
}

/** Loads the snippet writer and the differ only when the run has undefined steps or assertion values. */
export async function loadVerdictTools(outcome: RunOutcome | undefined, snippets: { snippetInterface?: string; snippetSyntax?: string } = {}): Promise<VerdictTools> {
  const result = resultOf(outcome);
  if (!result) return {};
  const steps = result.scenarios.flatMap((s) => s.steps);
  const tools: VerdictTools = {};
  if (steps.some((s) => s.status === 'undefined')) {
    const { makeSnippetWriter, typedSnippets } = await import('../bind/snippet.js');
    tools.snippet = makeSnippetWriter(result.parameterTypes, snippets.snippetInterface, typedSnippets(result.definitions.map((d) => d.uri)));
    if (snippets.snippetSyntax) tools.cucumberSnippets = true;
  }
  const errors = [...steps.map((s) => s.error), ...result.scenarios.flatMap((s) => s.hookFailures.map((h) => h.error))];
  if (errors.some((e) => e?.expected !== undefined)) tools.diff = (await import('./diff.js')).lineDiff;
  return tools;
}

/** What ran: the whole result, or what finished before the run was cancelled. */
function resultOf(outcome: RunOutcome | undefined): RunResult | undefined {
  return outcome?.kind === 'result' ? outcome.result : outcome?.kind === 'aborted' ? outcome.partial : undefined;
}

function scenarioResult(s: RunScenario, ctx: FailureContext, strict: boolean, isDraft: (file: string) => boolean): ScenarioResult {
  const file = ctx.sourceOf(s.uri);
  // Nothing ran, so nothing was checked: under strict mode that fails, otherwise it is skipped.
  const stepless = s.steps.length === 0 && s.status === 'passed';
  return {
    id: scenarioId(file, s.line),
    name: s.name,
    feature: s.feature,
    file,
    line: s.line,
    tags: s.tags,
    status: stepless ? (strict ? 'failed' : 'skipped') : s.status,
    durationMs: reportedMs(s.durationMs),
    steps: s.steps.map((step) => {
      const definition = step.definitionIds.length === 1 ? definitionRef(ctx.definitions.get(step.definitionIds[0]!), ctx) : undefined;
      return { keyword: step.keyword, text: step.text, line: step.line, status: step.status, durationMs: reportedMs(step.durationMs), ...(definition ? { definition } : {}) };
    }),
    ...(isDraft(file) ? { draft: true as const } : {}),
    ...(s.attempts ? { attempts: s.attempts } : {}),
    ...(isFlaky(s) ? { flaky: true as const } : {}),
  };
}

function isStepless(s: ScenarioResult): boolean {
  return s.steps.length === 0 && s.status !== 'passed' && s.status !== 'unknown';
}

const NO_STEPS_HINT = 'add steps under the scenario (in Markdown, list items such as "- Given …"), or delete the scenario until it has some';

/** A scenario that ran no step checked nothing: strict mode fails it where it is written. */
function noStepsFailure(s: ScenarioResult, ctx: FailureContext): Failure | undefined {
  if (!isStepless(s) || s.status !== 'failed') return undefined;
  return {
    ...coded('SPEC_NO_STEPS'),
    location: { file: s.file, line: s.line },
    feature: s.feature,
    scenario: s.name,
    scenarioId: s.id,
    message: `scenario "${s.name}" has no steps, so it checks nothing`,
    excerpt: ctx.excerpt(s.file, s.line),
    hint: NO_STEPS_HINT,
  };
}

function noStepsWarning(s: ScenarioResult): SpecProblem {
  return { code: 'SPEC_NO_STEPS', message: `scenario "${s.name}" has no steps; counted as skipped (strict is off)`, location: { file: s.file, line: s.line }, hint: NO_STEPS_HINT };
}

/** A scenario's own failures; one that ran no step at all checked nothing, which strict mode fails. */
function stepFailures(run: RunScenario, scenario: ScenarioResult, ctx: FailureContext, strict: boolean): Failure[] {
  const failures = scenarioFailures(run, ctx);
  const noSteps = failures.length === 0 && strict ? noStepsFailure(scenario, ctx) : undefined;
  return noSteps ? [noSteps] : failures;
}

function asDraft(scenario: ScenarioResult, failures: Failure[]): Failure[] {
  return scenario.draft ? failures.map((f) => ({ ...f, draft: true as const })) : failures;
}

function toWarning(p: SpecProblem): Warning {
  return { code: p.code, ...(p.location ? { location: p.location } : {}), message: p.message, ...(p.hint ? { hint: p.hint } : {}) };
}
