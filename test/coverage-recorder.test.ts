import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CoverageRecorder } from '../src/run/coverage-recorder.js';
import { withoutModuleBodies } from '../src/run/module-bodies.js';
import { tempDir } from './helpers.js';

describe('CoverageRecorder', () => {
  let recorder: CoverageRecorder | undefined;
  afterEach(() => recorder?.stop());

  it('credits each take with the files whose code ran since the last one', () => {
    const root = tempDir('specloop-cov-');
    writeFileSync(path.join(root, 'a.cjs'), 'exports.a = function a() { return 1; };\n');
    writeFileSync(path.join(root, 'b.cjs'), 'exports.b = function b() { return 2; };\n');
    recorder = new CoverageRecorder(root, () => false);
    const load = createRequire(path.join(root, 'x.js'));
    const { a } = load('./a.cjs') as { a: () => number };
    const { b } = load('./b.cjs') as { b: () => number };
    expect(recorder.takeLoadPhase()).toEqual([]);
    a();
    expect(recorder.take()).toEqual({ covered: ['a.cjs'], loaded: [] });
    b();
    b();
    expect(recorder.take()).toEqual({ covered: ['b.cjs'], loaded: [] });
    expect(recorder.take()).toEqual({ covered: [], loaded: [] });
  });

  it('reports a module first loaded within a take as loaded then', () => {
    const root = tempDir('specloop-cov-');
    writeFileSync(path.join(root, 'lazy.cjs'), 'exports.settings = { limit: 3 };\n');
    recorder = new CoverageRecorder(root, () => false);
    recorder.take();
    createRequire(path.join(root, 'x.js'))('./lazy.cjs');
    expect(recorder.take()).toEqual({ covered: ['lazy.cjs'], loaded: ['lazy.cjs'] });
  });

  it('counts a function called while loading as load-time activity', () => {
    const root = tempDir('specloop-cov-');
    writeFileSync(path.join(root, 'config.cjs'), 'function build() { return { limit: 3 }; }\nexports.config = build();\n');
    recorder = new CoverageRecorder(root, (file) => file.endsWith('skip.cjs'));
    createRequire(path.join(root, 'x.js'))('./config.cjs');
    expect(recorder.takeLoadPhase()).toEqual(['config.cjs']);
  });
});

describe('withoutModuleBodies', () => {
  // What tsx (esbuild) makes of `export const VAT = 0.2; export function priceWithVat(…) {…}`, as V8 reports it after loading.
  const script = {
    scriptId: '1',
    url: 'file:///tmp/iso/cov/src/pricing.ts',
    functions: [
      { functionName: '', isBlockCoverage: false, ranges: [{ startOffset: 0, endOffset: 1435, count: 1 }] },
      { functionName: '', isBlockCoverage: false, ranges: [{ startOffset: 42, endOffset: 1084, count: 1 }] },
      { functionName: '__name', isBlockCoverage: false, ranges: [{ startOffset: 246, endOffset: 312, count: 1 }] },
      { functionName: '__export', isBlockCoverage: false, ranges: [{ startOffset: 326, endOffset: 416, count: 1 }] },
      { functionName: 'get', isBlockCoverage: false, ranges: [{ startOffset: 621, endOffset: 634, count: 0 }] },
      { functionName: 'VAT', isBlockCoverage: false, ranges: [{ startOffset: 843, endOffset: 850, count: 1 }] },
      { functionName: 'priceWithVat', isBlockCoverage: false, ranges: [{ startOffset: 864, endOffset: 880, count: 0 }] },
      { functionName: '<static_initializer>', isBlockCoverage: false, ranges: [{ startOffset: 900, endOffset: 930, count: 1 }] },
      { functionName: 'priceWithVat', isBlockCoverage: false, ranges: [{ startOffset: 941, endOffset: 1007, count: 1 }] },
      { functionName: '', isBlockCoverage: false, ranges: [{ startOffset: 1010, endOffset: 1030, count: 1 }] },
    ],
  };

  it("keeps only the module's own functions: not its body, wrapper, helpers, export getters or class initializers", () => {
    const kept = withoutModuleBodies(script).functions.map((f) => `${f.functionName || '(anonymous)'}@${f.ranges[0]!.startOffset}`);
    expect(kept).toEqual(['get@621', 'priceWithVat@941', '(anonymous)@1010']);
  });

  it("keeps an ES module's own IIFE, which runs at load time and has no wrapper to be mistaken for", () => {
    const esm = {
      scriptId: '2',
      url: 'file:///p/src/table.ts',
      functions: [
        { functionName: '', isBlockCoverage: false, ranges: [{ startOffset: 0, endOffset: 200, count: 1 }] },
        { functionName: '', isBlockCoverage: false, ranges: [{ startOffset: 20, endOffset: 180, count: 1 }] },
      ],
    };
    expect(withoutModuleBodies(esm).functions).toHaveLength(1);
  });
});
