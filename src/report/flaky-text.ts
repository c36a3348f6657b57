import type { FlakyScenario, Verdict } from './verdict.js';

/** The flaky scenarios a report lists apart: those --fail-on-flaky made failures are shown as failures. */
export function reportedFlaky(verdict: Verdict): FlakyScenario[] {
  const failed = new Set(verdict.failures.filter((f) => f.kind === 'flaky').map((f) => f.scenarioId));
  return (verdict.flaky ?? []).filter((f) => !failed.has(f.id));
}

/** One failed attempt on one line: where, the message's first line, and expected/actual when the assertion gave them. */
export function attemptText(a: FlakyScenario['failures'][number]): string {
  const where = a.location ? `${a.location.file}:${a.location.line} ` : '';
  const values = a.expected !== undefined ? ` (expected ${a.expected}, actual ${a.actual})` : '';
  return `${where}${a.message.split('\n')[0]}${values}`;
}
