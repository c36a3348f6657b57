import fs, { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { readFeaturesWhole } from '../src/run/feature-reads.js';

const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'spec-feature-reads-')));
const feature = path.join(root, 'a.feature');
// A BOM, multi-byte characters and more than one default stream chunk (64 KiB).
const text = `\uFEFFFeature: ünïcödé 🥒\n${'  Scenario: x\n    Given a step\n'.repeat(3000)}`;
writeFileSync(feature, text);
writeFileSync(path.join(root, 'notes.txt'), 'plain');
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function readAll(stream: Readable): Promise<string> {
  let all = '';
  for await (const chunk of stream) all += String(chunk);
  return all;
}

describe('readFeaturesWhole', () => {
  it('hands a feature file over as one stream of its text, as fs would give it', async () => {
    const own = await readAll(fs.createReadStream(feature, { encoding: 'utf-8' }));
    const restore = readFeaturesWhole();
    try {
      const whole = fs.createReadStream(feature, { encoding: 'utf-8' }) as Readable;
      expect(whole).not.toBeInstanceOf(fs.ReadStream);
      expect(await readAll(whole)).toBe(own);
      expect(own).toBe(text);
    } finally {
      restore();
    }
  });

  it('leaves other reads, and feature files it cannot read, to fs', async () => {
    const restore = readFeaturesWhole();
    try {
      expect(fs.createReadStream(path.join(root, 'notes.txt'), { encoding: 'utf-8' })).toBeInstanceOf(fs.ReadStream);
      expect(fs.createReadStream(feature)).toBeInstanceOf(fs.ReadStream);
      expect(fs.createReadStream(path.relative(process.cwd(), feature), { encoding: 'utf-8' })).toBeInstanceOf(fs.ReadStream);
      // A part of the file, or a read through a descriptor, is not a whole-file read.
      expect(fs.createReadStream(feature, { encoding: 'utf-8', start: 3, end: 10 })).toBeInstanceOf(fs.ReadStream);
      expect(fs.createReadStream(feature, { encoding: 'utf-8', flags: 'r+' })).toBeInstanceOf(fs.ReadStream);
      const missing = fs.createReadStream(path.join(root, 'missing.feature'), { encoding: 'utf-8' });
      await expect(readAll(missing)).rejects.toMatchObject({ code: 'ENOENT' });
    } finally {
      restore();
    }
  });

  it('puts fs back', () => {
    const own = fs.createReadStream;
    readFeaturesWhole()();
    expect(fs.createReadStream).toBe(own);
    const restore = readFeaturesWhole();
    restore();
    restore();
    expect(fs.createReadStream).toBe(own);
  });
});
