import { readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_VERSION, DEFAULT_CACHE_FILE, loadGraph, readCache, saveGraph } from '../src/impact/cache.js';
import { ImportGraph, NodeFileSystem } from '../src/impact/graph.js';
import { tempProject } from './helpers.js';


const project = (files: Record<string, string>): string => tempProject('specloop-impact-', files);

const FILES = {
  'steps/s.ts': "import { a } from '../src/a.js';",
  'src/a.ts': "import { b } from './b.js';\nimport type { T } from './t.js';",
  'src/b.ts': "import fs from 'node:fs';",
  'src/t.ts': '',
};
const rel = (root: string, files: Iterable<string>) => [...files].map((f) => path.relative(root, f)).sort();

describe('disk cache', () => {
  it('round-trips: a warm load re-parses nothing and gives the same graph', async () => {
    const root = project(FILES);
    const cold = await ImportGraph.build(root, Object.keys(FILES));
    const written = await saveGraph(cold);
    expect(written).toBe(path.join(root, DEFAULT_CACHE_FILE));
    const json = JSON.parse(readFileSync(written, 'utf8')) as { version: number; files: Record<string, unknown> };
    expect(json.version).toBe(CACHE_VERSION);
    expect(Object.keys(json.files).sort()).toEqual(['src/a.ts', 'src/b.ts', 'src/t.ts', 'steps/s.ts']);

    const warm = await loadGraph(root);
    expect(warm.stats).toEqual({ parsed: 0, reused: 4 });
    expect(warm.edgeCount).toBe(cold.edgeCount);
    expect(rel(root, warm.reachableFrom(['steps/s.ts']))).toEqual(['src/a.ts', 'src/b.ts', 'steps/s.ts']);
    expect(warm.externalsOf('src/b.ts')).toEqual(['node:fs']);
  });

  it('re-parses only a file whose mtime or size changed, and drops deleted files', async () => {
    const root = project(FILES);
    await saveGraph(await ImportGraph.build(root, Object.keys(FILES)));
    writeFileSync(path.join(root, 'src/b.ts'), "import { t } from './t.js';");
    utimesSync(path.join(root, 'src/b.ts'), new Date(), new Date(Date.now() + 5_000));
    rmSync(path.join(root, 'src/t.ts'));
    const warm = await loadGraph(root);
    expect(warm.stats).toEqual({ parsed: 1, reused: 2 });
    expect(warm.has('src/t.ts')).toBe(false);
    expect(warm.unresolved().map((u) => u.specifier)).toEqual(['./t.js']);
  });

  it('uses the files given over the cached list: new files parsed, the rest reused', async () => {
    const root = project(FILES);
    await saveGraph(await ImportGraph.build(root, Object.keys(FILES)));
    writeFileSync(path.join(root, 'steps/new.ts'), "import { b } from '../src/b.js';");
    const warm = await loadGraph(root, undefined, { files: [...Object.keys(FILES), 'steps/new.ts'] });
    expect(warm.stats).toEqual({ parsed: 1, reused: 4 });
    expect(rel(root, warm.dependentsOf('src/b.ts'))).toEqual(['src/a.ts', 'steps/new.ts']);
  });

  it('ignores a corrupt, truncated, foreign or other-version cache', async () => {
    const root = project(FILES);
    const cacheFile = path.join(root, 'cache.json');
    for (const text of ['{ not json', '', '[]', '{"format":"other","version":1,"files":{}}', JSON.stringify({ format: 'specloop-import-graph', version: CACHE_VERSION + 1, files: {} })]) {
      writeFileSync(cacheFile, text);
      const g = await loadGraph(root, 'cache.json', { files: Object.keys(FILES) });
      expect(g.stats).toEqual({ parsed: 4, reused: 0 });
      expect(g.edgeCount).toBe(2);
    }
    expect((await loadGraph(root, 'missing.json')).files()).toEqual([]);
    expect(readCache(root, undefined).status).toBe('missing');
    expect(readCache(root, '{').status).toBe('corrupt');
  });

  it('drops malformed entries one by one', () => {
    const text = JSON.stringify({
      format: 'specloop-import-graph',
      version: CACHE_VERSION,
      files: { 'a.ts': [1, 2, [['static', './b.js']]], 'bad.ts': [1, 'x', []], 'kind.ts': [1, 2, [['weird', 'x']]], 'err.ts': [1, 2, [], 'syntax error at 1:1'] },
    });
    const cache = readCache('/r', text);
    expect([...cache.entries.keys()]).toEqual(['/r/a.ts', '/r/err.ts']);
    expect(cache.entries.get('/r/err.ts')?.error).toBe('syntax error at 1:1');
  });

  it('works on the real file system for update() too (folder listings are invalidated)', async () => {
    const root = project(FILES);
    const fs = new NodeFileSystem();
    const graph = await ImportGraph.build(root, Object.keys(FILES), { fs });
    writeFileSync(path.join(root, 'src/a.ts'), "import { n } from './n.js';");
    graph.update('src/a.ts');
    expect(graph.unresolved().map((u) => u.specifier)).toEqual(['./n.js']);
    writeFileSync(path.join(root, 'src/n.ts'), '');
    expect(graph.update('src/n.ts').status).toBe('created');
    expect(rel(root, graph.dependenciesOf('src/a.ts'))).toEqual(['src/n.ts']);
  });
});
