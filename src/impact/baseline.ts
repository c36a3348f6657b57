import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ensureDir } from '../core/fs.js';

const BASELINE_FILE = '.spec/coverage-baseline.json';

/**
 * The text of each covered file as the scenarios that recorded its coverage ran it: what
 * `--changed` judges "only function bodies changed" against (git's base may differ from what
 * ran). A file modified after the run started may not be what the run loaded: it gets no
 * baseline, so its next edit selects by the import graph.
 */
export async function recordBaseline(root: string, files: Iterable<string>, runStartedMs: number): Promise<void> {
  const baseline = await loadBaseline(root);
  for (const file of files) {
    const text = textIfUnchangedSince(path.join(root, file), runStartedMs);
    if (text === undefined) delete baseline[file];
    else baseline[file] = text;
  }
  const target = path.join(root, BASELINE_FILE);
  ensureDir(path.dirname(target));
  const { default: writeFileAtomic } = await import('write-file-atomic');
  await writeFileAtomic(target, JSON.stringify(baseline), { fsync: false });
}

export async function loadBaseline(root: string): Promise<Record<string, string>> {
  try {
    const data: unknown = JSON.parse(await readFile(path.join(root, BASELINE_FILE), 'utf8'));
    if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
    return Object.fromEntries(Object.entries(data).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return {};
  }
}

function textIfUnchangedSince(file: string, sinceMs: number): string | undefined {
  try {
    if (statSync(file).mtimeMs >= sinceMs) return undefined;
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
