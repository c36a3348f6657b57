import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A fixture with its own package-lock.json (e.g. one pinned to an older cucumber major) gets its
 * own node_modules: installed once per checkout and Node major with `npm ci` into a git-ignored
 * cache, and reused with no network while the lock file is unchanged. Returns the node_modules
 * folder to link.
 */
export function fixtureDependencies(repo: string, fixture: string): string | undefined {
  const lock = path.join(repo, 'fixtures', fixture, 'package-lock.json');
  if (!existsSync(lock)) return undefined;
  const nodeMajor = process.version.split('.')[0]!;
  const stamp = createHash('sha256').update(readFileSync(lock)).update(nodeMajor).digest('hex');
  // One install per Node major: .ci/run's lines alternate Node 20, 22 and 24, and one shared folder
  // was installed again on every line (≈ 25 s each).
  const cache = path.join(repo, '.tmp', 'fixture-deps', nodeMajor, fixture);
  const stampFile = path.join(cache, '.installed');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return path.join(cache, 'node_modules');
  // Installed beside the cache and renamed into place, so an interrupted or concurrent install never leaves half a tree.
  const partial = `${cache}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  for (const file of ['package.json', 'package-lock.json']) copyFileSync(path.join(repo, 'fixtures', fixture, file), path.join(partial, file));
  try {
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: partial, stdio: ['ignore', 'ignore', 'pipe'], timeout: 10 * 60_000 });
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`npm ci for fixtures/${fixture} failed (the first run needs the npm registry): ${(error as Error).message}\n${stderr}`);
  }
  writeFileSync(path.join(partial, '.installed'), stamp);
  // Another worker of a parallel run may have put the same install in place meanwhile, and its
  // scenarios use it: a rename never replaces a folder that is there, and an install of the same
  // lock file is kept; only a stale one is removed before this one takes its place.
  const installed = () => existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp;
  for (let attempt = 0; ; attempt++) {
    try {
      renameSync(partial, cache);
      break;
    } catch (error) {
      if (installed()) break;
      if (attempt > 0 || !existsSync(cache)) throw error;
      rmSync(cache, { recursive: true, force: true });
    }
  }
  rmSync(partial, { recursive: true, force: true });
  return path.join(cache, 'node_modules');
}
