import { describe, expect, it } from 'vitest';
import { loadResolverConfig } from '../src/impact/config.js';
import { MemoryFileSystem } from '../src/impact/fs.js';
import { Resolver } from '../src/impact/resolve.js';
import { matchGlob, matchPattern, packageName } from '../src/impact/specifiers.js';

const ROOT = '/p';
function resolver(files: Record<string, string>, tsconfig: string | false = 'tsconfig.json') {
  const fs = new MemoryFileSystem(files, ROOT);
  return new Resolver(ROOT, fs, loadResolverConfig(ROOT, fs, tsconfig));
}
const target = (r: ReturnType<Resolver['resolve']>) => (r.kind === 'file' ? r.path : r.kind === 'external' ? `external:${r.name}` : `unresolved:${r.reason}`);

describe('Resolver: relative specifiers', () => {
  const r = resolver({
    'src/a.ts': '',
    'src/b.tsx': '',
    'src/c.mts': '',
    'src/d.cts': '',
    'src/plain.js': '',
    'src/both.ts': '',
    'src/both.js': '',
    'src/dir/index.ts': '',
    'src/data.json': '',
    'src/x.service.ts': '',
  });
  const from = (spec: string, importer = '/p/src/main.ts') => target(r.resolve(spec, importer));

  it('maps NodeNext .js/.jsx/.mjs/.cjs specifiers to the TypeScript file', () => {
    expect(from('./a.js')).toBe('/p/src/a.ts');
    expect(from('./b.js')).toBe('/p/src/b.tsx');
    expect(from('./b.jsx')).toBe('/p/src/b.tsx');
    expect(from('./c.mjs')).toBe('/p/src/c.mts');
    expect(from('./d.cjs')).toBe('/p/src/d.cts');
    expect(from('./plain.js')).toBe('/p/src/plain.js');
  });

  it('prefers the .ts file from a TS importer and the .js file from a JS importer', () => {
    expect(from('./both.js')).toBe('/p/src/both.ts');
    expect(from('./both.js', '/p/src/main.js')).toBe('/p/src/both.js');
  });

  it('tries extensions for extensionless specifiers, then index files, and directory imports', () => {
    expect(from('./a')).toBe('/p/src/a.ts');
    expect(from('./x.service')).toBe('/p/src/x.service.ts');
    expect(from('./dir')).toBe('/p/src/dir/index.ts');
    expect(from('./dir/')).toBe('/p/src/dir/index.ts');
    expect(from('./dir/index.js')).toBe('/p/src/dir/index.ts');
    expect(from('.', '/p/src/dir/x.ts')).toBe('/p/src/dir/index.ts');
    expect(from('../a.js', '/p/src/dir/x.ts')).toBe('/p/src/a.ts');
    expect(from('./data.json')).toBe('/p/src/data.json');
    expect(from('./a.js?raw')).toBe('/p/src/a.ts');
    expect(from('/p/src/a.js')).toBe('/p/src/a.ts');
  });

  it('records misses: every candidate tried before the hit', () => {
    const res = r.resolve('./dir', '/p/src/main.ts');
    expect(res.kind === 'file' && res.misses.slice(0, 3)).toEqual(['/p/src/dir', '/p/src/dir.ts', '/p/src/dir.tsx']);
  });

  it('reports missing local files as unresolved and paths outside the root', () => {
    expect(from('./missing.js')).toBe('unresolved:not-found');
    const outside = resolver({ 'src/a.ts': '', '../other/x.ts': '' });
    expect(target(outside.resolve('../../other/x.js', '/p/src/a.ts'))).toBe('unresolved:outside-root');
  });

  it('classifies bare specifiers and builtins as externals, not followed', () => {
    expect(from('lodash/fp')).toBe('external:lodash');
    expect(from('@scope/pkg/deep/x.js')).toBe('external:@scope/pkg');
    expect(from('fs')).toBe('external:node:fs');
    expect(from('node:path')).toBe('external:node:path');
  });
});

describe('Resolver: tsconfig paths, baseUrl, extends', () => {
  it('resolves paths relative to baseUrl, with tsconfig comments and trailing commas', () => {
    const r = resolver({
      'tsconfig.json': `{
        // comment
        "compilerOptions": { "baseUrl": "./src", "paths": { "@app/*": ["app/*", "fallback/*"], "@exact": ["lib/exact.ts"], }, },
      }`,
      'src/app/a.ts': '',
      'src/fallback/b.ts': '',
      'src/lib/exact.ts': '',
      'src/util/u.ts': '',
    });
    expect(target(r.resolve('@app/a.js', '/p/src/main.ts'))).toBe('/p/src/app/a.ts');
    expect(target(r.resolve('@app/b', '/p/src/main.ts'))).toBe('/p/src/fallback/b.ts');
    expect(target(r.resolve('@exact', '/p/src/main.ts'))).toBe('/p/src/lib/exact.ts');
    expect(target(r.resolve('@app/nope', '/p/src/main.ts'))).toBe('unresolved:not-found');
    // baseUrl alone: a non-relative specifier found under it is local, otherwise a package.
    expect(target(r.resolve('util/u.js', '/p/src/main.ts'))).toBe('/p/src/util/u.ts');
    expect(target(r.resolve('react', '/p/src/main.ts'))).toBe('external:react');
  });

  it('follows extends (relative, extensionless, array) and resolves paths from the declaring file without baseUrl', () => {
    const r = resolver({
      'tsconfig.json': '{ "extends": ["./config/base"], "compilerOptions": { "strict": true } }',
      'config/base.json': '{ "extends": "./root.json", "compilerOptions": { "paths": { "~/*": ["../src/*"] } } }',
      'config/root.json': '{ "compilerOptions": { "paths": { "old/*": ["nope/*"] } } }',
      'src/deep/x.ts': '',
    });
    expect(target(r.resolve('~/deep/x.js', '/p/test/t.ts'))).toBe('/p/src/deep/x.ts');
    expect(target(r.resolve('old/x', '/p/test/t.ts'))).toBe('external:old');
    expect(r.config.files).toContain('/p/config/root.json');
  });

  it('treats a `*` mapping that finds nothing as a package, and survives a broken tsconfig', () => {
    const star = resolver({ 'tsconfig.json': '{ "compilerOptions": { "paths": { "*": ["types/*"] } } }' });
    expect(target(star.resolve('zod', '/p/a.ts'))).toBe('external:zod');
    const broken = resolver({ 'tsconfig.json': '{ "compilerOptions": ', 'a.ts': '' });
    expect(target(broken.resolve('./a.js', '/p/b.ts'))).toBe('/p/a.ts');
  });

  it('resolves package.json imports (#internal/*), with conditions', () => {
    const r = resolver({
      'package.json': JSON.stringify({ imports: { '#internal/*': './src/internal/*.js', '#cond': { types: './src/cond.ts', default: './dist/cond.js' }, '#dep': 'some-pkg' } }),
      'src/internal/x.ts': '',
      'src/cond.ts': '',
    });
    expect(target(r.resolve('#internal/x', '/p/src/a.ts'))).toBe('/p/src/internal/x.ts');
    expect(target(r.resolve('#cond', '/p/src/a.ts'))).toBe('/p/src/cond.ts');
    expect(target(r.resolve('#dep', '/p/src/a.ts'))).toBe('external:some-pkg');
    expect(target(r.resolve('#nope', '/p/src/a.ts'))).toBe('unresolved:not-found');
  });
});

describe('specifier helpers', () => {
  it('matches the most specific paths pattern', () => {
    expect(matchPattern(['*', '@app/*', '@app/lib/*'], '@app/lib/x')).toEqual({ pattern: '@app/lib/*', star: 'x' });
    expect(matchPattern(['@a'], '@a')).toEqual({ pattern: '@a', star: '' });
    expect(matchPattern(['@a/*'], 'b')).toBeUndefined();
  });
  it('names packages', () => {
    expect(packageName('a/b/c')).toBe('a');
    expect(packageName('@s/p/c')).toBe('@s/p');
  });
  it('matches dynamic-import templates one segment per *, NodeNext-style', () => {
    const files = ['/p/src/locale/en.ts', '/p/src/locale/fr.ts', '/p/src/locale/deep/x.ts', '/p/src/other.ts'];
    expect(matchGlob('./locale/*.js', '/p/src/main.ts', files)).toEqual(['/p/src/locale/en.ts', '/p/src/locale/fr.ts']);
    expect(matchGlob('./locale/*', '/p/src/main.ts', files)).toEqual(['/p/src/locale/en.ts', '/p/src/locale/fr.ts']);
    expect(matchGlob('pkg/*', '/p/src/main.ts', files)).toEqual([]);
  });
});

describe('Resolver: code outside the root', () => {
  const files = {
    'packages/core/package.json': JSON.stringify({ name: '@m/core', exports: { '.': './dist/index.js' } }),
    'packages/core/src/index.ts': '',
    'features/steps.ts': '',
  };
  // node_modules links as npm makes them: one to a package inside the root, one to a registry install.
  const links: Record<string, string> = { '/p/node_modules/@m/core': '/p/packages/core', '/p/node_modules/lodash': '/p/node_modules/lodash' };
  class Linked extends MemoryFileSystem {
    realpath(file: string): string | undefined {
      return links[file];
    }
  }

  it('follows a bare specifier to a workspace package inside the root, into its source, and leaves a registry package external', () => {
    const fs = new Linked(files, ROOT);
    const r = new Resolver(ROOT, fs, loadResolverConfig(ROOT, fs));
    expect(target(r.resolve('@m/core', '/p/features/steps.ts'))).toBe('/p/packages/core/src/index.ts');
    expect(target(r.resolve('lodash', '/p/features/steps.ts'))).toBe('external:lodash');
    expect(target(r.resolve('@m/other', '/p/features/steps.ts'))).toBe('external:@m/other');
  });

  it('follows relative imports and paths out of the root into the work tree, never beyond it', () => {
    const fs = new MemoryFileSystem({ 'tests/acceptance/steps.ts': '', 'src/a.ts': '', 'shared/b.ts': '' }, '/w');
    const root = '/w/tests/acceptance';
    const config = { ...loadResolverConfig(root, fs, false), paths: [{ pattern: '@app/*', targets: ['src/*'] }], pathsBase: '/w' };
    const inTree = new Resolver(root, fs, { ...config, workTree: '/w' });
    expect(target(inTree.resolve('../../shared/b.ts', '/w/tests/acceptance/steps.ts'))).toBe('/w/shared/b.ts');
    expect(target(inTree.resolve('@app/a.ts', '/w/tests/acceptance/steps.ts'))).toBe('/w/src/a.ts');
    const noTree = new Resolver(root, fs, { ...config, workTree: undefined });
    expect(target(noTree.resolve('../../shared/b.ts', '/w/tests/acceptance/steps.ts'))).toBe('unresolved:outside-root');
  });
});
