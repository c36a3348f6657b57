/**
 * YAML front matter of Markdown spec documents: the schema, and a parser that turns every
 * mistake into a located problem instead of an exception, so one bad key never hides a spec.
 */
import { z } from 'zod';
import { LineCounter, isMap, isScalar, parseDocument, type Document } from 'yaml';
import { dialects } from '@cucumber/gherkin';
import type { SpecProblem } from '../core/errors.js';

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

export const specFrontMatterSchema = z.strictObject({
  tags: stringOrList.transform(normaliseTags),
  covers: stringOrList.transform(asList),
  status: z.enum(['draft', 'accepted']).optional(),
  owner: z.string().optional(),
  language: z
    .string()
    .refine((code) => Object.hasOwn(dialects, code), {
      message: 'not a Gherkin language code (for example en, fr, de, es, pt, ja)',
    })
    .optional(),
});

export type SpecFrontMatter = z.output<typeof specFrontMatterSchema>;

export const emptyFrontMatter = (): SpecFrontMatter => ({ tags: [], covers: [] });

export interface FrontMatterResult {
  frontMatter: SpecFrontMatter;
  problems: SpecProblem[];
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
  const problem = (message: string, where: { line: number; column?: number }, hint?: string): SpecProblem => ({
    code: 'SPEC_MARKDOWN',
    message,
    location: { file, ...where },
    ...(hint ? { hint } : {}),
  });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((err) => problem(`Invalid YAML in front matter: ${err.message}`, at(err.pos[0])));
    return { frontMatter: emptyFrontMatter(), problems };
  }
  const value = toPlain(doc);
  if (value === undefined) {
    const where = { line: firstLine };
    return { frontMatter: emptyFrontMatter(), problems: [problem('Front matter must be a YAML mapping of keys to values', where)] };
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
type MakeProblem = (message: string, where: Where, hint?: string) => SpecProblem;

/** Reports every bad key, then keeps the good ones: a typo in `owner` must not drop `tags`. */
function validate(value: Record<string, unknown>, where: (key: string) => Where, problem: MakeProblem): FrontMatterResult {
  const parsed = specFrontMatterSchema.safeParse(value);
  if (parsed.success) return { frontMatter: parsed.data, problems: [] };
  const problems: SpecProblem[] = [];
  const bad = new Set<string>();
  const allowed = FRONT_MATTER_KEYS.join(', ');
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        bad.add(key);
        problems.push(problem(`Unknown front matter key "${key}"; allowed keys: ${allowed}`, where(key), `Remove "${key}" or rename it to one of: ${allowed}.`));
      }
      continue;
    }
    const key = String(issue.path[0] ?? '');
    bad.add(key);
    problems.push(problem(`Front matter "${key}": ${issue.message}`, where(key)));
  }
  const kept = Object.fromEntries(Object.entries(value).filter(([key]) => !bad.has(key)));
  const retry = specFrontMatterSchema.safeParse(kept);
  return { frontMatter: retry.success ? retry.data : emptyFrontMatter(), problems };
}
