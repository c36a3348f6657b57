import { z } from '../core/zod.js';
import { VERDICT_REPORTER_NAMES } from '../core/reporters.js';
import { GateConfigSchema } from './schema.js';

/** What `spec verify --print-config --json` prints: the resolved config, each value with its sources. */
export const SourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('default') }),
  z.strictObject({ kind: z.literal('spec.config'), file: z.string() }),
  z.strictObject({ kind: z.literal('profile'), file: z.string(), profile: z.string() }),
  z.strictObject({ kind: z.literal('option'), option: z.string() }),
  z.strictObject({ kind: z.literal('flag'), flag: z.string() }),
]);

const sourced = <T extends z.ZodType>(value: T) => z.strictObject({ value, sources: z.array(SourceSchema).min(1) });
const strings = z.array(z.string());
const runner = z.enum(['thread', 'process']);

export const RunConfigSchema = z.strictObject({
  configFile: z.string().optional(),
  cucumberConfig: z.string().optional(),
  values: z.strictObject({
    profile: sourced(z.string().optional()),
    specs: sourced(strings),
    steps: sourced(strings),
    requireModules: sourced(strings),
    module: sourced(z.enum(['cjs', 'esm'])),
    timeout: sourced(z.number()),
    runTimeout: sourced(z.number()),
    tags: sourced(z.string()),
    names: sourced(strings),
    retry: sourced(z.number().int().min(0)),
    retryTagFilter: sourced(z.string()),
    failOnFlaky: sourced(z.boolean()),
    parallel: sourced(z.number().int().min(0)),
    strict: sourced(z.boolean()),
    worldParameters: sourced(z.record(z.string(), z.unknown())),
    passWithNoScenarios: sourced(z.boolean()),
    failFast: sourced(z.boolean()),
    gates: sourced(z.union([strings, z.literal(false), z.record(z.string(), GateConfigSchema)])),
    coverage: sourced(z.boolean()),
    runner: sourced(runner),
    reporter: sourced(z.enum(VERDICT_REPORTER_NAMES).optional()),
  }),
});

export type PrintedRunConfig = z.infer<typeof RunConfigSchema>;
