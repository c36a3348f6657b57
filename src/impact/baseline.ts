import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ensureDir, readTextIfExists } from '../core/fs.js';
import { updateLocked } from './locked-update.js';

const BASELINE_FILE = '.spec/coverage-baseline.json';

/**
 * Called after a full run only. The text of each covered file as the scenarios that recorded its coverage ran it: what
 * `--changed` judges "only function bodies changed" against (git's base may differ from what
 * ran). A file modified after the run started may not be what the run loaded: it gets no
 * baseline, so its next edit selects by the import graph.
 */
export async function recordBaseline(root: string, files: Iterable<string>, runStartedMs: number): Promise<void> {
  await updateLocked(path.join(root, BASELINE_FILE), async () => {
    const baseline = await loadBaseline(root);
    for (const file of files) {
      const text = textIfUnchangedSince(path.join(root, file), runStartedMs);
      if (text === undefined) delete baseline[file];
      else baseline[file] = text;
    }
    await save(root, baseline);
  });
}

async function save(root: string, baseline: Record<string, string>): Promise<void> {
  const target = path.join(root, BASELINE_FILE);
  ensureDir(path.dirname(target));
  const { default: writeFileAtomic } = await import('write-file-atomic');
  await writeFileAtomic(target, JSON.stringify(baseline), { fsync: false });
}

/**
 * After a partial run (filtered, --changed, --fail-fast): the scenarios it skipped still hold
 * coverage of the older text, so a covered file whose text moved on loses its baseline rather
 * than taking the new one. Its next edit then selects by the import graph.
 */
export async function forgetMoved(root: string, files: Iterable<string>): Promise<void> {
  await updateLocked(path.join(root, BASELINE_FILE), async () => {
    const baseline = await loadBaseline(root);
    let changed = false;
    for (const file of files) {
      if (baseline[file] === undefined || baseline[file] === readTextIfExists(path.join(root, file))) continue;
      delete baseline[file];
      changed = true;
    }
    if (changed) await save(root, baseline);
  });
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

/**
 * Some file systems keep mtimes to the second or two (FAT, HFS+): there a file whose mtime is a
 * whole second that close to the run's start may be newer than what the run loaded.
 */
const COARSE_MTIME_SLACK_MS = 2000;

function textIfUnchangedSince(file: string, sinceMs: number): string | undefined {
  try {
    const { mtimeMs } = statSync(file);
    const slack = mtimeMs % 1000 === 0 ? COARSE_MTIME_SLACK_MS : 0;
    if (mtimeMs >= sinceMs - slack) return undefined;
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
