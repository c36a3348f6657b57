import { describe, expect, it } from 'vitest';
import { workspaceSuites } from '../src/config/workspaces.js';
import { tempProject } from './helpers.js';

const monorepo = (files: Record<string, string>): string => tempProject('spec-ws-', files);

const packages = {
  'packages/api/package.json': '{"name":"api"}',
  'packages/api/features/cart.feature': 'Feature: cart\n',
  'packages/web/package.json': '{"name":"web"}',
  'apps/admin/package.json': '{"name":"admin"}',
  'apps/admin/specs/users.feature': 'Feature: users\n',
};

describe('workspaceSuites', () => {
  it('npm and yarn: the packages of package.json "workspaces" that hold specs', async () => {
    expect(await workspaceSuites(monorepo({ 'package.json': '{"workspaces":["packages/*"]}', ...packages }))).toEqual(['packages/api']);
    expect(await workspaceSuites(monorepo({ 'package.json': '{"workspaces":{"packages":["packages/*","apps/*"]}}', ...packages }))).toEqual(['apps/admin', 'packages/api']);
  });

  it('pnpm: the packages of pnpm-workspace.yaml, negations left out', async () => {
    const files = { 'package.json': '{"name":"mono"}', 'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n  - apps/*\n  - '!apps/admin'\n", ...packages };
    expect(await workspaceSuites(monorepo(files))).toEqual(['packages/api']);
    expect(await workspaceSuites(monorepo({ ...files, 'pnpm-workspace.yaml': 'packages:\n  - packages/*\n  - apps/*\n' }))).toEqual(['apps/admin', 'packages/api']);
  });

  it('no workspace, or a pnpm-workspace.yaml that is not YAML, names none', async () => {
    expect(await workspaceSuites(monorepo({ 'package.json': '{"name":"one"}', ...packages }))).toEqual([]);
    expect(await workspaceSuites(monorepo({ 'pnpm-workspace.yaml': 'packages: [\n', ...packages }))).toEqual([]);
  });
});
