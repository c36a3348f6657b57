/**
 * Retries in the verdict: a scenario that failed and then passed on a retry is flaky, listed with
 * what each failed attempt said; under --fail-on-flaky each is also a failure of its own.
 */
import { coded } from '../core/error-codes.js';
import type { RunScenario } from '../core/run-result.js';
import { scenarioFailures, type FailureContext } from './failures.js';
import { attemptText } from './flaky-text.js';
import type { Failure, FlakyScenario, ScenarioResult } from './verdict.js';

/** Passed on its last attempt after failing on an earlier one. */
export function isFlaky(run: RunScenario): boolean {
  return run.status === 'passed' && (run.failedAttempts?.length ?? 0) > 0;
}

export function flakyEntry(run: RunScenario, scenario: ScenarioResult, ctx: FailureContext): FlakyScenario {
  const failures = (run.failedAttempts ?? []).flatMap((attempt, i) =>
    scenarioFailures(attempt, ctx).map((f) => ({
      attempt: i + 1,
      message: f.message,
      ...(f.location ? { location: f.location } : {}),
      ...(f.step ? { step: f.step } : {}),
      ...(f.expected !== undefined ? { expected: f.expected, actual: f.actual ?? '' } : {}),
    })),
  );
  return { id: scenario.id, name: scenario.name, file: scenario.file, line: scenario.line, attempts: run.attempts ?? failures.length + 1, failures };
}

/** --fail-on-flaky: the flaky scenario fails the run, at its own line, with what went wrong before it passed. */
export function flakyFailure(entry: FlakyScenario, scenario: ScenarioResult): Failure {
  const said = entry.failures.map((f) => `  attempt ${f.attempt}: ${attemptText(f)}`);
  return {
    ...coded('SPEC_FLAKY'),
    location: { file: entry.file, line: entry.line },
    feature: scenario.feature,
    scenario: entry.name,
    scenarioId: entry.id,
    message: [`scenario "${entry.name}" is flaky: it failed ${entry.attempts === 2 ? 'once' : `${entry.attempts - 1} times`}, then passed on attempt ${entry.attempts}`, ...said].join('\n'),
    hint: 'make the scenario deterministic (the failed attempts above say where it went wrong), or drop --fail-on-flaky to report it without failing the run',
  };
}

/** A scenario that failed on every attempt says so on each of its failures. */
export function withAttempts(run: RunScenario, failures: Failure[]): Failure[] {
  return run.attempts ? failures.map((f) => ({ ...f, attempts: run.attempts })) : failures;
}
