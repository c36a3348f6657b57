import { appendFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { updateLocked } from '../impact/locked-update.js';
import { HistoryEntrySchema, type DebtReport, type HistoryEntry } from './model.js';

/*
 * .spec/history.jsonl: one line per verify or watch run. Appended under the .spec/ lock, as one
 * write of one whole line, so two runs at once never interleave; a crash mid-write leaves at worst
 * a torn last line, which reading skips with a warning (and the next append starts on a new line).
 */

export const HISTORY_FILE = '.spec/history.jsonl';

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
    else warnings.push({ code: 'SPEC_DEBT_HISTORY_TORN', message: `line ${i + 1} of ${HISTORY_FILE} is not a whole history entry (a run stopped while writing it?): skipped`, file: HISTORY_FILE, line: i + 1 });
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

/** Appends one entry; a torn last line (no newline at its end) is closed first so the new one stands alone. */
export async function appendHistory(root: string, entry: HistoryEntry): Promise<void> {
  const file = path.join(root, HISTORY_FILE);
  await updateLocked(file, async () => {
    const before = await readFile(file, 'utf8').catch(() => '');
    const lead = before.length > 0 && !before.endsWith('\n') ? '\n' : '';
    await appendFile(file, `${lead}${JSON.stringify(entry)}\n`);
  });
}
