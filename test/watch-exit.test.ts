import { describe, expect, it } from 'vitest';
import { watchExitTracker } from '../src/cli/watch-exit.js';
import type { WatchEvent } from '../src/api/watch.js';

const started: WatchEvent = { type: 'run-started', trigger: [], mode: 'all', all: true, selected: [] };
const finished = (exitCode: number, failing = 0) => ({ type: 'run-finished', verdict: { exitCode, watch: { suite: { failing } } } }) as unknown as WatchEvent;

describe('watchExitTracker', () => {
  it('exits 0 when stopped over a green suite, whatever stopped it', () => {
    for (const cause of ['SIGINT', 'SIGTERM', 'quit'] as const) {
      const exit = watchExitTracker();
      exit.see(started);
      exit.see(finished(0));
      exit.stopped(cause);
      expect(exit.exitCode()).toBe(0);
    }
  });

  it('exits 130, 143 or 1 when a run is cut, as the stop asked, even once the cut run reads as cancelled', () => {
    const codes = (['SIGINT', 'SIGTERM', 'quit'] as const).map((cause) => {
      const exit = watchExitTracker();
      exit.see(started);
      exit.see(finished(0));
      exit.see(started);
      exit.stopped(cause);
      exit.see({ type: 'run-cancelled', trigger: [], reason: 'watch stopped' });
      return exit.exitCode();
    });
    expect(codes).toEqual([130, 143, 1]);
  });

  it('counts the edits of a cancelled run as unchecked until a run finishes', () => {
    const exit = watchExitTracker();
    exit.see(finished(0));
    exit.see(started);
    exit.see({ type: 'run-cancelled', trigger: ['src/a.ts'], reason: 'src/b.ts changed' });
    exit.stopped('SIGTERM');
    expect(exit.exitCode()).toBe(143);
    const rerun = watchExitTracker();
    rerun.see({ type: 'run-cancelled', trigger: ['src/a.ts'], reason: 'src/b.ts changed' });
    rerun.see(started);
    rerun.see(finished(0));
    rerun.stopped('SIGTERM');
    expect(rerun.exitCode()).toBe(0);
  });

  it('counts a suite still failing from an earlier run, and a stop before the first run finished', () => {
    const failing = watchExitTracker();
    failing.see(finished(0, 2));
    failing.stopped('SIGTERM');
    expect(failing.exitCode()).toBe(143);
    const early = watchExitTracker();
    early.stopped('SIGINT');
    expect(early.exitCode()).toBe(130);
  });

  it('keeps the first stop’s code when a second signal follows', () => {
    const exit = watchExitTracker();
    exit.see(finished(1, 1));
    exit.stopped('quit');
    exit.stopped('SIGTERM');
    expect(exit.exitCode()).toBe(1);
  });
});
