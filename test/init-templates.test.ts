import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { initTemplates } from '../src/init/templates.js';

const REPO = path.resolve(import.meta.dirname, '..');
const TSC = path.join(REPO, 'node_modules', '.bin', 'tsc');
const made: string[] = [];

/** The scaffold, written outside the repository so no @types/node is found by walking up. */
function scaffold(withNodeTypes: boolean): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'specloop-template-'));
  made.push(root);
  for (const [file, content] of Object.entries(initTemplates('shop'))) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  mkdirSync(path.join(root, 'node_modules', '@cucumber'), { recursive: true });
  symlinkSync(path.join(REPO, 'node_modules', '@cucumber', 'cucumber'), path.join(root, 'node_modules', '@cucumber', 'cucumber'), 'dir');
  if (withNodeTypes) {
    mkdirSync(path.join(root, 'node_modules', '@types'), { recursive: true });
    symlinkSync(path.join(REPO, 'node_modules', '@types', 'node'), path.join(root, 'node_modules', '@types', 'node'), 'dir');
  }
  return root;
}

afterEach(() => {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('the tsconfig spec init writes', () => {
  // The typecheck gate runs as soon as typescript is installed: it must pass before @types/node is.
  it.each([
    ['without @types/node', false],
    ['with @types/node', true],
  ])('type-checks the example %s', (_label, withNodeTypes) => {
    const root = scaffold(withNodeTypes);
    const result = spawnSync(TSC, ['--noEmit', '-p', root], { encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('lets Node globals type-check once @types/node is installed', () => {
    const root = scaffold(true);
    writeFileSync(path.join(root, 'src', 'env.ts'), 'export const mode = process.env.NODE_ENV ?? "development";\n');
    const result = spawnSync(TSC, ['--noEmit', '-p', root], { encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
  });
});
