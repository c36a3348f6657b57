import type { SpecEnvironment } from '../core/env.js';
import { mark } from '../core/timing.js';
import { supportGlobsOf } from '../bind/support-files.js';
import type { RunOptions } from '../run/options.js';
import type { Runner } from '../run/runner.js';
import { recordCoverageBaseline, recordRunMap, type RanForMap } from '../impact/record.js';
import type { Verdict } from '../report/verdict.js';
import { scenarioTimes } from '../report/scenario-times.js';
import type { VerifyDetails } from '../watch/types.js';
import { verifyDetailed, type Judged } from './verify-run.js';

/** verify() after the fork: everything that needs the heavier modules. */
export async function verifyWith(first: Runner, options: RunOptions, env: SpecEnvironment, startedAt: Date, started: number): Promise<Verdict> {
  return (await verifyRecorded(first, options, env, startedAt, started)).verdict;
}

/** One verify pass that records what it leaves (map, baseline, debt), with its details: a front end that keeps its runner warm (mcp/) needs `kept`. */
export async function verifyRecorded(first: Runner, options: RunOptions, env: SpecEnvironment, startedAt: Date, started: number): Promise<VerifyDetails> {
  // Loaded while the scenarios run: after them, recording the map would wait on module loading.
  const preload = import('../impact/scenario-map.js').then((m) => m.preloadWriter());
  let early: Promise<unknown> | undefined;
  const details = await verifyDetailed(first, options, env, startedAt, started, (judged) => {
    early = recordJudged(env.cwd, judged, startedAt, preload);
    // Awaited below; a pass that throws first must still end with its own error, not this one's.
    early?.catch(() => undefined);
  });
  if (details.result?.loadActive) await recordCoverageBaseline(env.cwd, details.result, startedAt, !details.partial && !options.failFast);
  await preload;
  // A shard records no durations: the next shard here slices from the same inputs (merge records the whole's).
  const late = () => Promise.all([recordRunMap(env.cwd, details, details.partial), details.verdict.shard ? undefined : recordDurations(env.cwd, details.verdict.scenarios)]);
  await Promise.all([early ?? late(), import('./debt.js').then((m) => m.debtRecorded())]);
  mark('spec', 'map recorded');
  return details;
}

/**
 * The map and durations from the judged result, recorded while debt and the verdict are worked
 * out: neither needs them, and their locks and writes wait on the disk. The same records the
 * details would give (sourceOf, ids and rounding as the verdict's). Not for a shard: its verdict
 * reads the map as it was (shard-stage.ts).
 */
function recordJudged(root: string, { outcome, prepared }: Judged, startedAt: Date, preload: Promise<unknown>): Promise<unknown> | undefined {
  if (prepared.shard) return undefined;
  const sources = prepared.sourceOf;
  const sourceOf = (uri: string) => sources.get(uri) ?? uri;
  const ran: RanForMap = {
    result: outcome?.kind === 'result' ? outcome.result : undefined,
    sourceOf,
    supportFiles: [...prepared.supportFiles],
    supportGlobs: supportGlobsOf(prepared.config, prepared.overlay),
    wholeFiles: prepared.wholeFiles,
    verdict: { startedAt: startedAt.toISOString() },
    scope: prepared.scope,
  };
  return preload.then(() => Promise.all([recordRunMap(root, ran, prepared.filtered), recordDurations(root, scenarioTimes(outcome, sourceOf))]));
}

function recordDurations(root: string, ran: readonly { id: string; durationMs: number }[]): Promise<void> {
  return import('../impact/durations.js').then((m) => m.recordDurations(root, ran));
}
