import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { METRIC_NAMES, type HistoryEntry, type MetricName } from '../src/debt/model.js';
import { renderMetricChart } from '../src/report/debt-chart.js';
import { renderDebtHtml } from '../src/report/debt-html.js';
import { escapeHtml } from '../src/report/html-text.js';
import { firstRunReport, HOSTILE_FILE, HOSTILE_STEP, richReport } from './debt-report-fixtures.js';

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

/** Runs in a row that measured the metric: each of two or more runs is one drawn line. */
function expectedLines(values: (number | null)[]): number {
  let lines = 0;
  let run = 0;
  for (const value of [...values, null]) {
    if (value !== null) run++;
    else {
      if (run > 1) lines++;
      run = 0;
    }
  }
  return lines;
}

describe('the debt page (HTML text)', () => {
  it('loads nothing: no script, link, image, frame or CSS url, and a CSP that forbids every load but its own stylesheet', () => {
    const page = renderDebtHtml(richReport());
    for (const tag of ['<script', '<link', '<img', '<iframe', '<object', '<embed', '@import', 'url(']) expect(page).not.toContain(tag);
    expect([...page.matchAll(/href="([^"]*)"/g)].map((m) => m[1]).every((href) => href!.startsWith('#'))).toBe(true);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1];
    expect(csp).toMatch(/^default-src 'none';/);
    const styles = [...page.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect(styles).toHaveLength(1);
    expect(csp).toContain(`style-src 'sha256-${createHash('sha256').update(styles[0]!).digest('base64')}'`);
  });

  it('escapes every string from the report: file names, step text, messages', () => {
    const page = renderDebtHtml(richReport());
    expect(page).toContain(escapeHtml(HOSTILE_FILE));
    expect(page).toContain(escapeHtml(HOSTILE_STEP));
    expect(page).toContain('specs/cart &amp; &quot;checkout&quot;.md:9');
    expect(page).toContain('src/legacy/&lt;old&gt;.ts:7');
    expect(page).not.toContain('<img src=x');
    expect(page).not.toContain('<b>"12');
    expect(page).not.toContain("'</td>'");
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('shows each figure with its unit and change, and the worst files first with their unexecuted functions', () => {
    const page = renderDebtHtml(richReport());
    for (const name of METRIC_NAMES) expect(page).toContain(`<a href="#chart-${name}">${name}</a>`);
    // unspecified went 222 → 204 from run 10 to 11 (fixture: 420 − run × 18): less debt, shown as better.
    expect(page).toContain('<a href="#chart-unspecified">unspecified</a></th><td class="num">222</td><td class="num better">−18</td><td>lines</td>');
    expect(page).toContain('<td class="num">86.5</td><td class="num better">+3.5</td>');
    const files = [...page.matchAll(/<td class="path"><code>([^<]*)<\/code><\/td><td class="num">(\d+) of/g)].map((m) => [m[1], m[2]]);
    expect(files).toEqual([
      ['src/pay/refund.ts', '80'],
      [escapeHtml(HOSTILE_FILE), '4'],
      ['src/cart/total.ts', '2'],
    ]);
    expect(page).toContain('lines 12–58, 90–121, 133');
    expect(page).toContain('<code>refundPartial</code> (line 12, 17)<br><code>reverseFee</code> (line 90, 14)');
    expect(page).not.toContain('src/cart/empty.ts');
    expect(page).toContain('<td class="path"><code>features/refund.feature</code></td><td class="path"><code>src/pay/refund.ts</code></td><td>no</td>');
    expect(page).toContain('<strong class="worse">yes</strong>');
  });

  it('says why a figure is not measured, never a 0 in its place', () => {
    const report = firstRunReport();
    const page = renderDebtHtml(report);
    expect(page).toContain('<td class="num unmeasured">not measured</td>');
    expect(page).toContain('<div class="because">no line-coverage run yet: run spec verify --coverage</div>');
    expect(page).toContain('<div class="because">no review recorded yet: run spec ack</div>');
    expect(page).toContain('Score: <strong>not measured</strong>');
    expect(page).toContain('Line coverage not measured: no line-coverage run yet');
    expect(page).toContain('Not measured: no review recorded yet: run spec ack');
    expect(page).toContain('No runs recorded yet');
    expect(page).toContain('never reviewed');
    expect(page).not.toContain('<svg');
    // Unmeasured coverage must not read as "no file owes anything".
    expect(page).not.toContain('No file has unspecified lines');
    const unmeasuredChecks = firstRunReport();
    unmeasuredChecks.summary.metrics.vacuousChecks = { value: null, because: 'step definitions did not load' };
    expect(renderDebtHtml(unmeasuredChecks)).toContain('Not measured: step definitions did not load');
    expect(renderDebtHtml(unmeasuredChecks)).not.toContain('No vacuous checks found');
  });

  it('shows a note a measured figure carries', () => {
    const report = richReport();
    report.summary.metrics.score = { value: 73, because: 'over vacuousChecks, bindingHealth only' };
    expect(renderDebtHtml(report)).toContain('<td class="num">73</td>');
    expect(renderDebtHtml(report)).toContain('<div class="because">over vacuousChecks, bindingHealth only</div>');
  });

  it('shows the definitions\' `backticked` names as code', () => {
    expect(renderDebtHtml(firstRunReport())).toContain("lines a Markdown spec&#39;s <code>covers:</code> globs claim");
  });
});

describe('a metric chart', () => {
  const history = richReport().history;

  it.each(METRIC_NAMES)('%s: one point per measured run, a gap per unmeasured one, a line per unbroken stretch', (metric: MetricName) => {
    const svg = renderMetricChart(metric, history);
    const values = history.map((entry) => entry.metrics[metric]);
    expect(count(svg, /<circle class="point/g)).toBe(values.filter((v) => v !== null).length);
    const measuredAny = values.some((v) => v !== null);
    expect(count(svg, /<line class="gap"/g)).toBe(measuredAny ? values.filter((v) => v === null).length : 0);
    expect(count(svg, /<polyline class="line"/g)).toBe(expectedLines(values));
    expect(svg).toContain('role="img"');
    expect(svg).toMatch(new RegExp(`<title id="chart-${metric}-title">${metric} \\(`));
  });

  it('draws a value of 0 on the axis and an unmeasured run as a gap, not as 0', () => {
    const runs = (values: (number | null)[]): HistoryEntry[] =>
      values.map((value, i) => ({ at: `2026-11-2${i}T10:00:00.000Z`, kind: 'verify', partial: false, commit: null, metrics: { ...history[0]!.metrics, drift: value } }));
    const svg = renderMetricChart('drift', runs([2, null, 0, 4]));
    const ys = [...svg.matchAll(/<circle class="point" cx="[\d.]+" cy="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(ys).toHaveLength(3);
    const axisY = Number(/<line class="axis" x1="[\d.]+" x2="[\d.]+" y1="([\d.]+)" y2="\1"/.exec(svg)?.[1]);
    expect(ys[1]).toBe(axisY);
    expect(ys[0]).toBeLessThan(axisY);
    expect(svg).toContain('not measured</title></line>');
    expect(count(svg, /<polyline/g)).toBe(1);
  });

  it('labels the axes: ticks up to a round maximum, the unit, the first and last run', () => {
    const svg = renderMetricChart('unspecified', history);
    // Highest unspecified figure: 366 (run 3) → ticks of 100 up to 400.
    for (const tick of ['>0<', '>100<', '>400<']) expect(svg).toContain(tick);
    expect(svg).toContain('>lines</text>');
    expect(svg).toContain('<title id="chart-unspecified-title">unspecified (lines) over the last 12 runs: 8 measured, the latest 222</title>');
    expect(svg).toContain('>2026-11-18 09:12<');
    expect(svg).toContain('>2026-11-29 10:12<');
    expect(renderMetricChart('score', history)).toContain('>100<');
    // Counts get whole ticks: drift runs 0–2 specs.
    const ticks = [...renderMetricChart('drift', history).matchAll(/<text class="tick" x="38" [^>]*text-anchor="end">([^<]+)</g)].map((m) => m[1]);
    expect(ticks).toEqual(['0', '1', '2']);
  });

  it('says so when no run measured the metric, and centres a single run', () => {
    const one = history.slice(0, 1);
    expect(renderMetricChart('drift', one)).toContain('not measured in these runs');
    expect(renderMetricChart('score', one)).toMatch(/<circle class="point" cx="195"/);
    expect(renderMetricChart('drift', one)).not.toContain('class="gap"');
  });
});
