#!/usr/bin/env node
// Benchmark: what line coverage (V8 block counts folded per scenario take, mapped to source lines
// at the end, recorded in .spec/line-coverage.json) adds to a coverage run of every scenario.
//
//   node bench/lines.bench.mjs [--size 2000] [--runs 3]
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
  const options = { size: 2000, runs: 3 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = Number(argv[++i]);
    if (!Number.isInteger(value) || value < (flag === '--runs' ? 0 : 1)) throw new Error(`${flag} takes a positive integer (--runs 0: the warm-up and the measurement only)`);
    if (flag === '--size') options.size = value;
    else if (flag === '--runs') options.runs = value;
    else throw new Error(`unknown option '${flag}' (usage: node bench/lines.bench.mjs [--size 2000] [--runs 3])`);
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

function run(name, dir, expected) {
  const record = path.join(dir, '.spec', 'line-coverage.json');
  const before = fs.existsSync(record) ? fs.statSync(record).mtimeMs : 0;
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [SPEC_BIN, ...COMMANDS[name]], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const passed = /^spec: (\d+) passed, 0 failed/m.exec(child.stdout);
  if (child.status !== 0 || Number(passed?.[1]) !== expected) throw new Error(`${name}: exit ${child.status}, not ${expected} passed:\n${child.stdout.slice(-2000)}\n${child.stderr.slice(-2000)}`);
  const after = fs.existsSync(record) ? fs.statSync(record).mtimeMs : 0;
  if (name === 'lines' && after <= before) throw new Error('lines: no fresh .spec/line-coverage.json');
  if (name !== 'lines' && after !== before) throw new Error(`${name}: touched .spec/line-coverage.json`);
  return ms;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const options = parseArgs(process.argv.slice(2));
const { dir, counts } = ensureSuite(options.size);
process.stderr.write(`suite ${path.relative(ROOT, dir)}: ${counts.scenarios} scenarios, ${counts.modules} modules\n`);
const times = { lines: [], files: [], plain: [] };
for (const name of Object.keys(times)) run(name, dir, counts.scenarios); // warm-up (tsx's cache)
for (let i = 0; i < options.runs; i++) {
  for (const name of Object.keys(times)) {
    times[name].push(run(name, dir, counts.scenarios));
    process.stderr.write(`  ${name} ${times[name].at(-1).toFixed(0)} ms\n`);
  }
}
const m = Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)]));
const recorded = JSON.parse(fs.readFileSync(path.join(dir, '.spec', 'line-coverage.json'), 'utf8'));
if (options.runs > 0) console.log(`median of ${options.runs}: lines ${m.lines.toFixed(0)} ms, files ${m.files.toFixed(0)} ms, plain ${m.plain.toFixed(0)} ms`);
if (options.runs > 0) console.log(`line coverage / file coverage: ${(m.lines / m.files).toFixed(3)}×   (+${(m.lines - m.files).toFixed(0)} ms; coverage vs none: ${(m.files / m.plain).toFixed(3)}×)`);
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
