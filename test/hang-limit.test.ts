import { describe, expect, it } from 'vitest';
import { HANG_GRACE_MS, hangLimitMs } from '../src/run/hang-limit.js';

describe('hangLimitMs', () => {
  it("is spec.config's limit while the support code chose no longer timeout", () => {
    expect(hangLimitMs({ defaultTimeout: 5000, stepDefinitions: [{ options: {} }] }, 7000)).toBe(7000);
  });

  it('waits past setDefaultTimeout and the longest step or hook timeout', () => {
    expect(hangLimitMs({ defaultTimeout: 15000 }, 7000)).toBe(15000 + HANG_GRACE_MS);
    expect(hangLimitMs({ defaultTimeout: 5000, stepDefinitions: [{ options: { timeout: 20000 } }], beforeTestRunHookDefinitions: [{ options: { timeout: 30000 } }] }, 7000)).toBe(30000 + HANG_GRACE_MS);
  });

  it('keeps a bound when a definition turns its timeout off (-1)', () => {
    expect(hangLimitMs({ defaultTimeout: 5000, stepDefinitions: [{ options: { timeout: -1 } }] }, 7000)).toBe(7000);
  });
});
