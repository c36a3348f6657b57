import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { suiteOwningPaths } from '../src/config/suite-paths.js';

const dirs: string[] = [];
function tree(files: string[]): string {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'suite-paths-')));
  dirs.push(dir);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), '');
  }
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('suiteOwningPaths', () => {
  it('routes a spec of tests/acceptance given from src/ at a root with no suite config', () => {
    const root = tree(['package.json', 'src/a.ts', 'tests/acceptance/cucumber.cjs', 'tests/acceptance/features/x.feature']);
    const place = { root, base: path.join(root, 'src') };
    expect(suiteOwningPaths(place, ['../tests/acceptance/features/x.feature:3'])).toEqual({ folder: 'tests/acceptance', paths: ['features/x.feature:3'] });
  });

  it('routes a sibling package spec given from another package', () => {
    const root = tree(['packages/api/package.json', 'packages/e2e/cucumber.mjs', 'packages/e2e/features/q.feature']);
    const place = { root: path.join(root, 'packages/api'), base: path.join(root, 'packages/api') };
    expect(suiteOwningPaths(place, ['../e2e/features/q.feature'])).toEqual({ folder: '../e2e', paths: ['features/q.feature'] });
  });

  it('never routes a spec to a suite folder above the project or above the spec and the project both (a project kept inside another checkout)', () => {
    const outer = tree(['cucumber.cjs', 'inner/package.json', 'inner/features/a.feature']);
    const root = path.join(outer, 'inner');
    expect(suiteOwningPaths({ root, base: root }, ['features/a.feature'])).toBeUndefined();
    expect(suiteOwningPaths({ root, base: path.join(root, 'features') }, ['a.feature:3'])).toBeUndefined();
    const checkout = tree(['cucumber.cjs', 'todo/package.json', 'todo/app/package.json', 'todo/shared/lists.feature']);
    const app = path.join(checkout, 'todo/app');
    expect(suiteOwningPaths({ root: app, base: app }, ['../shared/lists.feature'])).toBeUndefined();
  });

  it('leaves the project its own paths, a nested suite under a root with a config, and paths of different suites', () => {
    const root = tree(['cucumber.cjs', 'features/a.feature', 'sub/cucumber.cjs', 'sub/features/b.feature', 'other/cucumber.cjs', 'other/c.feature']);
    const place = { root, base: root };
    expect(suiteOwningPaths(place, ['features/a.feature'])).toBeUndefined();
    expect(suiteOwningPaths(place, ['sub/features/b.feature'])).toBeUndefined();
    const bare = tree(['package.json', 'sub/cucumber.cjs', 'sub/b.feature', 'other/cucumber.cjs', 'other/c.feature']);
    expect(suiteOwningPaths({ root: bare, base: bare }, ['sub/b.feature', 'other/c.feature'])).toBeUndefined();
  });
});
