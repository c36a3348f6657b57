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

  it('does not let an endless stream of writes postpone the run past maxWait', () => {
    const batches: string[][] = [];
    const settler = createSettler(30, (paths) => batches.push(paths), 100);
    for (let i = 0; i < 10; i++) {
      settler.add('src/a.ts');
      vi.advanceTimersByTime(20);
    }
    expect(batches.length).toBeGreaterThanOrEqual(1);
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
