import { appendFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { updateLocked } from '../impact/locked-update.js';
import { HistoryEntrySchema, type DebtReport, type HistoryEntry } from './model.js';

/*
 * .spec/history.jsonl: one line per verify or watch run. Appended under the .spec/ lock, as one
 * write of one whole line, so two runs at once never interleave; a crash mid-write leaves at worst
 * a torn last line, which reading skips with a warning. The next append, still under the lock,
 * rewrites the file without it (and trims it to the last HISTORY_KEEP entries once it passes
 * that by a tenth), by a temp file renamed over it: a reader sees the old file or the new, whole.
 */

export const HISTORY_FILE = '.spec/history.jsonl';

/** Entries kept: years of trend at a few runs a day, and well under a megabyte (a line is ≈ 300 bytes). */
export const HISTORY_KEEP = 1000;

export interface History {
  entries: HistoryEntry[];
  warnings: DebtReport['warnings'];
}

export async function readHistory(root: string): Promise<History> {
  const text = await readFile(path.join(root, HISTORY_FILE), 'utf8').catch(() => '');
  return parseHistory(text);
}

export function parseHistory(text: string): History {
  const entries: HistoryEntry[] = [];
  const warnings: DebtReport['warnings'] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const entry = parseLine(line);
    if (entry) entries.push(entry);
    // appendHistory drops only what is not JSON: a whole line of another shape (a newer spec's) stays.
    else if (isJson(line)) warnings.push({ code: 'SPEC_DEBT_HISTORY_TORN', message: `line ${i + 1} of ${HISTORY_FILE} is not a history entry of this version (written by another version of spec?): skipped, and kept in the file`, file: HISTORY_FILE, line: i + 1 });
    else warnings.push({ code: 'SPEC_DEBT_HISTORY_TORN', message: `line ${i + 1} of ${HISTORY_FILE} is not a whole history entry (a run stopped while writing it?): skipped, and dropped from the file by the next run that records one`, file: HISTORY_FILE, line: i + 1 });
  });
  return { entries, warnings };
}

function parseLine(line: string): HistoryEntry | undefined {
  try {
    const parsed = HistoryEntrySchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Appends one entry under the lock. A torn line (text that is not JSON: a run stopped while
 * writing it) is dropped: no figure can be read from it, and the run that drops it has warned of
 * it. A line that is whole JSON but not this version's shape is kept (a newer spec may have written
 * it). Past keep + a tenth, only the newest `keep` are kept.
 */
export async function appendHistory(root: string, entry: HistoryEntry, options: { keep?: number } = {}): Promise<void> {
  const file = path.join(root, HISTORY_FILE);
  const keep = options.keep ?? HISTORY_KEEP;
  await updateLocked(file, async () => {
    const before = await readFile(file, 'utf8').catch(() => '');
    const lines = before.split('\n').filter((line) => line.trim() !== '');
    const whole = lines.filter(isJson);
    const line = JSON.stringify(entry);
    if (whole.length === lines.length && whole.length < keep + Math.ceil(keep / 10)) {
      await appendFile(file, `${before.length > 0 && !before.endsWith('\n') ? '\n' : ''}${line}\n`);
      return;
    }
    const kept = [...whole, line].slice(-keep);
    const { default: writeFileAtomic } = await import('write-file-atomic');
    await writeFileAtomic(file, `${kept.join('\n')}\n`, { fsync: false });
  });
}

function isJson(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}
