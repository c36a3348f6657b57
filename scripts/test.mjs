#!/usr/bin/env node
// Runs every test — vitest unit tests, then specloop's own acceptance specs through `spec verify`
// (which also runs the typecheck gate), then checks plain cucumber-js would run as many scenarios —
// and ends with one line CI reads:
//   spec: N passed, N failed
// N counts unit tests and scenarios together, and every failed gate, build or run error (named in
// parentheses); it reads "0 failed" only when the exit status is 0.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.join(root, '.tmp', 'test-run');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

function run(label, command, args) {
  process.stdout.write(`\n── ${label} ──\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  // CI shows only the tail of a run, and its time limit is what the suite must fit.
  process.stdout.write(`(${label.replace(/ \(.*/, '')}: ${Math.round((Date.now() - started) / 1000)} s)\n`);
  return result.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
let passed = 0;
let failed = 0;
/** What failed besides unit tests and scenarios, named as the verdict names it. */
const causes = [];
function fail(cause) {
  failed++;
  causes.push(cause);
}

// SPEC_TEST_SHARD=INDEX/TOTAL runs that share of the acceptance specs only (.ci/run splits them
// between lines); the run says so.
const shard = process.env.SPEC_TEST_SHARD || undefined;
if (shard !== undefined && !/^[1-9]\d*\/[1-9]\d*$/.test(shard)) {
  process.stdout.write(`SPEC_TEST_SHARD must be INDEX/TOTAL (e.g. 1/2), not "${shard}"\n\nspec: 0 passed, 1 failed (SPEC_TEST_SHARD)\n`);
  process.exit(1);
}

// Clean first, so nothing of an old build is tested; the schema file is not rewritten here, so the
// unit test comparing it with the code can fail.
const buildStatus = run('clean dist', process.execPath, [path.join(root, 'scripts', 'clean-dist.mjs')]) || run('build', bin('tsc'), ['-p', 'tsconfig.build.json']) || run('bundle zod', process.execPath, [path.join(root, 'scripts', 'bundle-zod.mjs')]) || run('bundle', process.execPath, [path.join(root, 'scripts', 'bundle.mjs')]);
if (buildStatus !== 0) fail('build');

const vitestJson = path.join(out, 'vitest.json');
const vitestStatus = run('unit tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
const unit = readJson(vitestJson);
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
}
if (vitestStatus !== 0 && (!unit || unit.numFailedTests === 0)) fail('vitest');

// Each scenario drives the CLI in its own copy of a fixture, so scenarios can run side by side; they
// are CPU-bound, so two workers, not more (64 scenarios on 2 cores: 151 s on one, 122 s on two,
// 123 s on three).
const workers = Math.min(2, os.availableParallelism());
let verifyStatus = 1;
// Fixtures pinned to older cucumber majors get their own installs, made here one at a time.
const fixtureDeps = buildStatus === 0 ? run('fixture dependencies', bin('tsx'), [path.join(root, 'scripts', 'install-fixture-deps.ts')]) : 1;
if (buildStatus === 0 && fixtureDeps !== 0) fail('fixture dependencies');
if (buildStatus === 0) {
  const verdictJson = path.join(out, 'verdict.json');
  verifyStatus = run(`acceptance specs (spec verify${shard ? `, shard ${shard} only` : ''}, ${workers} worker${workers === 1 ? '' : 's'})`, process.execPath, [path.join(root, 'bin', 'spec.js'), 'verify', '--reporter', 'human', '--output-file', verdictJson, ...(workers > 1 ? ['--parallel', String(workers)] : []), ...(shard ? ['--shard', shard] : [])]);
  const verdict = readJson(verdictJson);
  if (verdict) {
    passed += verdict.counts.scenarios.passed;
    // The verdict's own closing line counts failed scenarios, failed gates and errors alike.
    const closing = / (\d+) failed(?: \(([^)]*)\))?/.exec(verdict.summary);
    failed += closing ? Number(closing[1]) : 0;
    if (closing?.[2]) causes.push(closing[2]);
    if (verifyStatus !== 0 && !(closing && Number(closing[1]) > 0)) fail(`spec verify exit ${verifyStatus}`);
  } else fail('no verdict');
  // A shard is compared by the whole it is a share of: specloop cuts consecutive runs of about equal
  // time, cucumber-js's --shard deals scenarios round-robin, so their shares differ.
  if (verdict) checkCucumberCount(verdict.shard ? verdict.shard.suite.scenarios : verdict.counts.scenarios.total);
  if (verdict && shard) checkShareRan(verdict);
}

/** A share must run every scenario it was given, and must be the share asked for. */
function checkShareRan(verdict) {
  const given = verdict.shard?.scenarios.length;
  const ran = verdict.counts.scenarios.total;
  process.stdout.write(`share ${shard}: given ${given ?? 'no'} scenarios, ran ${ran}\n`);
  if (!verdict.shard || `${verdict.shard.index}/${verdict.shard.total}` !== shard || given !== ran) fail(`share ${shard} ran ${ran} of ${given ?? 'no'} scenarios`);
}

/**
 * Plain `npx cucumber-js` (cucumber.cjs) must run the scenarios spec verify ran: a dry run counts
 * them in seconds (it loads the steps but runs none).
 */
function checkCucumberCount(expected) {
  process.stdout.write('\n── scenario count under plain cucumber-js (--dry-run) ──\n');
  const result = spawnSync(bin('cucumber-js'), ['--dry-run', '--format', 'summary'], { cwd: root, encoding: 'utf8', env: process.env });
  const counted = /^(\d+) scenarios? \(/m.exec(result.stdout ?? '');
  const actual = counted ? Number(counted[1]) : undefined;
  process.stdout.write(`cucumber-js: ${actual ?? 'no count'} scenarios, spec verify: ${expected}${shard ? ` (the suite shard ${shard} is a share of)` : ''}\n`);
  if (result.status !== 0 || actual !== expected) {
    process.stdout.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    fail(`cucumber-js counts ${actual ?? 'nothing'} scenarios, spec verify ${expected}`);
  }
}

/**
 * CI shows only the tail of a run, so every failing unit test and scenario is named again just
 * above the closing line: without it a failure seen only in CI cannot be told from another.
 */
function failedNames() {
  const names = [];
  for (const file of unit?.testResults ?? []) {
    const rel = path.relative(root, file.name);
    const failedTests = (file.assertionResults ?? []).filter((test) => test.status === 'failed');
    for (const test of failedTests) names.push(`${rel} > ${test.fullName ?? test.title}`);
    if (failedTests.length === 0 && file.status === 'failed') names.push(`${rel} (${(file.message ?? 'failed to run').split('\n')[0]})`);
  }
  const verdict = readJson(path.join(out, 'verdict.json'));
  for (const scenario of verdict?.scenarios ?? []) {
    if (scenario.status !== 'passed' && scenario.status !== 'skipped') names.push(`${scenario.id} ${scenario.name} (${scenario.status})`);
  }
  return names;
}

const ok = buildStatus === 0 && vitestStatus === 0 && verifyStatus === 0 && failed === 0;
// Never "0 failed" over a non-zero exit, whatever went wrong.
if (!ok && failed === 0) fail('unknown');
const names = failedNames();
if (names.length > 0) process.stdout.write(`\n── failed ──\n${names.map((name) => `failed: ${name}\n`).join('')}`);
process.stdout.write(`\nspec: ${passed} passed, ${failed} failed${causes.length ? ` (${causes.join(', ')})` : ''}\n`);
process.exit(ok ? 0 : 1);
