import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentHash } from '../src/debt/line-record.js';
import { combineShares, ShardDebtSchema, type ShardDebt } from '../src/debt/shard-debt.js';
import { differingFile, fromRanges, toRanges, unionShardLines } from '../src/debt/shard-lines.js';

describe('toRanges / fromRanges', () => {
  it('writes runs of lines as ranges and reads them back', () => {
    expect(toRanges([1, 2, 3, 4, 5, 6, 9, 12, 13, 14, 20])).toBe('1-6,9,12-14,20');
    expect(toRanges([9, 1, 2, 2, 3])).toBe('1-3,9');
    expect(toRanges([])).toBe('');
    expect(fromRanges('1-6,9,12-14,20')).toEqual([1, 2, 3, 4, 5, 6, 9, 12, 13, 14, 20]);
    expect(fromRanges('')).toEqual([]);
  });

  it('refuses text that is not ranges, rather than guessing lines', () => {
    for (const bad of ['1-', 'a', '5-3', '0', '1,,2', '1-2-3']) expect(fromRanges(bad)).toBeUndefined();
  });
});

describe('unionShardLines', () => {
  const at = '2026-01-01T00:00:00.000Z';

  it('marks a line ran when any shard ran it, per file, keeping the hash the shards measured', () => {
    const record = unionShardLines(
      [
        { name: 'shards/1.json', lines: { 'src/a.js': { hash: 'h1', ran: '1-4,9' }, 'src/b.js': { hash: 'h2', ran: '' } } },
        { name: 'shards/2.json', lines: { 'src/a.js': { hash: 'h1', ran: '1-2,6-7' }, 'src/b.js': { hash: 'h2', ran: '3' } } },
        { name: 'shards/3.json', lines: { 'src/a.js': { hash: 'h1', ran: '1' } } },
      ],
      at,
    );
    expect(record).toEqual({ version: 1, recordedAt: at, files: { 'src/a.js': { hash: 'h1', executed: [1, 2, 3, 4, 6, 7, 9] }, 'src/b.js': { hash: 'h2', executed: [3] } } });
  });

  it('refuses to join two versions of a file, naming both shards and the file', () => {
    const joined = unionShardLines(
      [
        { name: 'shards/1.json', lines: { 'src/a.js': { hash: 'h1', ran: '1' } } },
        { name: 'shards/2.json', lines: { 'src/a.js': { hash: 'h9', ran: '2' } } },
      ],
      at,
    );
    expect(joined).toEqual({ file: 'src/a.js', message: 'shards/1.json and shards/2.json measured different versions of src/a.js' });
  });

  it('refuses a file a shard measured while it was edited (no hash), or lines it cannot read', () => {
    expect(unionShardLines([{ name: 's.json', lines: { 'src/a.js': { hash: null, ran: '1' } } }], at)).toMatchObject({ file: 'src/a.js', message: expect.stringContaining('while it was being edited') });
    expect(unionShardLines([{ name: 's.json', lines: { 'src/a.js': { hash: 'h', ran: 'x' } } }], at)).toMatchObject({ file: 'src/a.js', message: expect.stringContaining('unreadable lines') });
  });
});

describe('differingFile', () => {
  let root: string | undefined;
  afterEach(() => root && rmSync(root, { recursive: true, force: true }));

  it("names the first file whose text in the checkout is not the one the shards measured, or that is gone", async () => {
    root = mkdtempSync(path.join(tmpdir(), 'shard-debt-'));
    writeFileSync(path.join(root, 'a.js'), 'export const a = 1;\n');
    writeFileSync(path.join(root, 'b.js'), 'export const b = 2;\n');
    const record = (files: Record<string, string>) => ({ version: 1 as const, recordedAt: 'x', files: Object.fromEntries(Object.entries(files).map(([f, text]) => [f, { hash: contentHash(text), executed: [1] }])) });
    expect(await differingFile(root, record({ 'a.js': 'export const a = 1;\n', 'b.js': 'export const b = 2;\n' }))).toBeUndefined();
    expect(await differingFile(root, record({ 'a.js': 'export const a = 1;\n', 'b.js': 'export const b = 3;\n' }))).toEqual({ file: 'b.js', message: 'b.js in this checkout differs from the one the shards ran' });
    expect(await differingFile(root, record({ 'gone.js': '' }))).toEqual({ file: 'gone.js', message: 'gone.js is not in this checkout' });
  });
});

describe('combineShares', () => {
  const share = (over: Partial<ShardDebt>): ShardDebt =>
    ShardDebtSchema.parse({
      globs: { specs: ['features/**/*.feature'], steps: ['steps/**/*.js'] },
      lines: {},
      binding: { undefinedSteps: 0, ambiguousSteps: 0, pendingSteps: 0, steps: 4, definitions: 6, unusedDefinitions: 1 },
      vacuous: { checks: 4, bySpec: {} },
      specs: {},
      ...over,
    });

  it('sums what is counted per scenario, and keeps what every shard judged alike', () => {
    const whole = combineShares([
      share({ binding: { undefinedSteps: 1, ambiguousSteps: 0, pendingSteps: 0, steps: 4, definitions: 6, unusedDefinitions: 1 }, vacuous: { checks: 3, bySpec: { 'features/a.feature': [{ kind: 'no-then', line: 9, text: 'later' }] } }, specs: { 'features/a.feature': { scenarios: 1, traced: ['src/b.js'] } } }),
      share({ binding: { undefinedSteps: 0, ambiguousSteps: 0, pendingSteps: 2, steps: 6, definitions: 6, unusedDefinitions: 1 }, vacuous: { checks: 5, bySpec: { 'features/a.feature': [{ kind: 'no-then', line: 3, text: 'first' }] } }, specs: { 'features/a.feature': { scenarios: 2, traced: ['src/a.js', 'src/b.js'] } } }),
    ]);
    expect(whole.binding).toEqual({ value: { undefinedSteps: 1, ambiguousSteps: 0, pendingSteps: 2, steps: 10, definitions: 6, unusedDefinitions: 1 } });
    expect(whole.vacuous).toEqual({ value: { checks: 8, bySpec: new Map([['features/a.feature', [{ kind: 'no-then', line: 3, text: 'first' }, { kind: 'no-then', line: 9, text: 'later' }]]]) } });
    expect(whole.specs).toEqual(new Map([['features/a.feature', { scenarios: 3, traced: ['src/a.js', 'src/b.js'] }]]));
  });

  it('leaves a figure unmeasured, with the reason, when a shard could not measure it or the shards disagree on the definitions', () => {
    expect(combineShares([share({}), share({ vacuous: { because: 'the step files could not be analysed' } })]).vacuous).toEqual({ because: 'the step files could not be analysed' });
    const other = share({ binding: { undefinedSteps: 0, ambiguousSteps: 0, pendingSteps: 0, steps: 4, definitions: 7, unusedDefinitions: 1 } });
    expect(combineShares([share({}), other]).binding).toMatchObject({ because: expect.stringContaining('different step definitions') });
  });
});
