import { createHash } from 'node:crypto';
import { METRICS, METRIC_NAMES, type DebtReport, type Figure, type MetricName } from '../debt/model.js';
import { renderMetricChart } from './debt-chart.js';
import { DEBT_PAGE_CSS } from './debt-html-style.js';
import { renderOffenders } from './debt-offenders.js';
import { escapeHtml, escapeWithCode, formatNumber, formatTime } from './html-text.js';

/*
 * `spec debt --html`: one self-contained page from a debt report. No script, and the page's
 * Content-Security-Policy forbids every load (the one inline stylesheet is allowed by its hash),
 * so opening it from a CI artefact or a mail never reaches the network.
 */

const STYLE_HASH = createHash('sha256').update(DEBT_PAGE_CSS).digest('base64');
const CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; base-uri 'none'; form-action 'none'`;

function formatDelta(metric: MetricName, delta: number | null | undefined): string {
  if (delta === null || delta === undefined) return '<td class="num">—</td>';
  if (delta === 0) return '<td class="num">0</td>';
  // Every metric counts debt except the score, where up is better.
  const worse = metric === 'score' ? delta < 0 : delta > 0;
  const sign = delta > 0 ? '+' : '−';
  return `<td class="num ${worse ? 'worse' : 'better'}">${sign}${formatNumber(Math.abs(delta))}</td>`;
}

function figureCell(figure: Figure): string {
  if (figure.value !== null) return `<td class="num">${formatNumber(figure.value)}</td>`;
  return `<td class="num unmeasured">not measured</td>`;
}

function figuresTable(report: DebtReport): string {
  const { metrics, delta } = report.summary;
  const rows = METRIC_NAMES.map((name) => {
    const figure = metrics[name];
    // A measured figure can carry a note too (e.g. a score over only some metrics): show it either way.
    const note = figure.because ?? (figure.value === null ? 'no reason given' : undefined);
    const because = note === undefined ? '' : `<div class="because">${escapeHtml(note)}</div>`;
    return `<tr><th scope="row"><a href="#chart-${name}">${name}</a></th>${figureCell(figure)}${formatDelta(name, delta?.[name])}<td>${escapeHtml(METRICS[name].unit)}</td><td>${escapeWithCode(METRICS[name].summary)}${because}</td></tr>`;
  });
  return [
    '<table class="figures"><caption>The figures now</caption>',
    '<thead><tr><th scope="col">Metric</th><th scope="col">Now</th><th scope="col">Since previous run</th><th scope="col">Unit</th><th scope="col">What it counts</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody></table>`,
  ].join('');
}

function charts(report: DebtReport): string {
  if (report.history.length === 0) return '<p class="empty">No runs recorded yet: every <code>spec verify</code> adds one to <code>.spec/history.jsonl</code>.</p>';
  const figures = METRIC_NAMES.map((name) => `<figure><figcaption>${name}</figcaption>${renderMetricChart(name, report.history)}</figure>`);
  const legend = '<p class="note">A filled dot is a full run; a hollow dot a partial run (its coverage figures come from the last full run); a dashed line a run that did not measure the metric. Hover a dot for its run.</p>';
  return `${legend}<div class="charts">${figures.join('')}</div>`;
}

function warnings(report: DebtReport): string {
  if (report.warnings.length === 0) return '';
  const items = report.warnings.map((warning) => {
    const where = warning.file ? ` ${escapeHtml(warning.file)}${warning.line ? `:${warning.line}` : ''}` : '';
    return `<li><code>${escapeHtml(warning.code)}</code>${where}: ${escapeHtml(warning.message)}</li>`;
  });
  return `<section><h2>Warnings while measuring</h2><ul class="warnings">${items.join('')}</ul></section>`;
}

function header(report: DebtReport): string {
  const { summary } = report;
  const score = summary.metrics.score.value;
  const facts = [
    `measured ${escapeHtml(formatTime(summary.measuredAt))}`,
    summary.commit ? `at commit <code>${escapeHtml(summary.commit.slice(0, 12))}</code>` : 'outside git',
    summary.ackAt ? `last reviewed (<code>spec ack</code>) ${escapeHtml(formatTime(summary.ackAt))}` : 'never reviewed (no <code>spec ack</code> yet)',
  ];
  const scoreText = score === null ? 'not measured' : `${formatNumber(score)} / 100`;
  return `<header><h1>Comprehension debt</h1><p class="score">Score: <strong>${scoreText}</strong></p><p class="facts">${facts.join(' · ')}</p></header>`;
}

/** The debt page for `report`: a whole HTML document, with nothing to fetch. */
export function renderDebtHtml(report: DebtReport): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>Comprehension debt, ${escapeHtml(formatTime(report.summary.measuredAt))}</title>`,
    `<style>${DEBT_PAGE_CSS}</style>`,
    '</head><body>',
    header(report),
    `<main><section><h2>Figures</h2>${figuresTable(report)}</section>`,
    `<section><h2>Over time</h2>${charts(report)}</section>`,
    renderOffenders(report),
    warnings(report),
    '</main></body></html>',
    '',
  ].join('\n');
}
