import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findProjectRoot, fromBase, locateProject, PROJECT_MARKERS } from '../src/config/project-root.js';
import { thrownProblem } from './helpers.js';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A folder in the system temp folder (no project above it) holding `files`. */
function tree(files: string[]): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'specloop-root-'));
  made.push(root);
  expect(findProjectRoot(root), `${os.tmpdir()} is itself inside a project`).toBeUndefined();
  for (const file of files) {
    const target = path.join(root, file);
    if (file.endsWith('/')) mkdirSync(target, { recursive: true });
    else {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, '{}');
    }
  }
  return root;
}


describe('findProjectRoot', () => {
  it.each(PROJECT_MARKERS)('finds the folder holding %s from a folder deep below it', (marker) => {
    const root = tree([marker, 'src/deep/more/']);
    expect(findProjectRoot(path.join(root, 'src/deep/more'))).toBe(root);
  });

  it('stands still at a root that has a marker', () => {
    const root = tree(['package.json']);
    expect(findProjectRoot(root)).toBe(root);
  });

  it('takes the nearest marker, so a package inside a workspace is its own project', () => {
    const root = tree(['package.json', 'packages/shop/cucumber.mjs', 'packages/shop/features/']);
    expect(findProjectRoot(path.join(root, 'packages/shop/features'))).toBe(path.join(root, 'packages/shop'));
  });

  it('does not take a folder named like a marker for one', () => {
    const root = tree(['spec.config.json', 'sub/package.json/']);
    expect(findProjectRoot(path.join(root, 'sub'))).toBe(root);
  });

  it('finds nothing where no folder up to the file-system root has a marker', () => {
    const root = tree(['features/cart.feature', 'README.md']);
    expect(findProjectRoot(path.join(root, 'features'))).toBeUndefined();
  });
});

describe('locateProject', () => {
  it('keeps where the command stands beside the root it found', () => {
    const root = tree(['package.json', 'features/']);
    expect(locateProject(path.join(root, 'features'))).toEqual({ root, base: path.join(root, 'features') });
  });

  it('names a folder that does not exist', () => {
    const root = tree(['package.json']);
    const problem = thrownProblem(() => locateProject(path.join(root, 'nope')));
    expect(problem.code).toBe('SPEC_PATH_NOT_FOUND');
    expect(problem.message).toContain(path.join(root, 'nope'));
  });

  it('refuses a folder in no project, naming what it looked for', () => {
    const root = tree(['features/cart.feature']);
    const problem = thrownProblem(() => locateProject(root));
    expect(problem.code).toBe('SPEC_PROJECT_NOT_FOUND');
    expect(problem.message).toContain(root);
    expect(problem.message).toContain('package.json');
  });
});

describe('fromBase', () => {
  const place = { root: '/p', base: '/p/features' };

  it('makes a path given in a subfolder project-relative', () => {
    expect(fromBase(place, 'cart.feature')).toBe('features/cart.feature');
    expect(fromBase(place, './sub/a.md')).toBe('features/sub/a.md');
    expect(fromBase(place, '../specs')).toBe('specs');
  });

  it('keeps file:line suffixes, one or several', () => {
    expect(fromBase(place, 'cart.feature:8')).toBe('features/cart.feature:8');
    expect(fromBase(place, 'cart.feature:4:8')).toBe('features/cart.feature:4:8');
  });

  it('takes absolute paths as they are, and the root itself as "."', () => {
    expect(fromBase(place, '/p/features/cart.feature:4')).toBe('features/cart.feature:4');
    expect(fromBase(place, '..')).toBe('.');
  });
});
