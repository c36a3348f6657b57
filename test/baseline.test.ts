import { utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBaseline, recordBaseline } from '../src/impact/baseline.js';
import { tempDir } from './helpers.js';

describe('coverage baseline', () => {
  it('keeps the text of files as the run ran them, and none for files changed since it started', async () => {
    const root = tempDir('specloop-baseline-');
    writeFileSync(path.join(root, 'a.ts'), 'export const a = 1;\n');
    writeFileSync(path.join(root, 'b.ts'), 'export const b = 1;\n');
    const past = new Date(Date.now() - 60_000);
    utimesSync(path.join(root, 'a.ts'), past, past);
    const runStarted = Date.now() - 30_000;
    await recordBaseline(root, ['a.ts', 'b.ts', 'gone.ts'], runStarted);
    expect(await loadBaseline(root)).toEqual({ 'a.ts': 'export const a = 1;\n' });
  });

  it('a later run updates what it covered and keeps the rest', async () => {
    const root = tempDir('specloop-baseline-');
    const old = new Date(Date.now() - 60_000);
    for (const [file, text] of [['a.ts', 'A1'], ['b.ts', 'B1']]) {
      writeFileSync(path.join(root, file!), text!);
      utimesSync(path.join(root, file!), old, old);
    }
    await recordBaseline(root, ['a.ts', 'b.ts'], Date.now());
    writeFileSync(path.join(root, 'a.ts'), 'A2');
    utimesSync(path.join(root, 'a.ts'), old, old);
    await recordBaseline(root, ['a.ts'], Date.now());
    expect(await loadBaseline(root)).toEqual({ 'a.ts': 'A2', 'b.ts': 'B1' });
  });

  it('a missing or corrupt baseline is an empty one', async () => {
    const root = tempDir('specloop-baseline-');
    expect(await loadBaseline(root)).toEqual({});
    await recordBaseline(root, [], Date.now());
    writeFileSync(path.join(root, '.spec', 'coverage-baseline.json'), '{ broken');
    expect(await loadBaseline(root)).toEqual({});
  });
});

describe('after a partial run', () => {
  it('a covered file whose text moved on loses its baseline; the others keep theirs', async () => {
    const { forgetMoved } = await import('../src/impact/baseline.js');
    const root = tempDir('specloop-baseline-');
    const old = new Date(Date.now() - 60_000);
    for (const [file, text] of [['limit.ts', 'registry.set(3)'], ['other.ts', 'X']]) {
      writeFileSync(path.join(root, file!), text!);
      utimesSync(path.join(root, file!), old, old);
    }
    await recordBaseline(root, ['limit.ts', 'other.ts'], Date.now());
    writeFileSync(path.join(root, 'limit.ts'), 'registry.set(4)');
    await forgetMoved(root, ['limit.ts', 'other.ts']);
    expect(await loadBaseline(root)).toEqual({ 'other.ts': 'X' });
  });
});

describe('coarse file timestamps', () => {
  it('a whole-second mtime just before the run may be newer than what it loaded: no baseline', async () => {
    const root = tempDir('specloop-baseline-');
    writeFileSync(path.join(root, 'a.ts'), 'A');
    const runStarted = Math.floor(Date.now() / 1000) * 1000 + 500;
    const wholeSecond = new Date(runStarted - 500);
    utimesSync(path.join(root, 'a.ts'), wholeSecond, wholeSecond);
    await recordBaseline(root, ['a.ts'], runStarted);
    expect(await loadBaseline(root)).toEqual({});
  });
});
