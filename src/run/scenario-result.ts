/** One finished scenario as a RunScenario: its steps and hooks, their statuses, errors and durations. */
import type * as messages from '@cucumber/messages';
import type { StepStatus } from '../core/results.js';
import { worstStatus, type RunError, type RunHookFailure, type RunScenario, type RunStep } from '../core/run-result.js';
import type { GherkinIndex } from './gherkin-index.js';
import { boundStatus, toError, toMs, toStatus } from './step-result.js';

export interface PendingCase { pickleId: string; steps: Map<string, messages.TestStep> }
export interface StartedCase { testCaseId: string; results: Map<string, messages.TestStepResult> ; captured: Map<string, RunError> }

/** What the message stream said before a scenario finished, which its result is written from. */
export interface RunLookups {
  gherkin: GherkinIndex;
  pickleSteps: Map<string, messages.PickleStep>;
  hooks: Map<string, messages.Hook>;
  /** cucumber's own snippet for an undefined step (its snippetSyntax), by pickle step. */
  suggestions: Map<string, string>;
}

export function scenarioResult(pickle: messages.Pickle, testCase: PendingCase, started: StartedCase, seen: RunLookups): RunScenario {
  const steps: RunStep[] = [];
  const hookFailures: RunHookFailure[] = [];
  // Hooks count towards the scenario's status (a hook that skips skips the scenario) even when not reported.
  const hookStatuses: StepStatus[] = [];
  let durationMs = 0;
  for (const testStep of testCase.steps.values()) {
    const result = started.results.get(testStep.id);
    const reported = toStatus(result?.status);
    const status = testStep.pickleStepId ? boundStatus(reported, testStep.stepDefinitionIds?.length ?? 0) : reported;
    durationMs += result ? toMs(result.duration) : 0;
    const error = result ? toError(result, started.captured.get(testStep.id)) : undefined;
    if (testStep.pickleStepId) {
      const pickleStep = seen.pickleSteps.get(testStep.pickleStepId)!;
      const ast = seen.gherkin.step(pickleStep.astNodeIds[0]!);
      steps.push({
        keyword: ast?.keyword ?? '',
        text: pickleStep.text,
        line: ast?.line ?? 1,
        column: ast?.column ?? 1,
        status,
        durationMs: result ? toMs(result.duration) : 0,
        definitionIds: [...(testStep.stepDefinitionIds ?? [])],
        ...(pickleStep.type && pickleStep.type !== 'Unknown' ? { type: pickleStep.type } : {}),
        ...(pickleStep.argument?.dataTable ? { argument: 'dataTable' as const } : pickleStep.argument?.docString ? { argument: 'docString' as const } : {}),
        ...(error ? { error } : {}),
        ...(seen.suggestions.has(pickleStep.id) ? { suggestion: seen.suggestions.get(pickleStep.id)! } : {}),
      });
    } else {
      hookStatuses.push(status);
      if (status === 'passed' || status === 'skipped' || status === 'unknown') continue;
      const hook = testStep.hookId ? seen.hooks.get(testStep.hookId) : undefined;
      hookFailures.push({
        name: hook?.name,
        uri: hook?.sourceReference.uri,
        line: hook?.sourceReference.location?.line,
        status,
        ...(error ? { error } : {}),
      });
    }
  }
  return {
    uri: pickle.uri,
    line: seen.gherkin.pickleLine(pickle),
    ...(pickle.astNodeIds.length > 1 ? { example: true } : {}),
    name: pickle.name,
    feature: seen.gherkin.feature(pickle.uri) ?? '',
    ...seen.gherkin.heading(pickle.astNodeIds[0]!),
    tags: pickle.tags.map((t) => t.name),
    status: worstStatus([...steps.map((s) => s.status), ...hookStatuses]),
    durationMs,
    steps,
    hookFailures,
  };
}
