import type { UnusedScope } from '../bind/unused-scope.js';
import type { RunResult } from '../core/run-result.js';
import type { BindingInput } from '../debt/measure.js';

// What a run's result gives the debt figures (api/debt.ts): its binding health and, per spec, the
// scenarios that ran and the files they trace.

export function bindingOf(result: RunResult, unused: UnusedScope | undefined): BindingInput {
  // One pass over every step (≈ 8,000 at 2,000 scenarios), not a flattened copy filtered once per status.
  const counts = new Map<string, number>();
  let steps = 0;
  for (const scenario of result.scenarios) {
    for (const step of scenario.steps) counts.set(step.status, (counts.get(step.status) ?? 0) + 1);
    steps += scenario.steps.length;
  }
  const count = (status: string) => counts.get(status) ?? 0;
  const judged = unused !== undefined && unused.scope !== 'none';
  return {
    undefinedSteps: count('undefined'),
    ambiguousSteps: count('ambiguous'),
    pendingSteps: count('pending'),
    unusedDefinitions: judged ? result.definitions.filter((d) => !d.used).length : null,
    steps,
    definitions: result.definitions.length,
    ...(judged ? {} : { because: `unused definitions ${unused?.because ?? 'not judged'}` }),
  };
}

/**
 * Each spec that ran: its scenarios and the files they trace (executed, with coverage; else the step
 * files they bind to and `shared`, the support files every scenario runs with: World, hooks, parameter types).
 */
export function specsOf(result: RunResult | undefined, shared: string[] = []): Map<string, { scenarios: number; traced: string[] }> {
  const specs = new Map<string, { scenarios: number; traced: Set<string>; shared: boolean }>();
  const defFile = new Map(result?.definitions.map((d) => [d.id, d.uri]) ?? []);
  // Once per scenario in verify's tail (2,000 at a time): no array per scenario, the shared files once per spec.
  for (const s of result?.scenarios ?? []) {
    let spec = specs.get(s.uri);
    if (!spec) specs.set(s.uri, (spec = { scenarios: 0, traced: new Set<string>(), shared: false }));
    spec.scenarios++;
    if (s.covered) {
      for (const file of s.covered) if (file) spec.traced.add(file);
      continue;
    }
    for (const step of s.steps) for (const id of step.definitionIds) addFile(spec.traced, defFile.get(id));
    if (!spec.shared) for (const file of shared) addFile(spec.traced, file);
    spec.shared = true;
  }
  return new Map([...specs].map(([file, s]) => [file, { scenarios: s.scenarios, traced: [...s.traced].sort() }]));
}

function addFile(traced: Set<string>, file: string | undefined): void {
  if (file) traced.add(file);
}
