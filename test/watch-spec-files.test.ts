import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScenarioMap } from '../src/impact/scenario-map.js';
import { mapWithout, selectionWithout, SpecFiles } from '../src/watch/spec-files.js';

const made: string[] = [];

function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'spec-watch-specs-'));
  made.push(root);
  for (const [file, content] of Object.entries(files)) write(root, file, content);
  return root;
}

function write(root: string, file: string, content = 'Feature: F\n'): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), content);
}

afterEach(() => {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
});

const GLOBS = ['features/**/*.feature', 'features/**/*.md'];

describe('SpecFiles: the spec files a watch session knows, between runs', () => {
  it('takes a spec file written since when the spec globs match it, in a new folder too; not a Markdown file outside them', async () => {
    const root = project({ 'features/a.feature': 'Feature: A\n' });
    const specs = new SpecFiles(root);
    specs.learn(['features/a.feature'], GLOBS, true);
    write(root, 'features/b.md', '# B\n');
    write(root, 'features/new/c.feature');
    write(root, 'docs/README.md', '# Docs\n');
    expect(await specs.follow(['features/b.md', 'features/new/c.feature', 'docs/README.md', 'src/x.ts'], undefined)).toEqual([]);
    expect(specs.list().sort()).toEqual(['features/a.feature', 'features/b.md', 'features/new/c.feature']);
  });

  it('drops a deleted spec file and says so, also one only the scenario map knows', async () => {
    const root = project({ 'features/a.feature': 'Feature: A\n' });
    const specs = new SpecFiles(root);
    specs.learn(['features/a.feature', 'features/gone.feature'], GLOBS, true);
    const map = { scenarios: [{ file: 'features/old.feature', id: 'features/old.feature:2' }] } as unknown as ScenarioMap;
    expect(await specs.follow(['features/gone.feature', 'features/old.feature', 'src/gone.ts'], map)).toEqual(['features/gone.feature', 'features/old.feature']);
    expect(specs.list()).toEqual(['features/a.feature']);
  });

  it('learns nothing new before a run told it the globs', async () => {
    const root = project({ 'features/a.feature': 'Feature: A\n' });
    const specs = new SpecFiles(root);
    expect(await specs.follow(['features/a.feature'], undefined)).toEqual([]);
    expect(specs.list()).toEqual([]);
  });
});

describe('what a deleted spec file takes with it', () => {
  it('its scenarios from the map, and its targets from the last selection (none left: no selection)', () => {
    const map = { scenarios: [{ file: 'a.feature', id: 'a.feature:3' }, { file: 'b.feature', id: 'b.feature:3' }] } as unknown as ScenarioMap;
    expect(mapWithout(map, ['b.feature'])?.scenarios.map((s) => s.id)).toEqual(['a.feature:3']);
    expect(mapWithout(map, ['c.feature'])).toBe(map);
    const last = { all: false, paths: ['a.feature:3', 'b.feature'], reasons: [{ target: 'a.feature:3', because: 'x' }, { target: 'b.feature', because: 'y' }], triggers: [] };
    expect(selectionWithout(last, ['b.feature'])).toEqual({ ...last, paths: ['a.feature:3'], reasons: [{ target: 'a.feature:3', because: 'x' }] });
    expect(selectionWithout(last, ['a.feature', 'b.feature'])).toBeUndefined();
  });
});
