import { spawnSync } from 'node:child_process';
import type { SpawnedMessage } from './protocol.js';

export function track(pids: Set<number>, message: SpawnedMessage): void {
  if (message.exited) pids.delete(message.pid);
  else pids.add(message.pid);
}

interface ProcessEntry {
  pid: number;
  ppid: number;
  /** ps's etime: [[dd-]hh:]mm:ss. */
  etime: string;
}

/** One `ps` call: what is running, with parents and ages. */
function processTable(): ProcessEntry[] {
  const listing = spawnSync('ps', ['-A', '-o', 'pid=,ppid=,etime='], { encoding: 'utf8' }).stdout ?? '';
  return listing.split('\n').flatMap((line) => {
    const [pid, ppid, etime = ''] = line.trim().split(/\s+/);
    return pid && ppid ? [{ pid: Number(pid), ppid: Number(ppid), etime }] : [];
  });
}

/** Kills what the steps spawned and everything those started, if any of it is still running. */
export function killTrees(pids: Set<number>, table?: ProcessEntry[]): void {
  const alive = [...pids].filter(isAlive);
  pids.clear();
  if (alive.length === 0) return;
  const doomed = new Set(alive);
  const children = new Map<number, number[]>();
  for (const { pid, ppid } of table ?? processTable()) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const visit = (pid: number) => {
    for (const child of children.get(pid) ?? []) if (!doomed.has(child)) doomed.add(child), visit(child);
  };
  alive.forEach(visit);
  for (const pid of doomed) {
    for (const target of [-pid, pid]) {
      try {
        process.kill(target, 'SIGKILL');
      } catch {
        // not a group leader, or already gone
      }
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Kills this process's children started in the last `withinMs` (and what they started). A step
 * blocked in execSync/spawnSync holds its worker thread in native code, where terminate() cannot
 * reach, until that child ends; and a synchronous spawn never shows its pid to the runner.
 */
export function killRecentChildren(withinMs: number): void {
  const table = processTable();
  const recent = table.filter((p) => p.ppid === process.pid && elapsedMs(p.etime) <= withinMs).map((p) => p.pid);
  killTrees(new Set(recent), table);
}

function elapsedMs(etime: string): number {
  const match = /^(?:(\d+)-)?(?:(\d+):)?(\d+):(\d+)$/.exec(etime);
  if (!match) return Number.POSITIVE_INFINITY;
  const [, days = '0', hours = '0', minutes, seconds] = match;
  return (((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000;
}
