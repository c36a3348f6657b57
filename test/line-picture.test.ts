import { describe, expect, it } from 'vitest';
import { blockCountsOnly, notePicture, withPicture, type Picture } from '../src/run/line-picture.js';
import { executedIntervals } from '../src/run/executed-ranges.js';
import type { FunctionCoverage, ScriptCoverage } from '../src/run/coverage-files.js';

// A script of 100 characters: the module body [0, 100), f [10, 40) with a block [20, 30), g [50, 70)
// and h [75, 95) with an inner closure [80, 90).
const fn = (startOffset: number, endOffset: number, count: number, blocks: [number, number, number][] = [], isBlockCoverage = true): FunctionCoverage => ({
  functionName: '',
  isBlockCoverage,
  ranges: [{ startOffset, endOffset, count }, ...blocks.map(([s, e, c]) => ({ startOffset: s, endOffset: e, count: c }))],
});
const script = (functions: FunctionCoverage[], scriptId = '1'): ScriptCoverage => ({ scriptId, url: '/p/src/a.js', functions });

function picture(...takes: FunctionCoverage[][]): Picture {
  const seen: Picture = new Map();
  for (const functions of takes) notePicture(seen, [script(functions)]);
  return seen;
}

const intervals = (scripts: ScriptCoverage[]) => executedIntervals(scripts.find((s) => s.scriptId === '1')!.functions);

describe('line coverage from function takes and one final block take', () => {
  it('puts back a function the final take left out as run whole when a function take saw it run', () => {
    // g ran in the second scenario: V8 left it out of the final take (no block differed from it,
    // its invocation count was reset by that scenario's function take, its parent did not run again).
    const seen = picture([fn(0, 100, 0), fn(10, 40, 1), fn(50, 70, 0)], [fn(0, 100, 0), fn(50, 70, 1)]);
    const final = [script([fn(10, 40, 1, [[20, 30, 0]])])];
    expect(intervals(withPicture(final, seen, new Set(['1'])))).toEqual([
      [10, 20],
      [30, 40],
      [50, 70],
    ]);
  });

  it('keeps a function no function take saw run out, even inside one that ran', () => {
    // h ran, its closure never did: the closure's 0 must win over h's 1 for [80, 90).
    const seen = picture([fn(75, 95, 1), fn(80, 90, 0)]);
    expect(intervals(withPicture([], seen, new Set(['1'])))).toEqual([
      [75, 80],
      [90, 95],
    ]);
  });

  it('keeps the final take as it is for a function it reports, without a second copy', () => {
    const seen = picture([fn(10, 40, 1)]);
    const out = withPicture([script([fn(10, 40, 2, [[20, 30, 0]])])], seen, new Set(['1']));
    expect(out[0]!.functions).toHaveLength(1);
    expect(intervals(out)).toEqual([
      [10, 20],
      [30, 40],
    ]);
  });

  it('counts a function without block counters as not run in a script compiled while only functions were counted', () => {
    // An ES module imported mid-run: its function ran, but nothing says which of its branches did.
    const seen = picture([fn(10, 40, 1, [], false)]);
    const out = withPicture([script([fn(0, 100, 0, [], false), fn(10, 40, 1, [], false)])], seen, new Set());
    expect(intervals(out)).toEqual([]);
  });

  it('does not put back as run a range two functions share, whose insides V8 may nest under either', () => {
    // Node 22: a class's <static_initializer> and <instance_members_initializer> span the whole class;
    // the methods inside, never called, sat under the one that did not run and were never reported.
    const seen = picture([fn(10, 90, 1), fn(10, 90, 0), fn(20, 40, 1)]);
    expect(intervals(withPicture([], seen, new Set(['1'])))).toEqual([[20, 40]]);
  });

  it('remembers that a function ran even when a later take reports it with 0', () => {
    const seen = picture([fn(10, 40, 1)], [fn(0, 100, 1), fn(10, 40, 0)]);
    expect(seen.get('1')!.ranges.get('10:40')).toBe(true);
  });

  it('leaves a script whose functions all have block counters untouched', () => {
    const whole = script([fn(0, 100, 1), fn(10, 40, 0)]);
    expect(blockCountsOnly(whole)).toBe(whole);
  });
});
