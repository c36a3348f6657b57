#!/usr/bin/env node
// Benchmark: `spec verify` against its anchor, a plain cucumber-js run of the same suite
// (DESIGN.md, "Performance targets": verify ≤ 1.10× cucumber-js, analysis included).
//
//   node bench/verify.bench.mjs [--sizes 200,2000] [--runs 5] [--only cucumber|spec] [--json]
//                               [--spec-cold] [--regenerate] [--timeout 600] [--spec-bin PATH]
//                               [--group-rss] [--profiles default,esm]
//
// A measurement tool, not a test: it asserts nothing about time. It does insist that every run
// exits 0 and passes every scenario, because timing a failing run measures nothing.
//
// Per size: generate (or reuse) the suite, one untimed warm-up run of each command (fills tsx's
// disk cache), then --runs rounds of anchor, spec, anchor, spec, … Wall time is taken here around
// the child; peak RSS comes from GNU time's %M (see measureRun for what that does and doesn't count).

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATOR_VERSION, defaultOutDir, generateSuite, manifestOptions, readManifest } from './generate.mjs';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH_DIR, '..');
const CUCUMBER_BIN = path.join(ROOT, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js');
const SPEC_BIN = path.join(ROOT, 'bin', 'spec.js');
const SPEC_BUILT = path.join(ROOT, 'dist', 'cli', 'main.js');
const GNU_TIME = '/usr/bin/time';
const TARGET_RATIO = 1.1;

const USAGE = `usage: node bench/verify.bench.mjs [options]
  --sizes 200,2000   scenario counts to measure (suite: size/10 features × 10 scenarios, size/2 modules)
  --runs 5           timed runs of each command per size (after one warm-up each)
  --only NAME        run only 'cucumber' (the anchor) or only 'spec'
  --json             print the results as JSON on stdout (progress still goes to stderr)
  --spec-cold        delete <suite>/.spec before every spec run (no cache carried between runs)
  --regenerate       regenerate the suites even when a matching one exists
  --timeout 600      seconds before a run is killed (and reported as failed)
  --spec-bin PATH    the spec entry to run instead of bin/spec.js (e.g. another build)
  --group-rss        also sample the summed RSS of the whole process tree every 20 ms
                     (catches a parent + worker pair that %M reports as one; costs a little CPU)
  --profiles LIST    measure each size under each cucumber profile of the generated suite in turn
                     ('default': steps loaded with requireModule tsx/cjs + require:; 'esm': the same
                     steps with import:, cucumber-js run with NODE_OPTIONS=--import tsx as its docs
                     show for tsx); each profile's anchor is cucumber-js with that profile`;

// ---------------------------------------------------------------------------------------------
// Options

function parseArgs(argv) {
  const options = {
    sizes: [200, 2000],
    runs: 5,
    only: null,
    json: false,
    specCold: false,
    regenerate: false,
    timeout: 600,
    specBin: null,
    groupRss: false,
    profiles: [null],
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--sizes': options.sizes = value().split(',').map((s) => positiveInt(s, '--sizes')); break;
      case '--runs': options.runs = positiveInt(value(), '--runs'); break;
      case '--timeout': options.timeout = positiveInt(value(), '--timeout'); break;
      case '--only': {
        options.only = value();
        if (!['cucumber', 'spec'].includes(options.only)) throw new Error(`--only takes 'cucumber' or 'spec', not '${options.only}'`);
        break;
      }
      case '--json': options.json = true; break;
      case '--spec-cold': options.specCold = true; break;
      case '--regenerate': options.regenerate = true; break;
      case '--spec-bin': options.specBin = path.resolve(value()); break;
      case '--group-rss': options.groupRss = true; break;
      case '--profiles': options.profiles = value().split(',').filter(Boolean); break;
      case '--help': case '-h': options.help = true; break;
      default: throw new Error(`unknown option '${argv[i]}'`);
    }
  }
  return options;
}

function positiveInt(text, flag) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} takes positive integers, not '${text}'`);
  return n;
}

// ---------------------------------------------------------------------------------------------
// Suites

/** The suite shape for a scenario count: 10 scenarios a feature, half a module per scenario. */
function suiteOptions(size) {
  const features = Math.max(1, Math.round(size / 10));
  const scenarios = Math.max(1, Math.round(size / features));
  const modules = Math.max(20, Math.round(size / 2));
  const options = { features, scenarios, modules, layers: 4, seed: '1' };
  return { ...options, out: defaultOutDir(options) };
}

/** Reuses a suite generated with the same options and generator version; else writes it. */
function ensureSuite(size, regenerate) {
  const options = suiteOptions(size);
  const manifest = readManifest(options.out);
  const matches =
    manifest !== null &&
    manifest.version === GENERATOR_VERSION &&
    JSON.stringify(manifest.options) === JSON.stringify(manifestOptions(options));
  if (matches && !regenerate) {
    log(`reusing ${rel(options.out)} (${manifest.counts.scenarios} scenarios, ${manifest.counts.modules} modules)`);
    return { dir: options.out, counts: manifest.counts };
  }
  const { counts } = generateSuite(options);
  log(`generated ${rel(options.out)} (${counts.scenarios} scenarios, ${counts.modules} modules)`);
  return { dir: options.out, counts };
}

// ---------------------------------------------------------------------------------------------
// The two commands, and how to tell that a run really passed

const COMMANDS = {
  cucumber: {
    label: 'anchor (cucumber-js)',
    argv: (profile) => [process.execPath, CUCUMBER_BIN, ...(profile ? ['--profile', profile] : [])],
    // An ES-module profile loads TypeScript as cucumber-js's docs show for tsx.
    env: (profile) => (profile === 'esm' ? { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import tsx`.trim() } : process.env),
    // "2000 scenarios (2000 passed)" — any other status in the brackets means something failed.
    passedScenarios(stdout) {
      const match = /^(\d+) scenarios? \(([^)]*)\)/m.exec(stdout);
      if (!match) return null;
      const passed = /(\d+) passed/.exec(match[2]);
      return { total: Number(match[1]), passed: passed ? Number(passed[1]) : 0 };
    },
  },
  spec: {
    label: 'spec verify',
    argv: (profile) => [process.execPath, specBin, 'verify', '--gate', 'none', ...(profile ? ['--profile', profile] : [])],
    env: () => process.env,
    // DESIGN.md: the human summary ends with "spec: N passed, N failed[, N skipped]".
    passedScenarios(stdout) {
      const match = /^spec: (\d+) passed, (\d+) failed(?:, (\d+) skipped)?/m.exec(stdout);
      if (!match) return null;
      const [passed, failed, skipped] = [match[1], match[2], match[3] ?? '0'].map(Number);
      return { total: passed + failed + skipped, passed };
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Running and measuring one child

let specBin = SPEC_BIN; // --spec-bin replaces it

let gnuTimeWorks = null;

/** GNU time is used for peak RSS only if it is there and writes a number where we ask it to. */
function probeGnuTime() {
  if (gnuTimeWorks !== null) return gnuTimeWorks;
  const out = path.join(os.tmpdir(), `specloop-bench-probe-${process.pid}`);
  const probe = spawnSync(GNU_TIME, ['-f', '%M', '-o', out, process.execPath, '-e', '0'], { stdio: 'ignore' });
  gnuTimeWorks = probe.status === 0 && /^\d+\s*$/.test(readAndRemove(out) ?? '');
  return gnuTimeWorks;
}

function readAndRemove(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } finally {
    fs.rmSync(file, { force: true });
  }
}

let runningGroup = null; // process group of the child in flight, killed if we are interrupted

/**
 * Runs argv in cwd and resolves { ms, rssKb, code, signal, stdout, stderr, leftovers }.
 *
 * Wall time: hrtime from spawn to the child's exit, so it includes node start-up of the child,
 * which is part of what a user waits for. GNU time adds one fork+exec (~1 ms) to both commands.
 *
 * Peak RSS: GNU time's %M is ru_maxrss from wait4 — the largest resident set of the child *or of
 * any one descendant it waited for*. It is not the sum of processes alive at once: if spec runs
 * cucumber in a child process, %M is the bigger of the two, not their total. Say so when quoting it.
 *
 * The child gets its own process group, so a timeout or Ctrl-C kills everything it started,
 * and anything still alive in that group after the child exits is reported (and killed).
 */
function measureRun(argv, cwd, timeoutSeconds, sampleGroup, env = process.env) {
  const rssFile = path.join(os.tmpdir(), `specloop-bench-rss-${process.pid}`);
  const [file, args] = probeGnuTime() ? [GNU_TIME, ['-f', '%M', '-o', rssFile, ...argv]] : [argv[0], argv.slice(1)];
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(file, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    runningGroup = child.pid;
    const sampler = sampleGroup ? startGroupSampler(child.pid, file === GNU_TIME) : null;
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutSeconds * 1000);
    let ms = 0;
    let exit = null;
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      ms = Number(process.hrtime.bigint() - started) / 1e6;
      sampler?.stop();
      exit = { code, signal };
    });
    // 'close' waits for the pipes too, so all output is in before we parse it.
    child.on('close', () => {
      clearTimeout(timer);
      runningGroup = null;
      const leftovers = groupAlive(child.pid);
      if (leftovers) killGroup(child.pid);
      const rssText = probeGnuTime() ? readAndRemove(rssFile) : null;
      resolve({
        ms,
        rssKb: parseRss(rssText),
        groupRssKb: sampler ? sampler.peakKb : null,
        code: exit.code,
        signal: exit.signal ?? (timedOut ? 'timeout' : null),
        timedOut,
        leftovers,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}

/**
 * Samples, every 20 ms, the summed RSS of all processes in the child's process group (minus
 * GNU time itself). Sampling can miss a short peak, and each scan of /proc costs a little CPU,
 * which is why it is opt-in.
 */
function startGroupSampler(pgid, skipLeader) {
  const state = { peakKb: 0 };
  const scan = () => {
    let totalKb = 0;
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry) || (skipLeader && Number(entry) === pgid)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields[0] is field 3, "state"
        if (Number(fields[2]) !== pgid) continue; // field 5: process group
        totalKb += (Number(fields[21]) * pageSize()) / 1024; // field 24: rss in pages
      } catch {
        // the process exited between readdir and read
      }
    }
    state.peakKb = Math.max(state.peakKb, Math.round(totalKb));
  };
  const timer = setInterval(scan, 20);
  state.stop = () => {
    clearInterval(timer);
  };
  return state;
}

let cachedPageSize = null;
function pageSize() {
  if (cachedPageSize === null) {
    const out = spawnSync('getconf', ['PAGESIZE'], { encoding: 'utf8' });
    cachedPageSize = Number(out.stdout) || 4096;
  }
  return cachedPageSize;
}

/** GNU time writes e.g. "Command exited with non-zero status 1" before the number: take the last line. */
function parseRss(text) {
  const last = (text ?? '').trim().split('\n').pop();
  return /^\d+$/.test(last ?? '') ? Number(last) : null;
}

/**
 * Whether a live process is left in the group. Zombies don't count: where PID 1 reaps slowly (as in
 * some sandboxes), an exited child of the run (esbuild's service under tsx) stays a zombie for a
 * while, and `kill(-pgid, 0)` alone would call it a leftover.
 */
function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
  } catch {
    return false;
  }
  const ps = spawnSync('ps', ['-eo', 'pgid=,stat='], { encoding: 'utf8' });
  if (ps.status !== 0) return true;
  return ps.stdout.split('\n').some((line) => {
    const [group, stat] = line.trim().split(/\s+/);
    return Number(group) === pgid && stat !== undefined && !stat.startsWith('Z');
  });
}

function killGroup(pgid) {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // already gone
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (runningGroup !== null) killGroup(runningGroup);
    process.exit(130);
  });
}

// ---------------------------------------------------------------------------------------------
// One benchmark run, checked

class RunFailure extends Error {}

/** Runs one command once; throws RunFailure with the evidence if the run did not fully pass. */
async function checkedRun(name, suite, options, phase, profile) {
  const command = COMMANDS[name];
  if (name === 'spec' && options.specCold) fs.rmSync(path.join(suite.dir, '.spec'), { recursive: true, force: true });
  const run = await measureRun(command.argv(profile), suite.dir, options.timeout, options.groupRss, command.env(profile));
  const problems = [];
  if (run.timedOut) problems.push(`killed after ${options.timeout} s`);
  else if (run.code !== 0) problems.push(`exit code ${run.code}${run.signal ? ` (signal ${run.signal})` : ''}`);
  const scenarios = command.passedScenarios(run.stdout);
  if (scenarios === null) problems.push('no scenario summary found in its output');
  else if (scenarios.passed !== suite.counts.scenarios || scenarios.total !== suite.counts.scenarios) {
    problems.push(`${scenarios.passed} of ${scenarios.total} scenarios passed; the suite has ${suite.counts.scenarios}`);
  }
  if (run.leftovers) problems.push('left processes running after it exited (killed them)');
  if (problems.length > 0) {
    throw new RunFailure(
      [
        `${command.label} FAILED on the ${suite.counts.scenarios}-scenario suite (${phase}): ${problems.join('; ')}`,
        `  command: ${commandLine(name, suite.dir, profile)}`,
        '  --- stdout (tail) ---',
        tail(run.stdout),
        '  --- stderr (tail) ---',
        tail(run.stderr),
        'A benchmark of a failing run is meaningless: fix the run first.',
      ].join('\n'),
    );
  }
  const group = options.groupRss ? `  (tree ${formatMb(run.groupRssKb)} MB)` : '';
  log(`  ${phase.padEnd(8)} ${command.label.padEnd(20)} ${run.ms.toFixed(0).padStart(6)} ms  ${formatMb(run.rssKb).padStart(6)} MB${group}`);
  return run;
}

async function benchmarkSize(size, options, names, profile) {
  const suite = ensureSuite(size, options.regenerate);
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (const name of names) await checkedRun(name, suite, options, 'warm-up', profile);
  for (let round = 1; round <= options.runs; round++) {
    for (const name of names) samples[name].push(await checkedRun(name, suite, options, `run ${round}`, profile));
  }
  const result = { size, profile, scenarios: suite.counts.scenarios, modules: suite.counts.modules, suite: rel(suite.dir) };
  for (const name of names) result[name] = summarize(samples[name], commandLine(name, suite.dir, profile));
  if (result.cucumber && result.spec) result.ratio = result.spec.medianMs / result.cucumber.medianMs;
  return result;
}

function summarize(runs, command) {
  const ms = runs.map((r) => r.ms);
  const rss = runs.map((r) => r.rssKb).filter((v) => v !== null);
  const groupRss = runs.map((r) => r.groupRssKb).filter((v) => v !== null);
  return {
    command,
    runs: runs.length,
    medianMs: round1(median(ms)),
    minMs: round1(Math.min(...ms)),
    maxMs: round1(Math.max(...ms)),
    samplesMs: ms.map(round1),
    medianRssMb: rss.length ? round1(median(rss) / 1024) : null,
    maxRssMb: rss.length ? round1(Math.max(...rss) / 1024) : null,
    ...(groupRss.length ? { maxGroupRssMb: round1(Math.max(...groupRss) / 1024) } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Output

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round1 = (n) => Math.round(n * 10) / 10;
const formatMb = (kb) => (kb === null ? 'n/a' : (kb / 1024).toFixed(0));
const rel = (p) => path.relative(ROOT, p) || '.';
const log = (line) => process.stderr.write(`${line}\n`);
const tail = (text) => text.trimEnd().split('\n').slice(-25).map((l) => `  | ${l}`).join('\n') || '  | (empty)';

function commandLine(name, dir, profile) {
  const argv = COMMANDS[name].argv(profile).map((a) => (a === process.execPath ? 'node' : a));
  const env = name === 'cucumber' && profile === 'esm' ? "NODE_OPTIONS='--import tsx' " : '';
  return `(cd ${rel(dir)} && ${env}${argv.join(' ')})`;
}

function machine() {
  const cpus = os.cpus();
  return {
    node: process.version,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGb: round1(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
    rss: probeGnuTime() ? `${GNU_TIME} -f %M (peak RSS of the largest single process)` : 'unavailable (no GNU time)',
  };
}

function printTable(results, info, options) {
  const pad = (s, n) => String(s).padStart(n);
  const ms = (r) => (r ? `${r.medianMs.toFixed(0)} (${r.minMs.toFixed(0)}–${r.maxMs.toFixed(0)})` : '—');
  const mb = (r) => (r?.medianRssMb != null ? `${r.medianRssMb.toFixed(0)} / ${r.maxRssMb.toFixed(0)}` : '—');
  const lines = [
    `verify benchmark — ${info.date}, node ${info.node}, ${info.cpus} × ${info.cpuModel}, ${options.runs} timed runs each after 1 warm-up`,
    '',
    `${'size'.padStart(6)}  ${'profile'.padStart(8)}  ${'anchor ms median (min–max)'.padStart(27)}  ${'spec ms median (min–max)'.padStart(25)}  ${'spec/anchor'.padStart(11)}  ${'anchor RSS MB med/max'.padStart(21)}  ${'spec RSS MB med/max'.padStart(19)}`,
  ];
  for (const r of results) {
    const ratio = r.ratio === undefined ? '—' : `${r.ratio.toFixed(3)} ${r.ratio <= TARGET_RATIO ? 'ok' : 'OVER'}`;
    lines.push(`${pad(r.scenarios, 6)}  ${pad(r.profile ?? '(config)', 8)}  ${pad(ms(r.cucumber), 27)}  ${pad(ms(r.spec), 25)}  ${pad(ratio, 11)}  ${pad(mb(r.cucumber), 21)}  ${pad(mb(r.spec), 19)}`);
  }
  if (options.groupRss) {
    lines.push('', 'process-tree peak RSS, sampled every 20 ms (max over runs):');
    for (const r of results) {
      const tree = (x) => (x?.maxGroupRssMb != null ? `${x.maxGroupRssMb.toFixed(0)} MB` : '—');
      lines.push(`${pad(r.scenarios, 6)}  anchor ${tree(r.cucumber)}, spec ${tree(r.spec)}`);
    }
  }
  lines.push('', `target: spec/anchor ≤ ${TARGET_RATIO.toFixed(2)} (DESIGN.md). RSS: ${info.rss}.`, 'commands:');
  for (const r of results) {
    for (const name of ['cucumber', 'spec']) if (r[name]) lines.push(`  ${r[name].command}`);
  }
  if (info.rss.startsWith(GNU_TIME)) lines.push(`  (each wrapped in ${GNU_TIME} -f %M -o <tmpfile> for the RSS figure)`);
  if (options.specCold) lines.push('  (--spec-cold: <suite>/.spec deleted before every spec run)');
  process.stdout.write(`${lines.join('\n')}\n`);
}

// ---------------------------------------------------------------------------------------------

async function main(argv) {
  let options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    log(`verify.bench: ${error.message}\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const names = options.only ? [options.only] : ['cucumber', 'spec'];
  if (options.specBin) {
    specBin = options.specBin;
    if (!fs.existsSync(specBin)) {
      log(`verify.bench: --spec-bin ${specBin} does not exist.`);
      return 2;
    }
  } else if (names.includes('spec') && !fs.existsSync(SPEC_BUILT)) {
    log(
      `verify.bench: the spec CLI is not built: ${rel(SPEC_BUILT)} is missing (bin/spec.js imports it).\n` +
        "  Run 'npm run build' first, or pass '--only cucumber' to measure the anchor alone.",
    );
    return 2;
  }
  if (!fs.existsSync(CUCUMBER_BIN)) {
    log(`verify.bench: ${rel(CUCUMBER_BIN)} is missing; run npm install.`);
    return 2;
  }
  if (!probeGnuTime()) log(`verify.bench: ${GNU_TIME} not usable; peak RSS will be reported as n/a.`);
  if (options.groupRss) pageSize(); // look it up now, not inside a timed run

  const info = { date: new Date().toISOString(), ...machine() };
  const results = [];
  try {
    for (const size of options.sizes) {
      for (const profile of options.profiles) {
        log(`— ${size} scenarios${profile ? `, profile ${profile}` : ''}`);
        results.push(await benchmarkSize(size, options, names, profile));
      }
    }
  } catch (error) {
    if (!(error instanceof RunFailure)) throw error;
    log(`\n${'!'.repeat(78)}\n${error.message}\n${'!'.repeat(78)}`);
    return 1;
  }
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ machine: info, options: { ...options, help: undefined }, targetRatio: TARGET_RATIO, results }, null, 2)}\n`);
  } else {
    printTable(results, info, options);
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
