import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildFolderOf, entryBuildFolders, inBuildFolders, loadedBuildFolders } from '../src/impact/loaded-builds.js';
import type { ImportGraph } from '../src/impact/graph.js';

const made: string[] = [];
afterEach(() => made.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function packageDir(json: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loaded-builds-'));
  made.push(dir);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(json));
  return dir;
}

describe('build folders the suite loads', () => {
  it('cuts a path at its innermost build folder', () => {
    expect(buildFolderOf('/p/dist/a/b.js')).toBe('/p/dist');
    expect(buildFolderOf('/p/packages/x/build/y/out/z.js')).toBe('/p/packages/x/build/y/out');
    expect(buildFolderOf('/p/src/a.ts')).toBeUndefined();
    expect(buildFolderOf('/p/distant/a.js')).toBeUndefined();
  });

  it('finds the build folders of relative imports, not bare ones or imports of sources', () => {
    const imports: Record<string, { specifier: string }[]> = {
      '/p/features/steps/a.steps.ts': [{ specifier: '../../dist/calc.js' }, { specifier: 'dist-tools' }, { specifier: '../../src/x.js' }],
      '/p/features/steps/b.steps.ts': [{ specifier: '../../lib/out/y.js' }],
    };
    const graph = { files: () => Object.keys(imports), importsOf: (f: string) => imports[f] ?? [] } as unknown as ImportGraph;
    expect(loadedBuildFolders('/nowhere-without-package-json', graph).sort()).toEqual(['/p/dist', '/p/lib/out']);
  });

  it('reads the build folders a package.json entry points into', () => {
    expect(entryBuildFolders(packageDir({ main: './dist/index.js', exports: { '.': { import: './build/esm/index.js' } } })).sort()).toEqual(['build', 'dist']);
    expect(entryBuildFolders(packageDir({ main: 'src/index.ts' }))).toEqual([]);
    expect(entryBuildFolders(packageDir('not an object'))).toEqual([]);
  });

  it('takes files inside a build folder, but not its dependencies or dot-folders, nor the folder itself', () => {
    const folders = ['/p/dist'];
    expect(inBuildFolders(folders, '/p/dist/calc.js')).toBe(true);
    expect(inBuildFolders(folders, '/p/dist/a/b.js')).toBe(true);
    expect(inBuildFolders(folders, '/p/dist')).toBe(false);
    expect(inBuildFolders(folders, '/p/dist/node_modules/x.js')).toBe(false);
    expect(inBuildFolders(folders, '/p/dist/.cache/x.js')).toBe(false);
    expect(inBuildFolders(folders, '/p/distant/x.js')).toBe(false);
    expect(inBuildFolders(folders, '/p/src/x.ts')).toBe(false);
  });
});
