import { describe, expect, it } from 'vitest';
import { cappedWorkers } from '../src/run/workers.js';

describe('cappedWorkers: never more of cucumber\'s workers than scenarios to give them', () => {
  it('caps the asked count at the scenarios planned', () => {
    expect(cappedWorkers(50, 8)).toBe(8);
    expect(cappedWorkers(4, 2000)).toBe(4);
    expect(cappedWorkers(3, 3)).toBe(3);
  });

  it('keeps a run on workers on at least one worker, even with nothing planned', () => {
    expect(cappedWorkers(4, 1)).toBe(1);
    expect(cappedWorkers(4, 0)).toBe(1);
  });

  it('leaves one runner (0) as it is, and the asked count when the plan is unknown', () => {
    expect(cappedWorkers(0, 8)).toBe(0);
    expect(cappedWorkers(1, 0)).toBe(1);
    expect(cappedWorkers(50, undefined)).toBe(50);
  });
});
