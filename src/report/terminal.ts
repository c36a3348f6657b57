import type { ChalkInstance } from 'chalk';
import { formatLocation } from '../core/errors.js';
import { renderProblem } from './problem.js';
import { attemptText, reportedFlaky } from './flaky-text.js';
import type { Failure, FlakyScenario, GateResult, Verdict, Warning } from './verdict.js';
import { nameFew } from '../core/name-few.js';

const KIND_LABEL: Record<Failure['kind'], string> = {
  'failed-step': 'FAILED',
  undefined: 'UNDEFINED',
  ambiguous: 'AMBIGUOUS',
  pending: 'PENDING',
  'parse-error': 'PARSE ERROR',
  'hook-error': 'HOOK FAILED',
  'gate-error': 'GATE FAILED',
  timeout: 'TIMEOUT',
  'config-error': 'CONFIG',
  'support-error': 'STEPS DID NOT LOAD',
  'run-error': 'RUN ERROR',
  'no-steps': 'NO STEPS',
  flaky: 'FLAKY',
  'oracle-changed': 'ORACLE CHANGED',
};

/** The human report: each failure with its spec excerpt, then gates, then the counts and the closing line. */
export function renderTerminal(verdict: Verdict, c: ChalkInstance): string {
  const out: string[] = [];
  for (const failure of verdict.failures) out.push(renderFailure(failure, c), '');
  for (const flaky of reportedFlaky(verdict)) out.push(renderFlaky(flaky, c), '');
  if (verdict.warnings.length) out.push(...verdict.warnings.map((w) => renderWarning(w, c)), '');
  if (verdict.unusedSteps.length) {
    out.push(c.yellow(`${verdict.unusedSteps.length} unused step definition${verdict.unusedSteps.length > 1 ? 's' : ''}:`));
    if (verdict.unusedNote) out.push(c.dim(`  (${verdict.unusedNote})`));
    for (const u of verdict.unusedSteps) out.push(`  ${c.dim(`${u.file}:${u.line}`)}  ${u.pattern}`);
    out.push('');
  }
  for (const gate of verdict.gates) out.push(renderGate(gate, c));
  const untouched = nothingAffected(verdict);
  if (untouched) out.push(c.dim(untouched));
  out.push(renderCounts(verdict, c));
  const line = verdict.summary;
  out.push(verdict.exitCode === 0 ? c.green(line) : c.red(line));
  return `${out.join('\n')}\n`;
}

function renderWarning(w: Warning, c: ChalkInstance): string {
  return renderProblem(w, c, c.yellow('warning'));
}

/** A draft's failure is shown in full, but labelled so no one mistakes it for what failed the run. */
function label(f: Failure, c: ChalkInstance): string {
  // Support code that loaded but failed the run later (a World constructor, an error a step left behind) did load.
  const label = f.code === 'SPEC_SUPPORT_RUN' ? 'SUPPORT CODE FAILED' : KIND_LABEL[f.kind];
  return f.draft ? c.bgYellow.black.bold(` DRAFT ${label} `) : c.bgRed.white.bold(` ${label} `);
}

/** --changed (or a hook) whose changes reach no scenario: the expected empty run, said plainly. */
export function nothingAffected(v: Verdict): string | undefined {
  if (!v.watch || v.watch.all || v.watch.selected.length > 0) return undefined;
  if (v.watch.trigger.length === 0) return 'nothing affected: no changed code or spec file the suite could reach';
  const files = nameFew(v.watch.trigger, 5);
  return `nothing affected: no scenario reaches ${files}`;
}

/** `Règle: … › Scénario: …`: where the scenario sits, in the words and the language of its spec. */
function scenarioHeading(f: Failure): string {
  return `${f.rule ? `${f.rule.keyword}: ${f.rule.name} › ` : ''}${f.scenarioKeyword ?? 'Scenario'}: ${f.scenario}`;
}

function renderFailure(f: Failure, c: ChalkInstance): string {
  // A problem with no place in a spec (setup, config) reads best as one line and its fix.
  if (!f.location && !f.scenario && !f.message.includes('\n')) {
    return renderProblem({ code: f.code, message: f.message, hint: f.hint }, c, label(f, c), c.red);
  }
  // The title names the scenario as `spec verify` takes it; the exact line follows when it differs.
  const at = f.location ? formatLocation(f.location) : '';
  const where = f.scenarioId ?? at;
  // A problem outside any scenario (a config, the support code) is known by its code; a scenario's failure by its label.
  const code = f.scenario ? '' : c.dim(`(${f.code})`);
  const title = [label(f, c), c.bold(where), f.scenario ? scenarioHeading(f) : '', code].filter(Boolean).join('  ');
  const lines = [title];
  const own = at && at !== where ? c.dim(at) : '';
  if (f.attempts) lines.push(c.dim(`  failed on all ${f.attempts} attempts`));
  if (f.step || own) lines.push(`  ${[f.step ? c.bold(f.step) : '', own].filter(Boolean).join('  ')}`);
  if (f.excerpt && f.location) lines.push(...renderExcerpt(f.excerpt, f.location.line, f.location.column, c));
  lines.push(...indent(f.message, '  ').map((l) => c.red(l)));
  if (f.diff) lines.push(...indent(f.diff, '  ').map((l) => (l.startsWith('  +') ? c.green(l) : l.startsWith('  -') ? c.red(l) : l)));
  if (f.matches) for (const m of f.matches) lines.push(`  ${c.dim(`${m.file}:${m.line}`)}  ${m.pattern}`);
  if (f.snippet) lines.push('', ...indent(f.snippet, '    ').map((l) => c.cyan(l)));
  if (f.stack) lines.push(...indent(f.stack, '    ').map((l) => c.dim(l)));
  lines.push(`  ${c.yellow('→')} ${f.hint}`);
  return lines.join('\n');
}

/** Passed, but only on a retry: shown with what each failed attempt said, never as a clean pass. */
function renderFlaky(f: FlakyScenario, c: ChalkInstance): string {
  const title = [c.bgYellow.black.bold(' FLAKY '), c.bold(f.id), `Scenario: ${f.name}`, c.dim(`passed on attempt ${f.attempts}`)].join('  ');
  const said = f.failures.map((a) => `  ${c.dim(`attempt ${a.attempt}:`)} ${c.yellow(attemptText(a))}`);
  return [title, ...said].join('\n');
}

function renderExcerpt(excerpt: NonNullable<Failure['excerpt']>, line: number, column: number | undefined, c: ChalkInstance): string[] {
  const width = String(excerpt.startLine + excerpt.lines.length - 1).length;
  const out: string[] = [];
  excerpt.lines.forEach((text, i) => {
    const n = excerpt.startLine + i;
    const gutter = `${n === line ? '>' : ' '} ${String(n).padStart(width)} | `;
    out.push(n === line ? `  ${c.bold(gutter)}${text}` : c.dim(`  ${gutter}${text}`));
    if (n === line && column && column > 1) out.push(c.dim(`  ${' '.repeat(gutter.length)}${' '.repeat(column - 1)}^`));
  });
  return out;
}

function renderGate(gate: GateResult, c: ChalkInstance): string {
  const mark = gate.status === 'passed' ? c.green('✓') : gate.status === 'skipped' ? c.dim('-') : c.red('✗');
  // Built-in gates (debt) run no command: no empty parentheses.
  const command = gate.command.length ? `(${gate.command.join(' ')}) ` : '';
  // A built-in gate left to another command (a shard's debt gate, spec merge's) says where it is checked.
  const status = gate.status === 'skipped' && gate.command.length === 0 && (gate.reason ?? gate.log) ? c.dim(` skipped: ${gate.reason ?? gate.log}`) : ` ${c.red(gate.status)}`;
  return `${mark} gate ${gate.name} ${c.dim(`${command}${(gate.durationMs / 1000).toFixed(1)}s`)}${gate.status === 'passed' ? '' : status}`;
}

function renderCounts(v: Verdict, c: ChalkInstance): string {
  const s = v.counts.scenarios;
  const parts = (['passed', 'flaky', 'failed', 'undefined', 'ambiguous', 'pending', 'skipped'] as const).filter((k) => (s[k] ?? 0) > 0).map((k) => `${s[k]} ${k}`);
  const steps = v.counts.steps;
  const d = v.counts.drafts;
  const drafts = d?.total ? `, ${d.total} draft (${(['passed', 'failed', 'undefined', 'ambiguous', 'pending', 'skipped'] as const).filter((k) => d[k] > 0).map((k) => `${d[k]} ${k}`).join(', ')})` : '';
  return c.dim(`${s.total} scenario${s.total === 1 ? '' : 's'}${parts.length ? ` (${parts.join(', ')})` : ''}${drafts}, ${steps.total} steps, ${(v.durationMs / 1000).toFixed(2)}s`);
}

function indent(text: string, prefix: string): string[] {
  return text.split('\n').map((l) => `${prefix}${l}`);
}
