import { ERROR_CODES } from '../core/error-codes.js';
import { checkShards, type NamedVerdict } from './merge-check.js';
import { gateFailure } from './outcome-failures.js';
import { isDeferredDebtGate } from '../debt/gate.js';
import { judge } from './summary.js';
import type { GateResult, ScenarioResult, Verdict } from './verdict.js';

export type { NamedVerdict } from './merge-check.js';

/** The whole run's debt, measured by spec merge over every shard's lines (api/merge-debt.ts): its summary, its gate, what it met. */
export interface MergedDebt {
  debt: Verdict['debt'];
  /** The debt gate the shards deferred, checked over the whole run (absent: no threshold, or none deferred). */
  gate?: GateResult;
  warnings: Verdict['warnings'];
}

/**
 * The verdict one machine would have given, from the verdicts of every shard of one run: the
 * scenarios and counts of all, each failure and warning once, each gate at its worst, the exit
 * code judged again over the whole. Throws (exit 2) unless the verdicts are every shard of one
 * suite exactly once.
 */
export function mergeShards(inputs: readonly NamedVerdict[], measured?: MergedDebt): Verdict {
  const shards = checkShards(inputs);
  const verdicts = shards.map((s) => s.verdict);
  const scenarios = verdicts.flatMap((v) => v.scenarios).sort(byPlace);
  const order = new Map(scenarios.map((s, i) => [s.id, i]));
  const shardFailures = unique(verdicts.flatMap((v) => v.failures)).sort((a, b) => (order.get(a.scenarioId ?? '') ?? Infinity) - (order.get(b.scenarioId ?? '') ?? Infinity));
  const gates = mergedGates(verdicts, measured);
  const debtFailed = measured?.gate && measured.gate.status !== 'passed' && measured.gate.status !== 'skipped' ? [gateFailure(measured.gate)] : [];
  const failures = [...shardFailures, ...debtFailed];
  const strict = shards.some((s) => s.shard.strict);
  const judged = judge({ scenarios, failures, gates, strict, isBadInput: (f) => ERROR_CODES[f.code].exit === 2 });
  const { debt, warning } = measured ? { debt: measured.debt, warning: undefined } : mergedDebt(verdicts);
  const warnings = unique([...verdicts.flatMap((v) => v.warnings).filter((w) => w.code !== 'SPEC_SHARD_EMPTY'), ...(measured?.warnings ?? [])]);
  const start = Math.min(...verdicts.map((v) => Date.parse(v.startedAt)));
  const end = Math.max(...verdicts.map((v) => Date.parse(v.startedAt) + v.durationMs));
  const { shard: _shard, watch: _watch, ...first } = verdicts[0]!;
  const merged: Verdict = {
    ...mergeOthers(first, verdicts),
    ...judged,
    startedAt: new Date(start).toISOString(),
    durationMs: Math.max(0, end - start),
    counts: sumCounts(verdicts.map((v) => v.counts)) as Verdict['counts'],
    scenarios,
    failures,
    warnings: warning ? [...warnings, warning] : warnings,
    gates,
    unusedSteps: unusedOfShards(verdicts),
    debt,
  };
  const note = verdicts.find((v) => v.unusedNote)?.unusedNote;
  return note === undefined ? merged : { ...merged, unusedNote: note };
}

/** Every count summed, whatever counts the schema has: a count added later is merged too. */
function sumCounts(all: readonly unknown[]): unknown {
  if (all.every((c) => typeof c === 'number')) return (all as number[]).reduce((a, b) => a + b, 0);
  const objects = all.filter((c): c is Record<string, unknown> => typeof c === 'object' && c !== null);
  const keys = [...new Set(objects.flatMap((o) => Object.keys(o)))];
  return Object.fromEntries(keys.map((k) => [k, sumCounts(objects.map((o) => o[k]).filter((v) => v !== undefined))]));
}

const MERGED_HERE = new Set(['schemaVersion', 'tool', 'status', 'exitCode', 'startedAt', 'durationMs', 'counts', 'scenarios', 'failures', 'warnings', 'gates', 'unusedSteps', 'unusedNote', 'debt', 'summary']);

/** Fields this file does not know (added to the schema later): lists are joined, counts summed, anything else is the first shard's. */
function mergeOthers(first: Omit<Verdict, 'shard' | 'watch'>, verdicts: readonly Verdict[]): Omit<Verdict, 'shard' | 'watch'> {
  const out: Record<string, unknown> = { ...first };
  // Every shard's keys: a list only a later shard has (flaky[] when shard 1 had none) is the whole run's too.
  const keys = new Set(verdicts.flatMap((v) => Object.keys(v)));
  for (const key of [...keys].filter((k) => !MERGED_HERE.has(k))) {
    const values = verdicts.map((v) => (v as Record<string, unknown>)[key]).filter((v) => v !== undefined);
    if (values.every(Array.isArray)) out[key] = unique(values.flat());
  }
  return out as Omit<Verdict, 'shard' | 'watch'>;
}

const GATE_RANK: Record<GateResult['status'], number> = { passed: 0, skipped: 1, failed: 2, timeout: 3, error: 4 };

/** Every shard's gates at their worst; the debt gate the shards deferred is the merge's own (or none, when it checks no threshold). */
function mergedGates(verdicts: readonly Verdict[], measured: MergedDebt | undefined): GateResult[] {
  const gates = worstGates(verdicts.flatMap((v) => v.gates));
  if (!measured) return gates;
  const others = gates.filter((g) => !isDeferredDebtGate(g));
  return measured.gate ? [...others, measured.gate] : others;
}

/** Every shard runs the gates: each once, at its worst. */
function worstGates(gates: readonly GateResult[]): GateResult[] {
  const byName = new Map<string, GateResult>();
  for (const gate of gates) {
    const seen = byName.get(gate.name);
    if (!seen || GATE_RANK[gate.status] > GATE_RANK[seen.status]) byName.set(gate.name, gate);
  }
  return [...byName.values()];
}

/** The shards' unused definitions, each once. */
function unusedOfShards(verdicts: readonly Verdict[]): Verdict['unusedSteps'] {
  // Each shard judges the definitions it loaded against every scenario of the suite, and loads only
  // its slice's step files: a definition one shard calls unused is unused, whatever the others list.
  const key = (d: { file: string; line: number; pattern: string }) => `${d.file}:${d.line} ${d.pattern}`;
  const seen = new Map(verdicts.flatMap((v) => v.unusedSteps).map((d) => [key(d), d] as const));
  return [...seen.values()];
}

/**
 * Without spec merge's measurement (shards with debt off, or no shard carrying lines): a shard's
 * own figures are its slice's, never the whole run's, so there is no debt to carry, only why.
 */
function mergedDebt(verdicts: readonly Verdict[]): { debt: Verdict['debt']; warning?: Verdict['warnings'][number] } {
  if (verdicts.every((v) => v.debt === null)) return { debt: null };
  return {
    debt: null,
    warning: { code: 'SPEC_MERGE_DEBT', message: 'the merged verdict carries no debt: the shards carry no line coverage to measure the whole run from (each one\'s own figures are its slice\'s)', hint: 'run every shard with line coverage (a debt threshold on a line figure turns it on; else --coverage), and merge in the checkout the shards ran' },
  };
}

function unique<T>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const text = JSON.stringify(item);
    return seen.has(text) ? false : (seen.add(text), true);
  });
}

function byPlace(a: ScenarioResult, b: ScenarioResult): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
