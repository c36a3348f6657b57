import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { killRecentChildren, killTrees, track } from '../src/run/kill-tree.js';

const started: number[] = [];

afterEach(() => {
  // Whatever a failing test left running goes with it.
  for (const pid of started.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A child that starts two grandchildren and waits; resolves once the grandchildren are running. */
async function treeOfThree(): Promise<{ child: ChildProcess; grandchildren: number[] }> {
  const child = spawn('sh', ['-c', 'sleep 30 & sleep 30 & wait'], { stdio: 'ignore' });
  started.push(child.pid!);
  for (let i = 0; i < 100; i++) {
    const listing = spawnSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' }).stdout;
    const grandchildren = listing.split('\n').map((l) => l.trim().split(/\s+/).map(Number)).filter(([, ppid]) => ppid === child.pid).map(([pid]) => pid!);
    if (grandchildren.length === 2) {
      started.push(...grandchildren);
      return { child, grandchildren };
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the grandchildren never started');
}

async function gone(pids: number[], child?: ChildProcess): Promise<boolean> {
  if (child && child.exitCode === null && child.signalCode === null) await new Promise((resolve) => child.once('exit', resolve));
  for (let i = 0; i < 100; i++) {
    // A killed grandchild is a zombie until its parent (gone too) is reaped by init: ps says Z or nothing.
    const states = pids.map((pid) => spawnSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim());
    if (states.every((s) => s === '' || s.startsWith('Z'))) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

describe('track', () => {
  it('adds spawned pids and drops exited ones', () => {
    const pids = new Set<number>();
    track(pids, { type: 'spawned', pid: 11, exited: false });
    track(pids, { type: 'spawned', pid: 12, exited: false });
    track(pids, { type: 'spawned', pid: 11, exited: true });
    expect([...pids]).toEqual([12]);
  });
});

describe('killTrees', () => {
  it('kills a process the steps spawned and everything it started', async () => {
    const { child, grandchildren } = await treeOfThree();
    const pids = new Set([child.pid!]);
    killTrees(pids);
    expect(pids.size).toBe(0);
    expect(await gone([child.pid!, ...grandchildren], child)).toBe(true);
    expect(child.signalCode).toBe('SIGKILL');
  });

  it('leaves alone what it was not given', async () => {
    const doomed = await treeOfThree();
    const bystander = spawn('sleep', ['30'], { stdio: 'ignore' });
    started.push(bystander.pid!);
    killTrees(new Set([doomed.child.pid!]));
    expect(await gone([doomed.child.pid!, ...doomed.grandchildren], doomed.child)).toBe(true);
    expect(isAlive(bystander.pid!)).toBe(true);
  });

  it('does nothing for pids that already ended, and forgets them', async () => {
    const child = spawn('true', { stdio: 'ignore' });
    await new Promise((resolve) => child.once('exit', resolve));
    const pids = new Set([child.pid!]);
    expect(() => killTrees(pids)).not.toThrow();
    expect(pids.size).toBe(0);
  });
});

describe('killRecentChildren', () => {
  it('kills this process\'s children started within the window, not older ones', async () => {
    const older = spawn('sleep', ['30'], { stdio: 'ignore' });
    started.push(older.pid!);
    // ps counts a process's age in whole seconds.
    await new Promise((resolve) => setTimeout(resolve, 2_200));
    const { child, grandchildren } = await treeOfThree();
    killRecentChildren(1_000);
    expect(await gone([child.pid!, ...grandchildren], child)).toBe(true);
    expect(isAlive(older.pid!)).toBe(true);
  });
});
