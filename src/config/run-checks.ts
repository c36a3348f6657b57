import type { SpecProblem } from '../core/errors.js';
import type { RunValues } from './run-config.js';
import { describeSource, type Sourced } from './sources.js';

/*
 * Settings of a resolved run that contradict each other: said in the verdict's warnings, never
 * failing the run, so a setting that does nothing is not trusted to do something.
 */

/** failOnFlaky with no retry: nothing runs twice, so nothing can be flaky and it can never fail anything. */
export function failOnFlakyWithoutRetry(values: { failOnFlaky: Sourced<boolean>; retry: Sourced<RunValues['retry']> }): SpecProblem[] {
  if (!values.failOnFlaky.value || values.retry.value > 0) return [];
  const from = (entry: Sourced<unknown>) => entry.sources.map(describeSource).join(' + ');
  return [
    {
      code: 'SPEC_FAIL_ON_FLAKY_NO_RETRY',
      message: `--fail-on-flaky (failOnFlaky, from ${from(values.failOnFlaky)}) can have no effect: retry is ${values.retry.value} (${from(values.retry)}), so no failed scenario runs again and none can be flaky`,
      hint: 'set retries with --retry N, "retry": N in spec.config, or retry: N in the cucumber profile; or drop --fail-on-flaky',
    },
  ];
}
