import path from 'node:path';
import { z } from 'zod';
import { UserConfigSchema } from '../config/schema.js';
import { makeEnvironment, type EnvironmentInput, type SpecEnvironment } from '../core/env.js';
import { SpecloopError, type SpecProblem } from '../core/errors.js';
import { AGENTS } from '../init/agent-wiring.js';

/*
 * The public functions check what they are called with: an option they do not know, or one of
 * the wrong type, would otherwise be ignored, and the caller would trust a verdict about a run
 * they did not ask for (verify({ cwd }) once ran the current folder and passed).
 */

const fn = z.custom<(chunk: string) => void>((v) => typeof v === 'function', { message: 'expected a function' });
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

export const VerifyOptionsSchema = z.strictObject({
  cwd: z.string().min(1).optional(),
  paths: strings.optional(),
  tags: z.string().optional(),
  names: strings.optional(),
  failFast: z.boolean().optional(),
  passWithNoScenarios: z.boolean().optional(),
  gates: z.union([strings, z.literal(false)]).optional(),
  profile: z.string().optional(),
  configFile: z.string().min(1).optional(),
  changed: z.boolean().optional(),
  since: z.string().optional(),
  changedFiles: strings.optional(),
  config: UserConfigSchema.optional(),
  signal: z.instanceof(AbortSignal).optional(),
  runner: runner.optional(),
  defaultRunner: runner.optional(),
  onOutput: fn.optional(),
});

export const CompileOptionsSchema = z.strictObject({
  cwd: z.string().min(1).optional(),
  paths: strings.optional(),
  configFile: z.string().min(1).optional(),
});

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
