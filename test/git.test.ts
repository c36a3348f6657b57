import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedFiles } from '../src/impact/git.js';
import { problemOf, tempDir } from './helpers.js';

function repo(): string {
  const dir = tempDir('specloop-git-');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('config', 'user.email', 't@example.com');
  git('config', 'user.name', 't');
  mkdirSync(path.join(dir, 'app', 'src'), { recursive: true });
  writeFileSync(path.join(dir, 'app', 'src', 'a.ts'), 'a\n');
  writeFileSync(path.join(dir, 'app', 'src', 'b.ts'), 'b\n');
  writeFileSync(path.join(dir, 'top.txt'), 't\n');
  git('add', '.');
  git('commit', '-qm', 'first');
  return dir;
}

const run = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });

describe('changedFiles', () => {
  it('lists staged, unstaged and untracked files, relative to a project in a subfolder', async () => {
    const dir = repo();
    writeFileSync(path.join(dir, 'app', 'src', 'a.ts'), 'a2\n');
    writeFileSync(path.join(dir, 'app', 'src', 'c.ts'), 'c\n');
    writeFileSync(path.join(dir, 'top.txt'), 't2\n');
    run(dir, 'add', 'top.txt');
    expect(await changedFiles(path.join(dir, 'app'))).toEqual(['src/a.ts', 'src/c.ts']);
    expect(await changedFiles(dir)).toEqual(['app/src/a.ts', 'app/src/c.ts', 'top.txt']);
  });

  it('--since a ref includes committed changes, and a rename shows both sides', async () => {
    const dir = repo();
    run(dir, 'tag', 'base');
    renameSync(path.join(dir, 'app', 'src', 'b.ts'), path.join(dir, 'app', 'src', 'renamed.ts'));
    run(dir, 'add', '-A');
    run(dir, 'commit', '-qm', 'rename');
    expect(await changedFiles(dir)).toEqual([]);
    expect(await changedFiles(dir, 'base')).toEqual(['app/src/b.ts', 'app/src/renamed.ts']);
  });

  it('outside a repository, or with a bad ref, is bad input with its own code and a hint', async () => {
    const plain = tempDir('specloop-nogit-');
    const outside = await problemOf(changedFiles(plain));
    expect(outside.code).toBe('SPEC_NO_GIT');
    expect(outside.message).toMatch(/needs a git repository/);
    const problem = await problemOf(changedFiles(repo(), 'no-such-ref'));
    expect(problem.code).toBe('SPEC_GIT_REVISION');
    expect(problem.hint).toMatch(/--since main/);
  });
});

describe('changedFiles: edge cases', () => {
  it('a repository with no commits yet lists staged and untracked files', async () => {
    const dir = tempDir('specloop-git-new-');
    run(dir, 'init', '-q');
    writeFileSync(path.join(dir, 'staged.ts'), 's\n');
    writeFileSync(path.join(dir, 'loose.ts'), 'l\n');
    run(dir, 'add', 'staged.ts');
    expect(await changedFiles(dir)).toEqual(['loose.ts', 'staged.ts']);
  });

  it('a --since that looks like an option is refused, not passed to git', async () => {
    const problem = await problemOf(changedFiles(repo(), '--output=/tmp/specloop-should-not-exist'));
    expect(problem.message).toMatch(/takes a commit, branch or tag/);
  });
});
