import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import nodeModule from 'node:module';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, describe, expect, it } from 'vitest';
import { VerdictSchema } from '../src/report/verdict.js';
import { COMPILE_CACHE_DIR } from '../src/core/compile-cache.js';

/**
 * Code V8 deserializes from Node's compile cache carries no block coverage (Node's docs,
 * "Limitations of the compile cache"; nodejs/node#54633): a module's top level and the functions
 * compiled with it (an enum IIFE) read as wholly run. fixtures/debt-lines-eager puts untaken
 * branches exactly there; a run with a warm cache must count them as a run without one does.
 */
const REPO = path.resolve(import.meta.dirname, '..');
const WORK = path.join(REPO, '.tmp', 'compile-cache-coverage');
const supported = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function';
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

function copy(): string {
  mkdirSync(WORK, { recursive: true });
  const root = mkdtempSync(path.join(WORK, 'project-'));
  cpSync(path.join(REPO, 'fixtures', 'debt-lines-eager'), root, { recursive: true });
  // .spec/ there from the start: the first run already writes the cache, the second reads it.
  mkdirSync(path.join(root, '.spec'));
  return root;
}

function verify(root: string, args: string[], cache: boolean): { unspecified: unknown; status: number | null } {
  const { NODE_COMPILE_CACHE: _given, NODE_DISABLE_COMPILE_CACHE: _off, ...env } = process.env;
  if (!cache) env.NODE_DISABLE_COMPILE_CACHE = '1';
  const ran = spawnSync(process.execPath, [path.join(REPO, 'bin', 'spec.js'), 'verify', '--json', '--gate', 'none', ...args], { cwd: root, encoding: 'utf8', env });
  const verdict = JSON.parse(ran.stdout) as { debt?: { metrics?: { unspecified?: { value?: unknown } } } };
  return { unspecified: verdict.debt?.metrics?.unspecified?.value, status: ran.status };
}

/** The live direct children of `pid`. */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).flatMap((name) => {
    try {
      const fields = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return fields[0] !== 'Z' && Number(fields[1]) === pid ? [Number(name)] : [];
    } catch {
      return [];
    }
  });
}

const executed = (root: string) => (JSON.parse(readFileSync(path.join(root, '.spec', 'line-coverage.json'), 'utf8')) as { files: Record<string, { executed: number[] }> }).files;
const covered = (root: string) => (JSON.parse(readFileSync(path.join(root, '.spec', 'scenario-map.json'), 'utf8')) as { scenarios: { id: string; covered: string[] }[] }).scenarios.map(({ id, covered }) => ({ id, covered }));

describe(supported ? 'line and file coverage with a warm compile cache' : 'line and file coverage with a warm compile cache (skipped: this Node has no compile cache)', () => {
  it.skipIf(!supported)('counts the lines a warm cache would hide: the same unspecified lines as a run without the cache', () => {
    const uncached = copy();
    const truth = verify(uncached, ['--coverage'], false);
    // lib/pricing.js lines 7 (the legacy code), 13 (cents) and 28 (the undiscounted return).
    expect(truth).toEqual({ unspecified: 3, status: 0 });
    const cached = copy();
    expect(verify(cached, ['--coverage'], true)).toEqual(truth);
    expect(existsSync(path.join(cached, COMPILE_CACHE_DIR))).toBe(true);
    expect(verify(cached, ['--coverage'], true)).toEqual(truth);
    expect(executed(cached)).toEqual(executed(uncached));
  }, 180_000);

  it.skipIf(!supported)('counts them too when the config, not the command line, asks for coverage (the runner started before it was read)', () => {
    const cached = copy();
    writeFileSync(path.join(cached, 'spec.config.json'), '{ "coverage": true }\n');
    verify(cached, [], true);
    expect(verify(cached, [], true)).toEqual({ unspecified: 3, status: 0 });
    expect(executed(cached)['lib/pricing.js']).not.toContain(7);
  }, 180_000);

  it.skipIf(!supported)("records the same files per scenario (function coverage) with a warm cache as without one", () => {
    const uncached = copy();
    expect(verify(uncached, ['features/checkout.feature', '--coverage'], false).status).toBe(0);
    const cached = copy();
    verify(cached, ['features/checkout.feature', '--coverage'], true);
    expect(verify(cached, ['features/checkout.feature', '--coverage'], true).status).toBe(0);
    expect(existsSync(path.join(cached, COMPILE_CACHE_DIR))).toBe(true);
    expect(covered(cached)).toEqual(covered(uncached));
    expect(covered(cached)[0]?.covered).toContain('lib/pricing.js');
  }, 180_000);

  it.skipIf(!supported)('spec mcp: a verify that records lines swaps its runner for one without the cache, leaving no runner of the swap behind', async () => {
    const root = copy();
    writeFileSync(path.join(root, 'spec.config.json'), '{ "coverage": true }\n');
    verify(root, ['features/checkout.feature'], true);
    const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && e[0] !== 'NODE_COMPILE_CACHE' && e[0] !== 'NODE_DISABLE_COMPILE_CACHE'));
    const transport = new StdioClientTransport({ command: process.execPath, args: [path.join(REPO, 'bin', 'spec.js'), 'mcp', '--cwd', root], env, stderr: 'pipe' });
    const client = new Client({ name: 'specloop-test', version: '1.0.0' });
    await client.connect(transport);
    try {
      for (let call = 0; call < 3; call++) {
        const verdict = VerdictSchema.parse((await client.callTool({ name: 'verify', arguments: { gates: 'none' } })).structuredContent);
        expect(verdict.exitCode, `call ${call + 1}: ${JSON.stringify(verdict.failures)}`).toBe(0);
        expect(verdict.debt?.metrics.unspecified.value).toBe(3);
      }
      // The runner a call kept and the spare the pool refills: no runner left over from the swap.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(childrenOf(transport.pid!).length).toBeLessThanOrEqual(2);
    } finally {
      await client.close();
    }
  }, 180_000);
});
