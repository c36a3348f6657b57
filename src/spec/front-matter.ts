/**
 * YAML front matter of Markdown spec documents: the schema, and a parser that turns every
 * mistake into a located problem instead of an exception, so one bad key never hides a spec.
 * PRDs and ADRs carry keys of their own (title, author, date, deciders…): those are kept and
 * ignored; only a key that looks like a misspelt known one gets a warning.
 */
import { z } from '../core/zod.js';
import { LineCounter, isMap, isScalar, parseDocument, type Document } from 'yaml';
import { dialects } from '@cucumber/gherkin';
import type { ErrorCode, SpecProblem } from '../core/errors.js';
import { editDistance } from '../core/did-you-mean.js';

export const FRONT_MATTER_KEYS = ['tags', 'covers', 'status', 'owner', 'language'] as const;

const stringOrList = z.union([z.string(), z.array(z.string())], { error: 'expected a string or a list of strings' }).optional();

function asList(value: string | string[] | undefined): string[] {
  const items = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return items.map((item) => item.trim()).filter(Boolean);
}

/** Tags are written loosely by people (`smoke, slow` or `[@smoke]`); Gherkin wants `@smoke`. */
export function normaliseTags(value: string | string[] | undefined): string[] {
  const names = asList(value).flatMap((item) => item.split(/[\s,]+/));
  const tags = names.map((name) => name.replace(/^@+/, '')).filter(Boolean).map((name) => `@${name}`);
  return [...new Set(tags)];
}

export const SPEC_STATUSES = ['draft', 'accepted'] as const;

export const specFrontMatterSchema = z.looseObject({
  tags: stringOrList.transform(normaliseTags),
  covers: stringOrList.transform(asList),
  // ADR templates write "Accepted"; anything else is reported as a warning in validate().
  status: z.string().optional().transform((value) => SPEC_STATUSES.find((s) => s === value?.trim().toLowerCase())),
  owner: z.union([z.string(), z.array(z.string())], { error: 'expected a string or a list of strings' }).optional(),
  language: z
    .string()
    .refine((code) => Object.hasOwn(dialects, code), {
      message: 'not a Gherkin language code (for example en, fr, de, es, pt, ja)',
    })
    .optional(),
});

export type SpecFrontMatter = z.output<typeof specFrontMatterSchema>;

export const emptyFrontMatter = (): SpecFrontMatter => ({ tags: [], covers: [], status: undefined });

export interface FrontMatterResult {
  frontMatter: SpecFrontMatter;
  problems: SpecProblem[];
  warnings: SpecProblem[];
}

/**
 * `yaml` is the text between the `---` lines; `firstLine` is the file line it starts on,
 * so every problem points into the file rather than into the snippet.
 */
export function parseFrontMatter(yaml: string, firstLine: number, file: string): FrontMatterResult {
  const counter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter: counter, prettyErrors: false });
  const at = (offset: number): { line: number; column: number } => {
    const pos = counter.linePos(offset);
    return { line: firstLine + pos.line - 1, column: pos.col };
  };
  const problem = (message: string, where: { line: number; column?: number }, hint?: string, code: ErrorCode = 'SPEC_MARKDOWN'): SpecProblem => ({
    code,
    message,
    location: { file, ...where },
    ...(hint ? { hint } : {}),
  });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((err) => problem(`Invalid YAML in front matter: ${err.message}`, at(err.pos[0])));
    return { frontMatter: emptyFrontMatter(), problems, warnings: [] };
  }
  const value = toPlain(doc);
  if (value === undefined) {
    const where = { line: firstLine };
    return { frontMatter: emptyFrontMatter(), problems: [problem('Front matter must be a YAML mapping of keys to values', where)], warnings: [] };
  }
  return validate(value, (key) => keyLine(doc, key, at) ?? { line: firstLine }, problem);
}

function toPlain(doc: Document): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = doc.toJS();
  } catch {
    return undefined; // alias bombs and similar: treat as not-a-mapping rather than crash
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) return undefined;
  // `owner:` with nothing after it means "not set", not "set to null".
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined));
}

function keyLine(doc: Document, key: string, at: (offset: number) => { line: number; column: number }) {
  if (!isMap(doc.contents)) return undefined;
  for (const pair of doc.contents.items) {
    if (isScalar(pair.key) && String(pair.key.value) === key && pair.key.range) return at(pair.key.range[0]);
  }
  return undefined;
}

type Where = { line: number; column?: number };
type MakeProblem = (message: string, where: Where, hint?: string, code?: ErrorCode) => SpecProblem;

/** Reports every bad key, then keeps the good ones: a typo in `owner` must not drop `tags`. */
function validate(value: Record<string, unknown>, where: (key: string) => Where, problem: MakeProblem): FrontMatterResult {
  const warnings = [...misspeltKeys(value, where, problem), ...unknownStatus(value, where, problem)];
  const parsed = specFrontMatterSchema.safeParse(value);
  if (parsed.success) return { frontMatter: parsed.data, problems: [], warnings };
  const problems: SpecProblem[] = [];
  const bad = new Set<string>();
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '');
    bad.add(key);
    problems.push(problem(`Front matter "${key}": ${issue.message}`, where(key)));
  }
  const kept = Object.fromEntries(Object.entries(value).filter(([key]) => !bad.has(key)));
  const retry = specFrontMatterSchema.safeParse(kept);
  return { frontMatter: retry.success ? retry.data : emptyFrontMatter(), problems, warnings };
}

/** `tag:`, `Tags:`, `lang:`, `stauts:`: ignored like any key of the document's own, but named. */
function misspeltKeys(value: Record<string, unknown>, where: (key: string) => Where, problem: MakeProblem): SpecProblem[] {
  const known: readonly string[] = FRONT_MATTER_KEYS;
  return Object.keys(value).flatMap((key) => {
    const meant = known.includes(key) ? undefined : known.find((k) => resembles(key.toLowerCase(), k));
    if (!meant) return [];
    return [problem(`Front matter key "${key}" is not one specloop reads, so it is ignored; did you mean "${meant}"?`, where(key), `Rename "${key}" to "${meant}", or leave it if it is the document's own.`, 'SPEC_FRONT_MATTER_KEY')];
  });
}

function resembles(key: string, known: string): boolean {
  if (key === known) return true;
  if (key.length >= 3 && known.startsWith(key)) return true;
  return editDistance(key, known) <= (key.length >= 5 ? 2 : 1);
}

/** An ADR's `proposed` or `superseded` is not a specloop status: the spec then counts in full, never as a draft. */
function unknownStatus(value: Record<string, unknown>, where: (key: string) => Where, problem: MakeProblem): SpecProblem[] {
  const status = value['status'];
  if (typeof status !== 'string' || SPEC_STATUSES.some((s) => s === status.trim().toLowerCase())) return [];
  return [problem(`Front matter status "${status}" is not one specloop knows (${SPEC_STATUSES.join(', ')}), so this spec counts as accepted`, where('status'), 'Write "status: draft" to run its scenarios without failing the verdict, or "status: accepted".', 'SPEC_FRONT_MATTER_KEY')];
}
