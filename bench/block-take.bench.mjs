#!/usr/bin/env node
// Benchmark: what one per-scenario `Profiler.takePreciseCoverage` costs with V8 block counting on
// (what a `--coverage` run of every scenario uses to record lines) against function counting only
// (every other coverage run), as the number of functions compiled in the isolate grows.
//
//   node bench/block-take.bench.mjs [--rounds 3] [--takes 300] [--sizes 4000,8000]
//
// Each (size, mode) runs in its own process: coverage starts first, then `size` functions are
// compiled (plain scripts, four functions each, shaped like the generated suite's modules) and run
// once; then `takes` times: 40 of them are called, and coverage is taken (which resets it). V8's
// take visits every function compiled in a user script; with block counting it also collects and
// resets the block counters of each one compiled since counting began, whether it ran or not.
// Prints CPU ms per take (the figure to trust on a loaded machine) and wall. Asserts nothing.

import { spawnSync } from 'node:child_process';
import { Session } from 'node:inspector';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

function child(mode, size, takes) {
  const session = new Session();
  session.connect();
  const post = (method, params) => {
    let answer;
    session.post(method, params, (error, result) => {
      if (error) throw error;
      answer = result;
    });
    return answer;
  };
  post('Profiler.enable');
  post('Profiler.startPreciseCoverage', { callCount: true, detailed: mode === 'block' });
  const fns = [];
  for (let m = 0; m < size / 4; m++) {
    const src = `(function () { function f(n) { if (n % 2 === 0) { return (n / 2 + ${m}) % 100003; } return (n * 76 + ${m}) % 100003; }
      function t(s) { return (s + '-2').slice(0, 24); } function r(n, s) { return { v: f(n), l: t(s) }; } return [f, t, r]; })()`;
    fns.push(...vm.runInThisContext(src, { filename: `/bench/m${m}.js` }));
  }
  for (const fn of fns) fn(1, 'x');
  post('Profiler.takePreciseCoverage');
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < takes; i++) {
    for (let j = 0; fns.length && j < 40; j++) fns[(i * 40 + j * 7919) % fns.length](j, 'x');
    post('Profiler.takePreciseCoverage');
  }
  const used = process.cpuUsage(cpu);
  process.stdout.write(JSON.stringify({ cpu: (used.user + used.system) / 1000 / takes, wall: (performance.now() - started) / takes }));
}

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
if (args[0] === '--child') child(args[1], Number(args[2]), Number(args[3]));
else {
  const rounds = Number(option('--rounds', 3));
  const takes = Number(option('--takes', 300));
  const sizes = String(option('--sizes', '4000,8000')).split(',').map(Number);
  const seen = {};
  for (let r = 0; r < rounds; r++) {
    for (const size of sizes) {
      for (const mode of r % 2 === 0 ? ['count', 'block'] : ['block', 'count']) {
        const out = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', mode, String(size), String(takes)], { encoding: 'utf8' });
        if (out.status !== 0) throw new Error(`${mode} ${size}: ${out.stderr}`);
        (seen[`${size} ${mode}`] ??= []).push(JSON.parse(out.stdout));
      }
    }
  }
  const range = (xs) => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;
  for (const [key, runs] of Object.entries(seen)) console.log(`${key.padEnd(12)} CPU ms/take ${range(runs.map((x) => x.cpu))}   wall ms/take ${range(runs.map((x) => x.wall))}`);
}
