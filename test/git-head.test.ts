import { execFileSync } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { headCommit, readHead } from '../src/core/git-head.js';

const base = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'spec-git-head-')));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const ENV = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };
function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: ENV, encoding: 'utf8' }).trim();
}
function revParse(cwd: string): string {
  return git(cwd, 'rev-parse', '--verify', 'HEAD');
}
function repo(name: string): string {
  const dir = path.join(base, name);
  mkdirSync(path.join(dir, 'sub', 'deep'), { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  writeFileSync(path.join(dir, 'a.txt'), 'a');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'one');
  return dir;
}

describe('readHead', () => {
  it('reads a loose branch, from the root and from a folder below it', () => {
    const dir = repo('loose');
    expect(readHead(dir)).toBe(revParse(dir));
    expect(readHead(path.join(dir, 'sub', 'deep'))).toBe(revParse(dir));
  });

  it('reads a packed branch, and a loose one that moved on after packing', () => {
    const dir = repo('packed');
    git(dir, 'pack-refs', '--all');
    expect(readHead(dir)).toBe(revParse(dir));
    git(dir, 'commit', '-q', '--allow-empty', '-m', 'two');
    expect(readHead(dir)).toBe(revParse(dir));
  });

  it('reads a detached HEAD and a linked worktree on its own branch', () => {
    const dir = repo('detached');
    const first = revParse(dir);
    git(dir, 'commit', '-q', '--allow-empty', '-m', 'two');
    git(dir, 'worktree', 'add', '-q', '-b', 'other', path.join(base, 'detached-wt'), first);
    git(dir, 'checkout', '-q', '--detach', first);
    expect(readHead(dir)).toBe(first);
    const worktree = path.join(base, 'detached-wt');
    git(worktree, 'commit', '-q', '--allow-empty', '-m', 'three');
    expect(readHead(worktree)).toBe(revParse(worktree));
    expect(readHead(worktree)).not.toBe(first);
  });

  it('leaves to git what the files do not settle: an unborn branch, no repository', async () => {
    const unborn = path.join(base, 'unborn');
    mkdirSync(unborn);
    git(unborn, 'init', '-q', '-b', 'main');
    expect(readHead(unborn)).toBeUndefined();
    expect(await headCommit(unborn)).toBeNull();
  });
});

describe('headCommit', () => {
  it('answers as git does', async () => {
    const dir = repo('answer');
    expect(await headCommit(dir)).toBe(revParse(dir));
  });

  it('asks git when a variable moves the repository (GIT_DIR, GIT_WORK_TREE, …), as git itself would honour it', async () => {
    const dir = repo('moved');
    expect(await headCommit(dir, ENV)).toBe(revParse(dir));
    expect(await headCommit(dir, { ...ENV, GIT_DIR: path.join(base, 'nonexistent', '.git') })).toBeNull();
    const other = repo('other');
    git(other, 'commit', '-q', '--allow-empty', '-m', 'other moves on');
    expect(await headCommit(dir, { ...ENV, GIT_DIR: path.join(other, '.git') })).toBe(revParse(other));
  });
});

describe('headCommit falls back to git where the files do not settle what git would say', () => {
  it('asks git, with the process variables, when no variables are given', async () => {
    const dir = repo('no-env');
    const other = repo('no-env-other');
    git(other, 'commit', '-q', '--allow-empty', '-m', 'other moves on');
    expect(revParse(other)).not.toBe(revParse(dir));
    const before = process.env.GIT_DIR;
    process.env.GIT_DIR = path.join(other, '.git');
    try {
      expect(await headCommit(dir)).toBe(revParse(other));
    } finally {
      if (before === undefined) delete process.env.GIT_DIR;
      else process.env.GIT_DIR = before;
    }
  });

  it('answers for a bare repository inside a work tree as git does (the bare one)', async () => {
    const outer = repo('outer');
    const bare = path.join(outer, 'sub', 'bare.git');
    git(outer, 'clone', '-q', '--bare', outer, bare);
    git(outer, 'commit', '-q', '--allow-empty', '-m', 'outer moves on');
    expect(revParse(bare)).not.toBe(revParse(outer));
    expect(readHead(bare)).toBeUndefined();
    expect(await headCommit(bare, ENV)).toBe(revParse(bare));
  });

  it.skipIf(process.getuid?.() !== 0)('asks git about a repository another user owns (git refuses it as dubious)', async () => {
    const dir = repo('owned');
    chownSync(path.join(dir, '.git'), 65534, 65534);
    chownSync(dir, 65534, 65534);
    expect(readHead(dir)).toBeUndefined();
    const env = { ...ENV, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_SYSTEM: '/dev/null' };
    expect(await headCommit(dir, env)).toBeNull();
  });
});
