import { spawnSync } from 'node:child_process';
import type { SpawnedMessage } from './protocol.js';

export function track(pids: Set<number>, message: SpawnedMessage): void {
  if (message.exited) pids.delete(message.pid);
  else pids.add(message.pid);
}

/** Kills what the steps spawned and everything those started, if any of it is still running. */
export function killTrees(pids: Set<number>): void {
  const alive = [...pids].filter(isAlive);
  pids.clear();
  if (alive.length === 0) return;
  const doomed = new Set(alive);
  const listing = spawnSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' }).stdout ?? '';
  const children = new Map<number, number[]>();
  for (const line of listing.split('\n')) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    if (pid && ppid) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
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
  const listing = spawnSync('ps', ['-A', '-o', 'pid=,ppid=,etime='], { encoding: 'utf8' }).stdout ?? '';
  const recent = new Set<number>();
  for (const line of listing.split('\n')) {
    const [pid, ppid, etime] = line.trim().split(/\s+/);
    if (Number(ppid) === process.pid && elapsedMs(etime ?? '') <= withinMs) recent.add(Number(pid));
  }
  killTrees(recent);
}

/** ps's etime: [[dd-]hh:]mm:ss. */
function elapsedMs(etime: string): number {
  const match = /^(?:(\d+)-)?(?:(\d+):)?(\d+):(\d+)$/.exec(etime);
  if (!match) return Number.POSITIVE_INFINITY;
  const [, days = '0', hours = '0', minutes, seconds] = match;
  return (((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000;
}
