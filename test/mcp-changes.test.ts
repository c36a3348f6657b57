import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { watch as watchFiles } from 'chokidar';
import { afterEach, describe, expect, it } from 'vitest';
import { changedFiles, gitDirs } from '../src/impact/git.js';
import { ChangeTracker } from '../src/mcp/changes.js';
import { tempDir } from './helpers.js';

// The MCP server's change tracker on a real repository and a real watcher: whatever it answers
// must hold everything git would say; whenever it cannot vouch for that, it answers undefined.

const trackers: ChangeTracker[] = [];
afterEach(async () => {
  await Promise.all(trackers.splice(0).map((t) => t.stop()));
});

function repo(): string {
  const root = tempDir('mcp-changes-');
  mkdirSync(path.join(root, 'src'));
  writeFileSync(path.join(root, 'src', 'a.ts'), 'export const a = 1;\n');
  writeFileSync(path.join(root, '.gitignore'), '.spec/\n');
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'one');
  return root;
}

function git(root: string, ...args: string[]): void {
  expect(spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: root }).status).toBe(0);
}

function tracker(root: string, trusted = true): ChangeTracker {
  const t = new ChangeTracker(root, { watchFiles, git: { changed: (r) => changedFiles(r), gitDirs }, barrierDir: path.join(root, '.spec'), trusted });
  trackers.push(t);
  t.start();
  return t;
}

describe('ChangeTracker', () => {
  it('adds what the watcher saw to what git said, and defers to git once HEAD moves', async () => {
    const root = repo();
    const t = tracker(root);
    await expect.poll(() => t.changed(), { timeout: 20_000 }).toEqual([]);
    writeFileSync(path.join(root, 'src', 'a.ts'), 'export const a = 2;\n');
    writeFileSync(path.join(root, 'src', 'b.ts'), 'export const b = 1;\n');
    expect(await t.changed()).toEqual(['src/a.ts', 'src/b.ts']);
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'two');
    expect(await t.changed()).toBeUndefined();
    // chokidar's own event for a write can come after the raw ones: it stays until git is asked once more after it.
    await expect.poll(() => (t.refresh(), t.changed()), { timeout: 20_000 }).toEqual([]);
  });

  it('defers to git for a folder created since git answered (its files may not be listed yet)', async () => {
    const root = repo();
    const t = tracker(root);
    await expect.poll(() => t.changed(), { timeout: 20_000 }).toEqual([]);
    mkdirSync(path.join(root, 'src', 'new'));
    writeFileSync(path.join(root, 'src', 'new', 'c.ts'), 'export const c = 1;\n');
    expect(await t.changed()).toBeUndefined();
  });

  it('never vouches where the watcher cannot be trusted, outside git, or once stopped', async () => {
    const root = repo();
    const untrusted = tracker(root, false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await untrusted.changed()).toBeUndefined();
    const outside = tracker(tempDir('mcp-changes-nogit-'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await outside.changed()).toBeUndefined();
    const t = tracker(root);
    await expect.poll(() => t.changed(), { timeout: 20_000 }).toEqual([]);
    await t.stop();
    expect(await t.changed()).toBeUndefined();
  });
});
