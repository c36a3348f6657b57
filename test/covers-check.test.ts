import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCovers } from '../src/spec/covers-check.js';

let root: string;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'covers-'));
  fs.mkdirSync(path.join(root, 'src/refunds'), { recursive: true });
  fs.writeFileSync(path.join(root, 'src/refunds/policy.ts'), 'export {};\n');
  fs.writeFileSync(path.join(root, 'src/cart.ts'), 'export {};\n');
  fs.mkdirSync(path.join(root, 'node_modules/lib'), { recursive: true });
  fs.writeFileSync(path.join(root, 'node_modules/lib/index.js'), '\n');
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const where = (ws: Awaited<ReturnType<typeof checkCovers>>) => ws.map((w) => [w.code, w.location?.line, w.message]);

describe('covers: globs', () => {
  it('accepts globs and paths that match project files, with or without ./', async () => {
    const source = '---\ncovers: [src/cart.ts, ./src/refunds/**, "src/**/*.ts"]\n---\n# T\n';
    expect(await checkCovers(root, 'docs/a.md', source, ['src/cart.ts', './src/refunds/**', 'src/**/*.ts'])).toEqual([]);
  });

  it('warns at its own line about a glob that matches nothing, and one that leaves the project', async () => {
    const source = '---\ntitle: x\ncovers:\n  - src/cart.ts\n  - src/refund/**\n  - ../elsewhere/**\n  - src/../../up.ts\n  - /abs/file.ts\n---\n# T\n';
    const globs = ['src/cart.ts', 'src/refund/**', '../elsewhere/**', 'src/../../up.ts', '/abs/file.ts'];
    expect(where(await checkCovers(root, 'docs/a.md', source, globs))).toEqual([
      ['SPEC_COVERS_GLOB', 5, 'covers: "src/refund/**" matches no file in the project'],
      ['SPEC_COVERS_GLOB', 6, 'covers: "../elsewhere/**" points outside the project, so it claims nothing'],
      ['SPEC_COVERS_GLOB', 7, 'covers: "src/../../up.ts" points outside the project, so it claims nothing'],
      ['SPEC_COVERS_GLOB', 8, 'covers: "/abs/file.ts" points outside the project, so it claims nothing'],
    ]);
  });

  it('does not count dependencies as project files, and points at the key for an inline glob', async () => {
    const source = '---\ncovers: node_modules/lib/**\n---\n# T\n';
    expect(where(await checkCovers(root, 'docs/a.md', source, ['node_modules/lib/**']))).toEqual([
      ['SPEC_COVERS_GLOB', 2, 'covers: "node_modules/lib/**" matches no file in the project'],
    ]);
  });
});
