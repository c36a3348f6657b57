import { z } from '../core/zod.js';
import { ERROR_CODE_NAMES } from '../core/error-codes.js';

/*
 * Comprehension debt's vocabulary: every metric's name, unit and one-line definition, and the
 * shapes debt data takes (the summary a verdict carries, a history line, the full report). The
 * README's table, `spec debt`, the HTML page, the verdict schema and the history file all read
 * these, so a metric is named and defined once. The README holds the long definitions and the
 * score's formula.
 */

export const METRICS = {
  unspecified: { unit: 'lines', summary: 'executable source lines (mapped to .ts through source maps) that no scenario executes' },
  declaredOnly: { unit: 'lines', summary: "lines a Markdown spec's `covers:` globs claim but no scenario executes: a claim, not a check" },
  unreviewed: { unit: 'weighted lines', summary: 'source lines added or changed since the last `spec ack`, weighted by the cognitive complexity of their function' },
  drift: { unit: 'specs', summary: 'specs whose traced code (files their scenarios executed) changed since the ack while the spec did not' },
  selfGraded: { unit: 'specs', summary: 'specs or step definitions changed since the ack together with the code they trace' },
  opaqueComplexity: { unit: 'points', summary: 'cognitive complexity of the functions no scenario executes' },
  vacuousChecks: { unit: 'checks', summary: '`Then` steps whose definition cannot fail, and scenarios with no `Then`' },
  bindingHealth: { unit: 'problems', summary: 'undefined, ambiguous and pending steps, and unused step definitions' },
  specChurnRatio: { unit: 'spec lines per 100 code lines', summary: 'spec lines changed per 100 code lines changed since the ack' },
  score: { unit: '0–100', summary: 'one figure over the others (100: no debt); its formula is in the README' },
} as const satisfies Record<string, { unit: string; summary: string }>;

export type MetricName = keyof typeof METRICS;
export const METRIC_NAMES = Object.keys(METRICS) as [MetricName, ...MetricName[]];

/**
 * One metric's figure. `null` when it could not be measured this time, with the reason and what
 * to do (e.g. no coverage run yet, no ack yet): never a 0 that reads as "no debt".
 */
export const FigureSchema = z.strictObject({
  value: z.number().nullable(),
  because: z.string().optional().describe('why the value is null, and how to measure it; on a score, the metrics it leaves out'),
});
export type Figure = z.infer<typeof FigureSchema>;

const metricsShape = Object.fromEntries(METRIC_NAMES.map((name) => [name, FigureSchema])) as { [K in MetricName]: typeof FigureSchema };
export const MetricsSchema = z.strictObject(metricsShape);
export type Metrics = z.infer<typeof MetricsSchema>;

/** A number (or null: not measured) per metric: a history line's figures, or a change between two. */
export const ValuesSchema = z.strictObject(Object.fromEntries(METRIC_NAMES.map((name) => [name, z.number().nullable()])) as { [K in MetricName]: z.ZodNullable<z.ZodNumber> });
export type Values = z.infer<typeof ValuesSchema>;

/** What a verdict carries: the figures now and the change since the run before. */
export const DebtSummarySchema = z.strictObject({
  measuredAt: z.string().describe('ISO time of the measurement'),
  /** The git commit the working tree is on, when in git. */
  commit: z.string().nullable(),
  /** When the reviewed state was last recorded (`spec ack`), if ever. */
  ackAt: z.string().nullable(),
  metrics: MetricsSchema,
  delta: ValuesSchema.nullable().describe('per metric, the change since the previous run (null on the first measured run)'),
  files: z
    .array(
      z.strictObject({
        file: z.string(),
        unreviewed: z.number().nullable().describe('weighted lines changed since the ack; null without an ack'),
        unspecified: z.number().int().nullable().describe('its unspecified lines; null when stale or without a line record'),
        stale: z.boolean().describe('changed since the last line-coverage run: its line figures wait for the next one'),
      }),
    )
    .optional()
    .describe('the source files changed since the ack or since the line-coverage record, with their own figures'),
});
export type DebtSummary = z.infer<typeof DebtSummarySchema>;

/** One line of `.spec/history.jsonl`: a run's figures (values only; reasons are not history). */
export const HistoryEntrySchema = z.strictObject({
  at: z.string(),
  kind: z.enum(['verify', 'watch']),
  /** The run covered a subset of the scenarios: its coverage-based figures come from the last full run. */
  partial: z.boolean(),
  commit: z.string().nullable(),
  metrics: ValuesSchema,
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** One function's complexity, where it is, and whether any scenario executed it. */
export const FunctionDebtSchema = z.strictObject({
  name: z.string(),
  line: z.number().int(),
  endLine: z.number().int(),
  complexity: z.number().int(),
  /** null: no line-level coverage to tell. */
  executed: z.boolean().nullable(),
});

/** A source file's share: its executable lines, which no scenario executes, and its opaque complexity. */
export const FileDebtSchema = z.strictObject({
  file: z.string().describe('project-relative'),
  executableLines: z.number().int(),
  /** Line numbers (of the .ts source) no scenario executes; null without line-level coverage. */
  unspecifiedLines: z.array(z.number().int()).nullable(),
  /** Of those, the lines a Markdown spec's `covers:` claims. */
  declaredOnlyLines: z.array(z.number().int()).nullable(),
  opaqueComplexity: z.number().nullable(),
  /** Weighted lines changed since the ack; null without an ack. */
  unreviewed: z.number().nullable(),
  functions: z.array(FunctionDebtSchema),
});
export type FileDebt = z.infer<typeof FileDebtSchema>;

/** A spec's share: its checks that cannot fail, and whether its code moved without it (or with it). */
export const SpecDebtSchema = z.strictObject({
  file: z.string(),
  scenarios: z.number().int(),
  vacuousChecks: z.array(
    z.strictObject({
      kind: z.enum(['vacuous-then', 'no-then']),
      line: z.number().int().describe("the step's line (vacuous-then) or the scenario's (no-then)"),
      text: z.string(),
      definition: z.strictObject({ file: z.string(), line: z.number().int() }).optional(),
    }),
  ),
  /** Files its scenarios executed (or bind to, without coverage), project-relative. */
  traced: z.array(z.string()),
  /** Traced files changed since the ack while the spec did not; null without an ack. */
  drift: z.array(z.string()).nullable(),
  /** The spec or its step definitions changed since the ack together with traced code; null without an ack. */
  selfGraded: z.boolean().nullable(),
});
export type SpecDebt = z.infer<typeof SpecDebtSchema>;

/** `spec debt --json`: the figures, their trend, and every file's and spec's share. */
export const DebtReportSchema = z.strictObject({
  schemaVersion: z.literal(1),
  summary: DebtSummarySchema,
  /** The last runs' figures, oldest first (from .spec/history.jsonl). */
  history: z.array(HistoryEntrySchema),
  files: z.array(FileDebtSchema),
  specs: z.array(SpecDebtSchema),
  /** Problems met while measuring (a torn history line, a file that does not parse): said, never fatal. */
  warnings: z.array(z.strictObject({ code: z.enum(ERROR_CODE_NAMES), message: z.string(), file: z.string().optional(), line: z.number().int().optional() })),
});
export type DebtReport = z.infer<typeof DebtReportSchema>;
