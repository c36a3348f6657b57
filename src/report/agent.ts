import { formatLocation } from '../core/errors.js';
import { nothingAffected } from './terminal.js';
import { attemptText, reportedFlaky } from './flaky-text.js';
import type { Verdict } from './verdict.js';

/** Plain, dense and colourless: what an agent needs to fix its work, nothing it must skip over. */
export function renderAgent(verdict: Verdict): string {
  const out: string[] = [];
  for (const f of verdict.failures) {
    // A draft's failure does not fail the run: the prefix says so before anything else.
    out.push(`${f.draft ? 'draft ' : ''}${f.kind} ${f.code} ${f.location ? formatLocation(f.location) : ''}`.trimEnd());
    if (f.scenario) out.push(`  scenario: ${f.scenario}${f.scenarioId ? ` (${f.scenarioId})` : ''}`);
    if (f.step) out.push(`  step: ${f.step}`);
    if (f.attempts) out.push(`  attempts: ${f.attempts} (every one failed)`);
    out.push(`  message: ${f.message.split('\n').join('\n    ')}`);
    if (f.expected !== undefined) out.push(`  expected: ${f.expected}`, `  actual: ${f.actual}`);
    if (f.matches) for (const m of f.matches) out.push(`  matches: ${m.file}:${m.line} ${m.pattern}`);
    if (f.snippet) out.push('  snippet:', ...f.snippet.split('\n').map((l) => `    ${l}`));
    if (f.stack) out.push(`  at: ${f.stack.split('\n')[0]!.replace(/^at /, '')}`);
    out.push(`  fix: ${f.hint}`);
  }
  for (const f of reportedFlaky(verdict)) {
    out.push(`flaky ${f.id} attempts ${f.attempts}`, `  scenario: ${f.name}`);
    for (const a of f.failures) out.push(`  attempt ${a.attempt} failed ${attemptText(a)}`);
  }
  for (const w of verdict.warnings) out.push(`warning ${w.code} ${w.location ? formatLocation(w.location) : ''}`.trimEnd(), `  message: ${w.message}`, ...(w.hint ? [`  fix: ${w.hint}`] : []));
  if (verdict.unusedSteps.length && verdict.unusedNote) out.push(`unused-steps ${verdict.unusedNote}`);
  for (const u of verdict.unusedSteps) out.push(`unused-step ${u.file}:${u.line} ${u.pattern}`);
  for (const g of verdict.gates) out.push(`gate ${g.name} ${g.status}${g.status === 'skipped' && g.command.length === 0 && g.log ? `: ${g.log}` : ''}`);
  const untouched = nothingAffected(verdict);
  if (untouched) out.push(untouched);
  out.push(verdict.summary);
  return `${out.join('\n')}\n`;
}
