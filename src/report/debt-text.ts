import type { ChalkInstance } from 'chalk';
import { offenderList } from '../debt/gate.js';
import { METRICS, METRIC_NAMES, type DebtReport, type MetricName, type Values } from '../debt/model.js';

/*
 * `spec debt` as text: each figure with its unit, its change since the run before and its trend
 * over the last runs (a sparkline, oldest left), then the top offenders and any warnings. A figure
 * not measured says why instead of a number.
 */

const TREND_RUNS = 10;
const BARS = '▁▂▃▄▅▆▇█';

export function renderDebt(report: DebtReport, c: ChalkInstance, now: Date): string {
  const { summary } = report;
  const when = `measured ${age(new Date(summary.measuredAt), now)} (${summary.measuredAt}${summary.commit ? `, commit ${summary.commit.slice(0, 7)}` : ''}) by the last full spec verify`;
  const rows = METRIC_NAMES.map((name) => row(name, report));
  const width = (i: number) => Math.max(...rows.map((r) => r[i]!.length));
  const lines = [c.bold('Comprehension debt'), c.dim(when), ''];
  for (const r of rows) lines.push(`  ${r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(width(i)))).join('  ')}`.trimEnd());
  const offenders = offenderSections(report);
  if (offenders.length) lines.push('', c.bold('Top offenders'), ...offenders);
  if (report.warnings.length) lines.push('', ...report.warnings.map((w) => `${c.yellow('warning')} ${w.code}: ${w.message}`));
  lines.push('', c.dim(`${report.history.length} run${report.history.length === 1 ? '' : 's'} in .spec/history.jsonl; definitions and the score's formula: README, "Comprehension debt"`));
  return `${lines.join('\n')}\n`;
}

function row(name: MetricName, report: DebtReport): string[] {
  const figure = report.summary.metrics[name];
  const change = report.summary.delta?.[name];
  const value = figure.value === null ? 'not measured' : String(figure.value);
  const note = figure.value === null || name === 'score' ? (figure.because ?? '') : '';
  return [name, value, METRICS[name].unit, change ? signed(change) : '', sparkline(report.history.slice(-TREND_RUNS).map((h) => h.metrics[name])), note];
}

/** One bar per run, scaled between the lowest and highest value shown; a run that did not measure it is a dot. */
export function sparkline(values: (number | null)[]): string {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return '';
  const [lo, hi] = [Math.min(...known), Math.max(...known)];
  return values.map((v) => (v === null ? '·' : BARS[hi === lo ? 0 : Math.round(((v - lo) / (hi - lo)) * (BARS.length - 1))])).join('');
}

function offenderSections(report: DebtReport): string[] {
  const sections: [string, MetricName][] = [
    ['unspecified complexity', 'opaqueComplexity'],
    ['unspecified lines', 'unspecified'],
    ['vacuous checks', 'vacuousChecks'],
    ['drifted specs', 'drift'],
    ['self-graded specs', 'selfGraded'],
  ];
  return sections.flatMap(([title, metric]) => {
    const list = offenderList(metric, report);
    if (list.length === 0) return [];
    return [`  ${title}:`, ...list.slice(0, 5).map((l) => `    ${l}`), ...(list.length > 5 ? [`    … and ${list.length - 5} more (spec debt --json)`] : [])];
  });
}

/** `debt: vacuousChecks +2 checks, score -5`: what moved since the run before, for watch's line; undefined on a first run. */
export function deltaLine(delta: Values | null): string | undefined {
  if (!delta || METRIC_NAMES.every((n) => delta[n] === null)) return undefined;
  const moved = METRIC_NAMES.filter((n) => delta[n] !== null && delta[n] !== 0).map((n) => `${n} ${signed(delta[n]!)}${n === 'score' ? '' : ` ${METRICS[n].unit}`}`);
  return `debt: ${moved.length ? moved.join(', ') : 'no figure moved'}`;
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

function age(then: Date, now: Date): string {
  const s = Math.max(0, Math.round((now.getTime() - then.getTime()) / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86_400) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86_400)} days ago`;
}
