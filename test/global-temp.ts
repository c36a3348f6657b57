import { mkdtempSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The unit tests get a temp folder of their own (TMPDIR, which os.tmpdir() reads on every call and
 * the forked test workers inherit), and the run fails when they leave anything in it. A folder of
 * its own, not a snapshot of the system temp dir: other processes on the machine write there too.
 * It sits outside the repository on purpose: some tests need a folder outside any git repository.
 */
// Dependencies' caches, not a test's leftovers: tsx keeps its transform cache in `<tmp>/tsx-<uid>`,
// and on Node 22+ eslint (run by the complexity check against sonarjs) turns on Node's module
// compile cache, which lives in `<tmp>/node-compile-cache`.
const CACHES = /^(tsx-\d+|node-compile-cache)$/;

export default function setup(): () => void {
  const own = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'specloop-unit-tmp-')));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = own;
  return () => {
    process.env.TMPDIR = previous;
    if (previous === undefined) delete process.env.TMPDIR;
    const left = readdirSync(own).filter((name) => !CACHES.test(name));
    rmSync(own, { recursive: true, force: true });
    if (left.length === 0) return;
    // vitest reports an error thrown here but still exits 0: the exit code must say it too.
    process.exitCode = 1;
    throw new Error(`unit tests left ${left.length} entr${left.length === 1 ? 'y' : 'ies'} in the temp dir (remove them in afterEach/afterAll, e.g. with tempDir() from test/helpers.ts): ${left.join(', ')}`);
  };
}
