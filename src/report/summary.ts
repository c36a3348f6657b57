import type { Counts } from './verdict.js';

/**
 * The zod-free part of the verdict model, so building a verdict does not load zod: only output an
 * agent reads as JSON is validated against the schema. Bump SCHEMA_VERSION on any change a
 * consumer could notice.
 */
export const SCHEMA_VERSION = 2;

export function emptyCounts(): Counts {
  return { total: 0, passed: 0, failed: 0, undefined: 0, ambiguous: 0, pending: 0, skipped: 0 };
}

/**
 * The closing line every run ends with. Undefined, ambiguous and pending scenarios count as failed,
 * except that without strict mode undefined and pending ones count as skipped (they don't fail the run).
 */
export function summaryLine(counts: Counts, strict = true): string {
  const lenient = strict ? 0 : counts.undefined + counts.pending;
  const skippedCount = counts.skipped + lenient;
  const failed = counts.total - counts.passed - skippedCount;
  const skipped = skippedCount > 0 ? `, ${skippedCount} skipped` : '';
  return `spec: ${counts.passed} passed, ${failed} failed${skipped}`;
}
