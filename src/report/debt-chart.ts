import { METRICS, type HistoryEntry, type MetricName } from '../debt/model.js';
import { escapeHtml, formatNumber, formatTime } from './html-text.js';

/*
 * One metric over the recorded runs as an inline SVG line chart, drawn here so the debt page needs
 * no script, library or font. Runs sit evenly along x (oldest left): runs cluster in time, and an
 * even spacing keeps each one readable. A run that did not measure the metric breaks the line and
 * shows as a dashed "not measured" mark, never as a point at 0 (0 would read as "no debt").
 */

const WIDTH = 360;
const HEIGHT = 180;
const PAD = { left: 44, right: 14, top: 22, bottom: 34 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;

interface Scale {
  min: number;
  max: number;
  ticks: number[];
}

/**
 * A 1, 2, 2.5 or 5 × 10ⁿ step that cuts the range into about four parts; whole steps for counts
 * (a tick at 0.25 specs means nothing).
 */
function niceStep(range: number, whole: boolean): number {
  const rough = range / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const factors = whole && power < 10 ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10];
  const step = (factors.find((factor) => factor * power >= rough) ?? 10) * power;
  return whole ? Math.max(1, Math.round(step)) : step;
}

function yScale(metric: MetricName, values: number[]): Scale {
  if (metric === 'score') return { min: 0, max: 100, ticks: [0, 25, 50, 75, 100] };
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const step = niceStep(high - low || 1, values.every(Number.isInteger));
  const min = Math.floor(low / step) * step;
  const max = Math.max(Math.ceil(high / step) * step, min + step);
  const ticks: number[] = [];
  for (let tick = min; tick <= max + step / 2; tick += step) ticks.push(Number(tick.toPrecision(12)));
  return { min, max, ticks };
}

/** Runs sit a few pixels in from the y axis and the right edge, so the first and last stay visible. */
const INSET = 8;
const xAt = (index: number, count: number) => PAD.left + INSET + (count === 1 ? (PLOT_W - 2 * INSET) / 2 : (index * (PLOT_W - 2 * INSET)) / (count - 1));
const yAt = (value: number, scale: Scale) => PAD.top + PLOT_H - ((value - scale.min) / (scale.max - scale.min)) * PLOT_H;
const round = (n: number) => Math.round(n * 10) / 10;

function axes(scale: Scale, history: readonly HistoryEntry[], unit: string): string {
  const bottom = PAD.top + PLOT_H;
  const grid = scale.ticks.map((tick) => {
    const y = round(yAt(tick, scale));
    return `<line class="grid" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y}" y2="${y}"/><text class="tick" x="${PAD.left - 6}" y="${y + 4}" text-anchor="end">${formatNumber(tick)}</text>`;
  });
  const labelled = history.length > 1 ? [0, history.length - 1] : [0];
  const xLabels = labelled.map((index) => {
    const anchor = history.length === 1 ? 'middle' : index === 0 ? 'start' : 'end';
    return `<text class="tick" x="${round(xAt(index, history.length))}" y="${bottom + 16}" text-anchor="${anchor}">${escapeHtml(formatTime(history[index]!.at).slice(0, 16))}</text>`;
  });
  return [
    ...grid,
    `<line class="axis" x1="${PAD.left}" x2="${PAD.left}" y1="${PAD.top}" y2="${bottom}"/>`,
    `<line class="axis" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${bottom}" y2="${bottom}"/>`,
    `<text class="unit" x="${PAD.left}" y="${PAD.top - 8}">${escapeHtml(unit)}</text>`,
    ...xLabels,
    `<text class="unit" x="${PAD.left + PLOT_W / 2}" y="${HEIGHT - 4}" text-anchor="middle">runs, oldest → newest</text>`,
  ].join('');
}

/** The runs where the metric was measured, split wherever one did not measure it. */
function segments(values: readonly (number | null)[]): number[][] {
  const runs: number[][] = [];
  let current: number[] = [];
  values.forEach((value, index) => {
    if (value === null) {
      if (current.length) runs.push(current);
      current = [];
    } else current.push(index);
  });
  if (current.length) runs.push(current);
  return runs;
}

function marks(metric: MetricName, history: readonly HistoryEntry[], scale: Scale): string {
  const values = history.map((entry) => entry.metrics[metric]);
  // Dots shrink when runs crowd the axis, so the line between them stays readable.
  const radius = history.length > 60 ? 1.5 : 3.5;
  const measured = values.some((value) => value !== null);
  const at = (index: number) => `${round(xAt(index, history.length))},${round(yAt(values[index]!, scale))}`;
  const lines = segments(values)
    .filter((run) => run.length > 1)
    .map((run) => `<polyline class="line" points="${run.map(at).join(' ')}"/>`);
  const points = values.map((value, index) => {
    const entry = history[index]!;
    const x = round(xAt(index, history.length));
    const when = `${formatTime(entry.at)}, ${entry.kind}${entry.partial ? ' (partial run)' : ''}`;
    if (value === null) {
      // A chart that measured nothing says so in words; a dashed mark per run would only add noise.
      if (!measured) return '';
      return `<line class="gap" x1="${x}" x2="${x}" y1="${PAD.top}" y2="${PAD.top + PLOT_H}"><title>${escapeHtml(`${when}: not measured`)}</title></line>`;
    }
    const kind = entry.partial ? 'point partial' : 'point';
    return `<circle class="${kind}" cx="${x}" cy="${round(yAt(value, scale))}" r="${radius}"><title>${escapeHtml(`${when}: ${metric} ${formatNumber(value)} (${METRICS[metric].unit})`)}</title></circle>`;
  });
  return [...lines, ...points].join('');
}

/** The chart of one metric over `history` (oldest first), as an accessible SVG element. */
export function renderMetricChart(metric: MetricName, history: readonly HistoryEntry[]): string {
  const { unit } = METRICS[metric];
  const values = history.map((entry) => entry.metrics[metric]).filter((value): value is number => value !== null);
  const scale = yScale(metric, values);
  const id = `chart-${metric}`;
  const latest = values.length ? `, the latest ${formatNumber(values.at(-1)!)}` : '';
  const title = `${metric} (${unit}) over the last ${history.length} run${history.length === 1 ? '' : 's'}: ${values.length} measured${latest}`;
  const empty = values.length === 0 ? `<text class="empty" x="${PAD.left + PLOT_W / 2}" y="${PAD.top + PLOT_H / 2}" text-anchor="middle">not measured in these runs</text>` : '';
  return [
    `<svg class="chart" id="${id}" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="${id}-title">`,
    `<title id="${id}-title">${escapeHtml(title)}</title>`,
    axes(scale, history, unit),
    marks(metric, history, scale),
    empty,
    '</svg>',
  ].join('');
}
