import type { SpecEnvironment } from '../core/env.js';
import { CUT_SHORT } from '../bind/unused-scope.js';
import type { RunOptions } from '../run/options.js';
import type { Runner, RunOutcome } from '../run/runner.js';
import { profileReportsUnwritten, runPlanned } from '../run/run-scenarios.js';
import type { Prepared } from './stages.js';

// The run stage of verify-run.ts's composition: the prepared plan on a runner, and what the run
// tells the stages after it (a run cut short is partial; report files it could not write).

export async function runPrepared(prepared: Prepared, runner: Runner, env: SpecEnvironment, options: RunOptions, children: Runner[]): Promise<RunOutcome | undefined> {
  const ran = await runPlanned(runner, prepared.plan, { root: env.cwd, env: env.env, signal: options.signal, onOutput: options.onOutput }, (child) => children.push(child));
  if (ran.cut > 0) {
    prepared.filtered = true;
    prepared.unused = CUT_SHORT;
  }
  if (ran.unwritten.length > 0) prepared.warnings.push(profileReportsUnwritten(ran.unwritten));
  return ran.outcome;
}

/** The runner stays alive only after a clean, persistent run: anything else may have left it half-loaded. */
export function keep(prepared: Prepared | undefined, outcome: RunOutcome | undefined): boolean {
  return Boolean(prepared?.plan?.job.persistent) && outcome?.kind === 'result';
}
