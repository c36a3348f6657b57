/**
 * GitHub Actions: one workflow command per failure (`::error file=…,line=…,title=…::message`), which
 * GitHub shows as an annotation at that line of the pull request, and the job summary's Markdown.
 * Escaping follows the runner's own rules (actions/toolkit's command.ts): in the message `%`, CR
 * and LF; in a property value also `:` and `,`, which would otherwise end the value.
 */
import { attemptText, reportedFlaky } from './flaky-text.js';
import type { Failure, FlakyScenario, Verdict } from './verdict.js';

export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(failure: Failure): string {
  // A draft spec's failure does not fail the run: a warning, not an error.
  const command = failure.draft ? 'warning' : 'error';
  const at = failure.location;
  const title = [failure.scenario, failure.step].filter(Boolean).join(' › ') || `${failure.kind} ${failure.code}`;
  const properties = [
    ...(at ? [`file=${escapeProperty(at.file)}`, `line=${at.line}`, ...(at.column ? [`col=${at.column}`] : [])] : []),
    `title=${escapeProperty(title)}`,
  ];
  const detail = failure.expected !== undefined ? `\nexpected: ${failure.expected}\nactual: ${failure.actual}` : '';
  return `::${command} ${properties.join(',')}::${escapeData(`${failure.message}${detail}\nfix: ${failure.hint}`)}`;
}

/** A flaky scenario passed, so it does not fail the job, but it must not pass unseen: a warning at its line. */
function flakyAnnotation(f: FlakyScenario): string {
  const properties = [`file=${escapeProperty(f.file)}`, `line=${f.line}`, `title=${escapeProperty(`Flaky: ${f.name}`)}`];
  const said = f.failures.map((a) => `attempt ${a.attempt}: ${attemptText(a)}`);
  return `::warning ${properties.join(',')}::${escapeData([`flaky: failed, then passed on attempt ${f.attempts}`, ...said].join('\n'))}`;
}

function annotations(verdict: Verdict): string[] {
  return [...verdict.failures.map(annotation), ...reportedFlaky(verdict).map(flakyAnnotation)];
}

/** One annotation per failure (and per flaky scenario), then the closing line (plain text, which the log shows as it is). */
export function renderGithub(verdict: Verdict): string {
  return `${[...annotations(verdict), verdict.summary].join('\n')}\n`;
}

/** The annotations alone, printed besides another report on GitHub Actions. */
export function githubAnnotations(verdict: Verdict): string {
  return annotations(verdict).map((a) => `${a}\n`).join('');
}

const cell = (text: string) => text.split(/\r?\n/)[0]!.replace(/\|/g, '\\|');

/** The job summary: status, the closing line and a table of the failures, each at its file:line. */
export function renderGithubSummary(verdict: Verdict): string {
  const icon = verdict.exitCode === 0 ? '✅' : '❌';
  const out = [`### ${icon} specloop: ${verdict.status}`, '', `\`${verdict.summary}\``, ''];
  if (verdict.failures.length) {
    out.push('| Where | Scenario | Failure |', '| --- | --- | --- |');
    for (const f of verdict.failures) out.push(`| ${f.location ? `\`${f.location.file}:${f.location.line}\`` : f.code} | ${cell(f.scenario ?? f.kind)} | ${cell(f.message)} |`);
    out.push('');
  }
  const flaky = reportedFlaky(verdict);
  if (flaky.length) out.push(`Flaky (passed only on a retry): ${flaky.map((f) => `\`${f.id}\` ${f.name}`).join(', ')}`, '');
  return `${out.join('\n')}\n`;
}
