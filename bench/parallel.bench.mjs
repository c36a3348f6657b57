#!/usr/bin/env node
// Benchmark: `spec verify --parallel 2` (cucumber's own workers) against serial `spec verify`, on
// the generated suite, for the CommonJS (default) and the ES-module (--profile esm) profile, with
// plain cucumber-js serial and `--parallel 2` as the anchor in the same rounds.
//
//   node bench/parallel.bench.mjs [--size 2000] [--runs 3] [--workers 2] [--spec-bin PATH] [--json]
//
// A measurement tool, not a test: it asserts nothing about time. Every run must exit 0 and pass
// every scenario of the suite (a failing run measures nothing). Rounds alternate every variant,
// so a change in the machine's load falls on all of them alike; it reports median, min and max.

import { spawn, spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATOR_VERSION, defaultOutDir, generateSuite, manifestOptions, readManifest } from './generate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CUCUMBER_BIN = path.join(ROOT, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js');
let specBin = path.join(ROOT, 'bin', 'spec.js'); // --spec-bin: a copy of a build, so rebuilding dist/ meanwhile cannot break a run

function parseArgs(argv) {
  const options = { size: 2000, runs: 3, workers: 2, json: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--json') options.json = true;
    else if (['--size', '--runs', '--workers'].includes(flag)) options[flag.slice(2)] = Number(argv[++i]);
    else if (flag === '--spec-bin') specBin = path.resolve(argv[++i]);
    else throw new Error(`unknown option ${flag}\nusage: node bench/parallel.bench.mjs [--size 2000] [--runs 3] [--workers 2] [--spec-bin PATH] [--json]`);
  }
  return options;
}

function ensureSuite(size) {
  const features = Math.max(1, Math.round(size / 10));
  const options = { features, scenarios: Math.round(size / features), modules: Math.max(20, Math.round(size / 2)), layers: 4, seed: '1' };
  const out = defaultOutDir(options);
  const manifest = readManifest(out);
  if (manifest?.version === GENERATOR_VERSION && JSON.stringify(manifest.options) === JSON.stringify(manifestOptions({ ...options, out }))) return { dir: out, scenarios: manifest.counts.scenarios };
  const { counts } = generateSuite({ ...options, out });
  return { dir: out, scenarios: counts.scenarios };
}

function variants(workers) {
  const spec = (extra) => [process.execPath, specBin, 'verify', '--gate', 'none', ...extra];
  const cucumber = (extra) => [process.execPath, CUCUMBER_BIN, ...extra];
  // cucumber-js's docs load TypeScript ES modules with tsx this way.
  const tsx = { NODE_OPTIONS: '--import tsx' };
  return [
    { name: 'cucumber-js cjs serial', argv: cucumber([]), summary: cucumberSummary },
    { name: `cucumber-js cjs --parallel ${workers}`, argv: cucumber(['--parallel', String(workers)]), summary: cucumberSummary },
    { name: 'spec cjs serial', argv: spec(['--parallel', '0']), summary: specSummary },
    { name: `spec cjs --parallel ${workers}`, argv: spec(['--parallel', String(workers)]), summary: specSummary },
    { name: `cucumber-js esm --parallel ${workers}`, argv: cucumber(['--profile', 'esm', '--parallel', String(workers)]), env: tsx, summary: cucumberSummary },
    { name: 'spec esm serial', argv: spec(['--profile', 'esm', '--parallel', '0']), summary: specSummary },
    { name: `spec esm --parallel ${workers}`, argv: spec(['--profile', 'esm', '--parallel', String(workers)]), summary: specSummary },
  ];
}

function cucumberSummary(stdout) {
  const match = /^(\d+) scenarios? \(([^)]*)\)/m.exec(stdout);
  return match ? { total: Number(match[1]), passed: Number(/(\d+) passed/.exec(match[2])?.[1] ?? 0) } : null;
}

function specSummary(stdout) {
  const match = /^spec: (\d+) passed, (\d+) failed/m.exec(stdout);
  return match ? { total: Number(match[1]) + Number(match[2]), passed: Number(match[1]) } : null;
}

/** Runs one variant in its own process group; resolves its wall time, and fails on anything but a full pass or on a process left behind. */
function measure(variant, suite) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(variant.argv[0], variant.argv.slice(1), { cwd: suite.dir, env: { ...process.env, ...variant.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const left = groupAlive(child.pid);
      if (left) process.kill(-child.pid, 'SIGKILL');
      const summary = variant.summary(stdout);
      if (code !== 0 || !summary || summary.passed !== suite.scenarios || left) {
        reject(new Error(`${variant.name}: exit ${code}, ${JSON.stringify(summary)}${left ? ', processes left behind' : ''}\n${stdout.slice(-1500)}\n${stderr.slice(-1500)}`));
      } else resolve(ms);
    });
  });
}

function groupAlive(pgid) {
  const ps = spawnSync('ps', ['-eo', 'pgid=,stat='], { encoding: 'utf8' });
  return ps.stdout.split('\n').some((line) => {
    const [group, stat] = line.trim().split(/\s+/);
    return Number(group) === pgid && stat !== undefined && !stat.startsWith('Z');
  });
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median: Math.round(median), min: Math.round(sorted[0]), max: Math.round(sorted.at(-1)) };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const suite = ensureSuite(options.size);
  const all = variants(options.workers);
  const times = new Map(all.map((v) => [v.name, []]));
  const load = [os.loadavg()[0]];
  process.stderr.write(`suite ${path.relative(ROOT, suite.dir)}: ${suite.scenarios} scenarios; ${os.cpus().length} cores; warm-up…\n`);
  for (const variant of all) await measure(variant, suite);
  for (let round = 1; round <= options.runs; round++) {
    for (const variant of all) {
      const ms = await measure(variant, suite);
      times.get(variant.name).push(ms);
      process.stderr.write(`  round ${round} ${variant.name}: ${Math.round(ms)} ms\n`);
    }
    load.push(os.loadavg()[0]);
  }
  const results = all.map((v) => ({ variant: v.name, ...stats(times.get(v.name)) }));
  if (options.json) return void console.log(JSON.stringify({ scenarios: suite.scenarios, cores: os.cpus().length, load, results }, null, 2));
  console.log(`${suite.scenarios} scenarios, ${options.runs} rounds, ${os.cpus().length} cores, 1-min load average ${load.map((l) => l.toFixed(1)).join(' → ')}`);
  console.log('| variant | median ms | min | max |\n|---|---:|---:|---:|');
  for (const r of results) console.log(`| ${r.variant} | ${r.median} | ${r.min} | ${r.max} |`);
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
