import path from 'node:path';
import { z } from '../core/zod.js';
import { UserConfigSchema } from '../config/schema.js';
import { makeEnvironment, type EnvironmentInput, type SpecEnvironment } from '../core/env.js';
import { SpecloopError, type SpecProblem } from '../core/errors.js';
import { AGENTS } from '../init/agent-wiring.js';
import { VERDICT_REPORTER_NAMES } from '../core/reporters.js';
import { OPTIONS, type Command, type OptionEntry, type OptionKind, type TableOptions } from '../config/options-table.js';

/*
 * The public functions check what they are called with: an option they do not know, or one of
 * the wrong type, would otherwise be ignored, and the caller would trust a verdict about a run
 * they did not ask for (verify({ cwd }) once ran the current folder and passed).
 */

const fn = z.custom<(...args: never[]) => void>((v) => typeof v === 'function', { message: 'expected a function' });
const stream = z.custom<SpecEnvironment['stdout']>((v) => typeof (v as { write?: unknown } | null)?.write === 'function', { message: 'expected a stream (an object with write())' });
const runner = z.enum(['thread', 'process']);
const strings = z.array(z.string());

export const EnvironmentSchema = z.strictObject({
  cwd: z.string().min(1).optional(),
  // process.env is no plain object, so a record schema would refuse the very value it stands for.
  env: z.custom<Record<string, string | undefined>>((v) => typeof v === 'object' && v !== null && Object.values(v).every((x) => x === undefined || typeof x === 'string'), { message: 'expected an object of strings, like process.env' }).optional(),
  stdout: stream.optional(),
  stderr: stream.optional(),
});

/** A zod schema for each kind of option in the options table. */
const KIND_SCHEMAS: Record<OptionKind, z.ZodType> = {
  string: z.string(),
  path: z.string().min(1),
  boolean: z.boolean(),
  strings,
  gates: z.union([strings, z.literal(false)]),
  ms: z.number().min(0),
  count: z.number().int().min(0),
  runner,
  reporter: z.enum(VERDICT_REPORTER_NAMES),
  config: UserConfigSchema,
  signal: z.instanceof(AbortSignal),
  'on-output': fn,
  'on-config': fn,
};

/** An API function's options schema, from the one options table (config/options-table.ts). */
function optionsSchema<C extends Command>(command: C): z.ZodType<TableOptions<C>> {
  const entries = (OPTIONS as readonly OptionEntry[]).filter((e) => e.option !== undefined && e.api?.includes(command));
  return z.strictObject(Object.fromEntries(entries.map((e) => [e.option!, KIND_SCHEMAS[e.kind].optional()]))) as unknown as z.ZodType<TableOptions<C>>;
}

export const VerifyOptionsSchema = optionsSchema('verify');

export const CompileOptionsSchema = z.strictObject({
  cwd: z.string().min(1).optional(),
  paths: strings.optional(),
  configFile: z.string().min(1).optional(),
});

export const AckOptionsSchema = z.strictObject({
  cwd: z.string().min(1).optional(),
  configFile: z.string().min(1).optional(),
  profile: z.string().min(1).optional(),
  message: z.string().optional(),
});

export const ListStepsOptionsSchema = z.strictObject({
  cwd: z.string().min(1).optional(),
  paths: strings.optional(),
  configFile: z.string().min(1).optional(),
  profile: z.string().min(1).optional(),
});

export const ReviewOptionsSchema = AckOptionsSchema.omit({ message: true });

export const InitOptionsSchema = z.strictObject({
  cwd: z.string().min(1).optional(),
  agent: z.enum(AGENTS).optional(),
});

/** A call's options, checked, and the folder it stands in (absolute). */
export interface CheckedCall<T> {
  options: T;
  environment: EnvironmentInput;
  cwd: string;
}

/**
 * Checks a public function's arguments and settles where it runs: `cwd` in the options, else in
 * the environment, else the current folder. Both, naming different folders, is an error.
 * Throws SpecloopError (SPEC_OPTION_INVALID, exit-2 class) naming every bad option.
 */
export function checkCall<S extends z.ZodType<{ cwd?: string | undefined }>>(name: string, schema: S, options: unknown, environment: unknown): CheckedCall<z.output<S>> {
  const parsed = schema.safeParse(options ?? {});
  const env = EnvironmentSchema.safeParse(environment ?? {});
  const problems = [...issues(name, 'option', parsed.error, schema), ...issues(name, 'environment field', env.error, EnvironmentSchema)];
  if (parsed.success && env.success) {
    const [fromOptions, fromEnvironment] = [parsed.data.cwd, env.data.cwd].map((dir) => (dir === undefined ? undefined : path.resolve(dir)));
    if (fromOptions && fromEnvironment && fromOptions !== fromEnvironment) {
      problems.push({ code: 'SPEC_OPTION_INVALID', message: `${name}: cwd is ${fromOptions} in the options but ${fromEnvironment} in the environment`, hint: 'pass cwd once, in the options' });
    }
    if (!problems.length) return { options: parsed.data, environment: env.data, cwd: fromOptions ?? fromEnvironment ?? makeEnvironment().cwd };
  }
  throw new SpecloopError(problems[0]!, problems.slice(1));
}

function issues(name: string, what: string, error: z.ZodError | undefined, schema: z.ZodType): SpecProblem[] {
  const known = schema instanceof z.ZodObject ? Object.keys(schema.shape).join(', ') : '';
  return (error?.issues ?? []).flatMap((issue): SpecProblem[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ code: 'SPEC_OPTION_INVALID', message: `${name}: unknown ${what} "${key}"`, hint: `${name} takes: ${known}` }));
    }
    const where = issue.path.length ? `${what} "${issue.path.join('.')}"` : `${what}s`;
    return [{ code: 'SPEC_OPTION_INVALID', message: `${name}: ${where}: ${issue.message}`, hint: `see "Library API" in specloop's README for what ${name}() takes` }];
  });
}
