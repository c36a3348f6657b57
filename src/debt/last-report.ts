import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DebtReportSchema, type DebtReport } from './model.js';
import { MeasuredFilesSchema, type MeasuredFiles } from './measured-files.js';

/*
 * .spec/debt.json: the last full run's DebtReport, whole (a temp file renamed over it), so `spec
 * debt` shows the figures and offenders without running anything. The history is kept apart (in
 * history.jsonl, which grows by a line a run), so this file holds none. `measured` (the files the
 * figures were measured over, by content: debt/measured-files.ts) is kept beside the report, not in
 * it: `spec debt --json` prints the report, and a hash per file is no reader's business.
 */

const LastReportSchema = DebtReportSchema.extend({ measured: MeasuredFilesSchema.optional() });
export type LastReport = DebtReport & { measured?: MeasuredFiles | undefined };

export const LAST_REPORT_FILE = '.spec/debt.json';

export async function writeLastReport(root: string, report: DebtReport, measured?: MeasuredFiles): Promise<void> {
  const { default: writeFileAtomic } = await import('write-file-atomic');
  // Whole by the rename; no fsync, like every .spec/ file: a run's tail must not wait on the disk for a cache.
  await writeFileAtomic(path.join(root, LAST_REPORT_FILE), JSON.stringify({ ...report, history: [], ...(measured ? { measured } : {}) }), { fsync: false });
}

/** undefined when there is none, or it is from a version of spec whose shape differs; `measured` is absent from one an older spec wrote. */
export async function readLastReport(root: string): Promise<LastReport | undefined> {
  const text = await readFile(path.join(root, LAST_REPORT_FILE), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const parsed = LastReportSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
