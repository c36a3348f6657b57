import { SpecloopError, type SpecProblem } from '../core/errors.js';
import { suiteOf } from '../spec/shard.js';
import type { Verdict } from './verdict.js';

// What spec merge refuses before it merges anything: files that are not every shard of one suite
// exactly once, or a shard that passed over scenarios it never ran.

/** A shard's verdict and the name it was given by (its file), for messages. */
export interface NamedVerdict {
  name: string;
  verdict: Verdict;
}

export type Sharded = NamedVerdict & { shard: NonNullable<Verdict['shard']> };

/** The shards in index order; throws (exit 2) unless they are every shard of one suite exactly once. */
export function checkShards(inputs: readonly NamedVerdict[]): Sharded[] {
  if (inputs.length === 0) throw new SpecloopError({ code: 'SPEC_USAGE', message: 'spec merge: no verdicts given', hint: 'spec merge SHARD.json… (the files each spec verify --shard I/N --format json:FILE wrote)' });
  const unsharded = inputs.find((i) => !i.verdict.shard);
  if (unsharded) throw new SpecloopError({ code: 'SPEC_MERGE_INPUT', message: `${unsharded.name} has no shard field: a run without --shard, or one that stopped before it chose its slice (${unsharded.verdict.summary.replace(/^spec: /, '')})`, hint: 'pass the verdicts of spec verify --shard I/N runs; a shard that stopped early says why in its own verdict' });
  const shards: Sharded[] = inputs.map((i) => ({ ...i, shard: i.verdict.shard! }));
  const total = shards[0]!.shard.total;
  const other = shards.find((s) => s.shard.total !== total);
  if (other) throw new SpecloopError({ code: 'SPEC_MERGE_SHARD_TOTALS', message: `${shards[0]!.name} is shard ${shards[0]!.shard.index}/${total} but ${other.name} is shard ${other.shard.index}/${other.shard.total}: shards of different totals`, hint: 'merge the verdicts of one sharded run, every job with the same --shard I/N total' });
  const problems: SpecProblem[] = [];
  for (let index = 1; index <= total; index++) {
    const given = shards.filter((s) => s.shard.index === index);
    if (given.length > 1) problems.push({ code: 'SPEC_MERGE_SHARD_DUPLICATE', message: `shard ${index}/${total} given twice: ${given.map((s) => s.name).join(' and ')}`, hint: "pass each shard's verdict once" });
    if (given.length === 0) problems.push({ code: 'SPEC_MERGE_SHARD_MISSING', message: `shard ${index}/${total} missing: no verdict with shard ${index}/${total} among the files given`, hint: "pass every shard's verdict: did that CI job fail before writing it?" });
  }
  if (problems.length) throw new SpecloopError(problems[0]!, problems.slice(1));
  checkOneSuite(shards);
  for (const shard of shards) checkRanItsSlice(shard);
  return shards.sort((a, b) => a.shard.index - b.shard.index);
}

/** The slices must split one whole: the same suite in each, and together exactly that suite. */
function checkOneSuite(shards: Sharded[]): void {
  const suite = shards[0]!.shard.suite;
  const fix = 'merge the shards of one run: every job on the same checkout, with the same filters and .spec/durations.json';
  const stranger = shards.find((s) => s.shard.suite.hash !== suite.hash || s.shard.suite.scenarios !== suite.scenarios);
  if (stranger) throw new SpecloopError({ code: 'SPEC_MERGE_SUITES', message: `${stranger.name} is a shard of another suite than ${shards[0]!.name} (${stranger.shard.suite.scenarios} scenarios against ${suite.scenarios}, or other ones)`, hint: fix });
  const given = shards.flatMap((s) => s.shard.scenarios);
  const whole = suiteOf(given);
  if (whole.scenarios !== given.length || whole.hash !== suite.hash) throw new SpecloopError({ code: 'SPEC_MERGE_SUITES', message: `the shards' slices do not split their suite: ${given.length} scenarios given, ${whole.scenarios} different, of ${suite.scenarios} (computed from different recorded durations?)`, hint: fix });
}

/** A shard that passed ran every scenario it was given: otherwise the whole would pass over scenarios nothing ran. */
function checkRanItsSlice({ name, verdict, shard }: Sharded): void {
  if (verdict.exitCode !== 0) return;
  const ran = new Set(verdict.scenarios.map((s) => s.id));
  const missing = shard.scenarios.filter((id) => !ran.has(id));
  if (missing.length) throw new SpecloopError({ code: 'SPEC_MERGE_INPUT', message: `${name} passed, but ran ${shard.scenarios.length - missing.length} of the ${shard.scenarios.length} scenarios shard ${shard.index}/${shard.total} was given (not ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''})`, hint: 'run that shard again; a verdict edited by hand, or from a specloop that lost scenarios, cannot be merged' });
}
