import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
// semver ships no types of its own; this is the one function used.
const { satisfies } = require('semver') as { satisfies(version: string, range: string): boolean };
const readJson = (file: string) => JSON.parse(readFileSync(path.join(REPO, file), 'utf8')) as Record<string, any>;

/** The lowest Node of each line specloop's own `engines` admits: every installed package must run there. */
const OUR_FLOORS = ['20.19.0', '22.12.0'];

interface LockEntry {
  version?: string;
  dev?: boolean;
  engines?: Record<string, string> | string[];
}

/** Packages a user installs with specloop (not dev-only) whose engines.node rejects one of our floors. */
function enginesTooNarrow(lock: { packages: Record<string, LockEntry> }): string[] {
  return Object.entries(lock.packages)
    .filter(([where, entry]) => where !== '' && !entry.dev)
    .flatMap(([where, entry]) => {
      const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (!range) return [];
      const refused = OUR_FLOORS.filter((node) => !satisfies(node, range));
      return refused.length ? [`${where}@${entry.version} engines.node "${range}" refuses Node ${refused.join(', ')}`] : [];
    });
}

describe('dependencies', () => {
  it("every runtime dependency's engines admit specloop's own Node range", () => {
    expect(readJson('package.json').engines.node).toBe('^20.19 || >=22.12');
    expect(enginesTooNarrow(readJson('package-lock.json') as { packages: Record<string, LockEntry> })).toEqual([]);
  });

  it('would catch a dependency that needs a newer Node (write-file-atomic 8)', () => {
    const lock = { packages: { '': {}, 'node_modules/write-file-atomic': { version: '8.0.0', engines: { node: '^22.22.0 || >=24.13.0' } }, 'node_modules/vitest': { version: '5.0.0', dev: true, engines: { node: '>=22' } } } };
    expect(enginesTooNarrow(lock)).toEqual(['node_modules/write-file-atomic@8.0.0 engines.node "^22.22.0 || >=24.13.0" refuses Node 20.19.0, 22.12.0']);
  });
});

describe('the published package', () => {
  const pkg = readJson('package.json');

  it('lists in "files" only what exists, and builds dist/ before packing', () => {
    expect((pkg.files as string[]).filter((entry) => !existsSync(path.join(REPO, entry.replace(/^!/, ''))))).toEqual([]);
    expect(pkg.scripts.prepack).toMatch(/npm run build/);
    expect(readFileSync(path.join(REPO, 'LICENSE'), 'utf8')).toMatch(new RegExp(`^${pkg.license} License`));
  });

  it('ships the CLI, the API, its types and the licence; no tests, sources or source maps', () => {
    expect(existsSync(path.join(REPO, 'dist', 'cli', 'main.js')), 'dist/ is missing: run npm run build first').toBe(true);
    // --ignore-scripts: the prepack build is the one being tested for above, not re-run here.
    const [report] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO, encoding: 'utf8' })) as [{ files: { path: string }[] }];
    const files = report.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'bin/spec.js', 'dist/cli/main.js', 'dist/index.js', 'dist/index.d.ts', 'verdict.schema.json']));
    expect(files.filter((f) => /^(src|test|features|fixtures|steps|scripts|bench|examples)\//.test(f) || f.endsWith('.map'))).toEqual([]);
    // bin/spec.js runs the bundle; its build metadata (for test/bundle.test.ts) is not shipped.
    expect(files).toEqual(expect.arrayContaining(['dist/bundle/cli.js', 'dist/bundle/mcp.js', 'dist/bundle/worker.cjs', 'dist/bundle/LICENSES.txt', 'dist/bundle/worker-preamble.cjs']));
    expect(files).not.toContain('dist/bundle/meta.json');
    // Every module the package points at is in it.
    const entries = [pkg.bin.spec, pkg.exports['.'].import, pkg.exports['.'].default, pkg.exports['.'].types].map((p: string) => p.replace(/^\.\//, ''));
    expect(entries.filter((entry) => !files.includes(entry))).toEqual([]);
  }, 30_000);
});
