import { describe, expect, it } from 'vitest';
import { combined, suitesConcerned } from '../src/api/hook-workspaces.js';

const root = '/repo';
const suites = ['packages/api', 'packages/billing'];

describe('suitesConcerned', () => {
  it('an edit concerns the packages holding the edited files only', () => {
    const edit = { agent: 'claude', event: 'edit' } as const;
    expect(suitesConcerned(edit, { tool_input: { file_path: '/repo/packages/api/src/a.ts' } }, root, suites)).toEqual(['packages/api']);
    expect(suitesConcerned(edit, { tool_input: { file_path: '/repo/packages/web/src/a.ts' } }, root, suites)).toEqual([]);
    // packages/api-client is not inside packages/api
    expect(suitesConcerned(edit, { tool_input: { file_path: '/repo/packages/api-client/x.ts' } }, root, suites)).toEqual([]);
  });

  it('an edit that names no file, and every stop, concern every package (run more, never less)', () => {
    expect(suitesConcerned({ agent: 'codex', event: 'edit' }, {}, root, suites)).toEqual(suites);
    expect(suitesConcerned({ agent: 'claude', event: 'stop' }, { tool_input: { file_path: '/repo/packages/api/a.ts' } }, root, suites)).toEqual(suites);
  });
});

describe('combined', () => {
  it('takes the worst exit and names each package above its answer', () => {
    const answer = combined({ agent: 'claude', event: 'stop' }, [
      ['packages/api', { exitCode: 0 }],
      ['packages/billing', { exitCode: 2, stderr: 'npx spec verify --cwd packages/billing fails.\n' }],
    ]);
    expect(answer.exitCode).toBe(2);
    expect(answer.stderr).toBe('── packages/billing (its paths are under packages/billing/) ──\nnpx spec verify --cwd packages/billing fails.\n');
  });

  it('joins the packages’ JSON messages into one object of the agent’s shape', () => {
    const codex = combined({ agent: 'codex', event: 'stop' }, [
      ['packages/api', { exitCode: 0, stdout: '{"systemMessage":"specs changed"}\n' }],
      ['packages/billing', { exitCode: 0 }],
    ]);
    expect(JSON.parse(codex.stdout!)).toEqual({ systemMessage: 'packages/api: specs changed' });
    const cursor = combined({ agent: 'cursor', event: 'stop' }, [
      ['packages/api', { exitCode: 0, stdout: '{}\n' }],
      ['packages/billing', { exitCode: 0, stdout: '{"followup_message":"npx spec verify --cwd packages/billing fails"}\n' }],
    ]);
    expect(JSON.parse(cursor.stdout!)).toEqual({ followup_message: 'packages/billing: npx spec verify --cwd packages/billing fails' });
    expect(combined({ agent: 'cursor', event: 'stop' }, [['packages/api', { exitCode: 0, stdout: '{}\n' }]]).stdout).toBe('{}\n');
  });

  it('no package concerned is a quiet pass', () => {
    expect(combined({ agent: 'claude', event: 'edit' }, [])).toEqual({ exitCode: 0 });
  });
});
