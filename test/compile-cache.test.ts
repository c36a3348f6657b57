import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import nodeModule from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMPILE_CACHE_DIR, enableCompileCache } from '../src/core/compile-cache.js';

const REPO = path.resolve(import.meta.dirname, '..');
const WORK = path.join(REPO, '.tmp', 'compile-cache');
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

function project(withSpecDir: boolean): string {
  mkdirSync(WORK, { recursive: true });
  const root = mkdtempSync(path.join(WORK, 'project-'));
  if (withSpecDir) mkdirSync(path.join(root, '.spec'));
  return root;
}

/** A stand-in for module.enableCompileCache that records the folders it was asked for. */
function recordingEnable(status = 0) {
  const asked: string[] = [];
  return { asked, enable: (directory: string) => (asked.push(directory), { status, directory }) };
}

describe('enableCompileCache', () => {
  const { ENABLED = 1, FAILED = 0 } = (nodeModule as { constants?: { compileCacheStatus?: Record<string, number> } }).constants?.compileCacheStatus ?? {};

  it("puts the cache under the project's .spec/ when that folder is there", () => {
    const root = project(true);
    const { asked, enable } = recordingEnable(ENABLED);
    expect(enableCompileCache(root, enable)).toBe(path.join(root, COMPILE_CACHE_DIR));
    expect(asked).toEqual([path.join(root, '.spec', 'compile-cache')]);
  });

  it('stays off, asking nothing of Node, when the project has no .spec/ (nothing is written outside it)', () => {
    const { asked, enable } = recordingEnable(ENABLED);
    expect(enableCompileCache(project(false), enable)).toBeUndefined();
    expect(asked).toEqual([]);
  });

  it('stays off when .spec/ is not writable', () => {
    const root = project(true);
    chmodSync(path.join(root, '.spec'), 0o500);
    const { asked, enable } = recordingEnable(ENABLED);
    try {
      // root may write anywhere: there the check cannot be shown, and access() says so too.
      const writable = spawnSync('sh', ['-c', `touch "${path.join(root, '.spec', 'probe')}"`]).status === 0;
      expect(enableCompileCache(root, enable)).toBe(writable ? path.join(root, COMPILE_CACHE_DIR) : undefined);
      if (!writable) expect(asked).toEqual([]);
    } finally {
      chmodSync(path.join(root, '.spec'), 0o700);
    }
  });

  it('stays off, asking nothing of Node, under NODE_DISABLE_COMPILE_CACHE (a runner that records line coverage)', () => {
    const { asked, enable } = recordingEnable(ENABLED);
    expect(enableCompileCache(project(true), enable, { NODE_DISABLE_COMPILE_CACHE: '1' })).toBeUndefined();
    expect(asked).toEqual([]);
  });

  it("is off on a Node without module.enableCompileCache, and says off when Node could not start it", () => {
    const root = project(true);
    expect(enableCompileCache(root, null)).toBeUndefined();
    expect(enableCompileCache(root, recordingEnable(FAILED).enable)).toBeUndefined();
  });
});

describe('spec verify and its runner on this Node', () => {
  const supported = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function';

  it(supported ? 'fill .spec/compile-cache with the modules they loaded' : 'write no compile cache (this Node has none)', () => {
    const root = project(false);
    cpSync(path.join(REPO, 'fixtures', 'todo'), root, { recursive: true });
    const spec = (args: string[]) => spawnSync(process.execPath, [path.join(REPO, 'bin', 'spec.js'), 'verify', '--gate', 'none', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_COMPILE_CACHE: '' } });
    // The first run makes .spec/ (the CLI's own cache starts with the second run).
    expect(spec([]).status).toBe(0);
    expect(spec(['--cwd', path.join(root, 'features')]).status).toBe(0);
    if (!supported) return expect(existsSync(path.join(root, COMPILE_CACHE_DIR))).toBe(false);
    const cached = readdirSync(path.join(root, COMPILE_CACHE_DIR), { recursive: true }).length;
    expect(cached).toBeGreaterThan(100);
  }, 120_000);

  // The TypeScript compiler ts-morph loads is the one module of several megabytes: its entry is ≈ 5.6 MB on Node 22.
  it.skipIf(!supported)('let the vacuous-check thread load ts-morph from .spec/compile-cache too (skipped on a Node without a compile cache)', () => {
    const root = project(false);
    cpSync(path.join(REPO, 'fixtures', 'todo'), root, { recursive: true });
    const spec = () => spawnSync(process.execPath, [path.join(REPO, 'bin', 'spec.js'), 'verify', '--gate', 'none'], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_COMPILE_CACHE: '' } });
    expect(spec().status).toBe(0);
    // The analysis of unchanged step files is cached: without its answer the thread runs again.
    rmSync(path.join(root, '.spec', 'debt-vacuous.json'));
    const second = spec();
    expect(second.status, second.stderr).toBe(0);
    const folders = readdirSync(path.join(root, COMPILE_CACHE_DIR), { withFileTypes: true });
    expect(folders.map((f) => f.isDirectory())).toEqual([true]);
    const entries = readdirSync(path.join(root, COMPILE_CACHE_DIR, folders[0]!.name), { withFileTypes: true });
    expect(entries.filter((e) => e.isDirectory()).map((e) => e.name), 'a cache inside the cache').toEqual([]);
    const sizes = entries.map((e) => statSync(path.join(root, COMPILE_CACHE_DIR, folders[0]!.name, e.name)).size);
    expect(Math.max(...sizes)).toBeGreaterThan(3_000_000);
  }, 120_000);
});
