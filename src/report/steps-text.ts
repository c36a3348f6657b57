import type { ChalkInstance } from 'chalk';
import type { CatalogueDefinition, StepsCatalogue } from '../bind/catalogue-schema.js';

/**
 * `spec steps` for people: definitions grouped by file with their use counts, then the unused
 * ones, the ambiguous and the undefined steps (with their snippets), and a closing count line.
 */
export function renderSteps(catalogue: StepsCatalogue, c: ChalkInstance, { undefinedOnly = false } = {}): string {
  const out = undefinedOnly ? [] : listed(catalogue, c);
  if (catalogue.undefined.length) {
    out.push(c.bold(`Undefined (${catalogue.undefined.length}): no definition matches; \`spec steps --generate\` writes these as pending stubs`));
    for (const u of catalogue.undefined) out.push(`  ${u.spec}:${u.line}  ${u.keyword} ${u.text}`, ...u.snippet.split('\n').map((line) => c.dim(`    ${line}`)));
    out.push('');
  }
  // The whole count line even with --undefined: the exit code also counts ambiguous steps.
  const s = catalogue.summary;
  const closing = `spec steps: ${count(s.definitions, 'definition')}, ${s.unused} unused, ${s.undefined} undefined, ${s.ambiguous} ambiguous`;
  out.push(s.undefined || s.ambiguous ? c.red(closing) : c.green(closing));
  return `${out.join('\n')}\n`;
}

/** The definitions by file, the unused ones and the ambiguous steps. */
function listed(catalogue: StepsCatalogue, c: ChalkInstance): string[] {
  const out: string[] = [];
  const ambiguous = ambiguousCounts(catalogue);
  const unused = new Set(catalogue.unused.map((u) => `${u.file}:${u.line}`));
  for (const [file, defs] of byFile(catalogue.definitions)) {
    out.push(`${c.bold(file)}  ${count(defs.length, 'definition')}`);
    const width = Math.max(...defs.map((d) => d.pattern.length));
    for (const d of defs) out.push(`  ${`:${d.line}`.padEnd(6)}${d.pattern.padEnd(width)}  ${usage(d, ambiguous.get(`${d.file}:${d.line}`) ?? 0, unused.has(`${d.file}:${d.line}`), c)}`);
    out.push('');
  }
  if (catalogue.unused.length) {
    out.push(c.bold(`Unused (${catalogue.unused.length}): no step of the specs binds to these`));
    for (const u of catalogue.unused) out.push(`  ${u.file}:${u.line}  ${u.pattern}`);
    out.push('');
  }
  if (catalogue.ambiguous.length) {
    out.push(c.bold(`Ambiguous (${catalogue.ambiguous.length}): more than one definition matches`));
    for (const a of catalogue.ambiguous) out.push(`  ${a.spec}:${a.line}  ${a.text}`, ...a.matches.map((m) => c.dim(`    ${m.file}:${m.line}  ${m.pattern}`)));
    out.push('');
  }
  return out;
}

/**
 * Its uses, and the ambiguous steps it is one match of: a definition only ambiguous steps reach is
 * not unused, nor is one only specs outside the listed ones use (`spec steps PATH`).
 */
function usage(d: CatalogueDefinition, ambiguous: number, unused: boolean, c: ChalkInstance): string {
  const parts = [...(d.uses.length ? [count(d.uses.length, 'use')] : []), ...(ambiguous ? [c.red(`${ambiguous} ambiguous`)] : [])];
  return parts.length ? c.dim(parts.join(', ')) : unused ? c.yellow('unused') : c.dim('no use in these specs');
}

function ambiguousCounts(catalogue: StepsCatalogue): Map<string, number> {
  const counts = new Map<string, number>();
  for (const step of catalogue.ambiguous) for (const m of step.matches) counts.set(`${m.file}:${m.line}`, (counts.get(`${m.file}:${m.line}`) ?? 0) + 1);
  return counts;
}

function byFile(definitions: CatalogueDefinition[]): Map<string, CatalogueDefinition[]> {
  const files = new Map<string, CatalogueDefinition[]>();
  for (const d of definitions) files.set(d.file, [...(files.get(d.file) ?? []), d]);
  return files;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
