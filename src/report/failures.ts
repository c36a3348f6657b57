import { createRequire } from 'node:module';
import { coded } from '../core/error-codes.js';
import type { SpecProblem } from '../core/errors.js';
import type { RuleHeading, RunDefinition, RunResult, RunScenario, RunStep } from '../core/run-result.js';
import { relativePath } from '../core/env.js';
import { snippetKeywords } from '../bind/keywords.js';
import type { DefinitionRef, Failure, FailureKind } from './verdict.js';
import { errorFields, errorMessage } from './error-fields.js';
import { blockedEventLoop, blockedHint, failedStepHint, isTimeout } from './failure-hints.js';

/** What failure builders need besides the result itself: file mapping and source access. */
export interface FailureContext {
  root: string;
  sourceOf: (uri: string) => string;
  excerpt: (file: string, line: number) => Failure['excerpt'];
  definitions: Map<string, RunDefinition>;
  tools: VerdictTools;
  /** Where this project keeps its step files (e.g. `features/step_definitions/`), for hints. */
  stepHome?: string;
  /** The run's BeforeStep/AfterStep hooks: a step one of them failed names the hook, not the step definition. */
  stepHooks?: RunResult['stepHooks'];
}

/** Heavier helpers, loaded by the caller only when a run needs them (see loadVerdictTools). */
export interface VerdictTools {
  snippet?: (keyword: string, text: string, argument: 'dataTable' | 'docString' | undefined) => string;
  /** The profile names a snippetSyntax: cucumber's own snippet (written with it) wins where the run has one. */
  cucumberSnippets?: boolean;
  diff?: (expected: string, actual: string) => string;
}

function snippetOf(step: RunStep, keyword: string, ctx: FailureContext): string | undefined {
  return (ctx.tools.cucumberSnippets ? step.suggestion : undefined) ?? ctx.tools.snippet?.(keyword, step.text, step.argument);
}

export function problemFailure(problem: SpecProblem, kind: FailureKind, ctx: Pick<FailureContext, 'excerpt'>): Failure {
  const location = problem.location;
  return {
    kind,
    code: problem.code,
    ...(location ? { location } : {}),
    message: problem.message,
    // A config's syntax error (it has a column) is shown in place, as a spec's is.
    ...(location && (kind === 'parse-error' || (kind === 'config-error' && location.column)) ? { excerpt: ctx.excerpt(location.file, location.line) } : {}),
    hint: problem.hint ?? 'fix the problem at the location shown',
  };
}

export function definitionRef(def: RunDefinition | undefined, ctx: FailureContext): DefinitionRef | undefined {
  return def ? { pattern: def.pattern, file: ctx.sourceOf(def.uri), line: def.line } : undefined;
}

/**
 * What a non-passing scenario contributes: its first failed, ambiguous or pending step (or, when
 * none, its failed hook), and every undefined step, each at its own line with its snippet: cucumber
 * marks a step undefined also after a failed or skipped one. Each carries the scenario's id.
 */
export function scenarioFailures(scenario: RunScenario, ctx: FailureContext): Failure[] {
  const hook = scenario.hookFailures[0];
  // Steps a failed hook left unknown (a hook cut for blocking the event loop) did not fail: the hook did.
  const first = scenario.steps.findIndex((s) => s.status !== 'passed' && s.status !== 'skipped' && s.status !== 'undefined' && !(hook && s.status === 'unknown'));
  // Most scenarios pass: the headings and keywords below are built for each, so only for one that has something to report.
  if (first < 0 && !hook && !scenario.steps.some((s) => s.status === 'undefined')) return [];
  const file = ctx.sourceOf(scenario.uri);
  const where: Where = { file, feature: scenario.feature, scenario: scenario.name, ...heading(scenario), scenarioId: `${file}:${scenario.line}`, row: scenario.example ? scenario.line : undefined };
  const keywords = snippetKeywords(scenario.steps);
  const failures = first < 0 && hook ? [hookFailure(hook, scenario, where, ctx)] : [];
  scenario.steps.forEach((step, i) => {
    if (i === first || step.status === 'undefined') failures.push(stepFailure(step, keywords[i]!, where, ctx));
  });
  return failures;
}

type Where = { file: string; feature: string; scenario: string; scenarioKeyword?: string; rule?: RuleHeading; scenarioId: string; row: number | undefined };

/** Which scenario a failure belongs to, in the order every failure lists it. */
function scenarioFields(where: Where): Pick<Failure, 'feature' | 'scenario' | 'scenarioKeyword' | 'rule' | 'scenarioId'> {
  return { feature: where.feature, scenario: where.scenario, ...(where.scenarioKeyword ? { scenarioKeyword: where.scenarioKeyword } : {}), ...(where.rule ? { rule: where.rule } : {}), scenarioId: where.scenarioId };
}

/**
 * The scenario's keyword and Rule as the spec wrote them, for headers in its own language. An
 * outline's example is a scenario, not an outline: it takes the dialect's word for Scenario.
 */
function heading(scenario: RunScenario): Pick<Failure, 'scenarioKeyword' | 'rule'> {
  const keyword = scenario.example ? scenarioWord(scenario.language ?? 'en') : scenario.keyword;
  return { ...(keyword ? { scenarioKeyword: keyword } : {}), ...(scenario.rule ? { rule: scenario.rule } : {}) };
}

let dialects: Record<string, { scenario: string[] }> | undefined;

/** The dialect's Scenario (its last synonym: the first is often "Example"); read only when an example fails. */
function scenarioWord(language: string): string | undefined {
  dialects ??= createRequire(import.meta.url)('@cucumber/gherkin/dist/src/gherkin-languages.json') as Record<string, { scenario: string[] }>;
  return dialects[language]?.scenario.at(-1)?.trim();
}

function hookFailure(hook: RunScenario['hookFailures'][number], scenario: RunScenario, where: Where, ctx: FailureContext): Failure {
  const hookFile = hook.uri ? ctx.sourceOf(hook.uri) : where.file;
  const timedOut = isTimeout(hook.error?.message ?? '');
  const pending = hook.status === 'pending';
  return {
    ...coded(timedOut ? 'SPEC_STEP_TIMEOUT' : pending ? 'SPEC_PENDING' : 'SPEC_HOOK'),
    location: { file: hookFile, line: hook.line ?? scenario.line },
    ...scenarioFields(where),
    ...errorFields(hook.error, ctx),
    message: errorMessage(hook.error) || `${hook.name ? `hook "${hook.name}"` : 'a hook'} ${pending ? 'is pending' : 'failed'}`,
    hint: blockedEventLoop(hook.error?.message ?? '') ? `${blockedHint('hook')} (${hookFile}:${hook.line ?? '?'})` : `fix the hook at ${hookFile}:${hook.line ?? '?'}; the scenario's steps were skipped`,
  };
}

function stepFailure(step: RunStep, keyword: string, where: Where, ctx: FailureContext): Failure {
  // An outline's step line is shared by every example: the example row is the place that failed.
  const location = where.row ? { file: where.file, line: where.row } : { file: where.file, line: step.line, column: step.column };
  const common = { location, ...scenarioFields(where), step: `${step.keyword} ${step.text}`, excerpt: ctx.excerpt(where.file, location.line) };
  const defs = step.definitionIds.map((id) => definitionRef(ctx.definitions.get(id), ctx)).filter((d): d is DefinitionRef => d !== undefined);
  const def = defs[0];
  switch (step.status) {
    case 'undefined':
      return { ...coded('SPEC_UNDEFINED'), ...common, message: `undefined step: ${step.text}`, ...(ctx.tools.snippet ? { snippet: snippetOf(step, keyword, ctx) } : {}), hint: `paste this step definition into a step file (this project's are in ${ctx.stepHome ?? 'steps/'}) and make it do what the step says` };
    case 'ambiguous':
      return { ...coded('SPEC_AMBIGUOUS'), ...common, message: `${defs.length} step definitions match: ${step.text}`, matches: defs, hint: 'make the patterns distinct, or delete all but one of these definitions' };
    case 'pending':
      return { ...coded('SPEC_PENDING'), ...common, message: step.error?.message || 'step is pending', hint: def ? `implement the step definition at ${def.file}:${def.line}` : 'implement the step definition' };
    default: {
      const message = step.error?.message ?? '';
      const hook = failingStepHook(step, def, ctx);
      const hint = hook ? `the ${hook.kind} hook at ${hook.at} threw while this step ran: fix the ${hook.kind} hook at ${hook.at}` : failedStepHint(message, step, where.file, def);
      return { ...coded(isTimeout(message) ? 'SPEC_STEP_TIMEOUT' : 'SPEC_STEP_FAILED'), ...common, ...errorFields(step.error, ctx), message: errorMessage(step.error) || 'step failed', hint };
    }
  }
}


/** Stack frames' files: `(/abs/file.ts:12:3)`, `at file:///abs/file.ts:12:3`. */
const FRAME_FILE = /(?:\(|at )(?:file:\/\/)?([^()\s]+?):\d+:\d+\)?$/gm;

/**
 * The BeforeStep/AfterStep hook whose throw failed this step (cucumber marks the step failed): its
 * file is in the error's stack and the step definition's is not (the step function did not throw).
 */
function failingStepHook(step: RunStep, def: DefinitionRef | undefined, ctx: FailureContext): { kind: string; at: string } | undefined {
  if (!ctx.stepHooks?.length || !step.error?.stack) return undefined;
  const files = new Set([...step.error.stack.matchAll(FRAME_FILE)].map((m) => relativePath(ctx.root, m[1]!)));
  if (def && files.has(def.file)) return undefined;
  const hook = ctx.stepHooks.find((h) => files.has(ctx.sourceOf(h.uri)));
  return hook ? { kind: hook.kind, at: `${ctx.sourceOf(hook.uri)}:${hook.line}` } : undefined;
}
