import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CUCUMBER_MAJORS, cucumberNodeMismatch, unsupportedCucumber } from '../src/run/cucumber-version.js';

const root = path.resolve(import.meta.dirname, '..');
const json = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as Record<string, Record<string, string>>;
const majors = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('supported cucumber majors', () => {
  it('are exactly the peer range package.json declares', () => {
    const range = json('package.json').peerDependencies!['@cucumber/cucumber']!;
    const declared = range.split('||').map((part) => Number(/^\s*\^(\d+)\.0\.0\s*$/.exec(part)?.[1]));
    expect(declared).toEqual(majors(CUCUMBER_MAJORS.oldest, CUCUMBER_MAJORS.newest));
  });

  it('below 12 each have a fixture pinned to them that the acceptance suite runs (12 is the repo\'s own, 13 needs Node 22)', () => {
    const pinned = readdirSync(path.join(root, 'fixtures'))
      .filter((name) => /^cucumber-\d+$/.test(name))
      .map((name) => json(`fixtures/${name}/package.json`).devDependencies!['@cucumber/cucumber']!);
    expect(pinned.map((v) => Number.parseInt(v, 10)).sort((a, b) => a - b)).toEqual(majors(CUCUMBER_MAJORS.oldest, 11));
    for (const version of pinned) expect(version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('reject older and newer majors as bad input naming the version and the range', () => {
    expect(unsupportedCucumber('8.0.0')).toBeUndefined();
    expect(unsupportedCucumber('13.3.0')).toBeUndefined();
    expect(unsupportedCucumber('7.3.2')).toMatchObject({ code: 'SPEC_CUCUMBER_UNSUPPORTED', message: expect.stringContaining('7.3.2 is installed') });
    expect(unsupportedCucumber('14.0.0')!.message).toContain('supports @cucumber/cucumber 8 to 13');
  });
});

describe('cucumberNodeMismatch', () => {
  const engines13 = { node: '22 || 24 || >=26' };

  it('names the range the installed cucumber needs and this Node, with a fix', () => {
    const problem = cucumberNodeMismatch('13.3.0', engines13, '20.20.2');
    expect(problem?.code).toBe('SPEC_CUCUMBER_UNSUPPORTED');
    expect(problem?.message).toBe('@cucumber/cucumber 13.3.0 needs Node 22 || 24 || >=26, and this is Node 20.20.2');
    expect(problem?.hint).toContain('@cucumber/cucumber@12');
  });

  it('says nothing when this Node is in the range, or when cucumber declares none', () => {
    expect(cucumberNodeMismatch('13.3.0', engines13, '22.23.5')).toBeUndefined();
    expect(cucumberNodeMismatch('13.3.0', engines13, '26.1.0-nightly2026')).toBeUndefined();
    expect(cucumberNodeMismatch('12.9.0', { node: '20 || 22 || >=24' }, '20.20.2')).toBeUndefined();
    expect(cucumberNodeMismatch('9.6.0', undefined, '20.20.2')).toBeUndefined();
    expect(cucumberNodeMismatch('9.6.0', { node: 42 }, '20.20.2')).toBeUndefined();
  });
});
