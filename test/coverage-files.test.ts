import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { coveredFiles, type FunctionCoverage, type ScriptCoverage } from '../src/run/coverage-files.js';

const ROOT = '/work/proj';
let nextId = 1;

/** A function whose own range has `count`, plus a never-run inner block, as V8 reports them. */
const fn = (count: number, name = 'f'): FunctionCoverage => ({
  functionName: name,
  isBlockCoverage: true,
  ranges: [
    { startOffset: 0, endOffset: 120, count },
    { startOffset: 40, endOffset: 60, count: 0 },
  ],
});

const script = (url: string, ...functions: FunctionCoverage[]): ScriptCoverage => ({
  scriptId: String(nextId++),
  url,
  functions,
});

const ran = (url: string): ScriptCoverage => script(url, fn(0, ''), fn(1, 'handler'));
const fileUrl = (abs: string): string => pathToFileURL(abs).href;

describe('coveredFiles: which scripts count', () => {
  it('reports a file when some function own range ran, not when every count is 0', () => {
    const result = [
      script(fileUrl(`${ROOT}/src/cart.ts`), fn(0, ''), fn(3, 'addItem')),
      script(fileUrl(`${ROOT}/src/idle.ts`), fn(0, ''), fn(0, 'neverCalled')),
    ];
    expect(coveredFiles(result, ROOT)).toEqual(['src/cart.ts']);
  });

  it('ignores counts in later block ranges: only ranges[0] is the function itself', () => {
    const blockOnly: FunctionCoverage = {
      functionName: 'f',
      isBlockCoverage: true,
      ranges: [
        { startOffset: 0, endOffset: 100, count: 0 },
        { startOffset: 10, endOffset: 20, count: 4 },
      ],
    };
    expect(coveredFiles([script(fileUrl(`${ROOT}/src/a.ts`), blockOnly)], ROOT)).toEqual([]);
  });

  it('skips scripts without functions or with an empty ranges list', () => {
    const empty: FunctionCoverage = { functionName: 'f', isBlockCoverage: false, ranges: [] };
    const result = [script(fileUrl(`${ROOT}/src/a.ts`)), script(fileUrl(`${ROOT}/src/b.ts`), empty)];
    expect(coveredFiles(result, ROOT)).toEqual([]);
  });

  it('accepts function-level (non-block) coverage, e.g. the top-level script function', () => {
    const topLevel: FunctionCoverage = {
      functionName: '',
      isBlockCoverage: false,
      ranges: [{ startOffset: 0, endOffset: 500, count: 1 }],
    };
    expect(coveredFiles([script(`${ROOT}/lib/boot.cjs`, topLevel)], ROOT)).toEqual(['lib/boot.cjs']);
  });
});

describe('coveredFiles: URLs and paths', () => {
  it('decodes file URLs (ESM) and accepts plain absolute paths (CJS)', () => {
    const result = [ran(fileUrl(`${ROOT}/src/esm.ts`)), ran(`${ROOT}/src/cjs.cjs`)];
    expect(coveredFiles(result, ROOT)).toEqual(['src/cjs.cjs', 'src/esm.ts']);
  });

  it('percent-decodes file URLs and drops loader query strings', () => {
    const result = [
      ran(fileUrl(`${ROOT}/src/with space/ü.ts`)),
      ran(`${fileUrl(`${ROOT}/src/reloaded.ts`)}?t=1712345678`),
    ];
    expect(coveredFiles(result, ROOT)).toEqual(['src/reloaded.ts', 'src/with space/ü.ts']);
  });

  it('skips node:, data:, evalmachine, wasm and empty URLs', () => {
    const result = [
      ran('node:internal/modules/esm/loader'),
      ran('node:fs'),
      ran('data:text/javascript,export default 1'),
      ran('evalmachine.<anonymous>'),
      ran('wasm://wasm/1a2b3c'),
      ran(''),
      ran('src/relative.ts'),
      ran(fileUrl(`${ROOT}/src/real.ts`)),
    ];
    expect(coveredFiles(result, ROOT)).toEqual(['src/real.ts']);
  });

  it('skips files outside root, including a sibling directory sharing its prefix', () => {
    const result = [
      ran(fileUrl('/work/other/src/a.ts')),
      ran(fileUrl('/work/proj-legacy/src/a.ts')),
      ran('/work/proj-legacy/src/b.cjs'),
      ran(fileUrl(`${ROOT}/src/in.ts`)),
    ];
    expect(coveredFiles(result, ROOT)).toEqual(['src/in.ts']);
  });

  it('accepts root with a trailing slash or in unnormalized form', () => {
    const result = [ran(fileUrl(`${ROOT}/src/a.ts`))];
    expect(coveredFiles(result, `${ROOT}/`)).toEqual(['src/a.ts']);
    expect(coveredFiles(result, `${ROOT}/src/../`)).toEqual(['src/a.ts']);
  });

  it('skips any node_modules segment below root, but not names that merely contain it', () => {
    const result = [
      ran(fileUrl(`${ROOT}/node_modules/zod/index.js`)),
      ran(`${ROOT}/packages/web/node_modules/react/index.js`),
      ran(fileUrl(`${ROOT}/src/node_modules_helper.ts`)),
      ran(fileUrl(`${ROOT}/src/my-node_modules/x.ts`)),
    ];
    expect(coveredFiles(result, ROOT)).toEqual(['src/my-node_modules/x.ts', 'src/node_modules_helper.ts']);
  });

  it('still sees its own files when the project itself lives below a node_modules folder', () => {
    const root = '/home/u/node_modules/pkg';
    expect(coveredFiles([ran(fileUrl(`${root}/src/a.ts`))], root)).toEqual(['src/a.ts']);
  });
});

describe('coveredFiles: output shape and exclude', () => {
  it('de-duplicates a file reported twice (file URL and path, or re-evaluated) and sorts', () => {
    const result = [
      ran(fileUrl(`${ROOT}/src/z.ts`)),
      ran(fileUrl(`${ROOT}/src/a.ts`)),
      ran(`${ROOT}/src/z.ts`),
      ran(fileUrl(`${ROOT}/src/a.ts`)),
      ran(fileUrl(`${ROOT}/lib/m.ts`)),
    ];
    expect(coveredFiles(result, ROOT)).toEqual(['lib/m.ts', 'src/a.ts', 'src/z.ts']);
  });

  it('passes absolute paths to exclude and drops what it rejects', () => {
    const seen: string[] = [];
    const exclude = (abs: string): boolean => {
      seen.push(abs);
      return abs.includes('/steps/') || abs.endsWith('.test.ts');
    };
    const result = [
      ran(fileUrl(`${ROOT}/steps/cart.steps.ts`)),
      ran(fileUrl(`${ROOT}/src/cart.test.ts`)),
      ran(fileUrl(`${ROOT}/src/cart.ts`)),
      ran('node:fs'),
      script(fileUrl(`${ROOT}/src/idle.ts`), fn(0)),
    ];
    expect(coveredFiles(result, ROOT, exclude)).toEqual(['src/cart.ts']);
    // Only candidates that ran under root reach the callback.
    expect(seen.sort()).toEqual([`${ROOT}/src/cart.test.ts`, `${ROOT}/src/cart.ts`, `${ROOT}/steps/cart.steps.ts`]);
  });

  it('returns an empty list for an empty result', () => {
    expect(coveredFiles([], ROOT)).toEqual([]);
  });

  it('picks the files that ran out of a realistic ~1,000-script result', () => {
    const result: ScriptCoverage[] = [];
    for (let i = 0; i < 600; i++) result.push(ran(`node:internal/mod${i}`));
    for (let i = 0; i < 300; i++) result.push(ran(fileUrl(`${ROOT}/node_modules/dep${i}/index.js`)));
    for (let i = 0; i < 100; i++) {
      const fns = Array.from({ length: 50 }, (_, k) => fn(i % 2 === 0 && k === 49 ? 1 : 0));
      result.push(script(fileUrl(`${ROOT}/src/m${String(i).padStart(3, '0')}.ts`), ...fns));
    }
    const files = coveredFiles(result, ROOT);
    expect(files).toHaveLength(50);
    expect(files[0]).toBe('src/m000.ts');
  });
});
