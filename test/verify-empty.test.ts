import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verify } from '../src/api/verify.js';

// The programmatic API follows the same rule as the CLI: running nothing is not a pass unless asked.
const REPO = path.resolve(import.meta.dirname, '..');

function todoProject(): string {
  const base = path.join(REPO, '.tmp', 'verify-empty');
  mkdirSync(base, { recursive: true });
  const root = mkdtempSync(path.join(base, 'todo-'));
  cpSync(path.join(REPO, 'fixtures', 'todo'), root, { recursive: true });
  return root;
}

describe('verify() when the selection runs no scenario', () => {
  const root = todoProject();
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('fails with SPEC_NO_SCENARIOS, naming the filter', async () => {
    const verdict = await verify({ tags: '@nosuch', gates: false }, { cwd: root });
    expect(verdict.exitCode).toBe(1);
    expect(verdict.failures.map((f) => [f.code, f.message])).toEqual([['SPEC_NO_SCENARIOS', 'no scenario matched --tags @nosuch']]);
  }, 60_000);

  it('passes with passWithNoScenarios', async () => {
    const verdict = await verify({ names: ['nosuch'], gates: false, passWithNoScenarios: true }, { cwd: root });
    expect(verdict.exitCode).toBe(0);
    expect(verdict.failures).toEqual([]);
  }, 60_000);
});
