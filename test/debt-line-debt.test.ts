import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { executableLines } from '../src/debt/executable-lines.js';
import { fileShape } from '../src/debt/file-shape.js';
import { fileLineDebt, lineFigures, NO_LINE_RECORD } from '../src/debt/line-debt.js';
import { sourceFiles } from '../src/debt/sources.js';
import { tempDir } from './helpers.js';

const SOURCE = [
  "import { readFileSync } from 'node:fs';", //  1 import: nothing to run
  'export interface Options { strict: boolean }', //  2 type only
  'declare const VERSION: string;', //  3 declare: type only
  'export const limit = 3;', //  4 statement
  'export function check(value: number, options: Options): boolean {', //  5 declaration
  '  if (options.strict && value > limit) {', //  6 if (complexity: if +1, && +1)
  "    throw new Error('over');", //  7 throw
  '  }', //  8
  '  return value > 0;', //  9 return
  '}', // 10
  'export const double = (n: number) =>', // 11 statement
  '  n * 2;', // 12 the arrow's expression body
  'export class Reader {', // 13 class: its members count
  '  read(file: string): string {', // 14
  "    return readFileSync(file, 'utf8');", // 15 return
  '  }', // 16
  '}', // 17
].join('\n');

describe('executableLines', () => {
  it('counts the lines where a statement starts (and expression bodies), not types, declarations or imports', () => {
    const { lines, byFunction } = executableLines('src/check.ts', SOURCE);
    expect(lines).toEqual([4, 6, 7, 9, 11, 12, 15]);
    expect(Object.fromEntries(byFunction)).toEqual({ '5:1': [6, 7, 9], '11:23': [12], '14:3': [15] });
  });
});

describe('fileLineDebt', () => {
  it('splits executable lines into run and unrun, and scores the functions that never ran', () => {
    // A scenario called check() with a value in range: 6 and 9 ran, 7 did not; read() never ran.
    const debt = fileLineDebt({ file: 'src/check.ts', shape: fileShape('src/check.ts', SOURCE), executed: [4, 5, 6, 9, 11], claimed: true });
    expect(debt).toMatchObject({ executableLines: 7, unspecifiedLines: [7, 12, 15], declaredOnlyLines: [7, 12, 15], opaqueComplexity: 0, unreviewed: null });
    expect(debt.functions.map((f) => [f.name, f.executed, f.complexity])).toEqual([
      ['check', true, 2],
      ['double', false, 0],
      ['Reader.read', false, 0],
    ]);
  });

  it('knows nothing without a record for the file as it is', () => {
    const debt = fileLineDebt({ file: 'src/check.ts', shape: fileShape('src/check.ts', SOURCE), executed: null, claimed: false });
    expect(debt).toMatchObject({ executableLines: 7, unspecifiedLines: null, declaredOnlyLines: null, opaqueComplexity: null });
    expect(debt.functions.every((f) => f.executed === null)).toBe(true);
  });
});

describe('lineFigures', () => {
  it('is null with the way to measure it when no run recorded lines, never 0', () => {
    expect(lineFigures([], undefined).unspecified).toEqual({ value: null, because: NO_LINE_RECORD });
  });
});

describe('sourceFiles', () => {
  it("counts the project's code, not its steps, tests, fixtures, tool configs, dependencies or build output", async () => {
    const root = tempDir('specloop-sources-');
    const files = ['src/a.ts', 'src/a.test.ts', 'src/b.spec.ts', 'lib/c.js', 'steps/s.steps.ts', 'support/world.ts', 'features/step_definitions/x.js', 'test/h.ts', 'fixtures/f/src/x.ts', 'cucumber.js', 'vitest.config.ts', 'node_modules/p/index.js', 'dist/a.js', '.spec/x.ts', 'src/types.d.ts'];
    for (const file of files) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), '');
    }
    expect(await sourceFiles(root, { steps: ['support/**/*.ts'] })).toEqual(['lib/c.js', 'src/a.ts']);
    expect(await sourceFiles(root, { steps: [], sources: ['lib/**'] })).toEqual(['lib/c.js']);
  });

  it('counts product code in a feature-sliced layout (src/features/…): only a top-level features/ folder holds specs and their steps', async () => {
    const root = tempDir('specloop-sources-');
    for (const file of ['src/features/cart/cart.ts', 'app/features/pay.ts', 'features/support/helpers.ts', 'features/step_definitions/cart.steps.ts']) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), '');
    }
    expect(await sourceFiles(root, { steps: ['features/step_definitions/**/*.ts'] })).toEqual(['app/features/pay.ts', 'src/features/cart/cart.ts']);
  });
});
