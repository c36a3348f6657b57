import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findExistingSuite } from '../src/init/existing-suite.js';
import { workspaceSuites } from '../src/config/workspaces.js';

const made: string[] = [];

function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'spec-existing-'));
  made.push(root);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return root;
}

afterEach(() => {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('findExistingSuite', () => {
  it('finds nothing in a fresh project, even one that already depends on cucumber', async () => {
    const root = project({ 'package.json': JSON.stringify({ devDependencies: { '@cucumber/cucumber': '12.9.0' }, scripts: { test: 'vitest' } }), 'src/index.ts': '', 'README.md': '# app' });
    expect(await findExistingSuite(root)).toEqual([]);
  });

  it.each(['cucumber.js', 'cucumber.cjs', 'cucumber.mjs', 'cucumber.json', 'cucumber.yaml', 'cucumber.yml', 'spec.config.ts', 'spec.config.json'])('names a %s', async (file) => {
    expect(await findExistingSuite(project({ [file]: '' }))).toEqual([file]);
  });

  it('names the package.json keys and a script that runs cucumber-js', async () => {
    const pkg = { cucumber: { default: {} }, spec: {}, scripts: { lint: 'eslint .', 'test:acceptance': 'NODE_OPTIONS=--import=tsx cucumber-js -p ci' } };
    expect(await findExistingSuite(project({ 'package.json': JSON.stringify(pkg) }))).toEqual([
      'the "cucumber" key of package.json',
      'the "spec" key of package.json',
      'the "test:acceptance" script of package.json (cucumber-js)',
    ]);
  });

  it('finds spec and step files where real projects keep them, not in node_modules', async () => {
    const root = project({
      'node_modules/lib/features/x.feature': '',
      'tests/acceptance/login.feature': '',
      'tests/step-definitions/login.ts': '',
    });
    expect(await findExistingSuite(root)).toEqual(['tests/acceptance/login.feature', 'tests/step-definitions/login.ts']);
  });

  it('finds a steps folder alone, and Markdown specs under specs/', async () => {
    expect(await findExistingSuite(project({ 'steps/cart.steps.ts': '' }))).toEqual(['steps/cart.steps.ts']);
    expect(await findExistingSuite(project({ 'specs/checkout.md': '# Checkout' }))).toEqual(['specs/checkout.md']);
  });
});

describe('a workspace root', () => {
  const monorepo = (workspaces: unknown) =>
    project({
      'package.json': JSON.stringify({ private: true, workspaces }),
      'packages/api/package.json': '{}',
      'packages/api/features/notes.feature': 'Feature: Notes\n',
      'packages/api/tests/steps/notes.steps.ts': '',
      'packages/web/package.json': '{}',
      'packages/web/src/app.ts': '',
      'tools/cli/package.json': '{}',
      'tools/cli/specs/usage.md': '# Usage\n',
    });

  it('has no suite of its own when only its packages hold specs and steps', async () => {
    expect(await findExistingSuite(monorepo(['packages/*']))).toEqual([]);
  });

  it('names the workspace packages that hold specs, in npm and yarn form, and skips negated patterns', async () => {
    expect(await workspaceSuites(monorepo(['packages/*', 'tools/*']))).toEqual(['packages/api', 'tools/cli']);
    expect(await workspaceSuites(monorepo({ packages: ['packages/*', '!tools/*'] }))).toEqual(['packages/api']);
  });

  it('names none outside a workspace root', async () => {
    expect(await workspaceSuites(project({ 'package.json': '{}', 'features/a.feature': 'Feature: A\n' }))).toEqual([]);
    expect(await workspaceSuites(project({ 'features/a.feature': 'Feature: A\n' }))).toEqual([]);
  });
});
