/**
 * How many Stop rounds in a row the gate has sent an agent back, kept in .spec/hook-stop.json by
 * agent session, so a failing gate cannot hold an agent forever (STOP_ROUNDS in hook.ts).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ensureDir } from '../core/fs.js';

const STATE_FILE = '.spec/hook-stop.json';

/** Rounds by agent session: two sessions in one project must not reset each other's count. */
async function loadState(root: string): Promise<Record<string, number>> {
  try {
    const state: unknown = JSON.parse(await readFile(path.join(root, STATE_FILE), 'utf8'));
    return state && typeof state === 'object' && !Array.isArray(state) ? (state as Record<string, number>) : {};
  } catch {
    return {};
  }
}

export async function loadRounds(root: string, session: string): Promise<number> {
  const rounds = (await loadState(root))[session];
  return typeof rounds === 'number' ? rounds : 0;
}

export async function saveRounds(root: string, session: string, rounds: number): Promise<void> {
  const target = path.join(root, STATE_FILE);
  try {
    const state = await loadState(root);
    delete state[session];
    if (rounds > 0) state[session] = rounds;
    // The newest sessions only: the file must not grow with every session ever run.
    const kept = Object.fromEntries(Object.entries(state).slice(-20));
    ensureDir(path.dirname(target));
    const { default: writeFileAtomic } = await import('write-file-atomic');
    await writeFileAtomic(target, JSON.stringify(kept));
  } catch {
    // Only a loop guard: losing it means at worst one more round.
  }
}
