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
