import type { DebtReport, FileDebt } from '../debt/model.js';
import { lineRunTexts } from '../core/line-runs.js';
import { escapeHtml, formatNumber } from './html-text.js';

/*
 * The debt page's offender tables: where the debt sits, worst first, so a reader knows what to
 * spec or review next. A figure the report could not measure shows as "not measured" with the
 * summary's reason, never as an empty table that reads as "no debt".
 */

/** Rows past this are left to `spec debt --json`, which says the rest. */
const MAX_ROWS = 25;

const code = (text: string) => `<code>${escapeHtml(text)}</code>`;
const cell = (value: number | null) => `<td class="num">${value === null ? '<span class="unmeasured">—</span>' : formatNumber(value)}</td>`;

function table(caption: string, columns: string[], rows: string[], more: number): string {
  const head = columns.map((column) => `<th scope="col">${column}</th>`).join('');
  const note = more > 0 ? `<p class="note">${more} more not shown: <code>spec debt --json</code> lists them all.</p>` : '';
  return `<table><caption>${caption}</caption><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>${note}`;
}

/** Line numbers as ranges (`3–7, 12`), the first few only: enough to open the file at. */
function lineRanges(lines: readonly number[], shown = 6): string {
  const ranges = lineRunTexts(lines, '–');
  return ranges.length > shown ? `${ranges.slice(0, shown).join(', ')}, …` : ranges.join(', ');
}

const unspecifiedCount = (file: FileDebt) => file.unspecifiedLines?.length ?? 0;

function fileRow(file: FileDebt): string {
  const opaque = file.functions
    .filter((fn) => fn.executed === false && fn.complexity > 0)
    .sort((a, b) => b.complexity - a.complexity)
    .slice(0, 3)
    .map((fn) => `${code(fn.name)} (line ${fn.line}, ${fn.complexity})`)
    .join('<br>');
  const unspecified = file.unspecifiedLines === null ? '<span class="unmeasured">not measured</span>' : `${unspecifiedCount(file)} of ${file.executableLines}`;
  const where = file.unspecifiedLines?.length ? `<div class="because">lines ${lineRanges(file.unspecifiedLines)}</div>` : '';
  return [
    `<tr><td class="path">${code(file.file)}</td><td class="num">${unspecified}${where}</td>`,
    cell(file.declaredOnlyLines === null ? null : file.declaredOnlyLines.length),
    cell(file.opaqueComplexity),
    cell(file.unreviewed),
    `<td>${opaque || '—'}</td></tr>`,
  ].join('');
}

function filesSection(report: DebtReport): string {
  const owing = report.files
    .filter((file) => unspecifiedCount(file) > 0 || (file.opaqueComplexity ?? 0) > 0 || (file.declaredOnlyLines?.length ?? 0) > 0 || (file.unreviewed ?? 0) > 0)
    .sort((a, b) => unspecifiedCount(b) - unspecifiedCount(a) || (b.opaqueComplexity ?? 0) - (a.opaqueComplexity ?? 0) || a.file.localeCompare(b.file));
  const unmeasured = report.summary.metrics.unspecified.value === null ? `<p class="note">Line coverage not measured: ${escapeHtml(report.summary.metrics.unspecified.because ?? 'no reason given')}</p>` : '';
  if (owing.length === 0) return unmeasured || '<p class="empty">No file has unspecified lines, opaque complexity or unreviewed changes.</p>';
  const columns = ['File', 'Unspecified lines', 'Declared only', 'Opaque complexity', 'Unreviewed', 'Most complex unexecuted functions'];
  return unmeasured + table('Source files, most unspecified lines first', columns, owing.slice(0, MAX_ROWS).map(fileRow), owing.length - MAX_ROWS);
}

function vacuousSection(report: DebtReport): string {
  const figure = report.summary.metrics.vacuousChecks;
  const checks = report.specs.flatMap((spec) => spec.vacuousChecks.map((check) => ({ spec: spec.file, ...check })));
  if (checks.length === 0 && figure.value === null) return `<p class="note">Not measured: ${escapeHtml(figure.because ?? 'no reason given')}</p>`;
  if (checks.length === 0) return '<p class="empty">No vacuous checks found.</p>';
  const rows = checks.slice(0, MAX_ROWS).map((check) => {
    const kind = check.kind === 'no-then' ? 'scenario with no <code>Then</code>' : '<code>Then</code> that cannot fail';
    const definition = check.definition ? code(`${check.definition.file}:${check.definition.line}`) : '—';
    return `<tr><td class="path">${code(`${check.spec}:${check.line}`)}</td><td>${kind}</td><td>${escapeHtml(check.text)}</td><td class="path">${definition}</td></tr>`;
  });
  return table('Checks that cannot fail', ['Where', 'Kind', 'Step or scenario', 'Step definition'], rows, checks.length - MAX_ROWS);
}

function movedSection(report: DebtReport): string {
  const { drift, selfGraded } = report.summary.metrics;
  if (drift.value === null && selfGraded.value === null) return `<p class="note">Not measured: ${escapeHtml(drift.because ?? selfGraded.because ?? 'no reason given')}</p>`;
  const moved = report.specs.filter((spec) => (spec.drift?.length ?? 0) > 0 || spec.selfGraded === true);
  if (moved.length === 0) return '<p class="empty">No spec drifted from its code or moved with it since the last review.</p>';
  const rows = moved.slice(0, MAX_ROWS).map((spec) => {
    const drifted = spec.drift?.length ? spec.drift.map(code).join('<br>') : '—';
    const graded = spec.selfGraded === null ? '<span class="unmeasured">—</span>' : spec.selfGraded ? '<strong class="worse">yes</strong>' : 'no';
    return `<tr><td class="path">${code(spec.file)}</td><td class="path">${drifted}</td><td>${graded}</td></tr>`;
  });
  return table('Specs whose code changed since the last review', ['Spec', 'Traced code changed without it (drift)', 'Changed with its code (self-graded)'], rows, moved.length - MAX_ROWS);
}

/** The three offender sections: files, vacuous checks, drifted and self-graded specs. */
export function renderOffenders(report: DebtReport): string {
  return [
    `<section><h2>Files: unspecified and opaque code</h2>${filesSection(report)}</section>`,
    `<section><h2>Specs with vacuous checks</h2>${vacuousSection(report)}</section>`,
    `<section><h2>Drifted and self-graded specs</h2>${movedSection(report)}</section>`,
  ].join('\n');
}
