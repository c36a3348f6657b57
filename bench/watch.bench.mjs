#!/usr/bin/env node
// Benchmark: `spec watch` edit → verdict latency against its two anchors (DESIGN.md, "Performance
// targets"; issue 3, "Speed"):
//
//   node bench/watch.bench.mjs [--suite bench/out/suite-2000] [--edits 20] [--only spec|cucumber|vitest]
//                              [--json] [--runs 5] [--gap 1000] [--settle 20] [--timeout 600]
//                              [--few FILE] [--tenth FILE] [--spec-bin PATH] [--profiles default,esm] [--timing]
//
// 1. spec watch --json in the suite: after its initial full run, --edits edits to a module few
//    scenarios reach, then --edits to one a tenth of the suite reaches; latency = write → the
//    `run-finished` event whose verdict.watch.trigger names the file. RSS of the watcher's tree.
// 2. anchor (a): cold cucumber-js runs of the same suite (one warm-up, then --runs).
// 3. anchor (b): vitest --watch on the suite's vitest twin, the same edits to the same modules;
//    latency = write → the "Duration" line that closes the summary of the rerun.
//
// A measurement tool, not a test: it asserts nothing about time. It does insist that every run it
// times passed every scenario it ran, because timing a failing run measures nothing. Edited files
// are restored byte for byte (and their mtime) at the end, on errors and on Ctrl-C; every process
// it starts is killed, and any that outlives its parent is reported.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { GENERATOR_VERSION, generateSuite, readManifest } from './generate.mjs';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH_DIR, '..');
const CUCUMBER_BIN = path.join(ROOT, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js');
const VITEST_BIN = path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const SPEC_BIN = path.join(ROOT, 'bin', 'spec.js');
const DEFAULT_SUITE = path.join(ROOT, 'bench', 'out', 'suite-2000');
const DEFAULT_SUITE_OPTIONS = { features: 200, scenarios: 10, modules: 1000, layers: 4, seed: '1' };
// DESIGN.md, "Performance targets", and issue 12: ≥ 15× a cold cucumber-js run (this said 10×).
const TARGETS = { fewMs: 150, tenthMs: 400, cucumberOverFew: 15, vitestOverSpec: 4, rssMb: 300 };

const USAGE = `usage: node bench/watch.bench.mjs [options]
  --suite DIR      generated suite (default bench/out/suite-2000; generated if missing)
  --edits 20       edits per target module, for spec and for vitest
  --only NAMES     measure only 'spec', 'cucumber' (cold anchor) and/or 'vitest' (watch anchor), comma-separated
  --json           print the results as JSON on stdout (progress still goes to stderr)
  --runs 5         timed cold cucumber-js runs (after one warm-up)
  --gap 1000       ms of quiet after each verdict before the next edit (an agent edits every few s)
  --settle 20      spec watch --settle MS
  --timeout 600    seconds to wait for any initial run; each edit's rerun gets min(this, 120)
  --few FILE       the module few scenarios reach (suite-relative; default: chosen from the graph)
  --tenth FILE     the module about a tenth of the suite reaches (default: chosen from the graph)
  --spec-bin PATH  spec entry to run instead of bin/spec.js
  --coverage       run spec watch --coverage (per-scenario coverage selects exactly)
  --body-edit      edit inside the module's first function body instead of appending an export
                   (the edit coverage narrows; an appended export changes load-time state)
  --plan           only print the modules it would edit, with their reach, and exit
  --profiles LIST  measure spec watch and cold cucumber-js under each cucumber profile in turn
                   (default: the config's default; the generated suite has 'default', CommonJS, and
                   'esm', the same steps loaded with import:, cold runs with NODE_OPTIONS=--import tsx)
  --timing         run spec watch with SPECLOOP_TIMING=1 and report, per module, which runner each
                   run got (warm, pre-loaded spare, cold), why runners were retired, the runner's CPU
                   time per run and its support-load time (needs a build that forwards runner marks)
  --rounds 1       with --profiles: go round the profiles this many times (alternating, for a noisy machine)`;

// ---------------------------------------------------------------------------------------------
// Options

function parseArgs(argv) {
  const options = { suite: DEFAULT_SUITE, edits: 20, only: null, json: false, runs: 5, gap: 1000, settle: 20, timeout: 600, few: null, tenth: null, specBin: SPEC_BIN, profiles: null, profile: null, rounds: 1 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--suite': options.suite = path.resolve(value()); break;
      case '--edits': options.edits = int(value(), flag, 1); break;
      case '--runs': options.runs = int(value(), flag, 1); break;
      case '--gap': options.gap = int(value(), flag, 0); break;
      case '--settle': options.settle = int(value(), flag, 0); break;
      case '--timeout': options.timeout = int(value(), flag, 1); break;
      case '--few': options.few = value(); break;
      case '--tenth': options.tenth = value(); break;
      case '--spec-bin': options.specBin = path.resolve(value()); break;
      case '--timing': options.timing = true; break;
      case '--json': options.json = true; break;
      case '--profiles': options.profiles = value().split(',').filter(Boolean); break;
      case '--rounds': options.rounds = int(value(), flag, 1); break;
      case '--plan': options.plan = true; break;
      case '--coverage': options.coverage = true; break;
      case '--body-edit': options.bodyEdit = true; break;
      case '--only': {
        options.only = value().split(',');
        const wrong = options.only.find((name) => !['spec', 'cucumber', 'vitest'].includes(name));
        if (wrong !== undefined) throw new Error(`--only takes spec, cucumber or vitest (or several, comma-separated), not '${wrong}'`);
        break;
      }
      case '--help': case '-h': options.help = true; break;
      default: throw new Error(`unknown option '${argv[i]}'`);
    }
  }
  return options;
}

function int(text, flag, min) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new Error(`${flag} takes an integer ≥ ${min}, not '${text}'`);
  return n;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

const now = () => performance.now();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line) => process.stderr.write(`${line}\n`);
const rel = (p) => path.relative(ROOT, p) || '.';
const posix = (p) => p.split(path.sep).join('/');
const round1 = (n) => Math.round(n * 10) / 10;
const round2 = (n) => Math.round(n * 100) / 100;
const stripAnsi = (s) => s.replace(/\x1b\[[0-9;?]*[A-Za-z]|\x1b[A-Za-z]/g, '');
const tail = (lines, n = 20) => (lines.length ? lines.slice(-n).map((l) => `  | ${l.length > 300 ? `${l.slice(0, 300)}…` : l}`).join('\n') : '  | (empty)');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function stats(values) {
  if (values.length === 0) return null;
  return { median: round1(median(values)), min: round1(Math.min(...values)), max: round1(Math.max(...values)), n: values.length };
}

class BenchFailure extends Error {}

// ---------------------------------------------------------------------------------------------
// Files we change, and how they go back (also on Ctrl-C and on errors)

const restores = new Map(); // absolute path → { content: Buffer, atime, mtime }

function remember(file) {
  if (restores.has(file)) return restores.get(file).content;
  const st = fs.statSync(file, { bigint: true });
  const content = fs.readFileSync(file);
  // seconds as a double: about microsecond precision (utimes takes no nanoseconds from JS)
  restores.set(file, { content, atime: Number(st.atimeNs) / 1e9, mtime: Number(st.mtimeNs) / 1e9 });
  return content;
}

/** Puts one file back byte for byte, with its mtime; true if it had to be written. */
function restoreFile(file) {
  const saved = restores.get(file);
  if (!saved) return false;
  let differs = true;
  try {
    differs = !fs.readFileSync(file).equals(saved.content);
  } catch {
    // deleted: write it back
  }
  if (differs) fs.writeFileSync(file, saved.content);
  fs.utimesSync(file, saved.atime, saved.mtime);
  restores.delete(file);
  return differs;
}

function restoreAll() {
  for (const file of [...restores.keys()]) {
    try {
      restoreFile(file);
    } catch (error) {
      log(`watch.bench: could not restore ${file}: ${error.message}`);
    }
  }
}

/** The i-th edit: the original plus an unused export (type-checks, changes no behaviour). */
function editedText(original, i, bodyEdit = false) {
  const text = original.toString('utf8');
  if (bodyEdit) {
    const at = text.indexOf('{', text.indexOf('export function'));
    if (at < 0) throw new Error('--body-edit: the module has no exported function to edit');
    return `${text.slice(0, at + 1)}\n  void ${i};${text.slice(at + 1)}`;
  }
  return `${text}${text.endsWith('\n') ? '' : '\n'}export const __watchBench${i} = ${i};\n`;
}

// ---------------------------------------------------------------------------------------------
// Processes: /proc scans, process trees, RSS, kills

let pageKb = null;
function pageSizeKb() {
  if (pageKb === null) pageKb = (Number(spawnSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).stdout) || 4096) / 1024;
  return pageKb;
}

let tickMs = null;
function clockTickMs() {
  if (tickMs === null) tickMs = 1000 / (Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100);
  return tickMs;
}

/** pid → { ppid, pgrp, start, rssKb, cpuTicks, childTicks } for every process we can read. */
function scanProcs() {
  const procs = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // f[0] is field 3 (state)
      // utime + stime (fields 14, 15) and cutime + cstime (16, 17: children it waited for), in clock ticks
      procs.set(Number(entry), { ppid: Number(f[1]), pgrp: Number(f[2]), start: f[19], rssKb: Number(f[21]) * pageSizeKb(), state: f[0], cpuTicks: Number(f[11]) + Number(f[12]), childTicks: Number(f[13]) + Number(f[14]) });
    } catch {
      // exited between readdir and read
    }
  }
  return procs;
}

function cmdline(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
  } catch {
    return '?';
  }
}

function cwdOf(pid) {
  try {
    return fs.readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return null;
  }
}

/**
 * One child we started in its own process group, plus every descendant we have ever seen (so a
 * grandchild that escaped the group, or was re-parented to init, is still ours to report and kill).
 */
class Tracked {
  constructor(child, label) {
    this.child = child;
    this.pid = child.pid;
    this.label = label;
    this.seen = new Map(); // pid → start time (guards against pid reuse)
    this.exited = false;
    this.exit = null;
    this.exitPromise = new Promise((resolve) => child.on('exit', (code, signal) => {
      this.exited = true;
      this.exit = { code, signal };
      resolve(this.exit);
    }));
    tracked.add(this);
    this.refresh();
  }

  /** Scans /proc: our group and our descendants, remembered; returns the live members. */
  refresh(procs = scanProcs()) {
    const live = new Map();
    for (const [pid, p] of procs) if (p.pgrp === this.pid && p.state !== 'Z') live.set(pid, p);
    if (procs.has(this.pid) && procs.get(this.pid).state !== 'Z') live.set(this.pid, procs.get(this.pid));
    let grew = true;
    while (grew) {
      grew = false;
      for (const [pid, p] of procs) if (!live.has(pid) && live.has(p.ppid)) { live.set(pid, p); grew = true; }
    }
    for (const [pid, p] of live) if (p.state !== 'Z') this.seen.set(pid, p.start);
    for (const [pid, start] of this.seen) {
      const p = procs.get(pid);
      if (p && p.start === start && p.state !== 'Z') live.set(pid, p);
    }
    return live;
  }

  /**
   * CPU time (user + system) the tree has used, ms: every live member's own, plus what the leader's
   * exited children used (the watcher reaps its runners, so a killed runner's time stays counted).
   */
  cpuMs() {
    const live = this.refresh();
    let ticks = live.get(this.pid)?.childTicks ?? 0;
    for (const p of live.values()) ticks += p.cpuTicks ?? 0;
    return ticks * clockTickMs();
  }

  rssKb() {
    let total = 0;
    for (const p of this.refresh().values()) total += p.rssKb;
    return total;
  }

  /**
   * Exact figure for the report: VmRSS from /proc/<pid>/status of every live member, summed (pages
   * shared between the processes, e.g. the node binary, count once per process), and PSS from
   * /proc/<pid>/smaps_rollup (shared pages split between their users), which does not double-count.
   */
  vmRss() {
    const members = [];
    for (const pid of this.refresh().keys()) {
      try {
        const m = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
        let pssKb = null;
        try {
          pssKb = Number(/^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? NaN);
        } catch {
          // no smaps_rollup (old kernel, other user)
        }
        if (m) members.push({ pid, rssKb: Number(m[1]), pssKb: Number.isFinite(pssKb) ? pssKb : null, cmd: cmdline(pid).slice(0, 160) });
      } catch {
        // gone
      }
    }
    const pss = members.every((x) => x.pssKb !== null) ? members.reduce((n, x) => n + x.pssKb, 0) : null;
    return { totalKb: members.reduce((n, x) => n + x.rssKb, 0), totalPssKb: pss, members };
  }

  /** Live processes of ours other than none: after the leader exited, anything left is a leftover. */
  leftovers() {
    return [...this.refresh().keys()].map((pid) => ({ pid, cmd: cmdline(pid) }));
  }

  killAll(signal = 'SIGKILL') {
    try {
      process.kill(-this.pid, signal);
    } catch {
      // group gone
    }
    for (const pid of this.refresh().keys()) {
      try {
        process.kill(pid, signal);
      } catch {
        // gone
      }
    }
  }
}

const tracked = new Set();

function killEverything() {
  for (const t of tracked) t.killAll('SIGKILL');
}

/** Processes whose cwd is inside the suite (ours or not); a final sweep for the report. */
function processesInDir(dir) {
  const found = [];
  for (const pid of scanProcs().keys()) {
    if (pid === process.pid) continue;
    const cwd = cwdOf(pid);
    if (cwd && (cwd === dir || cwd.startsWith(`${dir}${path.sep}`))) found.push({ pid, cmd: cmdline(pid) });
  }
  return found;
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    log(`\nwatch.bench: ${signal}: restoring edited files and killing what this run started`);
    restoreAll();
    killEverything();
    process.exit(130);
  });
}
process.on('exit', () => {
  restoreAll();
  killEverything();
});

/**
 * Stops a long-lived child: optional polite input first (spec's "q"), then SIGTERM, then SIGKILL
 * of the whole tree. Reports how it went and what outlived it.
 */
async function stopTracked(t, { input = null, politeMs = 2000, termMs = 2000 } = {}) {
  const how = t.exited ? [`had already exited (${JSON.stringify(t.exit)})`] : [];
  const waitExit = (ms) => Promise.race([t.exitPromise.then(() => true), sleep(ms).then(() => false)]);
  if (input !== null && !t.exited) {
    try {
      t.child.stdin.write(input);
    } catch {
      // stdin closed
    }
    how.push(`sent ${JSON.stringify(input)}`);
    if (await waitExit(politeMs)) how.push('exited');
  }
  if (!t.exited) {
    try {
      process.kill(t.pid, 'SIGTERM');
    } catch {
      // gone
    }
    how.push('SIGTERM');
    if (await waitExit(termMs)) how.push('exited');
  }
  if (!t.exited) {
    t.killAll('SIGKILL');
    how.push('SIGKILL (did not exit)');
    await waitExit(2000);
  }
  await sleep(300); // let children that were told to go, go
  const leftovers = t.leftovers();
  if (leftovers.length) {
    t.killAll('SIGKILL');
    await sleep(200);
  }
  const stillThere = t.leftovers();
  tracked.delete(t);
  return { how: how.join(' → '), exit: t.exit, leftovers, stillThere };
}

// ---------------------------------------------------------------------------------------------
// The suite, and which modules to edit

function ensureSuite(dir) {
  const manifest = readManifest(dir);
  if (manifest && (manifest.version === GENERATOR_VERSION || dir !== DEFAULT_SUITE)) return manifest.counts;
  if (dir !== DEFAULT_SUITE) throw new BenchFailure(`${dir} holds no generated suite (.specloop-bench-suite.json); generate one with bench/generate.mjs`);
  log(`generating ${rel(dir)} (node bench/generate.mjs --features 200 --scenarios 10 --modules 1000)`);
  return generateSuite({ ...DEFAULT_SUITE_OPTIONS, out: dir }).counts;
}

function listTs(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).map((f) => path.join(dir, f)).sort();
}

/** Value edges of one file (import / export … from / dynamic import); `import type` and `export type` are not edges. */
function valueImports(file, text) {
  const specs = [];
  const patterns = [
    /^\s*import\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/gm,
    /^\s*export\s+(type\s+)?(?:\*(?:\s+as\s+\w+)?|\{[^}]*\})\s+from\s+['"]([^'"]+)['"]/gm,
  ];
  for (const re of patterns) for (const m of text.matchAll(re)) if (!m[1]) specs.push(m[2]);
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1]);
  const edges = [];
  for (const spec of specs) {
    if (!spec.startsWith('.')) continue;
    const target = path.resolve(path.dirname(file), spec).replace(/\.(m|c)?js$/, '.$1ts');
    edges.push(target);
  }
  return edges;
}

/** Pickles in a .feature file: Scenario lines plus Examples rows (minus each table's header). */
function countPickles(text) {
  let count = 0;
  let inExamples = false;
  let header = false;
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (/^Scenario:/.test(t) || /^Example:/.test(t)) count++;
    if (/^(Examples|Scenarios):/.test(t)) { inExamples = true; header = true; continue; }
    if (inExamples && t.startsWith('|')) {
      if (header) header = false;
      else count++;
      continue;
    }
    if (inExamples && t !== '' && !t.startsWith('#') && !t.startsWith('@')) inExamples = false;
  }
  return count;
}

/**
 * Reach of every src module, by two measures:
 *  - byStepFile: scenarios of the features whose step file statically reaches it (the granularity
 *    of a selection that knows only step file → scenarios);
 *  - byScenario: scenarios whose own calls reach it (from the vitest twin: each `it` calls the
 *    same f<id>/t<id> its cucumber scenario does), through the same value-import graph.
 * Plus vitestFiles: the vitest files whose imports reach it (what vitest's watch reruns).
 */
function analyseSuite(suite) {
  const srcFiles = listTs(path.join(suite, 'src'));
  const stepFiles = listTs(path.join(suite, 'steps'));
  const vitestFiles = listTs(path.join(suite, 'vitest')).filter((f) => f.endsWith('.test.ts'));
  const edges = new Map();
  const texts = new Map();
  for (const file of [...srcFiles, ...stepFiles, ...vitestFiles]) {
    const text = fs.readFileSync(file, 'utf8');
    texts.set(file, text);
    edges.set(file, valueImports(file, text).filter((t) => fs.existsSync(t)));
  }
  const closure = (starts) => {
    const seen = new Set();
    const stack = [...starts];
    while (stack.length) {
      const f = stack.pop();
      if (seen.has(f)) continue;
      seen.add(f);
      for (const t of edges.get(f) ?? []) stack.push(t);
    }
    return seen;
  };
  const byId = new Map(srcFiles.map((f) => [path.basename(f, '.ts').replace(/^m/, ''), f]));
  // the generator's doc comment: "A reading of module m38 (leaf)" / "(layer 2, built on …)"
  const layerOf = (f) => (/A reading of module m\d+ \(leaf\)/.test(texts.get(f)) ? 0 : Number(/\(layer (\d+)/.exec(texts.get(f))?.[1] ?? NaN));

  // features → their step file (features/<domain>-NN.feature uses steps/<domain>.steps.ts) and pickle counts
  const featureDir = path.join(suite, 'features');
  const features = fs.existsSync(featureDir) ? fs.readdirSync(featureDir).filter((f) => f.endsWith('.feature')).sort() : [];
  const picklesByStepFile = new Map();
  let totalPickles = 0;
  for (const feature of features) {
    const pickles = countPickles(fs.readFileSync(path.join(featureDir, feature), 'utf8'));
    totalPickles += pickles;
    const stepFile = path.join(suite, 'steps', `${feature.replace(/-\d+\.feature$/, '')}.steps.ts`);
    picklesByStepFile.set(stepFile, (picklesByStepFile.get(stepFile) ?? 0) + pickles);
  }

  const reach = new Map(srcFiles.map((f) => [f, { stepFiles: 0, byStepFile: 0, byScenario: 0, vitestFiles: 0 }]));
  for (const stepFile of stepFiles) {
    for (const f of closure([stepFile])) {
      const r = reach.get(f);
      if (!r) continue;
      r.stepFiles++;
      r.byStepFile += picklesByStepFile.get(stepFile) ?? 0;
    }
  }
  for (const vfile of vitestFiles) {
    for (const f of closure([vfile])) if (reach.has(f)) reach.get(f).vitestFiles++;
    for (const block of texts.get(vfile).split(/^\s*it\(/m).slice(1)) {
      const called = [...new Set([...block.matchAll(/\b[ft](\d+)\(/g)].map((m) => byId.get(m[1])).filter(Boolean))];
      for (const f of closure(called)) if (reach.has(f)) reach.get(f).byScenario++;
    }
  }
  return { srcFiles, reach, layerOf, totalPickles };
}

function describeTarget(suite, analysis, file, why) {
  const abs = path.resolve(suite, file);
  const r = analysis.reach.get(abs);
  if (!r) throw new BenchFailure(`${file} is not a module under ${rel(path.join(suite, 'src'))}`);
  return { file: posix(path.relative(suite, abs)), abs, layer: analysis.layerOf(abs), ...r, why };
}

function chooseTargets(suite, analysis, options) {
  const candidates = [...analysis.reach].filter(([, r]) => r.stepFiles > 0 && r.vitestFiles > 0);
  if (candidates.length === 0) throw new BenchFailure('no src module is reached by both a step file and a vitest file: is this a generated suite?');
  const order = (...keys) => (a, b) => {
    for (const key of keys) {
      const d = key(a) - key(b);
      if (d !== 0) return d;
    }
    return a[0] < b[0] ? -1 : 1;
  };
  const layer = ([f]) => analysis.layerOf(f);
  const few = options.few
    ? describeTarget(suite, analysis, options.few, '--few')
    : (() => {
        const [f] = [...candidates].sort(order(([, r]) => r.byStepFile, layer, ([, r]) => r.byScenario))[0];
        return describeTarget(suite, analysis, f, 'fewest scenarios by step file, then the lowest layer, then fewest by calls');
      })();
  const goal = analysis.totalPickles / 10;
  const tenth = options.tenth
    ? describeTarget(suite, analysis, options.tenth, '--tenth')
    : (() => {
        const [f] = [...candidates].sort(order(([, r]) => Math.abs(r.byStepFile - goal), layer, ([, r]) => Math.abs(r.byScenario - goal)))[0];
        return describeTarget(suite, analysis, f, `by step file closest to a tenth of the suite (${goal} scenarios), then the lowest layer`);
      })();
  return { few, tenth };
}

// ---------------------------------------------------------------------------------------------
// Line-oriented event streams from a child

/** Collects a child's lines with arrival times; waiters are called on each new line. */
class LineLog {
  constructor(stream, parse) {
    this.entries = []; // { at, line, event }
    this.raw = [];
    this.waiters = new Set();
    this.closed = false;
    const rl = readline.createInterface({ input: stream, crlfDelay: Infinity });
    rl.on('line', (line) => {
      const at = now();
      const entry = { at, line, event: parse(line, this) };
      this.entries.push(entry);
      this.raw.push(line);
      if (this.raw.length > 400) this.raw.splice(0, 200);
      for (const w of [...this.waiters]) w();
    });
    rl.on('close', () => {
      this.closed = true;
      for (const w of [...this.waiters]) w();
    });
  }

  /**
   * Resolves with the first entry from index `from` on for which match(entry) is truthy. Rejects on
   * timeout, or when the stream ends (the child died) first.
   */
  waitFor(from, match, timeoutMs, what) {
    return new Promise((resolve, reject) => {
      let index = from;
      const check = () => {
        for (; index < this.entries.length; index++) {
          const entry = this.entries[index];
          if (match(entry)) return finish(() => resolve({ entry, index }));
        }
        if (this.closed) finish(() => reject(new BenchFailure(`${what}: the process's output ended first`)));
      };
      const timer = setTimeout(() => finish(() => reject(new BenchFailure(`${what}: nothing after ${(timeoutMs / 1000).toFixed(0)} s`))), timeoutMs);
      const finish = (fn) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        fn();
      };
      this.waiters.add(check);
      check();
    });
  }
}

function collect(stream, keep = 200) {
  const lines = [];
  readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
    lines.push(line);
    if (lines.length > keep) lines.shift();
  });
  return lines;
}

// ---------------------------------------------------------------------------------------------
// 1. spec watch

function specCommand(options) {
  return [process.execPath, options.specBin, 'watch', '--json', '--settle', String(options.settle), ...(options.coverage ? ['--coverage'] : []), ...(options.profile ? ['--profile', options.profile] : [])];
}

function probeSpecWatch(options) {
  if (!fs.existsSync(options.specBin)) return `${options.specBin} does not exist`;
  const r = spawnSync(process.execPath, [options.specBin, 'watch', '--help'], { encoding: 'utf8', timeout: 30000 });
  if (r.status !== 0 || !/--json/.test(r.stdout)) return `'spec watch --help' does not work yet (exit ${r.status}): ${(r.stderr || r.stdout).trim().split('\n')[0] ?? ''} — run npm run build`;
  return null;
}

function parseSpecLine(line) {
  try {
    const event = JSON.parse(line);
    return event && typeof event.type === 'string' ? event : { type: 'non-event' };
  } catch {
    return { type: 'non-json' };
  }
}

const verdictCheck = (verdict, expectTotal) => {
  const s = verdict?.counts?.scenarios;
  if (!s) return 'no verdict.counts.scenarios';
  const problems = [];
  if (verdict.status !== 'passed') problems.push(`status ${verdict.status}`);
  if (s.passed !== s.total) problems.push(`${s.passed} of ${s.total} scenarios passed (${verdict.summary ?? ''})`);
  if (s.total === 0) problems.push('ran 0 scenarios');
  if (expectTotal !== undefined && s.total !== expectTotal) problems.push(`ran ${s.total} scenarios, the suite has ${expectTotal}`);
  return problems.length ? problems.join('; ') : null;
};

async function benchSpec(suite, counts, targets, options) {
  const argv = specCommand(options);
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  if (options.timing) env.SPECLOOP_TIMING = '1';
  const inSuiteBefore = new Set(processesInDir(suite).map((p) => p.pid));
  const child = spawn(argv[0], argv.slice(1), { cwd: suite, env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  const proc = new Tracked(child, 'spec watch');
  const events = new LineLog(child.stdout, parseSpecLine);
  const stderr = collect(child.stderr, options.timing ? Infinity : 200);
  const result = { command: `(cd ${rel(suite)} && ${argv.map((a) => (a === process.execPath ? 'node' : a)).join(' ')})`, targets: {}, problems: [] };
  const fail = (message) => new BenchFailure(`${message}\n  --- spec stdout (tail) ---\n${tail(events.raw.map((l) => (l.length > 300 ? `${l.slice(0, 300)}…` : l)))}\n  --- spec stderr (tail) ---\n${tail(stderr)}`);
  const started = now();
  let peakKb = 0;
  let sampler = null;
  let inFlight = null;
  try {
    // the initial full run
    let ready;
    try {
      ready = await events.waitFor(0, (e) => e.event.type === 'ready', options.timeout * 1000, 'spec watch: waiting for "ready"');
    } catch (error) {
      throw fail(error.message);
    }
    const { entry: first, index: firstIndex } = await events.waitFor(0, (e) => e.event.type === 'run-finished' || e.event.type === 'error', options.timeout * 1000, 'spec watch: waiting for the initial run').catch((error) => { throw fail(error.message); });
    if (first.event.type === 'error') throw fail(`spec watch: error event before the initial run finished: ${JSON.stringify(first.event.problem)}`);
    const initialProblem = verdictCheck(first.event.verdict, counts.scenarios);
    result.initial = { readyMs: round1(ready.entry.at - started), finishedMs: round1(first.at - started), watching: ready.entry.event.watching, scenarios: first.event.verdict.counts.scenarios.total, summary: first.event.verdict.summary };
    log(`  spec watch: ready after ${result.initial.readyMs} ms (watching ${result.initial.watching} files); initial run finished after ${result.initial.finishedMs} ms: ${first.event.verdict.summary}`);
    if (initialProblem) throw fail(`spec watch: the initial full run did not pass the whole suite: ${initialProblem}`);
    let cursor = firstIndex + 1;
    await sleep(options.gap);
    result.rssIdleAfterInitial = proc.vmRss();

    let peakProcesses = 0;
    sampler = setInterval(() => {
      const live = proc.refresh();
      const kb = [...live.values()].reduce((n, p) => n + p.rssKb, 0);
      if (kb > peakKb) {
        peakKb = kb;
        peakProcesses = live.size;
      }
    }, 100);
    let editNo = 0;
    for (const [kind, target] of Object.entries(targets)) {
      const samples = [];
      const timingFrom = stderr.length;
      const original = remember(target.abs);
      log(`  spec watch: ${options.edits} edits to ${target.file} (${kind})`);
      try {
        for (let i = 0; i < options.edits; i++) {
          const n = editNo++;
          const cpuBefore = proc.cpuMs();
          const outcome = await timedSpecEdit(events, cursor, target, () => fs.writeFileSync(target.abs, editedText(original, n, options.bodyEdit)), options, fail);
          const cpuAtVerdict = proc.cpuMs();
          outcome.sample.cpuMs = round1(cpuAtVerdict - cpuBefore);
          cursor = outcome.nextIndex;
          samples.push(outcome.sample);
          log(`    edit ${String(i + 1).padStart(2)}: ${outcome.sample.ms.toFixed(0).padStart(5)} ms  (started +${outcome.sample.startedMs?.toFixed(0) ?? '?'} ms, ${outcome.sample.scenarios} scenarios${outcome.sample.problem ? `, ${outcome.sample.problem}` : ''}${outcome.sample.cancelled ? `, ${outcome.sample.cancelled} cancelled` : ''})`);
          await sleep(options.gap);
          // what the quiet time after the verdict cost (a spare forked or pre-loading, a runner retired)
          outcome.sample.idleCpuMs = round1(proc.cpuMs() - cpuAtVerdict);
          const live = proc.refresh();
          outcome.sample.treeRssMb = round1([...live.values()].reduce((n, p) => n + p.rssKb, 0) / 1024);
          outcome.sample.processes = live.size;
          // anything that arrived in the gap for this file is an extra run
          const extra = events.entries.slice(cursor).filter((e) => e.event.type === 'run-started');
          if (extra.length) outcome.sample.extraRuns = extra.length;
        }
      } finally {
        // put it back, and let the watcher settle on the original before the next target
        const cursorBefore = events.entries.length;
        const tRestore = now();
        if (restoreFile(target.abs)) {
          const done = await events
            .waitFor(cursorBefore, (e) => (e.event.type === 'run-finished' && triggerOf(e.event).some((t) => sameFile(t, target.file))) || (e.event.type === 'idle' && (e.event.trigger ?? []).some((t) => sameFile(t, target.file))), 120000, `spec watch: the run after restoring ${target.file}`)
            .catch((error) => ({ error }));
          if (done.error) result.problems.push(done.error.message);
          else cursor = done.index + 1;
          log(`    restored ${target.file} (its rerun: ${done.error ? 'none seen' : `${(done.entry.at - tRestore).toFixed(0)} ms`})`);
          await sleep(options.gap);
        }
      }
      result.targets[kind] = summarizeEdits(target, samples);
      if (options.timing) result.targets[kind].timing = summarizeTiming(stderr.slice(timingFrom));
    }
    clearInterval(sampler);
    sampler = null;
    result.rssAfterEdits = proc.vmRss();
    result.rssPeakDuringEditsMb = round1(peakKb / 1024);
    result.rssPeakProcesses = peakProcesses;
    result.rssAfterEachEditMb = Object.values(result.targets).flatMap((t) => t.samples.map((x) => x.treeRssMb));
    result.eventsSeen = countBy(events.entries.map((e) => e.event.type));
  } catch (error) {
    inFlight = error;
    throw error;
  } finally {
    if (sampler) clearInterval(sampler);
    restoreAll();
    const stop = await stopTracked(proc, { input: 'q\n' });
    result.stop = stop;
    if (inFlight instanceof BenchFailure) {
      inFlight.message += `\n  the watcher: ${stop.how}; ${stop.leftovers.length ? `left behind (killed): ${stop.leftovers.map((p) => `${p.pid} ${p.cmd}`).join('; ')}` : 'nothing left behind'}`;
    }
    if (stop.leftovers.length) result.problems.push(`after it exited, ${stop.leftovers.length} process(es) of spec watch were still alive (killed): ${stop.leftovers.map((p) => `${p.pid} ${p.cmd}`).join('; ')}`);
    if (!/^sent "q\\n" → exited/.test(stop.how)) result.problems.push(`"q" on stdin did not stop it within 2 s: ${stop.how}`);
    const strays = processesInDir(suite).filter((p) => !inSuiteBefore.has(p.pid));
    if (strays.length) result.problems.push(`processes with cwd in the suite after the watcher exited (not known to be ours, left alone): ${strays.map((p) => `${p.pid} ${p.cmd}`).join('; ')}`);
    log(`  spec watch stopped: ${stop.how}; exit ${JSON.stringify(stop.exit)}; leftovers ${stop.leftovers.length}`);
  }
  return result;
}

const triggerOf = (event) => event.verdict?.watch?.trigger ?? event.trigger ?? [];
const sameFile = (reported, file) => posix(reported).replace(/^\.\//, '') === file || posix(reported).endsWith(`/${file}`);

/**
 * One edit: write, then wait for the run-finished naming the file. Runs cancelled in between (a
 * second change event for the same write) are counted, not treated as failures; an `idle` or
 * `error` for the file is a problem.
 */
async function timedSpecEdit(events, cursor, target, write, options, fail) {
  const from = events.entries.length;
  const t0 = now();
  write();
  const names = (e) => triggerOf(e.event).some((t) => sameFile(t, target.file));
  const { entry, index } = await events
    .waitFor(from, (e) => (e.event.type === 'run-finished' && names(e)) || (e.event.type === 'idle' && names(e)) || e.event.type === 'error', Math.min(options.timeout, 120) * 1000, `spec watch: waiting for the rerun after editing ${target.file}`)
    .catch((error) => { throw fail(error.message); });
  const between = events.entries.slice(from, index);
  const startedEntry = between.find((e) => e.event.type === 'run-started' && names(e)) ?? between.find((e) => e.event.type === 'run-started');
  const sample = { ms: round1(entry.at - t0), startedMs: startedEntry ? round1(startedEntry.at - t0) : null, cancelled: between.filter((e) => e.event.type === 'run-cancelled').length, scenarios: 0 };
  if (entry.event.type === 'error') throw fail(`spec watch: error event after editing ${target.file}: ${JSON.stringify(entry.event.problem)}`);
  if (entry.event.type === 'idle') {
    sample.problem = `idle: ${entry.event.reason}`;
    sample.idle = true;
  } else {
    const v = entry.event.verdict;
    sample.scenarios = v.counts.scenarios.total;
    sample.passed = v.counts.scenarios.passed;
    sample.verdictMs = round1(v.durationMs);
    sample.selected = v.watch?.selected?.length ?? null;
    sample.trigger = v.watch?.trigger ?? [];
    const problem = verdictCheck(v);
    if (problem) sample.problem = problem;
    if (v.watch?.all) sample.problem = `${sample.problem ? `${sample.problem}; ` : ''}ran every scenario (watch.all)`;
  }
  return { sample, nextIndex: index + 1 };
}

function summarizeEdits(target, samples) {
  const ran = samples.filter((s) => !s.idle);
  return {
    module: target.file,
    layer: target.layer,
    reach: { stepFiles: target.stepFiles, scenariosByStepFile: target.byStepFile, scenariosByCalls: target.byScenario, vitestFiles: target.vitestFiles },
    why: target.why,
    latencyMs: stats(samples.map((s) => s.ms)),
    cpuMs: stats(samples.map((s) => s.cpuMs)),
    idleCpuMs: stats(samples.map((s) => s.idleCpuMs)),
    startLatencyMs: stats(samples.filter((s) => s.startedMs !== null).map((s) => s.startedMs)),
    ranScenarios: stats(ran.map((s) => s.scenarios)),
    allPassed: samples.every((s) => !s.problem),
    problems: samples.flatMap((s, i) => (s.problem ? [`edit ${i + 1}: ${s.problem}`] : [])),
    cancelledRuns: samples.reduce((n, s) => n + (s.cancelled ?? 0), 0),
    extraRuns: samples.reduce((n, s) => n + (s.extraRuns ?? 0), 0),
    samples,
  };
}

/**
 * --timing: what the watcher's SPECLOOP_TIMING lines (its own and its runners', forwarded) say about
 * one module's edits: which runner each run got, why runners were retired, and the runner's phases.
 */
function summarizeTiming(lines) {
  const marks = lines.map((l) => /^\[specloop timing\] (\S+) (.*) at \d+ \(own clock (\d+) ms(?:, cpu (\d+) ms)?(?:, thread cpu \d+ ms)?\)$/.exec(l)).filter(Boolean).map((m) => ({ who: m[1], label: m[2], clock: Number(m[3]) }));
  const pool = countBy(marks.filter((m) => m.who === 'watch' && /^(runner|spare|change event)/.test(m.label)).map((m) => m.label.replace(/ \(\d+ runs on it\)$/, '')));
  const runnerCpu = marks.map((m) => /^run finished \(cpu (\d+) ms/.exec(m.label)).filter(Boolean).map((m) => Number(m[1]));
  const loads = [];
  let received = null;
  for (const m of marks.filter((x) => x.who === 'runner')) {
    if (m.label === 'load received') received = m.clock;
    else if (m.label === 'support loaded' && received !== null) (loads.push(m.clock - received), (received = null));
  }
  return { pool, runnerCpuMs: runnerCpu.length ? stats(runnerCpu) : null, loadMs: loads.length ? stats(loads) : null, runs: runnerCpu.length };
}

function countBy(items) {
  const counts = {};
  for (const item of items) counts[item] = (counts[item] ?? 0) + 1;
  return counts;
}

// ---------------------------------------------------------------------------------------------
// 2. anchor (a): cold cucumber-js

function cucumberArgv(options) {
  return [process.execPath, CUCUMBER_BIN, ...(options.profile ? ['--profile', options.profile] : [])];
}

/** An ES-module profile loads TypeScript as cucumber-js's docs show for tsx. */
function cucumberEnv(options) {
  return options.profile === 'esm' ? { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import tsx`.trim() } : process.env;
}

function runOnce(argv, cwd, timeoutMs, env = process.env) {
  return new Promise((resolve, reject) => {
    const t0 = now();
    const child = spawn(argv[0], argv.slice(1), { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const proc = new Tracked(child, 'cucumber-js');
    const out = [];
    const err = [];
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => err.push(c));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      proc.killAll('SIGKILL');
    }, timeoutMs);
    let ms = 0;
    child.on('error', reject);
    child.on('exit', () => (ms = now() - t0));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const leftovers = proc.leftovers();
      if (leftovers.length) proc.killAll('SIGKILL');
      tracked.delete(proc);
      resolve({ ms, code, signal, timedOut, leftovers, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

async function benchCucumber(suite, counts, options) {
  const argv = cucumberArgv(options);
  const command = `(cd ${rel(suite)} && ${options.profile === 'esm' ? "NODE_OPTIONS='--import tsx' " : ''}node ${argv.slice(1).join(' ')})`;
  const samples = [];
  for (let i = 0; i <= options.runs; i++) {
    const run = await runOnce(argv, suite, options.timeout * 1000, cucumberEnv(options));
    const m = /^(\d+) scenarios? \(([^)]*)\)/m.exec(run.stdout);
    const passed = m ? Number(/(\d+) passed/.exec(m[2])?.[1] ?? 0) : null;
    const problems = [];
    if (run.timedOut) problems.push(`killed after ${options.timeout} s`);
    else if (run.code !== 0) problems.push(`exit code ${run.code}`);
    if (!m) problems.push('no "N scenarios (N passed)" line');
    else if (Number(m[1]) !== counts.scenarios || passed !== counts.scenarios) problems.push(`${m[1]} scenarios (${m[2]}); the suite has ${counts.scenarios}`);
    if (run.leftovers.length) problems.push(`left ${run.leftovers.length} process(es) behind (killed)`);
    if (problems.length) {
      throw new BenchFailure(`cucumber-js FAILED (${i === 0 ? 'warm-up' : `run ${i}`}): ${problems.join('; ')}\n  command: ${command}\n  --- stdout (tail) ---\n${tail(run.stdout.trimEnd().split('\n'))}\n  --- stderr (tail) ---\n${tail(run.stderr.trimEnd().split('\n'))}`);
    }
    log(`  cucumber-js ${i === 0 ? 'warm-up' : `run ${i}  `} ${run.ms.toFixed(0).padStart(6)} ms  (${m[0]})`);
    if (i > 0) samples.push(run.ms);
  }
  return { command, runs: samples.length, ms: stats(samples), samplesMs: samples.map(round1) };
}

// ---------------------------------------------------------------------------------------------
// 3. anchor (b): vitest --watch on the vitest twin

function vitestArgv(suite) {
  return [process.execPath, VITEST_BIN, '--root', path.join(suite, 'vitest'), '--watch'];
}

/**
 * vitest's default reporter without a TTY prints, per run: optional " RERUN  <file> xN", one line
 * per test file, then " Test Files  …", "      Tests  …", "   Start at  …", "   Duration  …". The
 * Duration line closes the summary; its arrival is the end of the run.
 */
function parseVitestLine(rawLine, log) {
  const line = stripAnsi(rawLine).trim();
  log.state ??= { rerun: null, files: null, tests: null };
  const state = log.state;
  let m;
  if ((m = /^RERUN\s+(\S+)/.exec(line))) {
    state.rerun = m[1];
    return { type: 'rerun', file: m[1] };
  }
  if ((m = /^Test Files\s+(.*)$/.exec(line))) state.files = m[1];
  if ((m = /^Tests\s+(.*)$/.exec(line))) state.tests = m[1];
  if (/^Duration\s+/.test(line)) {
    const event = { type: 'summary', rerun: state.rerun, files: state.files, tests: state.tests, duration: line };
    log.state = { rerun: null, files: null, tests: null };
    return event;
  }
  return { type: 'line' };
}

function vitestCounts(text) {
  const total = Number(/\((\d+)\)\s*$/.exec(text ?? '')?.[1] ?? NaN);
  const passed = Number(/(\d+) passed/.exec(text ?? '')?.[1] ?? 0);
  const failed = Number(/(\d+) failed/.exec(text ?? '')?.[1] ?? 0);
  return { total, passed, failed };
}

async function benchVitest(suite, counts, targets, options) {
  const argv = vitestArgv(suite);
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.CI; // vitest never watches under CI
  delete env.FORCE_COLOR;
  const child = spawn(argv[0], argv.slice(1), { cwd: suite, env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  const proc = new Tracked(child, 'vitest --watch');
  const lines = new LineLog(child.stdout, parseVitestLine);
  const stderr = collect(child.stderr);
  const result = { command: `(cd ${rel(suite)} && env -u CI NO_COLOR=1 node ${VITEST_BIN} --root ${path.join(suite, 'vitest')} --watch)`, targets: {}, problems: [] };
  const fail = (message) => new BenchFailure(`${message}\n  --- vitest stdout (tail) ---\n${tail(lines.raw.map(stripAnsi))}\n  --- vitest stderr (tail) ---\n${tail(stderr)}`);
  const started = now();
  try {
    const { entry: first, index } = await lines.waitFor(0, (e) => e.event.type === 'summary', options.timeout * 1000, 'vitest: waiting for the initial run').catch((error) => { throw fail(error.message); });
    const tests = vitestCounts(first.event.tests);
    result.initial = { finishedMs: round1(first.at - started), tests: first.event.tests, files: first.event.files };
    log(`  vitest: initial run finished after ${result.initial.finishedMs} ms: Tests ${first.event.tests}`);
    if (tests.total !== counts.scenarios || tests.passed !== tests.total) throw fail(`vitest: the initial run did not pass ${counts.scenarios} tests: Tests ${first.event.tests}`);
    let cursor = index + 1;
    await sleep(options.gap);
    let editNo = 0;
    for (const [kind, target] of Object.entries(targets)) {
      const samples = [];
      const original = remember(target.abs);
      const base = path.basename(target.file);
      const names = (e) => e.event.type === 'summary' && e.event.rerun !== null && (e.event.rerun === base || e.event.rerun.endsWith(`/${base}`));
      log(`  vitest: ${options.edits} edits to ${target.file} (${kind})`);
      try {
        for (let i = 0; i < options.edits; i++) {
          const n = editNo++;
          const from = lines.entries.length;
          const t0 = now();
          fs.writeFileSync(target.abs, editedText(original, n, options.bodyEdit));
          const { entry, index: at } = await lines.waitFor(from, names, Math.min(options.timeout, 120) * 1000, `vitest: waiting for the rerun after editing ${target.file}`).catch((error) => { throw fail(error.message); });
          cursor = at + 1;
          const c = vitestCounts(entry.event.tests);
          const sample = { ms: round1(entry.at - t0), tests: c.total, passed: c.passed, files: vitestCounts(entry.event.files).total, duration: entry.event.duration };
          if (c.failed || c.passed !== c.total) sample.problem = `Tests ${entry.event.tests}`;
          samples.push(sample);
          log(`    edit ${String(i + 1).padStart(2)}: ${sample.ms.toFixed(0).padStart(5)} ms  (${sample.files} files, ${sample.tests} tests${sample.problem ? `, ${sample.problem}` : ''})`);
          await sleep(options.gap);
        }
      } finally {
        const from = lines.entries.length;
        const tRestore = now();
        if (restoreFile(target.abs)) {
          const done = await lines.waitFor(from, names, 120000, `vitest: the rerun after restoring ${target.file}`).catch((error) => ({ error }));
          if (done.error) result.problems.push(done.error.message);
          else cursor = done.index + 1;
          log(`    restored ${target.file} (its rerun: ${done.error ? 'none seen' : `${(done.entry.at - tRestore).toFixed(0)} ms`})`);
          await sleep(options.gap);
        }
      }
      result.targets[kind] = {
        module: target.file,
        latencyMs: stats(samples.map((s) => s.ms)),
        ranTests: stats(samples.map((s) => s.tests)),
        ranFiles: stats(samples.map((s) => s.files)),
        allPassed: samples.every((s) => !s.problem),
        problems: samples.flatMap((s, i) => (s.problem ? [`edit ${i + 1}: ${s.problem}`] : [])),
        samples,
      };
    }
    void cursor;
    result.rssAfterEdits = proc.vmRss();
  } finally {
    restoreAll();
    const stop = await stopTracked(proc, { input: 'q' });
    result.stop = stop;
    if (stop.stillThere.length) result.problems.push(`vitest processes survived SIGKILL: ${stop.stillThere.map((p) => p.pid).join(', ')}`);
    log(`  vitest stopped: ${stop.how}; leftovers killed ${stop.leftovers.length}`);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Output

/** Which spec was measured: the commit and when dist/ was built (src/ may hold uncommitted work). */
function specBuild(specBin) {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() || null;
  let distBuilt = null;
  try {
    distBuilt = fs.statSync(path.join(ROOT, 'dist', 'cli', 'main.js')).mtime.toISOString();
  } catch {
    // not built
  }
  return { bin: rel(specBin), head, distBuilt };
}

function machine() {
  const cpus = os.cpus();
  return { date: new Date().toISOString(), node: process.version, cpus: cpus.length, cpuModel: cpus[0]?.model ?? 'unknown', memoryGb: round1(os.totalmem() / 2 ** 30), platform: `${os.platform()} ${os.release()}` };
}

function ratios(results) {
  const out = {};
  const spec = results.spec?.targets;
  const vit = results.vitest?.targets;
  if (spec?.few?.latencyMs && results.cucumber) out.cucumberColdOverSpecFew = round1(results.cucumber.ms.median / spec.few.latencyMs.median);
  if (spec?.tenth?.latencyMs && results.cucumber) out.cucumberColdOverSpecTenth = round1(results.cucumber.ms.median / spec.tenth.latencyMs.median);
  for (const kind of ['few', 'tenth']) {
    if (spec?.[kind]?.latencyMs && vit?.[kind]?.latencyMs) out[`vitestOverSpec${kind === 'few' ? 'Few' : 'Tenth'}`] = round1(vit[kind].latencyMs.median / spec[kind].latencyMs.median);
  }
  return out;
}

function printTable(report) {
  const { results, targets, suite, options } = report;
  const r = ratios(results);
  const fmt = (s) => (s ? `${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})` : '—');
  const mark = (ok) => (ok ? 'ok' : 'MISSED');
  const lines = [
    `watch benchmark — ${report.machine.date}, node ${report.machine.node}, ${report.machine.cpus} × ${report.machine.cpuModel}`,
    `suite ${suite.dir}: ${suite.counts.scenarios} scenarios, ${suite.counts.modules} modules; ${options.edits} edits per module, ${options.gap} ms quiet between a verdict and the next edit`,
    '',
    'edited modules (reach: scenarios of the features whose step file imports it / scenarios whose own calls reach it / vitest files importing it):',
  ];
  for (const [kind, t] of Object.entries(targets)) lines.push(`  ${kind.padEnd(5)} ${t.file} (layer ${t.layer}): ${t.byStepFile} by step file (${t.stepFiles} step file${t.stepFiles === 1 ? '' : 's'}) / ${t.byScenario} by calls / ${t.vitestFiles} vitest files — ${t.why}`);
  lines.push('', `${'what'.padEnd(38)} ${'ms median (min–max)'.padStart(22)} ${'ran (median)'.padStart(14)}  target`);
  const row = (label, s, ran, target) => lines.push(`${label.padEnd(38)} ${fmt(s).padStart(22)} ${String(ran ?? '—').padStart(14)}  ${target ?? ''}`);
  const spec = results.spec?.targets;
  if (spec) {
    row('spec watch, few-scenario module', spec.few?.latencyMs, spec.few?.ranScenarios?.median, spec.few?.latencyMs ? `≤ ${TARGETS.fewMs} ms ${mark(spec.few.latencyMs.median <= TARGETS.fewMs)}` : '');
    row('spec watch, tenth-of-suite module', spec.tenth?.latencyMs, spec.tenth?.ranScenarios?.median, spec.tenth?.latencyMs ? `≤ ${TARGETS.tenthMs} ms ${mark(spec.tenth.latencyMs.median <= TARGETS.tenthMs)}` : '');
    row('  of which write → run-started (few)', spec.few?.startLatencyMs, null, '');
    row('  of which write → run-started (tenth)', spec.tenth?.startLatencyMs, null, '');
    row("  CPU of watcher's tree, write → verdict (few)", spec.few?.cpuMs, null, '');
    row("  CPU of watcher's tree, write → verdict (tenth)", spec.tenth?.cpuMs, null, '');
    row('  CPU in the quiet time after (few)', spec.few?.idleCpuMs, null, '');
    row('  CPU in the quiet time after (tenth)', spec.tenth?.idleCpuMs, null, '');
    for (const kind of ['few', 'tenth']) {
      const t = spec[kind]?.timing;
      if (!t) continue;
      row(`  runner CPU per run, load → result (${kind})`, t.runnerCpuMs, t.runs, '');
      row(`  runner load → support loaded (${kind})`, t.loadMs, null, '');
      lines.push(`  runners (${kind}): ${Object.entries(t.pool).map(([k, v]) => `${v} × ${k}`).join('; ') || 'no marks'}`);
    }
  }
  if (results.cucumber) row(`cucumber-js cold (${results.cucumber.runs} runs)`, results.cucumber.ms, report.suite.counts.scenarios, '');
  const vit = results.vitest?.targets;
  if (vit) {
    row('vitest watch, few-scenario module', vit.few?.latencyMs, vit.few?.ranTests?.median, '');
    row('vitest watch, tenth-of-suite module', vit.tenth?.latencyMs, vit.tenth?.ranTests?.median, '');
  }
  lines.push('');
  if (r.cucumberColdOverSpecFew !== undefined) lines.push(`cucumber cold / spec few:   ${r.cucumberColdOverSpecFew.toFixed(1)}×  (target ≥ ${TARGETS.cucumberOverFew}× ${mark(r.cucumberColdOverSpecFew >= TARGETS.cucumberOverFew)})`);
  if (r.cucumberColdOverSpecTenth !== undefined) lines.push(`cucumber cold / spec tenth: ${r.cucumberColdOverSpecTenth.toFixed(1)}×`);
  if (r.vitestOverSpecFew !== undefined) lines.push(`vitest / spec, few:         ${r.vitestOverSpecFew.toFixed(1)}×  (target ≥ ${TARGETS.vitestOverSpec}× ${mark(r.vitestOverSpecFew >= TARGETS.vitestOverSpec)})`);
  if (r.vitestOverSpecTenth !== undefined) lines.push(`vitest / spec, tenth:       ${r.vitestOverSpecTenth.toFixed(1)}×  (target ≥ ${TARGETS.vitestOverSpec}× ${mark(r.vitestOverSpecTenth >= TARGETS.vitestOverSpec)})`);
  if (results.spec) {
    const s = results.spec;
    const mb = (kb) => (kb / 1024).toFixed(0);
    if (s.rssAfterEdits) {
      lines.push(
        `spec watch RSS (VmRSS summed over the watcher and its children): ${mb(s.rssAfterEdits.totalKb)} MB after the edits (${s.rssAfterEdits.members.length} processes), ` +
          `peak ${s.rssPeakDuringEditsMb.toFixed(0)} MB sampled every 100 ms during them, ${mb(s.rssIdleAfterInitial.totalKb)} MB idle after the initial run ` +
          `(target ≤ ${TARGETS.rssMb} MB ${mark(s.rssAfterEdits.totalKb / 1024 <= TARGETS.rssMb && s.rssPeakDuringEditsMb <= TARGETS.rssMb)})`,
      );
    }
    if (s.rssAfterEdits) {
      if (s.rssAfterEdits.totalPssKb !== null) lines.push(`  PSS (shared pages split, no double count) after the edits: ${mb(s.rssAfterEdits.totalPssKb)} MB`);
      for (const m of s.rssAfterEdits.members) lines.push(`  ${String(m.pid).padStart(7)} ${mb(m.rssKb).padStart(4)} MB  ${m.cmd.replace(ROOT, '<repo>')}`);
    }
    if (s.rssAfterEachEditMb?.length) {
      const series = s.rssAfterEachEditMb;
      lines.push(`  tree RSS ${options.gap} ms after each edit's verdict: first ${series[0].toFixed(0)} MB, last ${series.at(-1).toFixed(0)} MB, max ${Math.max(...series).toFixed(0)} MB; the 100 ms peak had ${s.rssPeakProcesses} processes`);
    }
    if (report.specBuild) lines.push(`spec measured: ${report.specBuild.bin}, HEAD ${report.specBuild.head}, dist/ built ${report.specBuild.distBuilt}`);
    if (s.initial) lines.push(`spec watch start-up: ready ${s.initial.readyMs.toFixed(0)} ms, initial full run done ${s.initial.finishedMs.toFixed(0)} ms (${s.initial.summary})`);
  }
  if (results.vitest?.rssAfterEdits) lines.push(`vitest watch RSS after the edits: ${(results.vitest.rssAfterEdits.totalKb / 1024).toFixed(0)} MB (${results.vitest.rssAfterEdits.members.length} processes); initial run ${results.vitest.initial.finishedMs.toFixed(0)} ms`);
  const problems = [
    ...(results.spec?.problems ?? []),
    ...['few', 'tenth'].flatMap((k) => (spec?.[k]?.problems ?? []).map((p) => `spec ${k}: ${p}`)),
    ...(spec ? ['few', 'tenth'].filter((k) => spec[k]?.cancelledRuns || spec[k]?.extraRuns).map((k) => `spec ${k}: ${spec[k].cancelledRuns} cancelled runs, ${spec[k].extraRuns} extra runs seen`) : []),
    ...(results.vitest?.problems ?? []),
    ...['few', 'tenth'].flatMap((k) => (vit?.[k]?.problems ?? []).map((p) => `vitest ${k}: ${p}`)),
  ];
  if (problems.length) lines.push('', 'problems seen:', ...problems.map((p) => `  - ${p}`));
  if (results.spec?.stop) lines.push('', `spec watch stop: ${results.spec.stop.how} (exit ${JSON.stringify(results.spec.stop.exit)}), ${results.spec.stop.leftovers.length} leftover processes`);
  lines.push('', 'commands:');
  for (const name of ['spec', 'cucumber', 'vitest']) if (results[name]) lines.push(`  ${results[name].command}`);
  lines.push(`  edits: append "export const __watchBench<i> = <i>;" to the module (i counts on across modules; the same edits for spec and vitest); files restored byte for byte after each module`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

// ---------------------------------------------------------------------------------------------

async function main(argv) {
  let options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    log(`watch.bench: ${error.message}\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const names = options.only ?? ['cucumber', 'spec', 'vitest'];
  if (names.includes('spec') && !options.plan) {
    const problem = probeSpecWatch(options);
    if (problem) {
      log(`watch.bench: ${problem}. Pass --only cucumber or --only vitest to measure the anchors alone.`);
      return 2;
    }
  }
  for (const [name, bin] of [['cucumber', CUCUMBER_BIN], ['vitest', VITEST_BIN]]) {
    if (names.includes(name) && !fs.existsSync(bin)) {
      log(`watch.bench: ${rel(bin)} is missing; run npm install.`);
      return 2;
    }
  }
  const report = { machine: machine(), ...(names.includes('spec') ? { specBuild: specBuild(options.specBin) } : {}), options: { ...options, help: undefined }, targetsSpec: TARGETS, results: {} };
  try {
    const counts = ensureSuite(options.suite);
    report.suite = { dir: rel(options.suite), counts };
    const analysis = analyseSuite(options.suite);
    const targets = chooseTargets(options.suite, analysis, options);
    report.targets = Object.fromEntries(Object.entries(targets).map(([k, t]) => [k, { ...t, abs: undefined }]));
    for (const [kind, t] of Object.entries(targets)) log(`${kind}: ${t.file} (layer ${t.layer}) — ${t.byStepFile} scenarios by step file (${t.stepFiles}), ${t.byScenario} by calls, ${t.vitestFiles} vitest files`);
    if (options.plan) {
      if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return 0;
    }
    if (options.profiles) {
      report.rounds = [];
      for (let round = 1; round <= options.rounds; round++) {
        for (const profile of options.profiles) {
          const results = await benchProfile(counts, targets, { ...options, profile }, names);
          report.rounds.push({ round, profile, results, ratios: ratios(results) });
        }
      }
    } else {
      Object.assign(report.results, await benchProfile(counts, targets, options, names));
    }
    if (names.includes('vitest')) {
      log('— anchor (b): vitest --watch');
      report.results.vitest = await benchVitest(options.suite, counts, targets, options);
    }
  } catch (error) {
    restoreAll();
    killEverything();
    if (!(error instanceof BenchFailure)) throw error;
    log(`\n${'!'.repeat(78)}\n${error.message}\n${'!'.repeat(78)}`);
    return 1;
  }
  report.ratios = ratios(report.results);
  if (report.rounds) report.profileRatios = profileRatios(report.rounds, options.profiles);
  if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (!report.rounds) printTable(report);
  else {
    for (const r of report.rounds) {
      process.stdout.write(`\n=== round ${r.round}, profile ${r.profile} ===\n`);
      printTable({ ...report, results: { ...r.results, ...(report.results.vitest ? { vitest: report.results.vitest } : {}) } });
    }
    printProfileRatios(report.profileRatios, options.profiles);
  }
  return 0;
}

/** spec watch and cold cucumber-js under one profile (the config's default when none). */
async function benchProfile(counts, targets, options, names) {
  const results = {};
  const label = options.profile ? ` (profile ${options.profile})` : '';
  if (names.includes('cucumber')) {
    log(`— anchor (a): cold cucumber-js${label}`);
    results.cucumber = await benchCucumber(options.suite, counts, options);
  }
  if (names.includes('spec')) {
    log(`— spec watch${label}`);
    results.spec = await benchSpec(options.suite, counts, targets, options);
  }
  return results;
}

/** Each later profile's watch medians against the first profile's, round by round. */
function profileRatios(rounds, profiles) {
  const [base, ...others] = profiles;
  const out = [];
  for (const round of new Set(rounds.map((r) => r.round))) {
    const of = (profile) => rounds.find((r) => r.round === round && r.profile === profile)?.results.spec?.targets;
    const first = of(base);
    for (const other of others) {
      const t = of(other);
      if (!first || !t) continue;
      out.push({ round, profile: other, over: base, few: round2(t.few.latencyMs.median / first.few.latencyMs.median), tenth: round2(t.tenth.latencyMs.median / first.tenth.latencyMs.median) });
    }
  }
  return out;
}

function printProfileRatios(list, profiles) {
  if (!list.length) return;
  const lines = ['', `watch latency by profile (median / median of '${profiles[0]}', same round; target ESM ≤ 1.2×):`];
  for (const r of list) lines.push(`  round ${r.round}: ${r.profile} / ${r.over}: few ${r.few.toFixed(2)}×, tenth ${r.tenth.toFixed(2)}×`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

process.exitCode = await main(process.argv.slice(2));
