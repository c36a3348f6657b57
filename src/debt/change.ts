import { z } from '../core/zod.js';
import { METRICS, METRIC_NAMES, type DebtSummary, type MetricName } from './model.js';
import { NO_CODE_CHANGE } from './measure.js';
import { NO_ACK } from './ack-debt.js';
import { NO_LINE_RECORD } from './line-debt.js';
import { nameFew } from '../core/name-few.js';

const MODULE = /\.(?:[cm]?[jt]sx?)$/;

/*
 * What one watch run did to comprehension debt, as data and as the one line watch prints: the
 * figures that moved since the run before, the edited files' own figures, and what the run could
 * not measure — line figures stale since an edit, counts a narrowed pass does not take — named as
 * such, never an old figure shown as current and never a silent nothing.
 */

export const DebtChangeSchema = z.strictObject({
  line: z.string().describe('the line watch prints after the run'),
  partial: z.boolean().describe('the run covered some scenarios only'),
  moved: z.array(z.strictObject({ metric: z.enum(METRIC_NAMES), now: z.number(), change: z.number().nullable().describe('null: the run before has no comparable figure') })),
  files: z
    .array(z.strictObject({ file: z.string(), unreviewed: z.number().nullable(), change: z.number().nullable().describe('since the run before; null when it did not measure it'), stale: z.boolean() }))
    .describe("the run's changed files that hold debt figures (or held them the run before)"),
  stale: z.array(z.enum(METRIC_NAMES)).describe('line-coverage figures not measured: files changed since the last full coverage run'),
  notMeasured: z.array(z.enum(METRIC_NAMES)).describe('figures this run could not measure (a narrowed pass counts no vacuous checks or binding problems): the next full run does'),
  bindingInPass: z.number().int().nullable().describe('on a narrowed pass, undefined, ambiguous and pending steps among the scenarios it ran (bindingHealth also judges unused definitions, which needs a full run); null on a full run, and when the edit reached no scenario'),
  ranNone: z.array(z.string()).optional().describe('the edited files no scenario runs, when the edit reached no scenario (nothing ran)'),
});
export type DebtChange = z.infer<typeof DebtChangeSchema>;

/** The run's steps by status (the verdict's counts.steps). */
interface StepCounts {
  undefined: number;
  ambiguous: number;
  pending: number;
}

const NOT_SET_UP = new Set([NO_LINE_RECORD, NO_ACK, NO_CODE_CHANGE]);

/** `previous` is the summary of the watch run before this one (for the files' own change); `changed` the files that triggered this one. */
export function debtChange(now: DebtSummary, previous: DebtSummary | undefined, changed: string[], pass: { partial: boolean; steps: StepCounts; ranNone?: boolean }): DebtChange {
  const { partial, steps, ranNone } = pass;
  const { metrics, delta } = now;
  const moved = METRIC_NAMES.flatMap((metric) => {
    const value = metrics[metric].value;
    const change = delta?.[metric] ?? null;
    return value === null || change === 0 ? [] : [{ metric, now: value, change }];
  });
  const stale = METRIC_NAMES.filter((m) => metrics[m].value === null && metrics[m].because?.startsWith('stale:'));
  const notMeasured = METRIC_NAMES.filter((m) => metrics[m].value === null && !stale.includes(m) && !NOT_SET_UP.has(metrics[m].because ?? ''));
  const files = changedFiles(now, previous, changed);
  const change = { partial, moved, files, stale, notMeasured, bindingInPass: partial && !ranNone ? steps.undefined + steps.ambiguous + steps.pending : null, ...(ranNone ? { ranNone: changed } : {}) };
  return { line: lineOf(change, now), ...change };
}

function changedFiles(now: DebtSummary, previous: DebtSummary | undefined, changed: string[]): DebtChange['files'] {
  const acked = (s: DebtSummary | undefined) => s !== undefined && s.metrics.unreviewed.value !== null;
  return changed.flatMap((file) => {
    const cur = now.files?.find((f) => f.file === file);
    const before = previous?.files?.find((f) => f.file === file);
    if (!cur && !before) return [];
    const unreviewed = cur ? cur.unreviewed : acked(now) ? 0 : null;
    const was = before ? before.unreviewed : acked(previous) ? 0 : null;
    return [{ file, unreviewed, change: unreviewed === null || was === null ? null : round(unreviewed - was), stale: cur?.stale ?? false }];
  });
}

function lineOf(change: Omit<DebtChange, 'line'>, now: DebtSummary): string {
  const unit = (m: MetricName) => (m === 'score' ? '' : ` ${METRICS[m].unit}`);
  const parts: string[] = [];
  const moved = change.moved.map((m) => (m.change === null ? `${m.metric} ${m.now}${unit(m.metric)} (no comparable figure before)` : `${m.metric} ${signed(m.change)}${unit(m.metric)}`));
  if (now.delta === null && moved.length) parts.push(`first measured run: ${change.moved.map((m) => `${m.metric} ${m.now}${unit(m.metric)}`).join(', ')}`);
  else if (moved.length) parts.push(moved.join(', '));
  else if (METRIC_NAMES.some((m) => now.metrics[m].value !== null && now.delta?.[m] === 0)) parts.push('no figure moved');
  for (const f of change.files) {
    if (f.change !== null && f.change !== 0) parts.push(`${signed(f.change)} unreviewed weighted lines in ${f.file}`);
    else if (f.change === null && f.unreviewed !== null) parts.push(`${f.unreviewed} unreviewed weighted lines in ${f.file}`);
  }
  if (change.stale.length) parts.push(`stale until a full coverage run: ${change.stale.join(', ')} (${named((now.files ?? []).filter((f) => f.stale).map((f) => f.file))} changed)`);
  // A module is run; a data file (src/limits.json) is read.
  const code = (change.ranNone ?? []).filter((f) => MODULE.test(f));
  const data = (change.ranNone ?? []).filter((f) => !MODULE.test(f));
  if (code.length) parts.push(`no scenario runs ${named(code)}`);
  if (data.length) parts.push(`no scenario reads ${named(data)}`);
  if (change.bindingInPass !== null) parts.push(`binding problems in the scenarios run: ${change.bindingInPass}`);
  if (change.notMeasured.length) parts.push(`not measured ${change.ranNone ? 'with no run' : change.partial ? 'on this pass' : 'this run'}: ${change.notMeasured.join(', ')}`);
  return `debt: ${parts.length ? parts.join('; ') : 'nothing measured yet (spec debt says what each figure needs)'}`;
}

function named(files: string[]): string {
  if (files.length === 0) return 'a source file';
  return nameFew(files);
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
const round = (n: number) => Math.round(n * 100) / 100;
