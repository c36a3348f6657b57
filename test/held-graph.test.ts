import { existsSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProjectGraph } from '../src/impact/changes.js';
import { heldGraph, holdGraph, isHeld, keepGraph, releaseGraph } from '../src/impact/held-graph.js';
import { tempDir } from './helpers.js';

// The MCP server's import graph, kept between --changed selections: it must follow the disk as a
// fresh load from the cache would, or a selection misses scenarios an edit reaches.

function project(): string {
  const root = tempDir('held-graph-');
  writeFileSync(path.join(root, 'package.json'), '{"type":"module"}\n');
  mkdirSync(path.join(root, 'src'));
  writeFileSync(path.join(root, 'src', 'a.ts'), "import { b } from './b.js';\nexport const a = b;\n");
  writeFileSync(path.join(root, 'src', 'b.ts'), 'export const b = 1;\n');
  return root;
}

const deps = (graph: { dependenciesOf(file: string): string[] }, root: string, file: string) => graph.dependenciesOf(path.join(root, file)).map((f) => path.relative(root, f)).sort();

describe('held import graph', () => {
  it('follows edits, new files and deletions made between calls, and is written to the cache on release', async () => {
    const root = project();
    holdGraph(root);
    expect(isHeld(root)).toBe(true);
    expect(heldGraph(root, [])).toBeUndefined();
    const graph = await loadProjectGraph(root);
    keepGraph(root, graph);
    expect(deps(graph, root, 'src/a.ts')).toEqual(['src/b.ts']);

    // An edit that adds an import of a new file, which git would report as untracked.
    writeFileSync(path.join(root, 'src', 'c.ts'), 'export const c = 2;\n');
    writeFileSync(path.join(root, 'src', 'b.ts'), "import { c } from './c.js';\nexport const b = c;\n");
    const later = new Date(Date.now() + 5000);
    utimesSync(path.join(root, 'src', 'b.ts'), later, later);
    const updated = heldGraph(root, ['src/c.ts', 'src/b.ts'])!;
    expect(updated).toBe(graph);
    expect(deps(updated, root, 'src/b.ts')).toEqual(['src/c.ts']);
    expect([...updated.affectedBy([path.join(root, 'src', 'c.ts')])].map((f) => path.relative(root, f)).sort()).toEqual(['src/a.ts', 'src/b.ts', 'src/c.ts']);

    // An edit git no longer reports (made and committed between calls): the stat check finds it.
    writeFileSync(path.join(root, 'src', 'a.ts'), 'export const a = 3;\n');
    const evenLater = new Date(Date.now() + 10_000);
    utimesSync(path.join(root, 'src', 'a.ts'), evenLater, evenLater);
    expect(deps(heldGraph(root, [])!, root, 'src/a.ts')).toEqual([]);

    rmSync(path.join(root, 'src', 'c.ts'));
    expect(heldGraph(root, [])!.has(path.join(root, 'src', 'c.ts'))).toBe(false);

    await releaseGraph(root);
    expect(isHeld(root)).toBe(false);
    expect(existsSync(path.join(root, '.spec', 'impact-graph.json'))).toBe(true);
  });

  it('is not used by a process that did not ask to hold one', async () => {
    const root = project();
    expect(isHeld(root)).toBe(false);
    expect(heldGraph(root, [])).toBeUndefined();
  });
});
