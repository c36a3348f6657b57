import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSettler } from '../src/watch/settle.js';

describe('createSettler', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('turns a burst of writes into one batch on the final set of files', () => {
    const batches: string[][] = [];
    const settler = createSettler(30, (paths) => batches.push(paths));
    for (let i = 0; i < 200; i++) {
      settler.add(`src/m${i % 3}.ts`);
      vi.advanceTimersByTime(4);
    }
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(30);
    expect(batches).toEqual([['src/m0.ts', 'src/m1.ts', 'src/m2.ts']]);
  });

  it('does not let an endless stream of writes postpone the run past maxWait, nor run once per write', () => {
    const start = Date.now();
    const batches: { at: number; paths: string[] }[] = [];
    const settler = createSettler(30, (paths) => batches.push({ at: Date.now() - start, paths: [...paths].sort() }), 100);
    // A write every 20 ms for 200 ms: never 30 ms of quiet, so only maxWait (100 ms) lets a run through.
    for (let i = 0; i < 10; i++) {
      settler.add(i % 2 ? 'src/b.ts' : 'src/a.ts');
      vi.advanceTimersByTime(20);
    }
    expect(batches).toEqual([
      { at: 100, paths: ['src/a.ts', 'src/b.ts'] },
      { at: 200, paths: ['src/a.ts', 'src/b.ts'] },
    ]);
    vi.advanceTimersByTime(1_000);
    expect(batches).toHaveLength(2);
  });

  it('fires once per quiet burst: two bursts far apart are two batches, each of its own files', () => {
    const batches: string[][] = [];
    const settler = createSettler(30, (paths) => batches.push(paths));
    settler.add('src/a.ts');
    settler.add('src/a.ts');
    vi.advanceTimersByTime(29);
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(1);
    settler.add('src/b.ts');
    vi.advanceTimersByTime(500);
    expect(batches).toEqual([['src/a.ts'], ['src/b.ts']]);
  });

  it('cancel drops what is pending', () => {
    const batches: string[][] = [];
    const settler = createSettler(30, (paths) => batches.push(paths));
    settler.add('a');
    settler.cancel();
    vi.advanceTimersByTime(100);
    expect(batches).toEqual([]);
  });
});
