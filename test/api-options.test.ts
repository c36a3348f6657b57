import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compile, init, verify } from '../src/index.js';
import { problemOf } from './helpers.js';

// The public API refuses what it does not understand instead of running something else.
const REPO = path.resolve(import.meta.dirname, '..');
const WORK = path.join(REPO, '.tmp', 'api-options');
const made: string[] = [WORK];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function todoProject(): string {
  mkdirSync(WORK, { recursive: true });
  const root = mkdtempSync(path.join(WORK, 'todo-'));
  cpSync(path.join(REPO, 'fixtures', 'todo'), root, { recursive: true });
  return root;
}

describe('verify() options', () => {
  it('runs the project cwd names, not the current folder', async () => {
    const root = todoProject();
    const source = path.join(root, 'src', 'todo.ts');
    writeFileSync(source, readFileSync(source, 'utf8').replace('!todo.done', 'todo.done'));
    expect(process.cwd()).not.toBe(root);
    const verdict = await verify({ cwd: path.join(root, 'features'), paths: ['todo.feature'], gates: false });
    expect(verdict.exitCode).toBe(1);
    expect(verdict.failures.map((f) => f.location?.file)).toContain('features/todo.feature');
  }, 60_000);

  it('rejects an unknown option, naming it and what verify takes', async () => {
    const problem = await problemOf(verify({ cwdd: '.' } as never));
    expect(problem).toMatchObject({ code: 'SPEC_OPTION_INVALID', message: 'verify: unknown option "cwdd"' });
    expect(problem.hint).toContain('paths');
  });

  it('rejects an option of the wrong type', async () => {
    const problem = await problemOf(verify({ paths: 'features' } as never));
    expect(problem.code).toBe('SPEC_OPTION_INVALID');
    expect(problem.message).toMatch(/^verify: option "paths": .*array/);
  });

  it('rejects a cwd that does not exist, naming it', async () => {
    const missing = path.join(WORK, 'no-such-folder');
    const problem = await problemOf(verify({ cwd: missing }));
    expect(problem.code).toBe('SPEC_PATH_NOT_FOUND');
    expect(problem.message).toContain(missing);
  });

  it('rejects two different cwds, in the options and the environment', async () => {
    const problem = await problemOf(verify({ cwd: REPO }, { cwd: os.tmpdir() }));
    expect(problem.code).toBe('SPEC_OPTION_INVALID');
    expect(problem.message).toContain('cwd');
  });
});

describe('compile() options', () => {
  it('finds the project above cwd and reads paths from cwd', async () => {
    const root = todoProject();
    const report = await compile({ cwd: path.join(root, 'features'), paths: ['todo.feature'] });
    expect(report.exitCode).toBe(0);
    expect(report.files.map((f) => f.path)).toEqual(['features/todo.feature']);
  });

  it('rejects a cwd in no project', async () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'specloop-api-'));
    made.push(outside);
    const problem = await problemOf(compile({ cwd: outside }));
    expect(problem.code).toBe('SPEC_PROJECT_NOT_FOUND');
    expect(problem.message).toContain(outside);
  });
});

describe('init() options', () => {
  it('rejects options passed where the environment goes (the old argument order)', async () => {
    const problem = await problemOf(init({ cwd: WORK }, { agent: 'claude' } as never));
    expect(problem).toMatchObject({ code: 'SPEC_OPTION_INVALID', message: 'init: unknown environment field "agent"' });
  });

  it('rejects an agent it cannot wire', async () => {
    const problem = await problemOf(init({ cwd: WORK, agent: 'vim' } as never));
    expect(problem.code).toBe('SPEC_OPTION_INVALID');
    expect(problem.message).toContain('agent');
  });

  it('rejects a cwd that does not exist, naming it, and creates nothing', async () => {
    const missing = path.join(WORK, 'not-made');
    const problem = await problemOf(init({ cwd: missing }));
    expect(problem.code).toBe('SPEC_PATH_NOT_FOUND');
    expect(problem.message).toContain(missing);
    expect(existsSync(missing)).toBe(false);
  });
});
