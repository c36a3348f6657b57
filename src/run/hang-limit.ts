/** Past cucumber's own timeout, how long a step may go on before it counts as blocking the event loop. */
export const HANG_GRACE_MS = 2_000;

interface Timed {
  options?: { timeout?: number };
}

/** The parts of cucumber's support code library that carry a timeout. */
export interface TimedLibrary {
  defaultTimeout: number;
  stepDefinitions?: Timed[];
  beforeTestCaseHookDefinitions?: Timed[];
  afterTestCaseHookDefinitions?: Timed[];
  beforeTestStepHookDefinitions?: Timed[];
  afterTestStepHookDefinitions?: Timed[];
  beforeTestRunHookDefinitions?: Timed[];
  afterTestRunHookDefinitions?: Timed[];
}

const KEYS = ['stepDefinitions', 'beforeTestCaseHookDefinitions', 'afterTestCaseHookDefinitions', 'beforeTestStepHookDefinitions', 'afterTestStepHookDefinitions', 'beforeTestRunHookDefinitions', 'afterTestRunHookDefinitions'] as const;

/**
 * How long a step may stay unfinished before the watchdog takes it for one blocking the event loop.
 * An awaiting step is cucumber's to time out, at the timeout the support code gave it
 * (setDefaultTimeout, a definition's own `timeout`): the watchdog waits past the longest of them, so
 * it never cuts a slow step cucumber-js would let pass. A negative timeout (cucumber's "none") gives
 * no bound, so it leaves the others' limit in force rather than let a blocked step hang the run.
 */
export function hangLimitMs(library: TimedLibrary, configuredMs: number): number {
  let longest = library.defaultTimeout;
  for (const key of KEYS) {
    for (const definition of library[key] ?? []) {
      const timeout = definition.options?.timeout;
      if (typeof timeout === 'number' && timeout > longest) longest = timeout;
    }
  }
  return Math.max(configuredMs, longest + HANG_GRACE_MS);
}
