#!/usr/bin/env node
// Benchmark: what line coverage (V8 block counts folded per scenario take, mapped to source lines
// at the end, recorded in .spec/line-coverage.json) adds to a coverage run of every scenario.
//
//   node bench/lines.bench.mjs [--size 2000] [--runs 3] [--base DIR]
//
// --base DIR: also run the build in DIR (another checkout, built: its bin/spec.js), alternating
// with this one command by command, each round starting with the other build, so both meet the
// same load. Besides wall time, each run's CPU (user + sys of the spec process and its runner,
// from /proc/self/stat's cutime/cstime on Linux) is reported: on a shared machine wall time swings
// ±30 % between identical runs, CPU far less.
//
// Three commands on the generated suite (size/10 features × 10 scenarios, size/2 modules):
//   lines     spec verify --gate none --coverage             (every scenario: line coverage on)
//   files     spec verify --gate none --coverage features/   (the same scenarios named by path:
//                                                            a filtered run, so file-level only)
//   plain     spec verify --gate none                        (no coverage at all, for reference)
// Then, in this process, measureLineDebt (dist/) on the recorded suite: cold (no .spec/debt-shapes.json,
// TypeScript loading included), warm, and after appending a line to one module (one file reparsed).
// `files` differs from `lines` only in the block counting and the record (and in that a run of
// every scenario also writes the coverage baseline, which slightly favours `files`). Each run must
// pass every scenario; `lines` must have written a fresh record, `files` must not have touched it.
// A measurement tool: it asserts nothing about time.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATOR_VERSION, defaultOutDir, generateSuite, manifestOptions, readManifest } from './generate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SPEC_BIN = path.join(ROOT, 'bin', 'spec.js');

function parseArgs(argv) {
  const options = { size: 2000, runs: 3, base: undefined };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--base') {
      options.base = path.resolve(argv[++i] ?? '');
      if (!fs.existsSync(path.join(options.base, 'bin', 'spec.js'))) throw new Error(`--base ${options.base}: no bin/spec.js there`);
      continue;
    }
    const value = Number(argv[++i]);
    if (!Number.isInteger(value) || value < (flag === '--runs' ? 0 : 1)) throw new Error(`${flag} takes a positive integer (--runs 0: the warm-up and the measurement only)`);
    if (flag === '--size') options.size = value;
    else if (flag === '--runs') options.runs = value;
    else throw new Error(`unknown option '${flag}' (usage: node bench/lines.bench.mjs [--size 2000] [--runs 3] [--base DIR])`);
  }
  return options;
}

function ensureSuite(size) {
  const features = Math.max(1, Math.round(size / 10));
  const options = { features, scenarios: Math.max(1, Math.round(size / features)), modules: Math.max(20, Math.round(size / 2)), layers: 4, seed: '1' };
  const out = defaultOutDir(options);
  const manifest = readManifest(out);
  if (manifest?.version === GENERATOR_VERSION && JSON.stringify(manifest.options) === JSON.stringify(manifestOptions({ ...options, out }))) return { dir: out, counts: manifest.counts };
  return { dir: out, counts: generateSuite({ ...options, out }).counts };
}

const COMMANDS = {
  lines: ['verify', '--gate', 'none', '--coverage'],
  files: ['verify', '--gate', 'none', '--coverage', 'features'],
  plain: ['verify', '--gate', 'none'],
};

/** CPU ms of this process's waited-for children (cutime + cstime), or NaN where /proc is missing. */
const TICK_MS = (() => {
  const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  return 1000 / (Number(out.stdout) || 100);
})();
function childrenCpuMs() {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * TICK_MS; // fields 16 and 17 of proc(5), counted from state (3)
  } catch {
    return Number.NaN;
  }
}

function run(name, dir, expected, specBin = SPEC_BIN) {
  const record = path.join(dir, '.spec', 'line-coverage.json');
  const before = fs.existsSync(record) ? fs.statSync(record).mtimeMs : 0;
  const cpuBefore = childrenCpuMs();
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [specBin, ...COMMANDS[name]], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const cpu = childrenCpuMs() - cpuBefore;
  const passed = /^spec: (\d+) passed, 0 failed/m.exec(child.stdout);
  if (child.status !== 0 || Number(passed?.[1]) !== expected) throw new Error(`${name}: exit ${child.status}, not ${expected} passed:\n${child.stdout.slice(-2000)}\n${child.stderr.slice(-2000)}`);
  const after = fs.existsSync(record) ? fs.statSync(record).mtimeMs : 0;
  if (name === 'lines' && after <= before) throw new Error('lines: no fresh .spec/line-coverage.json');
  if (name !== 'lines' && after !== before) throw new Error(`${name}: touched .spec/line-coverage.json`);
  return { ms, cpu };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const spread = (values) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;

const options = parseArgs(process.argv.slice(2));
const { dir, counts } = ensureSuite(options.size);
process.stderr.write(`suite ${path.relative(ROOT, dir)}: ${counts.scenarios} scenarios, ${counts.modules} modules\n`);
const builds = { head: SPEC_BIN, ...(options.base ? { base: path.join(options.base, 'bin', 'spec.js') } : {}) };
const times = Object.fromEntries(Object.keys(builds).map((build) => [build, { lines: [], files: [], plain: [] }]));
for (const name of Object.keys(COMMANDS)) run(name, dir, counts.scenarios); // warm-up (tsx's cache)
for (let i = 0; i < options.runs; i++) {
  const order = i % 2 === 0 ? Object.keys(builds) : Object.keys(builds).reverse();
  for (const name of Object.keys(COMMANDS)) {
    for (const build of order) {
      const measured = run(name, dir, counts.scenarios, builds[build]);
      times[build][name].push(measured);
      process.stderr.write(`  round ${i + 1} ${build} ${name} ${measured.ms.toFixed(0)} ms wall, ${measured.cpu.toFixed(0)} ms CPU\n`);
    }
  }
}
for (const [build, byName] of Object.entries(options.runs > 0 ? times : {})) {
  const of = (name, key) => byName[name].map((m) => m[key]);
  const m = (name, key) => median(of(name, key));
  const ratios = (key) => byName.lines.map((l, i) => (l[key] / byName.files[i][key]).toFixed(3)).join(', ');
  console.log(`${build}: median of ${options.runs} (min–max), wall ms: lines ${m('lines', 'ms').toFixed(0)} (${spread(of('lines', 'ms'))}), files ${m('files', 'ms').toFixed(0)} (${spread(of('files', 'ms'))}), plain ${m('plain', 'ms').toFixed(0)} (${spread(of('plain', 'ms'))})`);
  console.log(`${build}: median of ${options.runs} (min–max), CPU ms:  lines ${m('lines', 'cpu').toFixed(0)} (${spread(of('lines', 'cpu'))}), files ${m('files', 'cpu').toFixed(0)} (${spread(of('files', 'cpu'))}), plain ${m('plain', 'cpu').toFixed(0)} (${spread(of('plain', 'cpu'))})`);
  console.log(`${build}: line coverage / file coverage, medians: wall ${(m('lines', 'ms') / m('files', 'ms')).toFixed(3)}×, CPU ${(m('lines', 'cpu') / m('files', 'cpu')).toFixed(3)}×; per round wall ${ratios('ms')}; CPU ${ratios('cpu')}`);
}
const recorded = JSON.parse(fs.readFileSync(path.join(dir, '.spec', 'line-coverage.json'), 'utf8'));
console.log(`record: ${Object.keys(recorded.files).length} files`);

const { measureLineDebt } = await import(path.join(ROOT, 'dist', 'debt', 'measure-lines.js'));
const measure = async () => {
  const started = performance.now();
  const debt = await measureLineDebt(dir, { steps: ['steps/**/*.ts'], specs: ['features/**/*.feature'] });
  return { ms: performance.now() - started, debt };
};
fs.rmSync(path.join(dir, '.spec', 'debt-shapes.json'), { force: true });
const cold = await measure();
const warm = await measure();
const edited = path.join(dir, Object.keys(recorded.files).find((f) => f.startsWith('src/')));
const text = fs.readFileSync(edited, 'utf8');
fs.writeFileSync(edited, `${text}\nexport const edited = 1;\n`);
const after = await measure().finally(() => fs.writeFileSync(edited, text));
if (after.debt.stale.length !== 1) throw new Error(`after one edit: ${after.debt.stale.length} stale files, not 1`);
console.log(`measureLineDebt over ${cold.debt.files.length} files: cold ${cold.ms.toFixed(0)} ms, warm ${warm.ms.toFixed(0)} ms, after one edit ${after.ms.toFixed(0)} ms (unspecified ${warm.debt.metrics.unspecified.value} lines, opaque ${warm.debt.metrics.opaqueComplexity.value} points)`);
