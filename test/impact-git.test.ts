import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedFiles } from '../src/impact/git.js';
import { problemOf, tempDir } from './helpers.js';

// Complements git.test.ts: each kind of change on its own, ignored files, odd names, refs.
function tempRepo(files: Record<string, string>): { dir: string; git: (...args: string[]) => void; write: (f: string, text: string) => void } {
  const dir = tempDir('specloop-impact-git-');
  const git = (...args: string[]) => void execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  git('init', '-q');
  git('config', 'user.email', 'spec@example.com');
  git('config', 'user.name', 'spec');
  for (const [file, text] of Object.entries(files)) write(file, text);
  git('add', '-A');
  git('commit', '-qm', 'initial');
  return { dir, git, write };
}

const BASE = { '.gitignore': 'dist/\n*.log\n', 'src/a.ts': 'a\n', 'src/b.ts': 'b\n', 'steps/s.steps.ts': 's\n', 'pkg/app/x.ts': 'x\n' };

describe('changedFiles: uncommitted changes', () => {
  it('a clean tree has no changes', async () => {
    expect(await changedFiles(tempRepo(BASE).dir)).toEqual([]);
  });

  it('an unstaged edit', async () => {
    const { dir, write } = tempRepo(BASE);
    write('src/b.ts', 'b2\n');
    expect(await changedFiles(dir)).toEqual(['src/b.ts']);
  });

  it('a staged new file and a staged edit that was edited again', async () => {
    const { dir, write, git } = tempRepo(BASE);
    write('src/new.ts', 'n\n');
    write('src/a.ts', 'a2\n');
    git('add', 'src/new.ts', 'src/a.ts');
    write('src/a.ts', 'a3\n');
    expect(await changedFiles(dir)).toEqual(['src/a.ts', 'src/new.ts']);
  });

  it('untracked files count, ignored ones do not', async () => {
    const { dir, write } = tempRepo(BASE);
    write('steps/new/deep.steps.ts', 'd\n');
    write('dist/out.js', 'o\n');
    write('debug.log', 'l\n');
    expect(await changedFiles(dir)).toEqual(['steps/new/deep.steps.ts']);
  });

  it('deletions, staged or not', async () => {
    const { dir, git } = tempRepo(BASE);
    rmSync(path.join(dir, 'src/a.ts'));
    git('rm', '-q', 'src/b.ts');
    expect(await changedFiles(dir)).toEqual(['src/a.ts', 'src/b.ts']);
  });

  it('a staged rename names both sides', async () => {
    const { dir, git } = tempRepo(BASE);
    git('mv', 'src/a.ts', 'src/renamed.ts');
    expect(await changedFiles(dir)).toEqual(['src/a.ts', 'src/renamed.ts']);
  });

  it('names with spaces and non-ASCII letters come back as written', async () => {
    const { dir, write } = tempRepo({ ...BASE, 'specs/my spec.md': '# a\n' });
    write('specs/my spec.md', '# b\n');
    write('specs/café.feature', 'Feature: x\n');
    expect(await changedFiles(dir)).toEqual(['specs/café.feature', 'specs/my spec.md']);
  });
});

describe('changedFiles: project in a subfolder', () => {
  it('files under the root relative to it, and code files elsewhere in the work tree as ../', async () => {
    const { dir, write } = tempRepo(BASE);
    write('pkg/app/x.ts', 'x2\n');
    write('pkg/app/y.ts', 'y\n');
    write('src/a.ts', 'a2\n');
    // Not code, or not the work tree's own code: never the suite's code under test.
    write('notes.md', 'n\n');
    write('node_modules/dep/index.js', 'd\n');
    write('.cache/c.js', 'c\n');
    expect(await changedFiles(path.join(dir, 'pkg', 'app'))).toEqual(['../../src/a.ts', 'x.ts', 'y.ts']);
    expect(await changedFiles(path.join(dir, 'pkg'))).toEqual(['../src/a.ts', 'app/x.ts', 'app/y.ts']);
  });
});

describe('changedFiles: --since REF', () => {
  it('commits since REF, plus working-tree edits and untracked files', async () => {
    const { dir, write, git } = tempRepo(BASE);
    git('branch', 'base');
    write('src/a.ts', 'a2\n');
    git('commit', '-qam', 'edit a');
    write('src/b.ts', 'b2\n');
    write('src/c.ts', 'c\n');
    expect(await changedFiles(dir, 'base')).toEqual(['src/a.ts', 'src/b.ts', 'src/c.ts']);
    expect(await changedFiles(dir, 'HEAD')).toEqual(['src/b.ts', 'src/c.ts']);
    expect(await changedFiles(dir, 'HEAD~1')).toEqual(['src/a.ts', 'src/b.ts', 'src/c.ts']);
  });

  it('a commit that was reverted in the working tree is no change', async () => {
    const { dir, write, git } = tempRepo(BASE);
    git('tag', 'v1');
    write('src/a.ts', 'a2\n');
    git('commit', '-qam', 'edit');
    write('src/a.ts', 'a\n');
    expect(await changedFiles(dir, 'v1')).toEqual([]);
  });
});

describe('changedFiles: errors', () => {
  it('a folder outside any repository is a usage error with a hint', async () => {
    const plain = tempDir('specloop-impact-nogit-');
    const problem = await problemOf(changedFiles(plain));
    expect(problem.code).toBe('SPEC_NO_GIT');
    expect(problem.message).toMatch(/--changed needs a git repository/);
    expect(problem.hint).toMatch(/without --changed/);
  });

  it('a folder that does not exist is the same error', async () => {
    const problem = await problemOf(changedFiles(path.join(os.tmpdir(), 'specloop-no-such-dir-', String(process.pid))));
    expect(problem.code).toBe('SPEC_NO_GIT');
  });

  it('an unknown ref names the ref', async () => {
    const problem = await problemOf(changedFiles(tempRepo(BASE).dir, 'nope/never'));
    expect(problem.code).toBe('SPEC_GIT_REVISION');
    expect(problem.message).toContain('"nope/never"');
    expect(problem.hint).toMatch(/commit, branch or tag/);
  });
});
