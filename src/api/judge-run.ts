import type { SpecProblem } from '../core/errors.js';
import { judgeUnusedAcrossSuite } from '../bind/unused-scope.js';
import type { RunOptions } from '../run/options.js';
import type { RunOutcome } from '../run/runner.js';
import { unparsedByUs } from '../run/run-scenarios.js';
import { ranNothing } from '../report/ran-nothing.js';
import type { Prepared } from './stages.js';

/** What the run found beyond its scenarios' results: parse errors only cucumber saw, a run of nothing, unused definitions across the suite. */
export async function judgeRun(prepared: Prepared, outcome: RunOutcome | undefined, options: RunOptions, problems: SpecProblem[], root: string): Promise<RunOutcome | undefined> {
  problems.push(...unparsedByUs(outcome));
  // A shard given nothing said so in a warning: the suite has scenarios, and other shards ran them.
  if (problems.length === 0 && !(prepared.shard && prepared.shard.scenarios.length === 0 && prepared.shard.suite.scenarios > 0)) problems.push(...ranNothing(prepared, outcome, options));
  if (prepared.unused.scope === 'suite' && outcome?.kind === 'result') return { ...outcome, result: await judgeUnusedAcrossSuite(outcome.result, prepared.specFiles, root, prepared.overlay?.language) };
  return outcome;
}
