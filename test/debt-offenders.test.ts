import { describe, expect, it } from 'vitest';
import { offenderList } from '../src/debt/gate.js';
import type { DebtReport } from '../src/debt/model.js';

describe('offenderList', () => {
  it('names the worst files first, one line as a line (a hand-test read "1 unspecified lines")', () => {
    const report = { files: [{ file: 'lib/a.ts', unspecifiedLines: [3], opaqueComplexity: 1 }, { file: 'lib/b.ts', unspecifiedLines: [1, 2], opaqueComplexity: 4 }], specs: [] } as unknown as DebtReport;
    expect(offenderList('unspecified', report)).toEqual(['lib/b.ts: 2 unspecified lines', 'lib/a.ts: 1 unspecified line']);
    expect(offenderList('opaqueComplexity', report)).toEqual(['lib/b.ts: 4 points of opaque complexity', 'lib/a.ts: 1 point of opaque complexity']);
  });
});
