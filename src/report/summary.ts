import { ERROR_CODES, type ErrorCodeEntry } from '../core/error-codes.js';
import type { Counts, Failure, FailureKind, GateResult, ScenarioResult } from './verdict.js';

/**
 * The zod-free part of the verdict model, so building a verdict does not load zod: only output an
 * agent reads as JSON is validated against the schema. Bump SCHEMA_VERSION on any change a
 * consumer could notice.
 */
export const SCHEMA_VERSION = 3;

export function emptyCounts(): Counts {
  return { total: 0, passed: 0, failed: 0, undefined: 0, ambiguous: 0, pending: 0, skipped: 0 };
}

export interface JudgeInput {
  /** Every scenario that ran; those of draft specs are counted apart and never fail the run. */
  scenarios: readonly Pick<ScenarioResult, 'id' | 'status' | 'draft' | 'flaky'>[];
  failures: readonly Failure[];
  gates: readonly GateResult[];
  strict: boolean;
  /** Failures that make the whole run bad input (exit 2) rather than a failure (exit 1). */
  isBadInput: (failure: Failure) => boolean;
}

export interface Judgement {
  exitCode: 0 | 1 | 2;
  status: 'passed' | 'failed' | 'error';
  /** The closing line: `spec: N passed, N failed[ (what failed besides scenarios)][, N skipped][, gate G skipped: why]`. */
  summary: string;
}

/**
 * The exit code and the closing line, from one count so they can never disagree: the line reads
 * `0 failed` exactly when the exit code is 0. Failing scenarios count one each (undefined,
 * ambiguous and pending ones too; without strict mode undefined and pending ones count as
 * skipped); every failed gate and every failure no failing scenario accounts for (parse, config,
 * load and run errors, a run-level hook or timeout, a cancelled run) counts one more, named in
 * parentheses. A flaky scenario (passed on a retry) is not counted as passed: `, N flaky` follows.
 */
export function judge(input: JudgeInput): Judgement {
  const lenient = new Set<string>(input.strict ? [] : ['undefined', 'pending']);
  const isFailing = (s: { status: string }) => s.status !== 'passed' && s.status !== 'skipped' && !lenient.has(s.status);
  const counted = input.scenarios.filter((s) => !s.draft);
  const passed = counted.filter((s) => s.status === 'passed' && !s.flaky).length;
  const skipped = counted.filter((s) => s.status === 'skipped' || lenient.has(s.status)).length;
  const failing = counted.filter(isFailing);
  const failingIds = new Set(failing.map((s) => s.id));
  const gates = input.gates.filter((g) => g.status !== 'passed' && g.status !== 'skipped').map((g) => `gate ${g.name}`);
  const others = input.failures.filter((f) => !f.draft && f.kind !== 'gate-error' && !lenient.has(f.kind) && !(f.scenarioId && failingIds.has(f.scenarioId)));
  const failed = failing.length + gates.length + others.length;
  const exitCode = input.failures.some(input.isBadInput) ? 2 : failed > 0 ? 1 : 0;
  const named = [...gates, ...grouped(others.map(label))];
  const causes = named.length ? ` (${[...(failing.length ? [plural(failing.length, 'scenario')] : []), ...named].join(', ')})` : '';
  return {
    exitCode,
    status: exitCode === 0 ? 'passed' : exitCode === 1 ? 'failed' : 'error',
    summary: `spec: ${passed} passed, ${failed} failed${causes}${flakyPart(counted, input.failures)}${skipped > 0 ? `, ${skipped} skipped` : ''}${draftPart(input.scenarios.filter((s) => s.draft), isFailing)}${skippedGates(input.gates)}`,
  };
}

/** A gate that did not run is neither passed nor failed: named last, with why, so a green line never hides it. */
function skippedGates(gates: readonly GateResult[]): string {
  return gates
    .filter((g) => g.status === 'skipped')
    .map((g) => `, gate ${g.name} skipped${g.reason ? `: ${g.reason}` : ''}`)
    .join('');
}

/**
 * Flaky scenarios passed, but only on a retry: named after the failures so the line never reads as
 * a clean pass. Those --fail-on-flaky failed are already among the failures.
 */
function flakyPart(scenarios: readonly Pick<ScenarioResult, 'id' | 'flaky'>[], failures: readonly Failure[]): string {
  const failedAsFlaky = new Set(failures.filter((f) => f.kind === 'flaky').map((f) => f.scenarioId));
  const flaky = scenarios.filter((s) => s.flaky && !failedAsFlaky.has(s.id)).length;
  return flaky > 0 ? `, ${flaky} flaky` : '';
}

/** Drafts never fail the run, but a failing one is named: the line must not read better than the truth. */
function draftPart(drafts: readonly { status: string }[], isFailing: (s: { status: string }) => boolean): string {
  if (drafts.length === 0) return '';
  const failed = drafts.filter(isFailing).length;
  return `, ${drafts.length} draft${failed > 0 ? ` (${failed} failed)` : ''}`;
}

const KIND_LABEL: Record<FailureKind, string> = {
  'failed-step': 'failed step',
  undefined: 'undefined step',
  ambiguous: 'ambiguous step',
  pending: 'pending step',
  'parse-error': 'parse error',
  'hook-error': 'hook error',
  'gate-error': 'gate error',
  timeout: 'timeout',
  'config-error': 'config error',
  'support-error': 'load error',
  'run-error': 'run error',
  'no-steps': 'scenario with no steps',
  flaky: 'flaky scenario',
  'oracle-changed': 'oracle changed',
};

function label(failure: Failure): string {
  const entry: ErrorCodeEntry = ERROR_CODES[failure.code];
  return entry.label ?? KIND_LABEL[failure.kind];
}

/** "parse error", "parse error" → "2 parse errors", in order of first appearance. */
function grouped(labels: string[]): string[] {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return [...counts].map(([l, n]) => (n === 1 ? l : plural(n, l)));
}

function plural(n: number, noun: string): string {
  if (n === 1) return `1 ${noun}`;
  return /(error|timeout|step|path|type|scenario|crash|filter|line|revision|output)$/.test(noun) ? `${n} ${noun}${noun.endsWith('sh') ? 'es' : 's'}` : `${noun} ×${n}`;
}
