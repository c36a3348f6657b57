import { describe, expect, it } from 'vitest';
import { boundStatus } from '../src/run/step-result.js';

// cucumber 12 reports a step nothing defines as undefined even after a skipped step; cucumber 13
// reports it as skipped. The verdict must name it undefined on every major.
describe('boundStatus', () => {
  it('names a skipped step with no definition undefined, and one with several ambiguous', () => {
    expect(boundStatus('skipped', 0)).toBe('undefined');
    expect(boundStatus('skipped', 2)).toBe('ambiguous');
  });

  it('keeps every other status as cucumber reported it', () => {
    expect(boundStatus('skipped', 1)).toBe('skipped');
    expect(boundStatus('undefined', 0)).toBe('undefined');
    expect(boundStatus('failed', 1)).toBe('failed');
    expect(boundStatus('passed', 1)).toBe('passed');
    expect(boundStatus('pending', 1)).toBe('pending');
  });
});
