import type { ChalkInstance } from 'chalk';
import { lineRunTexts } from '../core/line-runs.js';
import { METRICS } from '../debt/model.js';
import type { Review } from '../debt/review.js';

/** `spec review`'s human text: what changed since the ack, by intent, then the figures. */
export function renderReview(review: Review, c: ChalkInstance): string {
  if (!review.ack) return `${c.bold('No ack yet')}: nothing to compare with. Review the specs and code, then run spec ack.\n${figureLines(review, c).join('\n')}\n`;
  const { ack } = review;
  const lines = [`Since the ack of ${ack.at}${ack.message ? ` ("${ack.message}")` : ''}${ack.commit ? `, commit ${ack.commit.slice(0, 12)}` : ''}:`, ''];
  lines.push(c.bold(`Specs added, changed or removed (${review.specs.length})`));
  for (const s of review.specs) lines.push(`  ${s.change.padEnd(8)} ${s.file}  ${churn(s)}  ${statusText(s.status, c)}`);
  if (review.steps.length) lines.push(c.bold(`Step definitions added, changed or removed (${review.steps.length})`));
  for (const s of review.steps) lines.push(`  ${s.change.padEnd(8)} ${s.file}  ${churn(s)}`);
  if (review.config === null) lines.push(c.yellow('Config (spec.config, the cucumber profile): not part of this ack, which an older spec wrote; run spec ack to record it'));
  else if (review.config.length) lines.push(c.bold(`Config added, changed or removed (${review.config.length}): it decides what is checked`));
  for (const m of review.config ?? []) lines.push(`  ${m.change.padEnd(8)} ${m.file}${m.keys.length ? `  ${m.keys.join(', ')}` : '  (its text; no key differs)'}`);
  const alone = review.sources.filter((s) => !s.changedWith);
  const graded = review.sources.filter((s) => s.changedWith);
  lines.push(c.bold(`Source changed with no spec change (${alone.length}), largest first`));
  for (const s of alone) lines.push(...sourceLines(s, c));
  // Changed with its spec, the code is no better explained: the spec moved with it (self-graded).
  if (graded.length) lines.push(c.bold(`Source changed together with a spec that traces it (${graded.length}), largest first`));
  for (const s of graded) lines.push(...sourceLines(s, c), c.yellow(`      changed with ${s.changedWith!.join(', ')}: self-graded`));
  for (const d of review.drifted) lines.push(c.yellow(`drift: ${d.spec} did not change, but the code it runs did: ${d.changed.join(', ')}`));
  for (const d of review.selfGraded) lines.push(c.yellow(`self-graded: ${d.spec} changed together with the code it runs (${d.changed.join(', ')}): its green means less`));
  lines.push('', ...(review.debt ? debtLines(review.debt, c) : figureLines(review, c)));
  return `${lines.join('\n')}\n`;
}

function sourceLines(s: Review['sources'][number], c: ChalkInstance): string[] {
  const at = s.lines.length ? `, line${s.lines.length === 1 ? '' : 's'} ${lineRunTexts(s.lines).join(', ')}` : '';
  const renamed = s.renamedFrom ? `, renamed from ${s.renamedFrom}` : '';
  return [`  ${s.file}  ${s.unreviewed} unreviewed (${churn(s)}${at}${renamed})`, s.scenarios.length ? `      run by ${s.scenarios.join(', ')}` : c.yellow('      run by no recorded scenario')];
}

/** Each figure at the ack → now, with its change: the review's third part. */
function debtLines(debt: NonNullable<Review['debt']>, c: ChalkInstance): string[] {
  const when = (at: string | null) => (at ? `the full run of ${at}` : 'none recorded');
  const head = [c.bold('Debt since the ack'), c.dim(`  at the ack: ${when(debt.atAck)}; now: ${when(debt.now)}, the ack-based figures measured now`)];
  if (debt.because) head.push(c.yellow(`  ${debt.because}`));
  const show = (v: number | null) => (v === null ? '—' : String(v));
  const rows = (Object.keys(debt.metrics) as (keyof typeof METRICS)[]).map((name) => {
    const { atAck, now, change, stale } = debt.metrics[name];
    const unit = name === 'score' ? '' : ` ${METRICS[name].unit}`;
    const moved = stale ? c.yellow('stale (changed since that verify)') : change === null ? (name === 'score' && atAck !== null && now !== null ? 'not comparable (over other figures)' : '') : change === 0 ? 'no change' : `${change > 0 ? '+' : ''}${change}${unit}`;
    return `  ${name.padEnd(16)} ${`${show(atAck)} → ${show(now)}`.padEnd(14)} ${moved}`.trimEnd();
  });
  return [...head, ...rows];
}

function figureLines(review: Review, c: ChalkInstance): string[] {
  return Object.entries(review.figures).map(([name, figure]) => {
    const unit = METRICS[name as keyof typeof METRICS].unit;
    return `  ${name.padEnd(15)} ${figure.value === null ? c.dim(`— (${figure.because ?? 'not measured'})`) : `${figure.value} ${unit}`}`;
  });
}

function churn(s: { added: number; removed: number }): string {
  return `+${s.added} −${s.removed}`;
}

function statusText(status: Review['specs'][number]['status'], c: ChalkInstance): string {
  if (status === 'passing') return c.green(status);
  if (status === 'failing') return c.red(status);
  return c.dim(status === 'unknown' ? 'not run since' : status);
}
