import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forgetLinkedPackages, linkedPackageOf, linkedPackages } from '../src/core/linked-packages.js';
import { MemoryFileSystem } from '../src/impact/fs.js';
import type { ImportGraph } from '../src/impact/graph.js';
import { unplacedLinkedChange } from '../src/impact/linked-change.js';
import { Resolver } from '../src/impact/resolve.js';
import type { ScenarioMap } from '../src/impact/scenario-map.js';

const top = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'linked-')));
afterAll(() => rmSync(top, { recursive: true, force: true }));

function write(rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(top, rel)), { recursive: true });
  writeFileSync(path.join(top, rel), text);
}
function link(rel: string, target: string): void {
  mkdirSync(path.dirname(path.join(top, rel)), { recursive: true });
  symlinkSync(path.relative(path.dirname(path.join(top, rel)), path.join(top, target)), path.join(top, rel), 'dir');
}

// A monorepo: e2e depends on core (linked by the workspace), core on util (linked too) and on a
// registry package installed in node_modules, which is not linked.
write('package.json', JSON.stringify({ workspaces: ['packages/*'] }));
write('packages/e2e/package.json', JSON.stringify({ name: 'e2e', devDependencies: { '@acme/core': '*', missing: '*' } }));
write('packages/core/package.json', JSON.stringify({ name: '@acme/core', exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js' } }, dependencies: { util: '*', lodash: '*' } }));
write('packages/core/src/index.ts', 'export const a = 1;');
write('packages/util/package.json', JSON.stringify({ name: 'util', main: 'lib/index.js' }));
write('packages/util/src/index.ts', '');
write('node_modules/lodash/package.json', JSON.stringify({ name: 'lodash' }));
link('node_modules/@acme/core', 'packages/core');
link('node_modules/util', 'packages/util');

describe('linkedPackages', () => {
  forgetLinkedPackages();
  const e2e = path.join(top, 'packages/e2e');

  it('finds dependencies resolved upward through node_modules whose real folder is outside node_modules, transitively', () => {
    expect(linkedPackages(e2e)).toEqual([
      { name: '@acme/core', dir: path.join(top, 'packages/core') },
      { name: 'util', dir: path.join(top, 'packages/util') },
    ]);
  });

  it('places a file in the linked package holding it, not in its node_modules', () => {
    expect(linkedPackageOf(e2e, path.join(top, 'packages/core/src/index.ts'))?.name).toBe('@acme/core');
    expect(linkedPackageOf(e2e, path.join(top, 'packages/core/node_modules/x/index.js'))).toBeUndefined();
    expect(linkedPackageOf(e2e, path.join(top, 'packages/other/a.ts'))).toBeUndefined();
  });

  it('leads the resolver from a bare specifier to the linked source, a build target mapped back to src/', () => {
    const fs = new MemoryFileSystem({ 'packages/core/package.json': JSON.stringify({ name: '@acme/core', exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js' } } }), 'packages/core/src/index.ts': '' }, top);
    const resolver = new Resolver(e2e, fs, { paths: [], pathsBase: e2e, packageDir: e2e, files: [], linked: linkedPackages(e2e) });
    const r = resolver.resolve('@acme/core', path.join(e2e, 'steps/a.ts'));
    expect(r).toMatchObject({ kind: 'file', path: path.join(top, 'packages/core/src/index.ts') });
    expect(resolver.resolve('lodash', path.join(e2e, 'steps/a.ts'))).toEqual({ kind: 'external', name: 'lodash' });
  });
});

describe('unplacedLinkedChange', () => {
  const map = { scenarios: [{ id: 'f.feature:3', file: 'f.feature', line: 3, stepFiles: ['steps/a.ts'], covered: ['../core/src/covered.ts'] }] } as unknown as ScenarioMap;
  const graph = { has: (file: string) => file === path.join('/p/e2e', '../core/src/imported.ts') } as unknown as ImportGraph;

  it('names a linked file neither the import graph nor coverage places: it selects every scenario', () => {
    expect(unplacedLinkedChange(['src/own.ts', '../core/src/imported.ts', '../core/src/covered.ts'], '/p/e2e', graph, map)).toBeUndefined();
    expect(unplacedLinkedChange(['../core/src/built.js'], '/p/e2e', graph, map)).toBe('../core/src/built.js');
    expect(unplacedLinkedChange(['../core/src/imported.ts'], '/p/e2e', undefined, map)).toBe('../core/src/imported.ts');
  });
});
