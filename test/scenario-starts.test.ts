import { describe, expect, it } from 'vitest';
import { startsNear } from '../src/spec/select-run.js';

describe('startsNear', () => {
  it('lists every scenario line of a short file', () => {
    expect(startsNear([4, 8], 6)).toBe('scenarios start at lines 4, 8');
  });

  it('lists the dozen nearest the line asked for in a long file, in order', () => {
    const starts = [11, 20, 30, 36, 46, 55, 61, 72, 92, 97, 111, 147, 169];
    expect(startsNear(starts, 172)).toBe('the nearest scenarios start at lines 20, 30, 36, 46, 55, 61, 72, 92, 97, 111, 147, 169');
    expect(startsNear(starts, 12)).toBe('the nearest scenarios start at lines 11, 20, 30, 36, 46, 55, 61, 72, 92, 97, 111, 147');
  });
});
