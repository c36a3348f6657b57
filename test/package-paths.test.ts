import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageOwningPaths } from '../src/config/package-paths.js';
import { isSpecloopError } from '../src/core/errors.js';
import { folderPersonStoodIn } from '../src/cli/npm-exec.js';
import { tempProject } from './helpers.js';

const monorepo = (extra: Record<string, string> = {}): string =>
  tempProject('spec-pkgpaths-', {
    'package.json': '{"workspaces":["packages/*"]}',
    'packages/e2e/package.json': '{"name":"e2e"}',
    'packages/e2e/cucumber.cjs': 'module.exports = { default: {} };\n',
    'packages/e2e/features/cart.feature': 'Feature: cart\n',
    'packages/web/package.json': '{"name":"web"}',
    'packages/web/features/app.feature': 'Feature: app\n',
    ...extra,
  });

describe('packageOwningPaths', () => {
  it('a path in a package with its own config runs there, relative to it, its line kept', async () => {
    const root = monorepo();
    expect(await packageOwningPaths({ root, base: root }, ['packages/e2e/features/cart.feature:3'], 'verify')).toEqual({ folder: 'packages/e2e', paths: ['features/cart.feature:3'] });
    // Read from where the person stands, a folder of the root.
    const base = path.join(root, 'packages');
    expect(await packageOwningPaths({ root, base }, ['e2e/features', 'e2e'], 'verify')).toEqual({ folder: 'packages/e2e', paths: ['features', '.'] });
  });

  it('the root keeps its own paths, and a config-less package\'s when the root has a config', async () => {
    const root = monorepo({ 'cucumber.js': 'module.exports = {};\n', 'features/root.feature': 'Feature: r\n' });
    expect(await packageOwningPaths({ root, base: root }, ['features/root.feature'], 'verify')).toBeUndefined();
    expect(await packageOwningPaths({ root, base: root }, ['packages/web/features/app.feature'], 'verify')).toBeUndefined();
    expect(await packageOwningPaths({ root, base: root }, [], 'verify')).toBeUndefined();
  });

  it('a root with no config of its own hands a config-less package its paths too', async () => {
    const root = monorepo();
    expect(await packageOwningPaths({ root, base: root }, ['packages/web/features/app.feature'], 'steps')).toEqual({ folder: 'packages/web', paths: ['features/app.feature'] });
  });

  it('paths in two suites are bad input naming each command', async () => {
    const root = monorepo();
    const error = await packageOwningPaths({ root, base: root }, ['packages/e2e/features/cart.feature', 'packages/web/features/app.feature:2'], 'verify').catch((e: unknown) => e);
    expect(isSpecloopError(error)).toBe(true);
    const [problem] = (error as { problems: { code: string; hint: string }[] }).problems;
    expect(problem!.code).toBe('SPEC_USAGE');
    expect(problem!.hint).toContain('spec verify --cwd packages/e2e features/cart.feature; spec verify --cwd packages/web features/app.feature:2');
  });

  it('outside a workspace root nothing moves', async () => {
    const root = tempProject('spec-pkgpaths-', { 'package.json': '{"name":"one"}', 'sub/package.json': '{}', 'sub/cucumber.js': '', 'sub/a.feature': 'Feature: a\n' });
    expect(await packageOwningPaths({ root, base: root }, ['sub/a.feature'], 'verify')).toBeUndefined();
  });
});

describe('folderPersonStoodIn', () => {
  const root = monorepo();
  const pkg = path.join(root, 'packages/e2e');
  const features = path.join(pkg, 'features');

  it('npm exec (npx): INIT_CWD, when it is a folder inside the project', () => {
    expect(folderPersonStoodIn({ npm_command: 'exec', INIT_CWD: features }, pkg)).toBe(features);
  });

  it('npm run / npm test, no npm, INIT_CWD outside the project or missing: stays', () => {
    expect(folderPersonStoodIn({ npm_command: 'run-script', INIT_CWD: features }, pkg)).toBeUndefined();
    expect(folderPersonStoodIn({ npm_command: 'test', INIT_CWD: features }, pkg)).toBeUndefined();
    expect(folderPersonStoodIn({ INIT_CWD: features }, pkg)).toBeUndefined();
    // `npx -w packages/e2e spec …` from the root: the root is outside the package's project.
    expect(folderPersonStoodIn({ npm_command: 'exec', INIT_CWD: root }, pkg)).toBeUndefined();
    expect(folderPersonStoodIn({ npm_command: 'exec', INIT_CWD: path.join(features, 'gone') }, pkg)).toBeUndefined();
    // An INIT_CWD above where spec runs was left by an npx further out, not by npm moving up.
    expect(folderPersonStoodIn({ npm_command: 'exec', INIT_CWD: pkg }, features)).toBeUndefined();
  });
});
