import { z } from '../core/zod.js';

import { ERROR_CODE_NAMES, FAILURE_KINDS } from '../core/error-codes.js';
import { GateResultSchema, StepStatusSchema } from '../core/results.js';
import { SCHEMA_VERSION } from './summary.js';
import { DebtSummarySchema } from '../debt/model.js';
import { DebtChangeSchema } from '../debt/change.js';
import { ShardDebtSchema } from '../debt/shard-debt.js';

/** The verdict: the one result model every reporter, `--json`, and the MCP server share. */
export { emptyCounts, judge, SCHEMA_VERSION } from './summary.js';
export { GateResultSchema, GateStatusSchema, StepStatusSchema, type GateResult, type StepStatus } from '../core/results.js';

export const LocationSchema = z.object({
  file: z.string().describe('project-relative path, forward slashes'),
  line: z.number().int().min(1),
  column: z.number().int().min(1).optional(),
});

export const ScenarioStatusSchema = StepStatusSchema;

const countsShape = {
  total: z.number().int().min(0),
  passed: z.number().int().min(0),
  failed: z.number().int().min(0),
  undefined: z.number().int().min(0),
  ambiguous: z.number().int().min(0),
  pending: z.number().int().min(0),
  skipped: z.number().int().min(0),
  flaky: z.number().int().min(0).optional().describe('scenarios only: failed, then passed on a retry; not also in passed (every scenario is in exactly one count besides total)'),
};
export const CountsSchema = z.object(countsShape);

export const DefinitionRefSchema = z.object({
  pattern: z.string(),
  file: z.string(),
  line: z.number().int().min(1),
});

export const StepResultSchema = z.object({
  keyword: z.string(),
  text: z.string(),
  line: z.number().int().min(1),
  status: StepStatusSchema,
  durationMs: z.number().min(0),
  definition: DefinitionRefSchema.optional(),
});

export const ScenarioResultSchema = z.object({
  id: z.string().describe('file:line of the scenario (or of its example row)'),
  name: z.string(),
  feature: z.string(),
  file: z.string(),
  line: z.number().int().min(1),
  tags: z.array(z.string()),
  status: ScenarioStatusSchema,
  durationMs: z.number().min(0),
  steps: z.array(StepResultSchema),
  draft: z.literal(true).optional().describe('from a spec whose front matter says status: draft: counted apart, never fails the verdict'),
  attempts: z.number().int().min(2).optional().describe('how many times it ran, when a retry ran it more than once'),
  flaky: z.literal(true).optional().describe('failed, then passed on a retry: status is the last attempt\'s (passed), counted as flaky and listed in flaky[]'),
});

export const FlakyScenarioSchema = z.object({
  id: z.string().describe('file:line of the scenario (or of its example row), as in scenarios[]'),
  name: z.string(),
  file: z.string(),
  line: z.number().int().min(1),
  attempts: z.number().int().min(2).describe('how many times it ran; the last attempt passed'),
  failures: z
    .array(z.object({ attempt: z.number().int().min(1), message: z.string(), location: LocationSchema.optional(), step: z.string().optional(), expected: z.string().optional(), actual: z.string().optional() }))
    .describe('what each failed attempt said, where'),
});

export const FailureKindSchema = z.enum(FAILURE_KINDS);

/** Every code in core/error-codes.ts, and no other. */
export const ErrorCodeSchema = z.enum(ERROR_CODE_NAMES);

export const FailureSchema = z.object({
  kind: FailureKindSchema,
  code: ErrorCodeSchema.describe('stable error code, e.g. SPEC_PARSE (the table in the README says what each means)'),
  location: LocationSchema.optional(),
  feature: z.string().optional(),
  scenario: z.string().optional(),
  scenarioKeyword: z.string().optional().describe('the scenario\'s keyword as written, in the spec\'s dialect (Scenario, Scénario, Scenario Outline, Example)'),
  rule: z.object({ keyword: z.string(), name: z.string() }).optional().describe('the Rule the scenario sits in, keyword as written'),
  scenarioId: z.string().optional().describe('id (file:line) of the scenario or example row the failure belongs to, as in scenarios[]: `spec verify` takes it as a path'),
  step: z.string().optional().describe('keyword and text of the step'),
  message: z.string(),
  expected: z.string().optional(),
  actual: z.string().optional(),
  diff: z.string().optional(),
  stack: z.string().optional().describe("stack cut to the user's own frames"),
  snippet: z.string().optional().describe('ready-to-paste step definition for an undefined step'),
  matches: z.array(DefinitionRefSchema).optional().describe('every matching definition of an ambiguous step'),
  excerpt: z
    .object({ startLine: z.number().int().min(1), lines: z.array(z.string()) })
    .optional()
    .describe('the spec source around the location'),
  hint: z.string().describe('one line: what to do next'),
  draft: z.literal(true).optional().describe('in a draft spec: reported, but does not fail the verdict'),
  attempts: z.number().int().min(2).optional().describe('the scenario ran this many times (retries) and this is its last attempt\'s failure'),
});

export const WarningSchema = z.object({
  code: ErrorCodeSchema.describe('stable code, e.g. SPEC_TABLE_NO_DELIMITER'),
  location: LocationSchema.optional(),
  message: z.string(),
  hint: z.string().optional(),
});

export const UnusedStepSchema = DefinitionRefSchema;

export const VerdictSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  tool: z.object({ name: z.literal('specloop'), version: z.string(), cucumber: z.string().optional() }),
  status: z.enum(['passed', 'failed', 'error']),
  exitCode: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  startedAt: z.string(),
  durationMs: z.number().min(0),
  counts: z.object({
    scenarios: CountsSchema,
    steps: CountsSchema,
    drafts: CountsSchema.optional().describe('scenarios of draft specs, counted apart from `scenarios`; present when any ran'),
  }),
  scenarios: z.array(ScenarioResultSchema),
  flaky: z.array(FlakyScenarioSchema).optional().describe('scenarios that failed, then passed on a retry; present when any did. They pass the verdict unless --fail-on-flaky (then each is also a SPEC_FLAKY failure)'),
  failures: z.array(FailureSchema),
  warnings: z.array(WarningSchema).describe('what ran but may not be what the author meant, or what the run left out or could not honour; never changes the exit code'),
  gates: z.array(GateResultSchema),
  unusedSteps: z.array(UnusedStepSchema).describe('empty when the run was filtered (paths, tags, names)'),
  unusedNote: z.string().optional().describe('how unused steps were judged when a filter narrowed the run: against the whole suite (a configured filter), or not at all'),
  debt: DebtSummarySchema.nullable().describe('comprehension-debt summary and the change since the previous run; null when spec.config sets debt: false'),
  watch: z
    .object({
      trigger: z.array(z.string()).describe('the changed files that started this run'),
      all: z.boolean().describe('every scenario was selected'),
      selected: z.array(z.object({ target: z.string(), because: z.string() })).describe('what ran and why'),
      delta: z.object({ newlyFailing: z.array(z.string()), fixed: z.array(z.string()) }).describe('scenario ids whose status changed since the previous run'),
      suite: z
        .object({
          failing: z.number().int().min(0).describe('scenarios whose last run failed, plus `errors`'),
          errors: z.number().int().min(0).describe('problems outside any scenario (a spec that does not parse, steps that do not load) not yet cleared by a run'),
          passed: z.number().int().min(0),
          skipped: z.number().int().min(0),
          notRunYet: z.number().int().min(0).describe('known scenarios no run of this watch session has run yet'),
        })
        .optional()
        .describe('the whole suite: the last known status of every scenario, merged over the runs so far; a scenario that failed and was not re-run still counts as failing'),
      debt: DebtChangeSchema.optional().describe("what this run did to comprehension debt, and what it could not measure (absent when debt is off); its `line` is what watch prints"),
    })
    .optional()
    .describe('present in watch mode: why this run happened'),
  shard: z
    .object({
      index: z.number().int().min(1),
      total: z.number().int().min(1),
      scenarios: z.array(z.string()).describe('ids (file:line) of the scenarios this shard was given'),
      suite: z.object({ scenarios: z.number().int().min(0), hash: z.string() }).describe('the whole the shards split: its scenario count and a hash of every id, the same in every shard of one run'),
      recorded: z.number().int().min(0).describe('how many of the suite\'s scenarios had a duration in .spec/durations.json (0: split by counts)'),
      strict: z.boolean().describe('how the shard judged undefined and pending steps'),
      debt: ShardDebtSchema.optional(),
    })
    .optional()
    .describe('present in a `spec verify --shard I/N` run: which slice of the suite it ran, for `spec merge`'),
  summary: z
    .string()
    .describe('the closing line: spec: N passed, N failed[ (what failed besides scenarios)][, N flaky][, N skipped][, N draft (N failed)]; it reads "0 failed" only when exitCode is 0'),
});

export type Location = z.infer<typeof LocationSchema>;
export type Counts = z.infer<typeof CountsSchema>;
export type DefinitionRef = z.infer<typeof DefinitionRefSchema>;
export type StepResult = z.infer<typeof StepResultSchema>;
export type ScenarioResult = z.infer<typeof ScenarioResultSchema>;
export type FlakyScenario = z.infer<typeof FlakyScenarioSchema>;
export type FailureKind = z.infer<typeof FailureKindSchema>;
export type Failure = z.infer<typeof FailureSchema>;
export type Warning = z.infer<typeof WarningSchema>;
export type Verdict = z.infer<typeof VerdictSchema>;
