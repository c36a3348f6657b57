import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verify } from '../src/api/verify.js';
import { checkFilters } from '../src/config/filters.js';
import { VerdictSchema } from '../src/report/verdict.js';

const REPO = path.resolve(import.meta.dirname, '..');
const WORK = path.join(REPO, '.tmp', 'unit-filters');

describe('checkFilters', () => {
  it('accepts valid tag expressions and name patterns, and empty ones', () => {
    expect(checkFilters({ tags: [{ expression: '@smoke and not (@slow or @wip)', where: '--tags' }, { expression: undefined, where: 'x' }, { expression: '  ', where: 'y' }], names: [{ patterns: ['^Adding .* todos$'], where: '--name' }] })).toEqual([]);
  });

  it('names the option, the expression and the syntax error', () => {
    const [tags, name] = checkFilters({ tags: [{ expression: '@a and', where: '--tags' }], names: [{ patterns: ['a (b'], where: '--name' }] });
    expect(tags).toMatchObject({ code: 'SPEC_FILTER_INVALID', message: '--tags "@a and" is not a valid tag expression: Expected operand.' });
    expect(name).toMatchObject({ code: 'SPEC_FILTER_INVALID', message: '--name "a (b" is not a valid regular expression: Unterminated group' });
  });
});

describe('verify() with a bad filter', () => {
  afterAll(() => fs.rmSync(WORK, { recursive: true, force: true }));

  it('returns a bad-input verdict (exit 2) naming the option, without running anything', async () => {
    const project = path.join(WORK, 'todo');
    fs.rmSync(project, { recursive: true, force: true });
    fs.cpSync(path.join(REPO, 'fixtures', 'todo'), project, { recursive: true });
    const verdict = await verify({ tags: '(@smoke', names: ['('], gates: false }, { cwd: project, env: process.env });
    expect(VerdictSchema.safeParse(verdict).success).toBe(true);
    expect(verdict.exitCode).toBe(2);
    expect(verdict.scenarios).toEqual([]);
    expect(verdict.failures.map((f) => [f.code, f.message.split(':')[0]])).toEqual([
      ['SPEC_FILTER_INVALID', '--tags "(@smoke" is not a valid tag expression'],
      ['SPEC_FILTER_INVALID', '--name "(" is not a valid regular expression'],
    ]);
    expect(verdict.summary).toBe('spec: 0 passed, 2 failed (2 invalid filters)');
  }, 60_000);
});
