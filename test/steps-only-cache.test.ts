import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shortHash } from '../src/core/hash.js';
import { ownPackage } from '../src/core/own-package.js';
import { sharedSupportFiles } from '../src/impact/support-kind.js';
import { removeTempDirs, tempProject } from './helpers.js';

// Which support files every run loads is judged from each file's text; the verdicts are kept in
// .spec/steps-only.json by content hash so a run does not read unchanged files token by token.
// A verdict may only ever be reused for the very text it was made for.

afterAll(removeTempDirs);

const STEPS = `import { Given } from '@cucumber/cucumber';\nGiven('a cart', function () {});\n`;
const HOOKS = `import { Before } from '@cucumber/cucumber';\nBefore(function () {});\n`;
const RULES = `1:${ownPackage().version}`;

function project(files: Record<string, string> = {}): string {
  return tempProject('steps-only-cache', { 'steps/cart.ts': STEPS, 'support/hooks.ts': HOOKS, '.spec/history.jsonl': '', ...files });
}

function cacheOf(root: string): { rules: string; files: Record<string, { hash: string; stepsOnly: boolean }> } {
  return JSON.parse(readFileSync(path.join(root, '.spec/steps-only.json'), 'utf8'));
}

describe('steps-only verdicts kept across runs', () => {
  it('records each file by its content hash, and the files every run loads are the same', () => {
    const root = project();
    expect(sharedSupportFiles(root, ['steps/cart.ts', 'support/hooks.ts'])).toEqual(['support/hooks.ts']);
    expect(cacheOf(root)).toEqual({ rules: RULES, files: { 'steps/cart.ts': { hash: shortHash(STEPS), stepsOnly: true }, 'support/hooks.ts': { hash: shortHash(HOOKS), stepsOnly: false } } });
  });

  it('reuses a verdict for the same text, and judges a changed text again', () => {
    // A recorded verdict for this exact text is taken as it is (here deliberately the wrong one, to see it used).
    const root = project({ '.spec/steps-only.json': JSON.stringify({ rules: RULES, files: { 'support/hooks.ts': { hash: shortHash(HOOKS), stepsOnly: true } } }) });
    expect(sharedSupportFiles(root, ['support/hooks.ts'])).toEqual([]);
    const other = project({ '.spec/steps-only.json': JSON.stringify({ rules: RULES, files: { 'support/hooks.ts': { hash: shortHash(STEPS), stepsOnly: true } } }) });
    expect(sharedSupportFiles(other, ['support/hooks.ts'])).toEqual(['support/hooks.ts']);
    expect(cacheOf(other).files['support/hooks.ts']).toEqual({ hash: shortHash(HOOKS), stepsOnly: false });
  });

  it('ignores verdicts from other rules or another specloop, and a cache it cannot read', () => {
    const wrong = { 'support/hooks.ts': { hash: shortHash(HOOKS), stepsOnly: true } };
    for (const text of [JSON.stringify({ rules: '0:0.0.0', files: wrong }), JSON.stringify({ files: wrong }), '{ torn', JSON.stringify({ rules: RULES, files: { 'support/hooks.ts': { hash: 1, stepsOnly: 'yes' } } })]) {
      const root = project({ '.spec/steps-only.json': text });
      expect(sharedSupportFiles(root, ['support/hooks.ts'])).toEqual(['support/hooks.ts']);
      expect(cacheOf(root).rules).toBe(RULES);
    }
  });

  it('leaves nothing behind when the cache cannot be written', () => {
    const root = project({ '.spec/steps-only.json/x': '' });
    expect(sharedSupportFiles(root, ['support/hooks.ts'])).toEqual(['support/hooks.ts']);
    expect(readdirSync(path.join(root, '.spec')).sort()).toEqual(['history.jsonl', 'steps-only.json']);
  });

  it('writes nothing in a project with no .spec/ folder', () => {
    const root = tempProject('steps-only-cache', { 'steps/cart.ts': STEPS });
    expect(sharedSupportFiles(root, ['steps/cart.ts', 'steps/gone.ts'])).toEqual(['steps/gone.ts']);
    expect(existsSync(path.join(root, '.spec'))).toBe(false);
  });

  it('reads an unchanged file again after a touch, takes its verdict from the cache and leaves the cache as it was', () => {
    const root = project();
    sharedSupportFiles(root, ['steps/cart.ts']);
    // The same verdicts in other bytes: a rewrite would put back the compact form.
    const pretty = `${JSON.stringify(cacheOf(root), null, 2)}\n`;
    writeFileSync(path.join(root, '.spec/steps-only.json'), pretty);
    utimesSync(path.join(root, 'steps/cart.ts'), new Date(), new Date(Date.now() + 5_000));
    expect(sharedSupportFiles(root, ['steps/cart.ts'])).toEqual([]);
    expect(readFileSync(path.join(root, '.spec/steps-only.json'), 'utf8')).toBe(pretty);
  });
});
