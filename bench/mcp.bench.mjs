#!/usr/bin/env node
// MCP `verify` (changedOnly) after one edit, on the server's warm runner, against the CLI's
// `spec verify --changed` on the same edit and against `spec watch`'s edit → verdict latency.
// Targets (issue 11): MCP ≥ 5× faster than the CLI, within 1.2× of watch. Asserts no time.
//
//   node bench/mcp.bench.mjs [--suite bench/out/suite-2000] [--edits 10] [--module src/lib/m172.ts]
//                            [--gap 1000] [--only mcp,cli,watch] [--json]
//
// The suite must be a git repository for --changed: a fresh one gets `git init` and one commit
// (and `.spec/` in .git/info/exclude); the generated files are not changed. Each edit appends an
// unused export to the module (as watch.bench.mjs does); the original bytes and mtime go back
// after every edit, so each call sees exactly one changed file.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(REPO, 'bin', 'spec.js');
const DEFAULT_SUITE = path.join(REPO, 'bench', 'out', 'suite-2000');
const log = (line) => process.stderr.write(`${line}\n`);
const now = () => performance.now();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function parseArgs(argv) {
  const o = { suite: DEFAULT_SUITE, edits: 10, module: 'src/lib/m172.ts', gap: 1000, only: ['mcp', 'cli', 'watch'], json: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--json') o.json = true;
    else if (flag === '--suite') (o.suite = path.resolve(value)), i++;
    else if (flag === '--edits') (o.edits = Number(value)), i++;
    else if (flag === '--module') (o.module = value), i++;
    else if (flag === '--gap') (o.gap = Number(value)), i++;
    else if (flag === '--only') (o.only = value.split(',')), i++;
    else throw new Error(`unknown option ${flag}`);
  }
  if (!(o.edits >= 1)) throw new Error('--edits must be at least 1');
  return o;
}

function ensureSuite(suite) {
  if (!fs.existsSync(path.join(suite, '.specloop-bench-suite.json'))) {
    if (suite !== DEFAULT_SUITE) throw new Error(`${suite} holds no generated suite`);
    log('generating bench/out/suite-2000 (node bench/generate.mjs --features 200 --scenarios 10 --modules 1000)');
    run(process.execPath, [path.join(REPO, 'bench', 'generate.mjs'), '--features', '200', '--scenarios', '10', '--modules', '1000', '--out', suite], REPO);
  }
  if (!fs.existsSync(path.join(suite, '.git'))) {
    log(`making ${path.relative(REPO, suite)} a git repository of its own (for --changed)`);
    const git = (...args) => run('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', ...args], suite);
    git('init', '-q');
    fs.appendFileSync(path.join(suite, '.git', 'info', 'exclude'), '.spec/\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'generated suite');
  }
  const dirty = spawnSync('git', ['status', '--porcelain'], { cwd: suite, encoding: 'utf8' }).stdout.trim();
  if (dirty) throw new Error(`${suite} has uncommitted changes; --changed would see them:\n${dirty}`);
}

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** The module's i-th edit, and how it goes back (bytes and mtime). */
function editor(file) {
  const original = fs.readFileSync(file);
  const { atime, mtime } = fs.statSync(file);
  const restore = () => {
    fs.writeFileSync(file, original);
    fs.utimesSync(file, atime, mtime);
  };
  process.on('exit', restore);
  return { edit: (i) => fs.writeFileSync(file, `${original}export const __mcpBench${i} = ${i};\n`), restore };
}

function checkPassed(verdict, what) {
  const s = verdict?.counts?.scenarios;
  if (!s || verdict.exitCode !== 0 || s.total === 0 || s.passed !== s.total) throw new Error(`${what}: not a passing verdict that ran something: ${verdict?.summary ?? JSON.stringify(verdict).slice(0, 300)}`);
  return s.total;
}

async function cliVerify(suite) {
  const t0 = now();
  const child = spawn(process.execPath, [BIN, 'verify', '--changed', '--gate', 'none', '--reporter', 'json'], { cwd: suite, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const code = await new Promise((resolve) => child.on('close', resolve));
  const ms = now() - t0;
  let verdict;
  try {
    verdict = JSON.parse(out);
  } catch {}
  return { ms, scenarios: checkPassed(verdict, `spec verify --changed (exit ${code}, stderr: ${err.trim().slice(0, 500)})`) };
}

async function startMcp(suite) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined));
  const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp'], cwd: suite, env, stderr: 'ignore' });
  const client = new Client({ name: 'mcp-bench', version: '1' });
  await client.connect(transport);
  const verify = async () => {
    const t0 = now();
    const result = await client.callTool({ name: 'verify', arguments: { changedOnly: true, gates: 'none' } }, undefined, { timeout: 600_000 });
    const ms = now() - t0;
    if (result.isError) throw new Error(`mcp verify: ${result.content?.[0]?.text}`);
    return { ms, scenarios: checkPassed(result.structuredContent, 'mcp verify') };
  };
  return { verify, close: () => client.close() };
}

/** spec watch: per edit, the write → the run-finished event whose trigger names the module. */
async function watchLatencies(suite, file, ed, options) {
  const child = spawn(process.execPath, [BIN, 'watch', '--json', '--settle', '20'], { cwd: suite, stdio: ['pipe', 'pipe', 'ignore'] });
  const events = [];
  let buffer = '';
  child.stdout.on('data', (d) => {
    buffer += d;
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      try {
        events.push({ at: now(), event: JSON.parse(line) });
      } catch {}
    }
  });
  const waitFor = async (from, test, what) => {
    const deadline = now() + 600_000;
    for (;;) {
      const found = events.slice(from).find((e) => test(e.event));
      if (found) return found;
      if (now() > deadline || child.exitCode !== null) throw new Error(`spec watch: ${what}`);
      await sleep(5);
    }
  };
  const names = (e) => (e.verdict?.watch?.trigger ?? e.trigger ?? []).some((t) => t.endsWith(file));
  try {
    checkPassed((await waitFor(0, (e) => e.type === 'run-finished', 'no initial run')).event.verdict, 'spec watch (initial run)');
    await sleep(options.gap);
    const samples = [];
    for (let i = 0; i <= options.edits; i++) {
      const from = events.length;
      const t0 = now();
      ed.edit(1000 + i);
      const done = await waitFor(from, (e) => (e.type === 'run-finished' && names(e)) || e.type === 'idle' || e.type === 'error', 'no verdict for the edit');
      const scenarios = checkPassed(done.event.verdict, `spec watch (edit ${i})`);
      if (i > 0) samples.push({ ms: done.at - t0, scenarios });
      log(`  watch edit ${i}: ${(done.at - t0).toFixed(0)} ms, ${scenarios} scenarios${i === 0 ? ' (warm-up)' : ''}`);
      const back = events.length;
      ed.restore();
      await waitFor(back, (e) => (e.type === 'run-finished' || e.type === 'idle') && names(e), 'no rerun after the restore');
      await sleep(options.gap);
    }
    return samples;
  } finally {
    child.stdin.end('q\n');
    await Promise.race([new Promise((resolve) => child.on('close', resolve)), sleep(3000)]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  ensureSuite(options.suite);
  const file = path.join(options.suite, options.module);
  const ed = editor(file);
  log('priming: one full spec verify (records the scenario map --changed selects from)');
  const primed = spawnSync(process.execPath, [BIN, 'verify', '--gate', 'none', '--reporter', 'json'], { cwd: options.suite, encoding: 'utf8', maxBuffer: 1 << 28 });
  let primedVerdict;
  try {
    primedVerdict = JSON.parse(primed.stdout);
  } catch {}
  checkPassed(primedVerdict, `priming spec verify (exit ${primed.status}: ${primed.stderr.trim().slice(0, 300)})`);
  const mcp = [];
  const cli = [];
  let watch = [];
  if (options.only.includes('mcp') || options.only.includes('cli')) {
    const server = options.only.includes('mcp') ? await startMcp(options.suite) : undefined;
    try {
      // Edit 0 is the server's first call (a cold runner): "second call onwards" is what is timed.
      for (let i = 0; i <= options.edits; i++) {
        ed.edit(i);
        // Alternate which goes first, so the machine's load spreads over both.
        const order = i % 2 ? ['cli', 'mcp'] : ['mcp', 'cli'];
        const line = [];
        for (const who of order) {
          if (who === 'mcp' && server) {
            const s = await server.verify();
            if (i > 0) mcp.push(s);
            line.push(`mcp ${s.ms.toFixed(0)} ms (${s.scenarios})`);
          }
          if (who === 'cli' && options.only.includes('cli')) {
            const s = await cliVerify(options.suite);
            if (i > 0) cli.push(s);
            line.push(`cli ${s.ms.toFixed(0)} ms (${s.scenarios})`);
          }
        }
        ed.restore();
        log(`  edit ${i}: ${line.join(', ')}${i === 0 ? ' (warm-up, not counted)' : ''}`);
        await sleep(options.gap);
      }
    } finally {
      await server?.close();
    }
  }
  if (options.only.includes('watch')) watch = await watchLatencies(options.suite, options.module, ed, options);
  const m = { mcp: median(mcp.map((s) => s.ms)), cli: median(cli.map((s) => s.ms)), watch: median(watch.map((s) => s.ms)) };
  const report = {
    suite: path.relative(REPO, options.suite),
    module: options.module,
    edits: options.edits,
    load: os.loadavg(),
    medians: m,
    scenarios: { mcp: [...new Set(mcp.map((s) => s.scenarios))], cli: [...new Set(cli.map((s) => s.scenarios))], watch: [...new Set(watch.map((s) => s.scenarios))] },
    ratios: { cliOverMcp: m.cli / m.mcp, mcpOverWatch: m.mcp / m.watch },
    samples: { mcp: mcp.map((s) => Math.round(s.ms)), cli: cli.map((s) => Math.round(s.ms)), watch: watch.map((s) => Math.round(s.ms)) },
  };
  if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else {
    const f = (x) => (Number.isFinite(x) ? x.toFixed(0) : 'n/a');
    process.stdout.write(
      `mcp.bench: ${report.suite}, edits to ${report.module}, ${options.edits} timed each (load ${report.load.map((x) => x.toFixed(2)).join(' ')})\n` +
        `  MCP verify (changedOnly, warm): median ${f(m.mcp)} ms  [${report.samples.mcp.join(', ')}]  scenarios ${report.scenarios.mcp.join('/')}\n` +
        `  spec verify --changed (CLI):    median ${f(m.cli)} ms  [${report.samples.cli.join(', ')}]  scenarios ${report.scenarios.cli.join('/')}\n` +
        `  spec watch (edit → verdict):    median ${f(m.watch)} ms  [${report.samples.watch.join(', ')}]  scenarios ${report.scenarios.watch.join('/')}\n` +
        `  CLI / MCP = ${report.ratios.cliOverMcp.toFixed(2)}× (target ≥ 5)   MCP / watch = ${report.ratios.mcpOverWatch.toFixed(2)}× (target ≤ 1.2)\n`,
    );
  }
}

main().catch((error) => {
  log(`mcp.bench: ${error.message}`);
  process.exitCode = 1;
});
