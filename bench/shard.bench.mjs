#!/usr/bin/env node
// Shards across machines, simulated on one (issue 13): the generated 2,000-scenario suite run
// whole, then as 4 shards (`spec verify --shard I/4`), each its own process, one after another —
// 4 machines' jobs — and `spec merge` of their verdicts.
//
//   node bench/shard.bench.mjs [--size 2000] [--shards 4] [--runs 3] [--regenerate] [--spec-bin PATH] [--coverage] [--io MS]
//
// --io MS: every scenario waits MS in a Before hook (bench/generate.mjs --io), as a scenario that talks
// to a server or a browser does; without it the suite's time is mostly loading, which a shard repeats.
//
// --spec-bin: the spec entry of another build (its dist/ beside it gives mergeVerdicts), to time a
// base and a head on the same generated suite.
// --coverage runs the whole and every shard with line coverage (as a debt threshold on a line
// figure does): each shard's verdict then carries `shard.debt` (its size is reported) and the merge
// measures the whole run's debt from it.
//
// Reports per round the whole run's wall time (and CPU time, with GNU time), each shard's, the slowest shard's against the
// whole (target ≤ 0.3×), and the merge's cost: mergeVerdicts() in-process (target ≤ 100 ms) and
// the `spec merge` command (a process: Node's start-up included). The scenario runs use
// `--gate none` (gates would run again in every shard: a real CI cost, but not the split's).
// The anchor, in the same rounds: plain cucumber-js on the whole suite and on each shard's own
// scenarios (`file:line:line…`, the split spec chose), one process after another. Its slowest/whole
// is what cucumber-js itself reaches on the same split, every process paying its own start-up and
// support-code load: the floor a runner driving cucumber starts from.
// A measurement tool: it only insists the runs do what they should (whole fails nothing, the
// shards together run every scenario once, the merge equals the whole).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { GENERATOR_VERSION, defaultOutDir, generateSuite, manifestOptions, readManifest } from './generate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { size: { type: 'string', default: '2000' }, shards: { type: 'string', default: '4' }, runs: { type: 'string', default: '3' }, regenerate: { type: 'boolean', default: false }, 'spec-bin': { type: 'string' }, coverage: { type: 'boolean', default: false }, io: { type: 'string', default: '0' } } });
const CUCUMBER_BIN = path.join(ROOT, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js');
const SPEC_BIN = path.resolve(values['spec-bin'] ?? path.join(ROOT, 'bin', 'spec.js'));
const DIST = path.join(path.dirname(SPEC_BIN), '..', 'dist');
const coverage = values.coverage ? ['--coverage'] : [];
const size = Number(values.size);
const total = Number(values.shards);
const runs = Number(values.runs);
if (!existsSync(path.join(DIST, 'api', 'merge.js'))) {
  console.error('dist/ is missing: run npm run build first');
  process.exit(2);
}

/** The same suite shape as bench/verify.bench.mjs: 10 scenarios a feature, half a module per scenario. */
function ensureSuite() {
  const features = Math.max(1, Math.round(size / 10));
  const options = { features, scenarios: Math.max(1, Math.round(size / features)), modules: Math.max(20, Math.round(size / 2)), layers: 4, seed: '1', io: Number(values.io) };
  const out = defaultOutDir(options);
  const manifest = readManifest(out);
  if (!values.regenerate && manifest?.version === GENERATOR_VERSION && JSON.stringify(manifest.options) === JSON.stringify(manifestOptions(options))) return out;
  generateSuite({ ...options, out });
  return out;
}

// CPU time too, where GNU time is there: wall time on a loaded machine is inflated by waiting for
// a core, CPU time much less (user + system of the process and the runner it waits for).
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function spec(dir, args, bin = SPEC_BIN) {
  const cpuFile = path.join(os.tmpdir(), `shard-bench-cpu-${process.pid}.txt`);
  const command = GNU_TIME ? [GNU_TIME, ['-f', '%U %S', '-o', cpuFile, process.execPath, bin, ...args]] : [process.execPath, [bin, ...args]];
  const start = performance.now();
  const result = spawnSync(command[0], command[1], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 28 });
  const ms = performance.now() - start;
  const cpu = GNU_TIME ? readFileSync(cpuFile, 'utf8').trim().split('\n').at(-1).split(' ').reduce((sum, s) => sum + Number(s) * 1000, 0) : NaN;
  return { ms, cpu, code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
const suite = ensureSuite();
const out = path.join(suite, 'shard-bench');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');
console.log(`shard benchmark — ${new Date().toISOString()}, node ${process.version}, ${os.cpus().length} cores, load ${load()}, ${size} scenarios, ${total} shards, ${runs} rounds`);

// One untimed whole run: warms tsx's cache and records .spec/durations.json, which the shards balance by.
const warm = spec(suite, ['verify', '--gate', 'none', ...coverage, '--format', `json:${path.join(out, 'whole.json')}`]);
if (warm.code !== 0) throw new Error(`the whole run failed (${warm.code}): ${warm.stderr.slice(-2000)}`);
/** Each shard's scenarios as cucumber-js's paths: one `file:line:line…` a feature file. */
function slicePaths(index) {
  const byFile = new Map();
  for (const id of JSON.parse(readFileSync(path.join(out, `shard-${index}.json`), 'utf8')).shard.scenarios) {
    const at = id.lastIndexOf(':');
    byFile.set(id.slice(0, at), [...(byFile.get(id.slice(0, at)) ?? []), id.slice(at + 1)]);
  }
  return [...byFile].map(([file, lines]) => `${file}:${lines.join(':')}`);
}

// cucumber-js 12 merges the profile's `paths` with the command line's (a deprecation notice says
// so): the slice runs from a copy of the profile without them, or every shard runs the whole suite.
const ANCHOR_CONFIG = path.join(out, 'anchor.cjs');
writeFileSync(ANCHOR_CONFIG, "const { default: profile } = require('../cucumber.cjs');\nmodule.exports = { default: { ...profile, paths: [] } };\n");

/** cucumber-js on the whole suite, then on each shard's slice (the shard verdicts of the round before name them). */
function anchorRound() {
  const cucumber = (paths) => {
    const run = spec(suite, ['--format', 'summary', ...(paths.length ? ['--config', path.relative(suite, ANCHOR_CONFIG), ...paths] : [])], CUCUMBER_BIN);
    if (run.code !== 0) throw new Error(`cucumber-js failed (${run.code}): ${run.stderr.slice(-2000)}`);
    return run;
  };
  const whole = cucumber([]);
  const shards = Array.from({ length: total }, (_, i) => cucumber(slicePaths(i + 1)));
  const ran = (run) => Number(/^(\d+) scenarios? \(/m.exec(run.stdout)?.[1] ?? NaN);
  const sliced = shards.reduce((sum, run) => sum + ran(run), 0);
  if (sliced !== ran(whole)) throw new Error(`cucumber-js ran ${sliced} scenarios over the ${total} slices, ${ran(whole)} whole: the anchor is not the same split`);
  const slowest = Math.max(...shards.map((r) => r.ms));
  return { whole: whole.ms, slowest, ratio: slowest / whole.ms, cpuRatio: Math.max(...shards.map((r) => r.cpu)) / whole.cpu };
}

const rounds = [];
const anchors = [];
for (let round = 1; round <= runs; round++) {
  const whole = spec(suite, ['verify', '--gate', 'none', ...coverage, '--format', `json:${path.join(out, 'whole.json')}`]);
  const shards = [];
  const cpus = [];
  for (let index = 1; index <= total; index++) {
    const run = spec(suite, ['verify', '--gate', 'none', ...coverage, '--shard', `${index}/${total}`, '--format', `json:${path.join(out, `shard-${index}.json`)}`]);
    if (run.code !== 0) throw new Error(`shard ${index}/${total} failed (${run.code}): ${run.stderr.slice(-2000)}`);
    shards.push(run.ms);
    cpus.push(run.cpu);
  }
  const slowest = Math.max(...shards);
  const cpuRatio = Math.max(...cpus) / whole.cpu;
  rounds.push({ whole: whole.ms, shards, slowest, ratio: slowest / whole.ms, wholeCpu: whole.cpu, cpuRatio });
  const cpuText = Number.isNaN(cpuRatio) ? '' : `; CPU: whole ${fmt(whole.cpu)}, shards ${cpus.map(fmt).join(', ')}, most/whole ${cpuRatio.toFixed(2)}`;
  console.log(`  round ${round}: whole ${fmt(whole.ms)}; shards ${shards.map(fmt).join(', ')}; slowest/whole ${(slowest / whole.ms).toFixed(2)}${cpuText} (load ${load()})`);
  const anchor = anchorRound();
  anchors.push(anchor);
  console.log(`           anchor cucumber-js on the same split: whole ${fmt(anchor.whole)}, slowest shard ${fmt(anchor.slowest)}, slowest/whole ${anchor.ratio.toFixed(2)}${Number.isNaN(anchor.cpuRatio) ? '' : `, CPU ${anchor.cpuRatio.toFixed(2)}`}`);
}

const files = Array.from({ length: total }, (_, i) => path.join(out, `shard-${i + 1}.json`));
const sizes = files.map((f) => JSON.parse(readFileSync(f, 'utf8')).scenarios.length);
const { mergeVerdicts } = await import(pathToFileURL(path.join(DIST, 'api', 'merge.js')).href);
const whole = JSON.parse(readFileSync(path.join(out, 'whole.json'), 'utf8'));
const merged = await mergeVerdicts(files, { cwd: suite });
if (JSON.stringify(merged.counts) !== JSON.stringify(whole.counts) || merged.scenarios.length !== whole.scenarios.length) throw new Error('the merged verdict does not count what the whole run counted');
const api = [];
for (let i = 0; i < 15; i++) {
  const start = performance.now();
  await mergeVerdicts(files, { cwd: suite });
  api.push(performance.now() - start);
}
const cli = [];
for (let i = 0; i < 5; i++) cli.push(spec(suite, ['merge', ...files, '--format', `json:${path.join(out, 'merged.json')}`, '--reporter', 'json']).ms);

const ratios = rounds.map((r) => r.ratio);
const shardDebts = files.map((f) => JSON.parse(readFileSync(f, 'utf8')).shard.debt);
const kb = (value) => `${(Buffer.byteLength(JSON.stringify(value ?? null)) / 1024).toFixed(1)} KB`;
console.log(`  shard.debt a shard: ${shardDebts.map(kb).join(', ')} (its lines: ${shardDebts.map((d) => kb(d?.lines)).join(', ')}); whole verdict files: ${files.map((f) => `${(statSync(f).size / 1024).toFixed(0)} KB`).join(', ')}`);
console.log(`  merged debt: ${merged.debt ? `unspecified ${merged.debt.metrics.unspecified.value}, opaqueComplexity ${merged.debt.metrics.opaqueComplexity.value}, score ${merged.debt.metrics.score.value}` : 'null'}; the whole run's: ${whole.debt ? `unspecified ${whole.debt.metrics.unspecified.value}, opaqueComplexity ${whole.debt.metrics.opaqueComplexity.value}, score ${whole.debt.metrics.score.value}` : 'null'}`);
console.log(`  scenarios a shard: ${sizes.join(', ')} (recorded durations: ${JSON.parse(readFileSync(files[0], 'utf8')).shard.recorded} of ${size})`);
console.log(`  whole run: median ${fmt(median(rounds.map((r) => r.whole)))} (${rounds.map((r) => fmt(r.whole)).join(', ')})`);
console.log(`  slowest shard: median ${fmt(median(rounds.map((r) => r.slowest)))} (${rounds.map((r) => fmt(r.slowest)).join(', ')})`);
const cpuRatios = rounds.map((r) => r.cpuRatio);
if (!cpuRatios.some(Number.isNaN)) console.log(`  CPU time (user + system), most of a shard / whole: median ${median(cpuRatios).toFixed(2)}, spread ${Math.min(...cpuRatios).toFixed(2)}–${Math.max(...cpuRatios).toFixed(2)}; whole run's CPU median ${fmt(median(rounds.map((r) => r.wholeCpu)))}`);
console.log(`  slowest shard / whole: median ${median(ratios).toFixed(2)}, spread ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)} (target ≤ 0.30)`);
const anchorRatios = anchors.map((a) => a.ratio);
console.log(`  anchor, cucumber-js on the same split: slowest shard / whole median ${median(anchorRatios).toFixed(2)}, spread ${Math.min(...anchorRatios).toFixed(2)}–${Math.max(...anchorRatios).toFixed(2)}; whole ${fmt(median(anchors.map((a) => a.whole)))}, slowest shard ${fmt(median(anchors.map((a) => a.slowest)))}; spec's slowest shard / cucumber-js's ${(median(rounds.map((r) => r.slowest)) / median(anchors.map((a) => a.slowest))).toFixed(2)}`);
console.log(`  merge of ${total} shard verdicts, mergeVerdicts() in-process: median ${median(api).toFixed(1)} ms, spread ${Math.min(...api).toFixed(1)}–${Math.max(...api).toFixed(1)} ms over 15 (target ≤ 100 ms)`);
console.log(`  spec merge command (a process, Node start-up included): median ${median(cli).toFixed(0)} ms, spread ${Math.min(...cli).toFixed(0)}–${Math.max(...cli).toFixed(0)} ms over 5`);
