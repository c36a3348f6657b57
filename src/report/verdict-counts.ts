import { emptyCounts } from './summary.js';
import type { Counts, ScenarioResult } from './verdict.js';

/** A flaky scenario (passed only on a retry) counts as flaky, not passed: each scenario is in one count. */
export function countScenarios(scenarios: ScenarioResult[]): Counts {
  const counts = { ...emptyCounts(), flaky: 0 };
  for (const s of scenarios) {
    if (s.flaky) {
      counts.total++;
      counts.flaky++;
    } else bump(counts, s.status);
  }
  return counts;
}

export function countSteps(scenarios: ScenarioResult[]): Counts {
  const counts = emptyCounts();
  for (const s of scenarios) for (const step of s.steps) bump(counts, step.status);
  return counts;
}

function bump(counts: Counts, status: ScenarioResult['status']): void {
  counts.total++;
  if (status !== 'unknown') counts[status]++;
}
