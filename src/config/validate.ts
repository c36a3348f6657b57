import type { z } from '../core/zod.js';
import { didYouMean } from '../core/did-you-mean.js';
import { relativePath } from '../core/env.js';
import { SpecloopError, type SpecProblem } from '../core/errors.js';
import type { UserConfig } from './schema.js';

// Checking a config file against the schema, and saying what is wrong in the file's own terms:
// the key's line, the allowed keys or values, a guess at a misspelt key.

/** A config file as found and read, before it is checked. */
export interface FoundConfig {
  file: string | undefined;
  raw: unknown;
  text: string;
  isJson: boolean;
  /** For package.json the config sits under "spec". */
  prefix: string[];
}

/** The forms a gate may take (schema.ts), for the message when one is written otherwise. */
const GATE_FORMS = 'a gate is an argv array (["npx", "eslint", "."]), { "command": [...], "timeout": ms } or false (turns a detected gate off)';

/** The file's config, checked; throws SpecloopError (SPEC_CONFIG_INVALID) naming every bad key with its line. */
export async function validate(found: FoundConfig, root: string): Promise<UserConfig> {
  // No config at all is the common case: defaults need no schema (and no zod on the start-up path).
  if (found.file === undefined) return {};
  const { UserConfigSchema } = await import('./schema.js');
  const result = UserConfigSchema.safeParse(found.raw ?? {});
  if (result.success) return result.data;
  // Only the error path needs the YAML parser that finds the key's line.
  const { locateKey } = await import('./locate-key.js');
  const file = found.file ? relativePath(root, found.file) : 'config';
  const problems = result.error.issues.flatMap(innermost).map((issue): SpecProblem => {
    const keyPath = [...found.prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const line = locateKey(found.text, unknownKeys.length ? [...keyPath, unknownKeys[0]!] : keyPath, found.isJson);
    return {
      code: 'SPEC_CONFIG_INVALID',
      message: describeIssue(issue, keyPath, unknownKeys),
      location: { file, line: line ?? 1 },
      hint: hintFor(issue, keyPath, unknownKeys, UserConfigSchema.shape),
    };
  });
  // In the file's order, as a person reads and fixes them.
  problems.sort((a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0));
  throw new SpecloopError(problems[0]!, problems.slice(1));
}

/**
 * A value no form of a union takes: when exactly one form took the value itself and objected only
 * to things inside it (an object with a bad threshold), those objections, with the path from the
 * root; otherwise the union, whole.
 */
function innermost(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const inside = issue.errors.filter((branch) => branch.length && branch.every((i) => i.path.length > 0));
  if (inside.length !== 1) return [issue];
  return inside[0]!.flatMap((inner) => innermost({ ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue));
}

function describeIssue(issue: z.core.$ZodIssue, keyPath: (string | number)[], unknownKeys: string[]): string {
  const where = keyPath.length ? `"${keyPath.join('.')}"` : 'the config';
  if (unknownKeys.length) return `unknown key${unknownKeys.length > 1 ? 's' : ''} ${unknownKeys.map((k) => `"${k}"`).join(', ')} in ${where}`;
  const expected = expectedOf(issue);
  const messages = issue.code === 'invalid_union' ? issue.errors.flat().map((i) => i.message).join(' ') : issue.message;
  if (expected) return `invalid value for ${where}: must be ${expected}${receivedOf(messages)}`;
  return `invalid value for ${where}: ${issue.message}`;
}

/** What a wrong-type issue wanted, in words ("a number", "false or an object"); undefined for other issues. */
function expectedOf(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code === 'invalid_type') return withArticle(issue.expected);
  if (issue.code === 'invalid_union') {
    const forms = issue.errors.map((branch) => (branch.length === 1 ? expectedOf(branch[0]!) : undefined));
    return forms.every(Boolean) ? forms.join(' or ') : undefined;
  }
  if (issue.code === 'invalid_value' && issue.values.length === 1) return JSON.stringify(issue.values[0]);
  return undefined;
}

function withArticle(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** zod's "…, received string" as " (got a string)". */
function receivedOf(message: string): string {
  const received = /received (\w+)/.exec(message)?.[1];
  if (!received) return '';
  return received === 'undefined' ? ' (missing)' : ` (got ${received === 'null' ? received : withArticle(received)})`;
}

function hintFor(issue: z.core.$ZodIssue, keyPath: (string | number)[], unknownKeys: string[], shape: Record<string, z.ZodType>): string {
  const own = keyPath.filter((k, i) => !(i === 0 && k === 'spec'));
  const allowed = unknownKeys.length ? keysAt(shape, own) : undefined;
  if (allowed) {
    const meant = unknownKeys.map((key) => [key, didYouMean(key, allowed)] as const).filter(([, m]) => m !== undefined);
    const guesses = meant.map(([key, m]) => (unknownKeys.length > 1 ? `"${key}": did you mean "${m}"?` : `did you mean "${m}"?`));
    return [...guesses, `allowed keys: ${allowed.join(', ')}`].join('; ');
  }
  if (own[0] === 'gates' && own.length >= 2) return GATE_FORMS;
  if (issue.code === 'invalid_value') return `allowed values: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  const key = own[own.length - 1];
  const field = typeof key === 'string' ? objectShapeAt(shape, own.slice(0, -1))?.[key] : undefined;
  const described = (field as z.ZodType | undefined)?.description;
  return described ? `"${String(key)}": ${described}` : 'see the config reference in the README';
}


/** The keys the object at `path` takes (through optional, default and union wrappers), if it is one. */
function keysAt(shape: Record<string, z.ZodType>, path: (string | number)[]): string[] | undefined {
  const keys = objectShapeAt(shape, path);
  return keys ? Object.keys(keys) : undefined;
}

function objectShapeAt(shape: Record<string, unknown>, path: (string | number)[]): Record<string, unknown> | undefined {
  let keys: Record<string, unknown> | undefined = shape;
  for (const key of path) keys = objectShape(keys?.[String(key)]);
  return keys;
}

function objectShape(schema: unknown): Record<string, unknown> | undefined {
  const def = (schema as { _zod?: { def?: { type?: string; shape?: Record<string, unknown>; innerType?: unknown; options?: unknown[] } } } | undefined)?._zod?.def;
  if (!def) return undefined;
  if (def.type === 'object') return def.shape;
  if (def.innerType) return objectShape(def.innerType);
  return def.options?.map(objectShape).find((found) => found !== undefined);
}
