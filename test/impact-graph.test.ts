import { describe, expect, it } from 'vitest';
import { ImportGraph, MemoryFileSystem } from '../src/impact/graph.js';

const ROOT = '/p';
const rel = (files: Iterable<string>) => [...files].map((f) => f.slice(ROOT.length + 1)).sort();

async function graphOf(files: Record<string, string>, list?: string[], options: { follow?: boolean } = {}) {
  const fs = new MemoryFileSystem(files, ROOT);
  const names = list ?? Object.keys(files).filter((f) => /\.[cm]?[jt]sx?$/.test(f));
  const graph = await ImportGraph.build(ROOT, names, { fs, ...options });
  return { fs, graph };
}

describe('ImportGraph: edges', () => {
  it('builds one edge per imported project file, from every edge kind', async () => {
    const { graph } = await graphOf({
      'src/main.ts': [
        "import { a } from './a.js';",
        "export * from './b.js';",
        "export { c } from './c.js';",
        "const d = await import('./d.js');",
        "const e = require('./e');",
        "import './a.js';",
        "import x from 'lodash';",
        "import fs from 'node:fs';",
      ].join('\n'),
      'src/a.ts': '',
      'src/b.ts': '',
      'src/c.ts': '',
      'src/d.ts': '',
      'src/e.cts': '',
    });
    expect(rel(graph.dependenciesOf('src/main.ts'))).toEqual(['src/a.ts', 'src/b.ts', 'src/c.ts', 'src/d.ts', 'src/e.cts']);
    expect(graph.importsOf('src/main.ts').map((r) => r.kind)).toEqual(['static', 'reexport', 'reexport', 'dynamic', 'static', 'static', 'static', 'require']);
    expect(graph.externalsOf('src/main.ts')).toEqual(['lodash', 'node:fs']);
    expect(graph.edgeCount).toBe(5);
  });

  it('has no edge for type-only imports in any of the three forms', async () => {
    const { graph } = await graphOf({
      'src/main.ts': "import type { A } from './a.js';\nexport type { B } from './b.js';\nimport { type C, type D } from './c.js';\nimport { type E, e } from './e.js';",
      'src/a.ts': '',
      'src/b.ts': '',
      'src/c.ts': '',
      'src/e.ts': '',
    });
    expect(rel(graph.dependenciesOf('src/main.ts'))).toEqual(['src/e.ts']);
    expect(graph.dependentsOf('src/a.ts')).toEqual([]);
  });

  it('resolves NodeNext .js to .ts, index files and tsconfig paths through extends', async () => {
    const { graph } = await graphOf({
      'tsconfig.json': '{ "extends": "./tsconfig.base.json" }',
      'tsconfig.base.json': '{ "compilerOptions": { "baseUrl": ".", /* c */ "paths": { "@lib/*": ["src/lib/*"], }, } }',
      'src/main.ts': "import { a } from './a.js';\nimport { l } from '@lib/tool.js';\nimport { d } from './dir';\nimport { u } from 'src/util.js';",
      'src/a.ts': '',
      'src/lib/tool.ts': '',
      'src/dir/index.ts': '',
      'src/util.ts': '',
    });
    expect(rel(graph.dependenciesOf('src/main.ts'))).toEqual(['src/a.ts', 'src/dir/index.ts', 'src/lib/tool.ts', 'src/util.ts']);
  });

  it('records unresolved specifiers and non-literal dynamic imports without throwing', async () => {
    const { graph } = await graphOf({
      'src/main.ts': "import { a } from './missing.js';\nconst m = import(name);\nimport { b } from './b.js';",
      'src/b.ts': '',
    });
    expect(graph.unresolved().map((u) => [rel([u.file])[0], u.specifier, u.unresolved])).toEqual([
      ['src/main.ts', './missing.js', 'not-found'],
      ['src/main.ts', 'name', 'non-literal'],
    ]);
    expect(rel(graph.dependenciesOf('src/main.ts'))).toEqual(['src/b.ts']);
  });

  it('follows project files missing from the list, as leaves when follow is off', async () => {
    const files = { 'steps/s.ts': "import { a } from '../src/a.js';", 'src/a.ts': "import { b } from './b.js';\nimport data from './data.json';", 'src/b.ts': '', 'src/data.json': '{}' };
    const { graph } = await graphOf(files, ['steps/s.ts']);
    expect(rel(graph.reachableFrom(['steps/s.ts']))).toEqual(['src/a.ts', 'src/b.ts', 'src/data.json', 'steps/s.ts']);
    const { graph: shallow } = await graphOf(files, ['steps/s.ts'], { follow: false });
    expect(rel(shallow.reachableFrom(['steps/s.ts']))).toEqual(['src/a.ts', 'steps/s.ts']);
  });

  it('matches dynamic-import templates against project files', async () => {
    const { graph } = await graphOf({
      'src/main.ts': 'const load = (l: string) => import(`./locale/${l}.js`);',
      'src/locale/en.ts': '',
      'src/locale/fr.ts': '',
    });
    expect(rel(graph.dependenciesOf('src/main.ts'))).toEqual(['src/locale/en.ts', 'src/locale/fr.ts']);
  });

  it('records a parse error for a broken file and keeps going', async () => {
    const { graph } = await graphOf({ 'src/bad.ts': "import { a } from './a.js';\nconst s = 'x\n", 'src/a.ts': '', 'src/ok.ts': "import './a.js';" });
    expect(graph.errorOf('src/bad.ts')).toMatch(/syntax error/);
    expect(graph.dependenciesOf('src/bad.ts')).toEqual([]);
    expect(rel(graph.dependentsOf('src/a.ts'))).toEqual(['src/ok.ts']);
  });
});

describe('ImportGraph: queries', () => {
  const files = {
    'steps/one.ts': "import { top } from '../src/top.js';",
    'steps/two.ts': "import { other } from '../src/other.js';",
    'src/top.ts': "import { mid } from './mid.js';",
    'src/mid.ts': "import { leaf } from './leaf.js';\nimport { cyc } from './cyc.js';",
    'src/cyc.ts': "import { mid } from './mid.js';",
    'src/leaf.ts': '',
    'src/other.ts': '',
  };

  it('dependents are the reverse edges', async () => {
    const { graph } = await graphOf(files);
    expect(rel(graph.dependentsOf('src/mid.ts'))).toEqual(['src/cyc.ts', 'src/top.ts']);
    expect(graph.dependentsOf('steps/one.ts')).toEqual([]);
  });

  it('reachableFrom is the transitive closure, cycles included once', async () => {
    const { graph } = await graphOf(files);
    expect(rel(graph.reachableFrom(['steps/one.ts']))).toEqual(['src/cyc.ts', 'src/leaf.ts', 'src/mid.ts', 'src/top.ts', 'steps/one.ts']);
    expect(rel(graph.reachableFrom(['/p/steps/two.ts']))).toEqual(['src/other.ts', 'steps/two.ts']);
  });

  it('affectedBy is every transitive importer plus the changed files', async () => {
    const { graph } = await graphOf(files);
    expect(rel(graph.affectedBy(['src/leaf.ts']))).toEqual(['src/cyc.ts', 'src/leaf.ts', 'src/mid.ts', 'src/top.ts', 'steps/one.ts']);
    expect(rel(graph.affectedBy(['src/cyc.ts']))).toEqual(['src/cyc.ts', 'src/mid.ts', 'src/top.ts', 'steps/one.ts']);
    expect(rel(graph.affectedBy(['src/other.ts', 'README.md']))).toEqual(['README.md', 'src/other.ts', 'steps/two.ts']);
  });
});

describe('ImportGraph.update', () => {
  const base = {
    'src/main.ts': "import { a } from './a.js';",
    'src/a.ts': '',
    'src/b.ts': '',
  };

  it('an edit that adds or removes an import rewires the edges; a comment is "unchanged"', async () => {
    const { fs, graph } = await graphOf(base);
    fs.write('/p/src/main.ts', "import { a } from './a.js';\nimport { b } from './b.js';");
    expect(graph.update('src/main.ts')).toMatchObject({ status: 'changed', added: ['/p/src/b.ts'], removed: [] });
    expect(rel(graph.dependentsOf('src/b.ts'))).toEqual(['src/main.ts']);
    fs.write('/p/src/main.ts', "import { b } from './b.js';");
    expect(graph.update('src/main.ts')).toMatchObject({ status: 'changed', added: [], removed: ['/p/src/a.ts'] });
    expect(graph.dependentsOf('src/a.ts')).toEqual([]);
    expect(graph.edgeCount).toBe(1);
    fs.write('/p/src/main.ts', "import { b } from './b.js';\n// comment");
    expect(graph.update('src/main.ts').status).toBe('unchanged');
  });

  it('re-reads only the edited file', async () => {
    const { fs, graph } = await graphOf(base);
    fs.reads = [];
    fs.write('/p/src/a.ts', "import { b } from './b.js';");
    graph.update('src/a.ts');
    expect(fs.reads).toEqual(['/p/src/a.ts']);
  });

  it('deleting a file drops it and leaves its importers with an unresolved import', async () => {
    const { fs, graph } = await graphOf(base);
    fs.remove('/p/src/a.ts');
    expect(graph.update('src/a.ts')).toMatchObject({ status: 'deleted', rewired: ['/p/src/main.ts'] });
    expect(graph.has('src/a.ts')).toBe(false);
    expect(graph.dependenciesOf('src/main.ts')).toEqual([]);
    expect(graph.unresolved().map((u) => u.specifier)).toEqual(['./a.js']);
    expect(rel(graph.affectedBy(['src/a.ts']))).toEqual(['src/a.ts', 'src/main.ts']);
    expect(graph.update('src/never-existed.ts').status).toBe('ignored');
  });

  it('deleting the file an import resolved to falls back to the next candidate', async () => {
    const { fs, graph } = await graphOf({ 'src/main.ts': "import { d } from './d';", 'src/d.ts': '', 'src/d/index.ts': '' });
    expect(rel(graph.dependenciesOf('src/main.ts'))).toEqual(['src/d.ts']);
    fs.remove('/p/src/d.ts');
    graph.update('src/d.ts');
    expect(rel(graph.dependenciesOf('src/main.ts'))).toEqual(['src/d/index.ts']);
  });

  it('creating a file satisfies a previously unresolved import, or a better candidate', async () => {
    const { fs, graph } = await graphOf({ 'src/main.ts': "import { n } from './new.js';\nimport { d } from './d';", 'src/d/index.ts': '' });
    expect(graph.unresolved()).toHaveLength(1);
    fs.write('/p/src/new.ts', "import { d } from './d/index.js';");
    expect(graph.update('src/new.ts')).toMatchObject({ status: 'created', added: ['/p/src/d/index.ts'], rewired: ['/p/src/main.ts'] });
    expect(graph.unresolved()).toEqual([]);
    expect(rel(graph.affectedBy(['src/new.ts']))).toEqual(['src/main.ts', 'src/new.ts']);
    fs.write('/p/src/d.ts', '');
    graph.update('src/d.ts');
    expect(rel(graph.dependenciesOf('src/main.ts'))).toEqual(['src/d.ts', 'src/new.ts']);
  });

  it('a new file that nobody imports joins the graph; a new non-code file nobody imports is ignored', async () => {
    const { fs, graph } = await graphOf(base);
    fs.write('/p/steps/new.steps.ts', "import { a } from '../src/a.js';");
    expect(graph.update('steps/new.steps.ts').status).toBe('created');
    expect(rel(graph.dependentsOf('src/a.ts'))).toEqual(['src/main.ts', 'steps/new.steps.ts']);
    fs.write('/p/notes.md', '# hi');
    expect(graph.update('notes.md').status).toBe('ignored');
  });

  it('a file that stops parsing keeps an error and loses its edges, then recovers', async () => {
    const { fs, graph } = await graphOf(base);
    fs.write('/p/src/main.ts', "import { a } from './a.js';\nconst broken = 'x\n");
    const result = graph.update('src/main.ts');
    expect(result).toMatchObject({ status: 'error', removed: ['/p/src/a.ts'] });
    expect(result.error).toMatch(/syntax error/);
    expect(graph.errors()).toHaveLength(1);
    expect(graph.dependentsOf('src/a.ts')).toEqual([]);
    fs.write('/p/src/main.ts', "import { a } from './a.js';");
    expect(graph.update('src/main.ts')).toMatchObject({ status: 'changed', added: ['/p/src/a.ts'] });
    expect(graph.errors()).toEqual([]);
  });

  it('a tsconfig change re-resolves every file', async () => {
    const { fs, graph } = await graphOf({ 'tsconfig.json': '{}', 'src/main.ts': "import { x } from '@x/y.js';", 'lib/y.ts': '' });
    expect(graph.externalsOf('src/main.ts')).toEqual(['@x/y.js']);
    fs.write('/p/tsconfig.json', '{ "compilerOptions": { "paths": { "@x/*": ["./lib/*"] } } }');
    expect(graph.update('tsconfig.json').status).toBe('config');
    expect(rel(graph.dependenciesOf('src/main.ts'))).toEqual(['lib/y.ts']);
  });

  it('a new file matching a dynamic-import template is linked', async () => {
    const { fs, graph } = await graphOf({ 'src/main.ts': 'const m = (l: string) => import(`./locale/${l}.js`);', 'src/locale/en.ts': '' });
    fs.write('/p/src/locale/de.ts', '');
    graph.update('src/locale/de.ts');
    expect(rel(graph.dependenciesOf('src/main.ts'))).toEqual(['src/locale/de.ts', 'src/locale/en.ts']);
  });
});
