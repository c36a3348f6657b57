import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../src/config/defaults.js';
import { resolveConfig } from '../src/config/load.js';
import type { UserConfig } from '../src/config/schema.js';
import { detectGates, findBin, resolveGates, runGate } from '../src/run/gates.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>, executables: string[] = []): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'specloop-gates-')));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  for (const name of executables) fs.chmodSync(path.join(dir, name), 0o755);
  return dir;
}

const BIN = '#!/bin/sh\necho "$0 $@"\n';

/** A project where every default gate is evident. */
function fullProject(extra: Record<string, string> = {}): string {
  return project(
    {
      'tsconfig.json': '{}',
      'package.json': JSON.stringify({ devDependencies: { vitest: '4.0.0' } }),
      'eslint.config.js': 'export default [];\n',
      'node_modules/.bin/tsc': BIN,
      'node_modules/.bin/vitest': BIN,
      'node_modules/.bin/eslint': BIN,
      ...extra,
    },
    ['node_modules/.bin/tsc', 'node_modules/.bin/vitest', 'node_modules/.bin/eslint'],
  );
}

function config(root: string, user: UserConfig = {}) {
  return resolveConfig(root, undefined, user);
}

describe('findBin / detectGates', () => {
  it('finds node_modules/.bin executables from the project up', () => {
    const root = fullProject({ 'packages/app/package.json': '{}' });
    expect(findBin(path.join(root, 'packages', 'app'), 'tsc')).toBe(path.join(root, 'node_modules', '.bin', 'tsc'));
    expect(findBin(root, 'no-such-tool-here')).toBeUndefined();
  });

  it('detects typecheck, test and lint when their config and binary are both there', () => {
    expect(detectGates(fullProject())).toEqual({ typecheck: ['tsc', '--noEmit'], test: ['vitest', 'run'], lint: ['eslint', '.'] });
  });

  it('detects nothing in an empty project', () => {
    expect(detectGates(project({}))).toEqual({});
  });

  it('needs the config file, not only the binary', () => {
    const root = project({ 'node_modules/.bin/tsc': BIN, 'node_modules/.bin/eslint': BIN, 'node_modules/.bin/vitest': BIN, 'package.json': '{}' });
    expect(detectGates(root)).toEqual({});
  });

  it('needs the binary, not only the config', () => {
    const root = project({ 'tsconfig.json': '{}', 'eslint.config.mjs': '', 'package.json': JSON.stringify({ dependencies: { vitest: '1' } }) });
    expect(detectGates(root)).toEqual({});
  });

  it('uses biome for lint when there is no eslint config', () => {
    const root = project({ 'biome.json': '{}', 'node_modules/.bin/biome': BIN }, ['node_modules/.bin/biome']);
    expect(detectGates(root)).toEqual({ lint: ['biome', 'check', '.'] });
  });
});

describe('resolveGates', () => {
  it('the detected defaults, in order, with the default timeout', () => {
    const root = fullProject();
    const { gates, unknown } = resolveGates(config(root), undefined);
    expect(gates).toEqual([
      { name: 'typecheck', command: ['tsc', '--noEmit'], timeout: DEFAULTS.gateTimeout },
      { name: 'test', command: ['vitest', 'run'], timeout: DEFAULTS.gateTimeout },
      { name: 'lint', command: ['eslint', '.'], timeout: DEFAULTS.gateTimeout },
    ]);
    expect(unknown).toEqual([]);
  });

  it('config overrides a detected gate, false removes one, and new gates are added after', () => {
    const root = fullProject();
    const { gates } = resolveGates(
      config(root, { gates: { typecheck: ['tsc', '-p', 'tsconfig.build.json'], lint: false, build: { command: ['npm', 'run', 'build'], timeout: 1234 } } }),
      undefined,
    );
    expect(gates).toEqual([
      { name: 'typecheck', command: ['tsc', '-p', 'tsconfig.build.json'], timeout: DEFAULTS.gateTimeout },
      { name: 'test', command: ['vitest', 'run'], timeout: DEFAULTS.gateTimeout },
      { name: 'build', command: ['npm', 'run', 'build'], timeout: 1234 },
    ]);
  });

  it('an object gate without a timeout gets the default', () => {
    const { gates } = resolveGates(config(project({}), { gates: { e2e: { command: ['playwright', 'test'] } } }), undefined);
    expect(gates).toEqual([{ name: 'e2e', command: ['playwright', 'test'], timeout: DEFAULTS.gateTimeout }]);
  });

  it('`only` narrows to the named gates and reports unknown names', () => {
    const root = fullProject();
    const { gates, unknown } = resolveGates(config(root, { gates: { lint: false } }), ['test', 'lint', 'nope']);
    expect(gates.map((g) => g.name)).toEqual(['test']);
    // lint was removed by config: naming it is as unknown as a typo
    expect(unknown).toEqual(['lint', 'nope']);
  });

  it('`only: none` runs no gate and is not unknown', () => {
    const { gates, unknown } = resolveGates(config(fullProject()), ['none']);
    expect(gates).toEqual([]);
    expect(unknown).toEqual([]);
  });
});

const NODE = process.execPath;
const env = process.env as Record<string, string | undefined>;

function gone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
  // a killed process its parent has not reaped yet is a zombie: it is gone too
  try {
    return /^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

async function waitGone(pid: number, ms = 3000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (gone(pid)) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return gone(pid);
}

describe('runGate', () => {
  it('a command that exits 0 passed, with its output as the log', async () => {
    const root = project({});
    const result = await runGate(root, { name: 'ok', command: [NODE, '-e', 'console.log("all good"); console.error("on stderr")'], timeout: 20_000 }, env);
    expect(result).toMatchObject({ name: 'ok', status: 'passed', exitCode: 0 });
    expect(result.command).toEqual([NODE, '-e', 'console.log("all good"); console.error("on stderr")']);
    expect(result.log).toContain('all good');
    expect(result.log).toContain('on stderr');
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('runs `node` found on PATH, in the project root, with colour turned off', async () => {
    const root = project({});
    const result = await runGate(root, { name: 'env', command: ['node', '-e', 'console.log(process.cwd(), process.env.NO_COLOR, process.env.FORCE_COLOR)'], timeout: 20_000 }, env);
    expect(result.status).toBe('passed');
    expect(result.log).toBe(`${root} 1 0`);
  });

  it('a failing command failed, with its exit code and the tail of its log', async () => {
    const root = project({});
    const result = await runGate(root, { name: 'bad', command: ['node', '-e', 'console.log("before"); console.error("type error in x.ts"); process.exit(3)'], timeout: 20_000 }, env);
    expect(result.status).toBe('failed');
    expect(result.exitCode).toBe(3);
    expect(result.log).toContain('type error in x.ts');
  });

  it('keeps only the last 4000 characters of a long log, marked with …', async () => {
    const root = project({});
    const result = await runGate(root, { name: 'long', command: ['node', '-e', 'process.stdout.write("x".repeat(20000) + "THE END"); process.exit(1)'], timeout: 20_000 }, env);
    expect(result.status).toBe('failed');
    expect(result.log.startsWith('…')).toBe(true);
    expect(result.log.length).toBe(4001);
    expect(result.log.endsWith('THE END')).toBe(true);
  });

  it('strips ANSI escapes from the log', async () => {
    const root = project({});
    const result = await runGate(root, { name: 'ansi', command: ['node', '-e', 'console.log("\\u001b[31mred\\u001b[39m text")'], timeout: 20_000 }, env);
    expect(result.log).toBe('red text');
  });

  it('runs a project-relative script path and a node_modules/.bin tool', async () => {
    const root = project({ 'scripts/check.sh': '#!/bin/sh\necho "checked $1"\n', 'node_modules/.bin/mytool': '#!/bin/sh\necho "mytool ran"\nexit 4\n' }, ['scripts/check.sh', 'node_modules/.bin/mytool']);
    const script = await runGate(root, { name: 'script', command: ['scripts/check.sh', 'arg'], timeout: 20_000 }, env);
    expect(script).toMatchObject({ status: 'passed', log: 'checked arg' });
    const tool = await runGate(root, { name: 'tool', command: ['mytool'], timeout: 20_000 }, env);
    expect(tool).toMatchObject({ status: 'failed', exitCode: 4, log: 'mytool ran' });
  });

  it('never goes through a shell: arguments are passed as they are', async () => {
    const root = project({});
    const result = await runGate(root, { name: 'argv', command: ['node', '-e', 'console.log(process.argv[1])', '$HOME; echo injected'], timeout: 20_000 }, env);
    expect(result.log).toBe('$HOME; echo injected');
  });

  it('a command that is not there is an error with a clear message', async () => {
    const root = project({});
    const result = await runGate(root, { name: 'lint', command: ['specloop-no-such-command-xyz', '.'], timeout: 20_000 }, env);
    expect(result.status).toBe('error');
    expect(result.exitCode).toBeNull();
    expect(result.log).toBe('[specloop] command not found: specloop-no-such-command-xyz (install it, or change gates.lint in the config)');
  });

  it('a command that outlives its timeout is killed with everything it started', async () => {
    const root = project({});
    const program = [
      'const { spawn } = require("node:child_process");',
      'const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });',
      'console.log("pids", process.pid, child.pid);',
      'setInterval(() => {}, 1000);',
    ].join('\n');
    const started = Date.now();
    const result = await runGate(root, { name: 'hang', command: ['node', '-e', program], timeout: 800 }, env);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.status).toBe('timeout');
    expect(result.exitCode).toBeNull();
    expect(result.log).toContain('[specloop] gate "hang" exceeded 800 ms and was stopped');
    const match = /pids (\d+) (\d+)/.exec(result.log);
    expect(match, result.log).not.toBeNull();
    expect(await waitGone(Number(match![1]))).toBe(true);
    expect(await waitGone(Number(match![2]))).toBe(true);
  });

  it('a tiny timeout stops a hanging process', async () => {
    const root = project({});
    const result = await runGate(root, { name: 'spin', command: ['node', '-e', 'setInterval(() => {}, 1000)'], timeout: 300 }, env);
    expect(result.status).toBe('timeout');
    expect(result.durationMs).toBeGreaterThanOrEqual(250);
    expect(result.durationMs).toBeLessThan(3_000);
  });

  it('an abort signal cancels the gate and kills it', async () => {
    const root = project({});
    const controller = new AbortController();
    const pending = runGate(root, { name: 'cancel', command: ['node', '-e', 'console.log("pid", process.pid); setInterval(() => {}, 1000)'], timeout: 20_000 }, env, controller.signal);
    setTimeout(() => controller.abort(), 400);
    const result = await pending;
    expect(result.status).toBe('error');
    expect(result.log).toContain('[specloop] cancelled');
    const pid = /pid (\d+)/.exec(result.log);
    if (pid) expect(await waitGone(Number(pid[1]))).toBe(true);
  });
});
