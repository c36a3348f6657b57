import type { DebtConfig } from '../config/schema.js';
import type { SpecProblem } from '../core/errors.js';
import type { GateResult } from '../core/results.js';
import { hasDebtThresholds, isDeferredDebtGate, thresholdsNeedLines } from '../debt/gate.js';
import type { ShardDebt } from '../debt/shard-debt.js';
import type { LineRecord } from '../debt/line-record.js';
import type { MergedDebt, NamedVerdict } from '../report/merge.js';

// spec merge's debt: the shards' lines joined into the line record one machine would have left,
// then the whole run measured in this checkout with the functions a full verify uses, its
// thresholds checked, and its one history line appended. What cannot be measured says why.

/**
 * undefined: debt is off (in the shards or in this checkout's spec.config). Writes
 * .spec/line-coverage.json, .spec/history.jsonl and .spec/debt.json as a full run does.
 */
export async function measureMergedDebt(cwd: string, shards: readonly NamedVerdict[], recordedAt: string): Promise<MergedDebt | undefined> {
  const carried = shards.filter((s) => s.verdict.shard?.debt);
  if (carried.length === 0) return undefined;
  // A shard that deferred its debt gate left the thresholds to this merge: they are checked here, or fail as unchecked.
  const deferred = shards.some((s) => s.verdict.gates.some(isDeferredDebtGate));
  const place = await projectOf(cwd);
  if (!place) return unmeasured(`spec merge ran outside the project (no project at ${cwd})`, deferred);
  const { loadConfig } = await import('../config/load.js');
  const config = (await loadConfig(place)).debt;
  if (config === false) return undefined;
  const gated = deferred && hasDebtThresholds(config);
  const missing = shards.find((s) => !s.verdict.shard?.debt);
  if (missing) return unmeasured(`${missing.name} carries no debt record (its spec.config has debt: false?)`, gated);
  const debts = shards.map((s) => ({ name: s.name, debt: s.verdict.shard!.debt! }));
  // No shard recorded lines, as one machine records none when no threshold needs them: the
  // figures are measured as that machine's would be, from the line record this checkout has.
  const record = debts.every((d) => d.debt.lines === null) && !thresholdsNeedLines(config) ? undefined : await joinedLines(place, debts, recordedAt);
  if (record && 'message' in record) return unmeasured(record.message, gated);
  return measureWhole(place, config, debts.map((d) => d.debt), record, gated);
}

async function projectOf(cwd: string): Promise<string | undefined> {
  const { locateProject } = await import('../config/project-root.js');
  try {
    return locateProject(cwd).root;
  } catch {
    return undefined;
  }
}

async function joinedLines(root: string, debts: { name: string; debt: ShardDebt }[], recordedAt: string): Promise<LineRecord | { message: string }> {
  const { unionShardLines, differingFile } = await import('../debt/shard-lines.js');
  const off = debts.find((d) => d.debt.lines === null);
  if (off) return { message: `${off.name} recorded no line coverage (coverage was off in that shard)` };
  const record = unionShardLines(debts.map((d) => ({ name: d.name, lines: d.debt.lines! })), recordedAt);
  if ('message' in record) return record;
  return (await differingFile(root, record)) ?? record;
}

async function measureWhole(root: string, config: DebtConfig, debts: ShardDebt[], record: LineRecord | undefined, gated: boolean): Promise<MergedDebt> {
  const [{ writeLineRecord }, { combineShares }, { mapOfShares }, debtApi] = await Promise.all([import('../debt/line-record.js'), import('../debt/shard-debt.js'), import('../debt/shard-trace.js'), import('./debt.js')]);
  if (record) await writeLineRecord(root, record);
  // The step files were analysed by the shards (their vacuous checks are in their shares): not again here.
  const work = debtApi.startDebt(root, config, { stepFiles: [], globs: debts[0]!.globs, partial: false, analyse: false })!;
  const shares = combineShares(debts);
  // The specs trace what the shards' scenarios ran, whatever scenario map this checkout holds.
  const covered = debts.every((d) => d.lines !== null);
  const traced = work.files ? { ...work, ack: work.files.then((files) => work.traceAck(mapOfShares(root, shares.specs, files.steps, covered)), () => work.traceAck(undefined)) } : work;
  const measured = await debtApi.measureRecorded(traced, shares, { kind: 'verify', partial: false });
  await debtApi.debtRecorded();
  return { debt: measured.summary, ...(gated && measured.gate ? { gate: measured.gate } : {}), warnings: measured.problems };
}

function unmeasured(why: string, gated: boolean): MergedDebt {
  const warning: SpecProblem = { code: 'SPEC_MERGE_DEBT', message: `the merged verdict carries no debt: ${why}`, hint: 'run every shard with line coverage (a debt threshold on a line figure turns it on; else --coverage), and merge in the checkout the shards ran' };
  const gate: GateResult = { name: 'debt', command: [], status: 'error', durationMs: 0, exitCode: null, log: `not measured (${why}), so the debt thresholds cannot be checked` };
  return { debt: null, warnings: [warning], ...(gated ? { gate } : {}) };
}
