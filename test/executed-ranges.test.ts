import { describe, expect, it } from 'vitest';
import { executedIntervals, unionIntervals } from '../src/run/executed-ranges.js';

const fn = (...ranges: [number, number, number][]) => ({ functionName: '', isBlockCoverage: true, ranges: ranges.map(([startOffset, endOffset, count]) => ({ startOffset, endOffset, count })) });

describe('executedIntervals', () => {
  it('takes each offset from its innermost range: a block that never ran inside a function that did is out', () => {
    expect(executedIntervals([fn([0, 100, 1], [40, 60, 0])])).toEqual([[0, 40], [60, 100]]);
  });

  it('reads nested functions, listed apart, as nested: an uncalled one cuts its parent, a called one inside an unrun block counts', () => {
    const body = fn([0, 200, 1], [150, 200, 0]);
    const uncalled = fn([20, 50, 0]);
    const called = fn([160, 180, 2]);
    expect(executedIntervals([called, uncalled, body])).toEqual([[0, 20], [50, 150], [160, 180]]);
  });

  it('leaves out what V8 did not report (functions that did not run in this take)', () => {
    expect(executedIntervals([])).toEqual([]);
    expect(executedIntervals([fn([10, 20, 0])])).toEqual([]);
  });
});

describe('unionIntervals', () => {
  it('merges overlapping and touching intervals, keeping order', () => {
    expect(unionIntervals([[0, 5], [10, 20]], [[3, 8], [20, 25], [30, 31]])).toEqual([[0, 8], [10, 25], [30, 31]]);
  });
});
