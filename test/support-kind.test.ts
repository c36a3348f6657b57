import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedSupportFiles } from '../src/impact/support-kind.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'support-kind-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('sharedSupportFiles', () => {
  it('a deleted step file that only defined steps is still no support every scenario loads', () => {
    writeFileSync(path.join(root, 'money.steps.ts'), "import { When } from '@cucumber/cucumber';\nWhen('I pay', () => {});\n");
    writeFileSync(path.join(root, 'world.ts'), "import { setWorldConstructor } from '@cucumber/cucumber';\nsetWorldConstructor(class {});\n");
    expect(sharedSupportFiles(root, ['money.steps.ts', 'world.ts'])).toEqual(['world.ts']);
    rmSync(path.join(root, 'money.steps.ts'));
    rmSync(path.join(root, 'world.ts'));
    expect(sharedSupportFiles(root, ['money.steps.ts', 'world.ts'])).toEqual(['world.ts']);
  });

  it('a deleted file never read is taken for support every scenario loads', () => {
    expect(sharedSupportFiles(root, ['gone.ts'])).toEqual(['gone.ts']);
  });
});
