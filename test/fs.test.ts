import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureDir } from '../src/core/fs.js';
import { tempDir } from './helpers.js';

describe('ensureDir', () => {
  it('creates every missing level', () => {
    const root = tempDir('specloop-fs-');
    ensureDir(path.join(root, 'a', 'b', 'c'));
    expect(existsSync(path.join(root, 'a', 'b', 'c'))).toBe(true);
    ensureDir(path.join(root, 'a', 'b', 'c'));
  });

  it('fails with a plain error where a file is in the way', () => {
    const root = tempDir('specloop-fs-');
    writeFileSync(path.join(root, 'file'), '');
    expect(() => ensureDir(path.join(root, 'file', 'sub'))).toThrow(/not a directory/);
  });

  it('fails instead of spinning where the OS refuses (recursive mkdir loops forever under /proc)', () => {
    expect(() => ensureDir('/proc/specloop-nope/x')).toThrow();
  });
});
