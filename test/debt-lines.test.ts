import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verify } from '../src/api/verify.js';
import { measureLineDebt, type LineDebt } from '../src/debt/measure-lines.js';
import { NO_LINE_RECORD } from '../src/debt/line-debt.js';
import { LINE_RECORD_FILE } from '../src/debt/line-record.js';

// The real runner on fixture projects shaped like real ones (CommonJS TypeScript through tsx, an
// ES-module TypeScript project, plain JavaScript), then the line debt their record gives. Every
// expected line below was worked out by hand from the fixture's source; the comments say why.
const REPO = path.resolve(import.meta.dirname, '..');
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function copy(fixture: string): string {
  const base = path.join(REPO, '.tmp', 'debt-lines');
  mkdirSync(base, { recursive: true });
  const root = mkdtempSync(path.join(base, `${fixture}-`));
  // The fixture's own times: a file written in the millisecond the run starts may be newer than what it loaded, and is left stale.
  cpSync(path.join(REPO, 'fixtures', fixture), root, { recursive: true, preserveTimestamps: true });
  made.push(root);
  return root;
}

const OPTIONS = { steps: ['steps/**/*.ts', 'features/**/*.{ts,js}'], specs: ['features/**/*.feature', 'features/**/*.md'] };
const file = (debt: LineDebt, name: string) => debt.files.find((f) => f.file === name);

// src/pricing.ts (both TypeScript fixtures): the only scenario checks out 2 × 10 with "HALF".
// Statements: 7 let, 8 for, 9 +=, 11 return (total: all run); 15 if, 16 return (run); 18 if,
// 19 return, 21 return (never reached: every call returned at 16); 25 if, 26 return, 28 return
// (shippingFor: never called). shippingFor's cognitive complexity: if +1, the ternary nested in
// it +2, the one outside +1 = 4.
const PRICING_TS = [18, 19, 21, 25, 26, 28];

describe('line debt from a coverage run of every scenario', () => {
  it('CommonJS TypeScript (tsx): unrun branches, an uncalled function, a file nothing loads, and a covers: claim', async () => {
    const root = copy('debt-lines');
    const before = await measureLineDebt(root, OPTIONS);
    expect(before.metrics.unspecified).toEqual({ value: null, because: NO_LINE_RECORD });
    expect(before.files.map((f) => f.unspecifiedLines)).toEqual([null, null, null]);

    const verdict = await verify({ coverage: true, gates: false }, { cwd: root });
    expect(verdict.exitCode).toBe(0);
    const debt = await measureLineDebt(root, OPTIONS);
    // Steps (steps/) and specs are not source: three files count.
    expect(debt.files.map((f) => f.file)).toEqual(['src/money.ts', 'src/pricing.ts', 'src/refunds.ts']);
    // money.ts: nothing imports it, so all of its statements (2 const, 3 const, 4 return) are unrun.
    expect(file(debt, 'src/money.ts')).toMatchObject({ executableLines: 3, unspecifiedLines: [2, 3, 4], declaredOnlyLines: [], opaqueComplexity: 0 });
    expect(file(debt, 'src/pricing.ts')).toMatchObject({ executableLines: 12, unspecifiedLines: PRICING_TS, declaredOnlyLines: [], opaqueComplexity: 4 });
    // refunds.ts: features/refunds.md claims it (covers:) but refunds 30 of 50: the throw (3) and
    // partialRefund's return (9) never run, and that is a claim, not a check.
    expect(file(debt, 'src/refunds.ts')).toMatchObject({ executableLines: 4, unspecifiedLines: [3, 9], declaredOnlyLines: [3, 9], opaqueComplexity: 0 });
    expect(file(debt, 'src/pricing.ts')!.functions.map((f) => [f.name, f.executed, f.complexity])).toEqual([
      ['total', true, 1],
      ['discount', true, 3],
      ['shippingFor', false, 4],
    ]);
    expect(debt.metrics).toEqual({ unspecified: { value: 3 + 6 + 2 }, declaredOnly: { value: 2 }, opaqueComplexity: { value: 4 } });
    expect(debt.stale).toEqual([]);
  }, 120_000);

  it('ES-module TypeScript (cucumber.mjs import:): the same lines, through ESM source maps', async () => {
    const root = copy('debt-lines-esm');
    expect((await verify({ coverage: true, gates: false }, { cwd: root })).exitCode).toBe(0);
    const debt = await measureLineDebt(root, OPTIONS);
    expect(debt.files.map((f) => [f.file, f.unspecifiedLines, f.opaqueComplexity])).toEqual([['src/pricing.ts', PRICING_TS, 4]]);
  }, 120_000);

  it('plain JavaScript (no transform, no source map)', async () => {
    const root = copy('debt-lines-js');
    expect((await verify({ coverage: true, gates: false }, { cwd: root })).exitCode).toBe(0);
    const debt = await measureLineDebt(root, { ...OPTIONS, steps: ['features/**/*.js'] });
    // lib/pricing.js: 1 'use strict' and 28 module.exports run at load; total's 4, 5, 6, 8 and
    // discount's 12, 13 run; 15 if, 16 return, 18 return never reached; shippingFor's 22, 23, 25 never called.
    expect(debt.files.map((f) => [f.file, f.executableLines, f.unspecifiedLines, f.opaqueComplexity])).toEqual([['lib/pricing.js', 14, [15, 16, 18, 22, 23, 25], 4]]);
  }, 120_000);

  it('a partial run keeps the record; a file edited since is stale, named, and left out of the figures', async () => {
    const root = copy('debt-lines');
    await verify({ coverage: true, gates: false }, { cwd: root });
    const recorded = readFileSync(path.join(root, LINE_RECORD_FILE), 'utf8');
    await verify({ coverage: true, gates: false, paths: ['features/checkout.feature'] }, { cwd: root });
    expect(readFileSync(path.join(root, LINE_RECORD_FILE), 'utf8')).toBe(recorded);
    writeFileSync(path.join(root, 'src/money.ts'), `${readFileSync(path.join(root, 'src/money.ts'), 'utf8')}\nexport const ZERO = formatMoney(0);\n`);
    const debt = await measureLineDebt(root, OPTIONS);
    expect(debt.stale).toEqual(['src/money.ts']);
    expect(file(debt, 'src/money.ts')).toMatchObject({ unspecifiedLines: null, declaredOnlyLines: null, opaqueComplexity: null });
    expect(debt.metrics.unspecified.value).toBe(6 + 2);
    expect(debt.metrics.unspecified.because).toMatch(/^stale: 1 file changed since the line-coverage run of .* \(src\/money\.ts\) not counted; run `spec verify --coverage`/);
  }, 120_000);

  it('records nothing without coverage', async () => {
    const root = copy('debt-lines');
    await verify({ gates: false }, { cwd: root });
    expect(existsSync(path.join(root, LINE_RECORD_FILE))).toBe(false);
  }, 120_000);
});
