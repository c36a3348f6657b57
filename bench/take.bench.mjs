#!/usr/bin/env node
// Benchmark: what one `Profiler.takePreciseCoverage` costs in a process with cucumber and tsx
// loaded (what the runner holds before any project code), and what specloop's own runner modules
// add to it. V8's take walks every function of every script in the isolate, so whatever the runner
// loads makes every per-scenario take dearer.
//
//   node bench/take.bench.mjs [--rounds 3] [--takes 300]
//
// Each variant runs in its own process (a module cannot be unloaded), the variants alternating:
//   none       @cucumber/cucumber and its api, tsx's ESM hook registered
//   core       + the specloop modules dist/run/worker.js imports statically
//   recorder   + the coverage recorder's helpers
//   lines      + line coverage (source maps: @jridgewell/trace-mapping)
// Block coverage on (detailed: true, as `--coverage` runs record lines). Prints wall and CPU ms per
// take (CPU is the figure to trust on a loaded machine). Needs `npm run build`. Asserts nothing.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SETS = {
  none: [],
  core: ['collect', 'runner-channel', 'watchdog', 'load-cucumber', 'capture-errors', 'gherkin-index', 'scenario-result', 'step-result', 'purge', 'compact-paths', 'native-indices', 'support-load-problem', 'cucumber-version', 'resolve-profile'],
  recorder: ['coverage-files', 'executed-ranges'],
  lines: ['line-coverage', 'source-lines'],
};
const VARIANTS = ['none', 'core', 'core,recorder', 'core,recorder,lines'];

async function child(variant, takes) {
  const { Session } = await import('node:inspector/promises');
  const { createRequire } = await import('node:module');
  const require = createRequire(path.join(ROOT, 'package.json'));
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
  require('@cucumber/cucumber');
  await import('@cucumber/cucumber/api');
  (await import('tsx/esm/api')).register();
  for (const set of variant.split(',')) for (const name of SETS[set]) await import(path.join(ROOT, 'dist', 'run', `${name}.js`));
  await session.post('Profiler.takePreciseCoverage');
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < takes; i++) await session.post('Profiler.takePreciseCoverage');
  const used = process.cpuUsage(cpu);
  process.stdout.write(JSON.stringify({ wall: (performance.now() - started) / takes, cpu: (used.user + used.system) / 1000 / takes }));
}

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
if (args[0] === '--child') await child(args[1], Number(args[2]));
else {
  const rounds = option('--rounds', 3);
  const takes = option('--takes', 300);
  const seen = Object.fromEntries(VARIANTS.map((v) => [v, []]));
  for (let r = 0; r < rounds; r++) {
    for (const variant of VARIANTS) {
      const out = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', variant, String(takes)], { cwd: ROOT, encoding: 'utf8' });
      if (out.status !== 0) throw new Error(`${variant}: ${out.stderr}`);
      seen[variant].push(JSON.parse(out.stdout));
    }
  }
  const range = (xs) => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;
  for (const [variant, runs] of Object.entries(seen)) console.log(`${variant.padEnd(22)} CPU ms/take ${range(runs.map((x) => x.cpu))}   wall ms/take ${range(runs.map((x) => x.wall))}`);
}
