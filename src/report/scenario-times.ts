import type { RunOutcome } from '../run/runner.js';

/** A scenario's id in the verdict and the records: its source file and line. */
export function scenarioId(file: string, line: number): string {
  return `${file}:${line}`;
}

/** A duration as the verdict reports it (to 0.01 ms). */
export function reportedMs(ms: number): number {
  return Math.round(ms * 100) / 100;
}

/**
 * Each scenario's id and duration as the verdict will list them, from the outcome alone: what
 * `.spec/durations.json` records, known before debt and the verdict are.
 */
export function scenarioTimes(outcome: RunOutcome | undefined, sourceOf: (uri: string) => string): { id: string; durationMs: number }[] {
  const ran = outcome?.kind === 'result' ? outcome.result : outcome?.kind === 'aborted' ? outcome.partial : undefined;
  return (ran?.scenarios ?? []).map((s) => ({ id: scenarioId(sourceOf(s.uri), s.line), durationMs: reportedMs(s.durationMs) }));
}
