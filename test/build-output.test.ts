import { describe, expect, it } from 'vitest';
import { loadResolverConfig } from '../src/impact/config.js';
import { buildCandidates, isBuildOutput, placeBuildChanges, sourceCandidates } from '../src/impact/build-output.js';
import { lineFigures } from '../src/debt/line-debt.js';
import { MemoryFileSystem } from '../src/impact/fs.js';
import type { ImportGraph } from '../src/impact/graph.js';
import { Resolver } from '../src/impact/resolve.js';
import type { ScenarioMap } from '../src/impact/scenario-map.js';

describe('build output', () => {
  it('knows code in dist/, build/ and out/, not declarations, dependencies or dot-folders', () => {
    expect(isBuildOutput('dist/calc.js')).toBe(true);
    expect(isBuildOutput('../domain/dist/tax.js')).toBe(true);
    expect(isBuildOutput('packages/a/build/x.mjs')).toBe(true);
    expect(isBuildOutput('dist/calc.d.ts')).toBe(false);
    expect(isBuildOutput('dist/calc.js.map')).toBe(false);
    expect(isBuildOutput('node_modules/x/dist/index.js')).toBe(false);
    expect(isBuildOutput('.spec/dist/x.js')).toBe(false);
    expect(isBuildOutput('src/calc.ts')).toBe(false);
  });

  it('maps a build file to the sources it may be built from, rootDir src/ first', () => {
    expect(sourceCandidates('../domain/dist/tax.js').slice(0, 2)).toEqual(['../domain/src/tax.ts', '../domain/src/tax.tsx']);
    expect(sourceCandidates('dist/src/x.mjs')).toEqual(['src/src/x.mts', 'src/src/x.mjs', 'src/x.mts', 'src/x.mjs']);
  });

  const map = (covered?: string[]): ScenarioMap => ({ scenarios: [{ id: 'f.feature:3', file: 'f.feature', stepFiles: [], ...(covered ? { covered } : {}) }] }) as unknown as ScenarioMap;
  const graph = (files: string[]) => ({ has: (f: string) => files.includes(f) }) as unknown as ImportGraph;

  it('places a changed build file through the source the graph holds, or reports it unplaced', () => {
    const exists = (f: string) => f === '/p/src/calc.ts';
    expect(placeBuildChanges(['dist/calc.js'], '/p', graph(['/p/src/calc.ts']), map(), exists)).toEqual({ changed: ['dist/calc.js', 'src/calc.ts'] });
    expect(placeBuildChanges(['dist/calc.js'], '/p', graph([]), map(), exists)).toEqual({ changed: ['dist/calc.js'], unplaced: 'dist/calc.js' });
    expect(placeBuildChanges(['dist/calc.js'], '/p', graph([]), map(['dist/calc.js']), exists)).toEqual({ changed: ['dist/calc.js'] });
    expect(placeBuildChanges(['src/calc.ts'], '/p', graph([]), map(), exists)).toEqual({ changed: ['src/calc.ts'] });
  });

  it('places a build file the graph holds only as an edited file nothing imports (watch) through its source', () => {
    const exists = (f: string) => f === '/p/src/calc.ts';
    const held = (files: string[], dependents: Record<string, string[]> = {}) => ({ has: (f: string) => files.includes(f), dependentsOf: (f: string) => dependents[f] ?? [] }) as unknown as ImportGraph;
    expect(placeBuildChanges(['dist/calc.js'], '/p', held(['/p/dist/calc.js', '/p/src/calc.ts']), map(), exists)).toEqual({ changed: ['dist/calc.js', 'src/calc.ts'] });
    expect(placeBuildChanges(['dist/calc.js'], '/p', held(['/p/dist/calc.js']), map(), () => false)).toEqual({ changed: ['dist/calc.js'], unplaced: 'dist/calc.js' });
    expect(placeBuildChanges(['dist/calc.js'], '/p', held(['/p/dist/calc.js'], { '/p/dist/calc.js': ['/p/steps/a.js'] }), map(), () => false)).toEqual({ changed: ['dist/calc.js'] });
  });

  it('resolves a relative import into dist/ to the source it is built from, else to the build file', () => {
    const fs = new MemoryFileSystem({ 'src/calc.ts': '', 'dist/calc.js': '', 'dist/only.js': '' }, '/p');
    const r = new Resolver('/p', fs, loadResolverConfig('/p', fs, false));
    const at = (spec: string) => { const x = r.resolve(spec, '/p/features/steps/a.steps.ts'); return x.kind === 'file' ? x.path : x.kind; };
    expect(at('../../dist/calc.js')).toBe('/p/src/calc.ts');
    expect(at('../../dist/only.js')).toBe('/p/dist/only.js');
    const only = r.resolve('../../dist/only.js', '/p/features/steps/a.steps.ts');
    expect(only.kind === 'file' && only.misses).toContain('/p/src/only.ts');
  });

  it('names the build files a source compiles to, and none for a file outside src/', () => {
    expect(buildCandidates('../domain/src/tax.ts').slice(0, 2)).toEqual(['../domain/dist/tax.js', '../domain/dist/src/tax.js']);
    expect(buildCandidates('src/a/b.mts')[0]).toBe('dist/a/b.mjs');
    expect(buildCandidates('lib/x.ts')).toEqual([]);
  });

  it('line figures name the sources that ran as their build', () => {
    const figures = lineFigures([], '2026-01-01', [], [{ file: '../domain/src/tax.ts', build: '../domain/dist/tax.js' }]);
    expect(figures.unspecified.because).toContain('../domain/src/tax.ts ran as ../domain/dist/tax.js');
  });
});
