import type { ChangedFile } from './ack-debt.js';
import { lineChanges, weighLines } from './line-diff.js';

/**
 * A file added since the ack that keeps most of the text of one removed since (same kind) is that
 * file renamed (git mv, or a move outside git): only its changed lines count, as git's rename
 * detection would say, and the removed file is no longer listed. "Most": at least half the lines
 * of the larger side unchanged, as git's default similarity (50%).
 */
export function pairRenames(changed: ChangedFile[], texts: Map<string, string>): void {
  const removed = changed.filter((c) => c.change === 'removed');
  const added = changed.filter((c) => c.change === 'added');
  // Pairs are diffed one by one: a rename is a few files, never a whole tree re-laid out against another.
  if (!removed.length || !added.length || removed.length * added.length > 400) return;
  const taken = new Set<string>();
  for (const entry of added) {
    const now = texts.get(entry.file) ?? '';
    const size = lineCount(now);
    let best: { from: ChangedFile; kept: number; diff: ReturnType<typeof lineChanges> } | undefined;
    for (const from of removed) {
      if (from.kind !== entry.kind || taken.has(from.file)) continue;
      const diff = lineChanges(texts.get(from.file), now);
      const kept = size - diff.addedCount;
      if (kept * 2 >= Math.max(size, lineCount(texts.get(from.file) ?? '')) && kept > (best?.kept ?? 0)) best = { from, kept, diff };
    }
    if (!best) continue;
    taken.add(best.from.file);
    Object.assign(entry, { change: 'changed', renamedFrom: best.from.file, lines: best.diff.added, added: best.diff.addedCount, removed: best.diff.removedCount, unreviewed: entry.kind === 'source' ? weighLines(entry.file, now, best.diff.added) : 0 });
  }
  for (let i = changed.length - 1; i >= 0; i--) if (taken.has(changed[i]!.file) && changed[i]!.change === 'removed') changed.splice(i, 1);
}

const lineCount = (text: string) => (text === '' ? 0 : text.replace(/\n$/, '').split('\n').length);
