import type { SpecProblem } from '../core/errors.js';
import { judgeUnusedAcrossSuite, suiteStepTexts } from '../bind/unused-scope.js';
import type { RunOptions } from '../run/options.js';
import type { RunOutcome } from '../run/runner.js';
import { unparsedByUs } from '../run/run-scenarios.js';
import { ranNothing } from '../report/ran-nothing.js';
import type { Prepared } from './stages.js';

/** What the run found beyond its scenarios' results: parse errors only cucumber saw, a run of nothing, unused definitions across the suite (`texts`: its step texts, begun during the run). */
export async function judgeRun(prepared: Prepared, outcome: RunOutcome | undefined, options: RunOptions, problems: SpecProblem[], root: string, texts?: SuiteTexts): Promise<RunOutcome | undefined> {
  problems.push(...unparsedByUs(outcome));
  // A shard given nothing said so in a warning: the suite has scenarios, and other shards ran them.
  if (problems.length === 0 && !(prepared.shard && prepared.shard.scenarios.length === 0 && prepared.shard.suite.scenarios > 0)) problems.push(...ranNothing(prepared, outcome, options));
  if (prepared.unused.scope === 'suite' && outcome?.kind === 'result') return { ...outcome, result: await judgeUnusedAcrossSuite(outcome.result, prepared.specFiles, root, prepared.overlay?.language, texts?.of === prepared ? texts.texts : undefined) };
  return outcome;
}

/** The suite's step texts, begun a turn of the loop later (after the job went out) when judgeRun will judge unused definitions across the suite. */
export function suiteTextsWhileRunning(prepared: Prepared, root: string): SuiteTexts | undefined {
  if (prepared.unused.scope !== 'suite') return undefined;
  const { specFiles, overlay } = prepared;
  const texts = new Promise<void>((resolve) => setImmediate(resolve)).then(() => suiteStepTexts(specFiles, root, overlay?.language));
  // Used only if the run's result leaves a definition unused; a failure then is judgeRun's to report.
  texts.catch(() => undefined);
  return { of: prepared, texts };
}

/** Step texts read for one preparation of the run: a run prepared again (after a parse error) reads its own. */
export interface SuiteTexts {
  of: Prepared;
  texts: Promise<string[]>;
}
