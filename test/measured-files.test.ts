import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers.js';
import { changedFromMeasured, hashMeasured } from '../src/debt/measured-files.js';

function project(files: Record<string, string>): string {
  const root = tempDir('measured-');
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(root, file), text);
  return root;
}

describe('changedFromMeasured', () => {
  const globs = { specs: ['*.feature'], steps: ['*.steps.js'] };

  it('tells edits by content: a new time alone is none, a new text under an old time is one', async () => {
    const root = project({ 'a.ts': 'export const a = 1;\n', 'b.ts': 'export const b = 1;\n', 'c.feature': 'Feature: C\n' });
    const measured = await hashMeasured(root, globs, Promise.resolve({ specs: ['c.feature'], steps: [], sources: ['a.ts', 'b.ts'] }));
    utimesSync(path.join(root, 'a.ts'), new Date(), new Date(Date.now() + 60_000));
    writeFileSync(path.join(root, 'b.ts'), 'export const b = 2;\n');
    utimesSync(path.join(root, 'b.ts'), new Date(0), new Date(0));
    expect(await changedFromMeasured(root, measured, ['a.ts', 'b.ts', 'c.feature'])).toEqual({ edited: ['b.ts'], added: [] });
  });

  it('names files gone since as changed and files listed now but not measured as added', async () => {
    const root = project({ 'a.ts': 'export const a = 1;\n', 'gone.ts': 'x\n' });
    const measured = await hashMeasured(root, globs, Promise.resolve({ specs: [], steps: [], sources: ['a.ts', 'gone.ts'] }));
    rmSync(path.join(root, 'gone.ts'));
    writeFileSync(path.join(root, 'new.ts'), 'export const n = 1;\n');
    expect(await changedFromMeasured(root, measured, ['a.ts', 'new.ts'])).toEqual({ edited: ['gone.ts'], added: ['new.ts'] });
  });
});
