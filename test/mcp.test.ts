import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StepsCatalogueSchema } from '../src/api/steps.js';
import { VerdictSchema } from '../src/report/verdict.js';
import { REPO, tempDir } from './helpers.js';

// `spec mcp` driven the way an agent drives it: the official client over stdio, against the built
// CLI (bin/spec.js → dist/), on copies of fixtures inside the repository so they resolve its cucumber.

const COPIES = path.join(REPO, '.tmp', 'mcp-test', String(process.pid));

/** A fresh copy of fixtures/FIXTURE under the test's own folder, named AS. */
function fixtureCopy(fixture: string, as = fixture): string {
  mkdirSync(COPIES, { recursive: true });
  const root = path.join(COPIES, as);
  cpSync(path.join(REPO, 'fixtures', fixture), root, { recursive: true });
  return root;
}

/** A copy of fixtures/todo whose count step is wrong (and prints, to prove no output reaches the protocol). */
function failingTodo(): string {
  const root = fixtureCopy('todo', 'todo-failing');
  const steps = path.join(root, 'steps', 'todo.steps.ts');
  writeFileSync(steps, readFileSync(steps, 'utf8').replace('assert.equal(this.list.remaining(), count);', 'console.log("noise from a step"); assert.equal(this.list.remaining(), count + 1);'));
  return root;
}

function serverEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
}

async function connect(cwd: string): Promise<{ client: Client; transport: StdioClientTransport }> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [path.join(REPO, 'bin', 'spec.js'), 'mcp', '--cwd', cwd], env: serverEnv(), stderr: 'pipe' });
  const client = new Client({ name: 'specloop-test', version: '1.0.0' });
  await client.connect(transport);
  return { client, transport };
}

/** Every live descendant of `pid` (runners sit in process groups of their own, but are still its children). */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    const stat = readStat(Number(name));
    if (!stat || stat.state === 'Z') continue;
    children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), Number(name)]);
  }
  const found: number[] = [];
  const visit = (p: number) => (children.get(p) ?? []).forEach((c) => (found.push(c), visit(c)));
  visit(pid);
  return found;
}

function readStat(pid: number): { ppid: number; state: string } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0]!, ppid: Number(fields[1]) };
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  const stat = readStat(pid);
  return stat !== undefined && stat.state !== 'Z';
}

function text(result: Awaited<ReturnType<Client['callTool']>>): string {
  return (result.content as { type: string; text?: string }[]).map((c) => c.text ?? '').join('\n');
}

describe('spec mcp over stdio', () => {
  let root: string;
  let client: Client;
  let transport: StdioClientTransport;

  beforeAll(async () => {
    rmSync(COPIES, { recursive: true, force: true });
    mkdirSync(COPIES, { recursive: true });
    root = failingTodo();
    // A symlink inside the project that points out of it: the path looks inside, the file is not.
    symlinkSync(tempDir('mcp-outside-'), path.join(root, 'features', 'elsewhere'));
    ({ client, transport } = await connect(root));
  });

  afterAll(async () => {
    await client?.close();
    rmSync(COPIES, { recursive: true, force: true });
  });

  it('lists its tools, each with an input and an output schema', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['debt', 'explain_failure', 'list_specs', 'steps', 'verify']);
    for (const tool of tools) {
      expect(tool.inputSchema.type, tool.name).toBe('object');
      expect(tool.outputSchema?.type, tool.name).toBe('object');
    }
  });

  it('verify on a failing project returns the verdict as structured content, valid against the verdict schema', async () => {
    const result = await client.callTool({ name: 'verify', arguments: { gates: 'none' } });
    expect(result.isError).toBeFalsy();
    const verdict = VerdictSchema.parse(result.structuredContent);
    expect(verdict.status).toBe('failed');
    expect(verdict.exitCode).toBe(1);
    expect(verdict.counts.scenarios.failed).toBe(4);
    expect(verdict.failures.some((f) => f.scenarioId === 'features/todo.feature:4' && f.kind === 'failed-step')).toBe(true);
    expect(text(result)).toContain('features/todo.feature');
  });

  it('explain_failure gives one failure in full, with the spec excerpt and the step definition source', async () => {
    const result = await client.callTool({ name: 'explain_failure', arguments: { scenario: 'features/todo.feature:4' } });
    expect(result.isError).toBeFalsy();
    const explained = result.structuredContent as { failure: { scenarioId: string; expected?: string; actual?: string }; spec: { file: string; lines: string[] }; definition: { file: string; line: number; source: { lines: string[] } }; scenario: { steps: { status: string }[] } };
    expect(explained.failure).toMatchObject({ scenarioId: 'features/todo.feature:4', expected: '1', actual: '0' });
    expect(explained.spec.file).toBe('features/todo.feature');
    expect(explained.spec.lines).toContain('    Then 0 todos remain');
    expect(explained.definition).toMatchObject({ file: 'steps/todo.steps.ts', line: 25 });
    expect(explained.definition.source.lines[0]).toContain("Then('{int} todo(s) remain(s)'");
    expect(explained.definition.source.lines.join('\n')).toContain('count + 1');
    expect(explained.scenario.steps.map((s) => s.status)).toEqual(['passed', 'failed']);
    const missing = await client.callTool({ name: 'explain_failure', arguments: { index: 99 } });
    expect(missing.isError).toBe(true);
    expect(text(missing)).toMatch(/failure 99 does not exist.*SPEC_USAGE/s);
  });

  it('refuses a path outside the root, and a symlink inside that points outside, as tool errors', async () => {
    const outside = await client.callTool({ name: 'verify', arguments: { paths: ['../../../package.json'] } });
    expect(outside.isError).toBe(true);
    expect(text(outside)).toContain('SPEC_PATH_OUTSIDE_PROJECT');
    const absolute = await client.callTool({ name: 'list_specs', arguments: { paths: ['/etc'] } });
    expect(absolute.isError).toBe(true);
    expect(text(absolute)).toContain('SPEC_PATH_OUTSIDE_PROJECT');
    // Named as the caller gave it, not as the project-relative path it was turned into (../../../etc/passwd).
    const given = await client.callTool({ name: 'verify', arguments: { paths: ['/etc/passwd'] } });
    expect(text(given)).toContain('path "/etc/passwd" is outside the project root');
    const linked = await client.callTool({ name: 'verify', arguments: { paths: ['features/elsewhere/x.feature:3'] } });
    expect(linked.isError).toBe(true);
    expect(text(linked)).toMatch(/outside the project root.*resolves to .*mcp-outside-/s);
  });

  it('answers bad arguments with a tool error and stays up', async () => {
    const bad = await client.callTool({ name: 'verify', arguments: { paths: 3 } });
    expect(bad.isError).toBe(true);
    const unknownGate = await client.callTool({ name: 'verify', arguments: { gates: ['no-such-gate'] } });
    // Bad input to the run, not to the tool: the verdict says it, as spec verify's would (exit 2).
    const refused = VerdictSchema.parse(unknownGate.structuredContent);
    expect(refused.exitCode).toBe(2);
    expect(refused.failures[0]).toMatchObject({ code: 'SPEC_USAGE', message: 'unknown gate "no-such-gate"' });
  });

  it('list_specs lists every spec with its scenarios, tags, line and last status', async () => {
    const result = await client.callTool({ name: 'list_specs', arguments: {} });
    expect(result.isError).toBeFalsy();
    const { specs } = result.structuredContent as { specs: { file: string; scenarios: { id: string; tags: string[]; status: string; line: number }[] }[] };
    expect(specs.map((s) => s.file)).toEqual(['features/planning.md', 'features/todo.feature']);
    const todo = specs[1]!.scenarios;
    expect(todo.map((s) => [s.id, s.status])).toEqual([
      ['features/todo.feature:4', 'failed'],
      ['features/todo.feature:8', 'failed'],
      ['features/todo.feature:18', 'failed'],
    ]);
    expect(todo[2]!.tags).toEqual(['@smoke']);
  });

  it('steps returns the catalogue: each definition with file:line and the spec steps that use it', async () => {
    const result = await client.callTool({ name: 'steps', arguments: {} });
    expect(result.isError, text(result)).toBeFalsy();
    const catalogue = StepsCatalogueSchema.parse(result.structuredContent);
    const remain = catalogue.definitions.find((d) => d.pattern === '{int} todo(s) remain(s)');
    expect(remain).toMatchObject({ file: 'steps/todo.steps.ts', line: 25 });
    expect(remain!.uses).toEqual(expect.arrayContaining([expect.objectContaining({ spec: 'features/todo.feature', line: 6, scenario: 'A new list is empty' })]));
    expect(catalogue.undefined).toEqual([]);
    const outside = await client.callTool({ name: 'steps', arguments: { paths: ['features/elsewhere'] } });
    expect(outside.isError).toBe(true);
    expect(text(outside)).toContain('SPEC_PATH_OUTSIDE_PROJECT');
  });

  it('still answers after failures and bad calls, and verify of one scenario works', async () => {
    const result = await client.callTool({ name: 'verify', arguments: { paths: ['features/planning.md:10'], gates: 'none' } });
    const verdict = VerdictSchema.parse(result.structuredContent);
    expect(verdict.counts.scenarios).toMatchObject({ total: 1, passed: 1 });
    expect(verdict.exitCode).toBe(0);
  });

  it('leaves no process behind once the client closes', async () => {
    const server = transport.pid!;
    const { client: other, transport: otherTransport } = await connect(root);
    await other.callTool({ name: 'verify', arguments: { paths: ['features/todo.feature'], gates: 'none' } });
    const pids = [otherTransport.pid!, ...descendants(otherTransport.pid!)];
    expect(pids.length).toBeGreaterThan(1);
    const started = Date.now();
    await other.close();
    // The client waits 2 s for the server to exit on its own before it sends SIGTERM: it must not need to.
    expect(Date.now() - started).toBeLessThan(2000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(pids.filter(alive)).toEqual([]);
    expect(alive(server)).toBe(true);
  });

  it('ends a run under way when the client closes, runner and all', async () => {
    const { client: other, transport: otherTransport } = await connect(root);
    const call = other.callTool({ name: 'verify', arguments: { gates: 'none' } }).catch(() => undefined);
    await expect.poll(() => descendants(otherTransport.pid!).length, { timeout: 10_000 }).toBeGreaterThan(0);
    const pids = [otherTransport.pid!, ...descendants(otherTransport.pid!)];
    const started = Date.now();
    await other.close();
    await call;
    expect(Date.now() - started).toBeLessThan(2000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(pids.filter(alive)).toEqual([]);
  });
});

describe('spec mcp verify gates', () => {
  it('runs every configured gate for an empty gates list, as for none given: only "none" turns them off', async () => {
    const root = fixtureCopy('todo', 'todo-gated');
    writeFileSync(path.join(root, 'spec.config.json'), JSON.stringify({ gates: { lint: ['node', '-e', 'process.exit(3)'] } }));
    const { client } = await connect(root);
    try {
      for (const gates of [[], undefined]) {
        const verdict = VerdictSchema.parse((await client.callTool({ name: 'verify', arguments: gates ? { gates } : {} })).structuredContent);
        expect(verdict.gates.map((g) => [g.name, g.status])).toEqual([['lint', 'failed']]);
        expect(verdict.exitCode).toBe(1);
      }
      const off = VerdictSchema.parse((await client.callTool({ name: 'verify', arguments: { gates: 'none' } })).structuredContent);
      expect(off.gates).toEqual([]);
    } finally {
      await client.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('spec mcp keeps its runner warm between calls', () => {
  it('a second verify of a CommonJS project runs on the runner the first one left', async () => {
    const root = fixtureCopy('debt-lines');
    const { client, transport } = await connect(root);
    try {
      const first = VerdictSchema.parse((await client.callTool({ name: 'verify', arguments: { paths: ['features/checkout.feature'], gates: 'none' } })).structuredContent);
      expect(first.exitCode).toBe(0);
      // Its direct children: the runner (tsx's esbuild service may run below it).
      const children = () => descendants(transport.pid!).filter((pid) => readStat(pid)?.ppid === transport.pid);
      const warm = children();
      expect(warm).toHaveLength(1);
      const second = VerdictSchema.parse((await client.callTool({ name: 'verify', arguments: { paths: ['features/checkout.feature'], gates: 'none' } })).structuredContent);
      expect(second.exitCode).toBe(0);
      expect(second.counts.scenarios.total).toBe(first.counts.scenarios.total);
      expect(children()).toEqual(warm);
    } finally {
      await client.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('spec mcp verify with changedOnly', () => {
  it('runs the scenarios an edit reaches, the same ones spec verify --changed runs', async () => {
    mkdirSync(COPIES, { recursive: true });
    const root = path.join(COPIES, 'generated');
    // A generated suite (bench/generate.mjs): CommonJS TypeScript steps in several files over a layered src/.
    expect(spawnSync(process.execPath, [path.join(REPO, 'bench', 'generate.mjs'), '--features', '10', '--scenarios', '2', '--modules', '40', '--out', root]).status).toBe(0);
    const git = (...args: string[]) => expect(spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: root }).status).toBe(0);
    git('init', '-q');
    writeFileSync(path.join(root, '.gitignore'), '.spec/\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'suite');
    const { client } = await connect(root);
    try {
      const ids = (verdict: { scenarios: { id: string }[] }) => verdict.scenarios.map((s) => s.id).sort();
      const full = VerdictSchema.parse((await client.callTool({ name: 'verify', arguments: { gates: 'none' } })).structuredContent);
      expect(full.exitCode).toBe(0);
      // One of the two step files: the scenarios bound to it, half of the suite.
      const stepFile = path.join(root, 'steps', readdirSync(path.join(root, 'steps')).sort()[0]!);
      writeFileSync(stepFile, `${readFileSync(stepFile, 'utf8')}export const edited = 1;\n`);
      for (let call = 0; call < 2; call++) {
        const viaMcp = VerdictSchema.parse((await client.callTool({ name: 'verify', arguments: { changedOnly: true, gates: 'none' } })).structuredContent);
        const cli = spawnSync(process.execPath, [path.join(REPO, 'bin', 'spec.js'), 'verify', '--changed', '--gate', 'none', '--json'], { cwd: root, encoding: 'utf8', env: process.env });
        const viaCli = VerdictSchema.parse(JSON.parse(cli.stdout));
        expect(viaMcp.exitCode).toBe(0);
        expect(viaMcp.counts.scenarios.total).toBeGreaterThan(0);
        expect(viaMcp.counts.scenarios.total).toBeLessThan(full.counts.scenarios.total);
        expect(ids(viaMcp)).toEqual(ids(viaCli));
      }
    } finally {
      await client.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('spec mcp stdout', () => {
  it('carries nothing but JSON-RPC messages, even when steps and the config print', async () => {
    mkdirSync(COPIES, { recursive: true });
    const root = failingTodo();
    // The config loads in the server's own process: what it prints must not reach the protocol either.
    writeFileSync(path.join(root, 'spec.config.mjs'), "console.log('noise from the config');\nexport default {};\n");
    const child = spawn(process.execPath, [path.join(REPO, 'bin', 'spec.js'), 'mcp', '--cwd', root], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const send = (message: object) => child.stdin.write(`${JSON.stringify(message)}\n`);
    send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'verify', arguments: { gates: 'none' } } });
    await expect.poll(() => stdout.split('\n').some((line) => line.includes('"id":2')), { timeout: 60_000 }).toBe(true);
    child.stdin.end();
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    const lines = stdout.split('\n').filter((l) => l !== '');
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ jsonrpc: '2.0' });
    expect(stdout).not.toContain('noise from');
    expect(stdout).toContain('"summary":"spec: 1 passed, 4 failed');
    expect(existsSync(root)).toBe(true);
    rmSync(root, { recursive: true, force: true });
  });
});

describe('spec mcp list_specs', () => {
  it('verify of a project whose profile retries reports a scenario that passed only on a retry as flaky, in the same schema', async () => {
    const root = fixtureCopy('flaky-orders');
    const { client } = await connect(root);
    try {
      const result = await client.callTool({ name: 'verify', arguments: { paths: ['features/orders.feature'], gates: 'none' } });
      expect(result.isError, text(result)).toBeFalsy();
      const verdict = VerdictSchema.parse(result.structuredContent);
      expect(verdict.exitCode).toBe(0);
      expect(verdict.counts.scenarios).toMatchObject({ total: 2, passed: 1, flaky: 1 });
      expect(verdict.flaky?.map((f) => [f.id, f.attempts])).toEqual([['features/orders.feature:7', 2]]);
      expect(verdict.summary).toBe('spec: 1 passed, 0 failed, 1 flaky');
    } finally {
      await client.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("lists the specs the cucumber profile's paths name when spec.config names none, as verify runs them", async () => {
    const root = fixtureCopy('ts-node', 'profile-paths');
    const { client } = await connect(root);
    try {
      const result = await client.callTool({ name: 'list_specs', arguments: {} });
      expect(result.isError, text(result)).toBeFalsy();
      const { specs } = result.structuredContent as { specs: { file: string; scenarios: unknown[] }[] };
      expect(specs.map((s) => s.file)).toEqual(['tests/features/calculator.feature']);
      expect(specs[0]!.scenarios.length).toBeGreaterThan(0);
    } finally {
      await client.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('spec mcp started in a subfolder', () => {
  it('judges each path where it resolves, from that folder: a symlink there pointing outside is refused by every tool', async () => {
    mkdirSync(COPIES, { recursive: true });
    const root = failingTodo();
    symlinkSync(tempDir('mcp-outside-sub-'), path.join(root, 'features', 'elsewhere'));
    const { client } = await connect(path.join(root, 'features'));
    try {
      for (const name of ['verify', 'list_specs', 'steps']) {
        const result = await client.callTool({ name, arguments: { paths: ['elsewhere'] } });
        expect(result.isError, `${name}: ${text(result)}`).toBe(true);
        expect(text(result)).toContain('SPEC_PATH_OUTSIDE_PROJECT');
      }
      const inside = await client.callTool({ name: 'list_specs', arguments: { paths: ['todo.feature'] } });
      expect(inside.isError, text(inside)).toBeFalsy();
      expect((inside.structuredContent as { specs: { file: string }[] }).specs.map((s) => s.file)).toEqual(['features/todo.feature']);
    } finally {
      await client.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('spec mcp verify with retry, failOnFlaky and parallel', () => {
  // flaky-orders: its profile retries once, and the first search of a run finds nothing.
  it('passes them to the run as spec verify --retry, --fail-on-flaky and --parallel do, and refuses bad values', async () => {
    const root = fixtureCopy('flaky-orders');
    const { client } = await connect(root);
    const verify = async (args: Record<string, unknown>) => VerdictSchema.parse((await client.callTool({ name: 'verify', arguments: { paths: ['features/orders.feature'], gates: 'none', ...args } })).structuredContent);
    try {
      const flaky = await verify({});
      expect(flaky).toMatchObject({ exitCode: 0, counts: { scenarios: { passed: 1, flaky: 1 } } });
      const noRetry = await verify({ retry: 0 });
      expect(noRetry).toMatchObject({ exitCode: 1, counts: { scenarios: { failed: 1 } } });
      expect(noRetry.flaky ?? []).toEqual([]);
      const failOnFlaky = await verify({ failOnFlaky: true });
      expect(failOnFlaky.exitCode).toBe(1);
      expect(failOnFlaky.failures.map((f) => f.kind)).toEqual(['flaky']);
      const parallel = await verify({ parallel: 2, retry: 0 });
      expect(parallel).toMatchObject({ exitCode: 1, counts: { scenarios: { total: 2, passed: 1, failed: 1 } } });
      for (const bad of [{ retry: -1 }, { parallel: 'abc' }, { failOnFlaky: 'yes' }]) {
        const refused = await client.callTool({ name: 'verify', arguments: bad });
        expect(refused.isError).toBe(true);
        expect(text(refused)).toContain(Object.keys(bad)[0]);
      }
    } finally {
      await client.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
