import { z } from './zod.js';

/**
 * Result shapes that the run produces and the verdict reports: statuses and gate results. They
 * live below every stage (run/ fills them in, report/ reads them), so the run need not import
 * the verdict. report/verdict.ts re-exports them as parts of the verdict schema.
 */

export const StepStatusSchema = z.enum(['passed', 'failed', 'undefined', 'ambiguous', 'pending', 'skipped', 'unknown']);

export const GateStatusSchema = z.enum(['passed', 'failed', 'timeout', 'error', 'skipped']);

export const GateResultSchema = z.object({
  name: z.string(),
  command: z.array(z.string()),
  status: GateStatusSchema,
  durationMs: z.number().min(0),
  exitCode: z.number().int().nullable(),
  log: z.string().describe('trimmed tail of the combined output'),
  reason: z.string().optional().describe('why a skipped gate did not run, in a few words (e.g. "narrowed run"); the closing line names it'),
});

export type StepStatus = z.infer<typeof StepStatusSchema>;
export type GateResult = z.infer<typeof GateResultSchema>;
