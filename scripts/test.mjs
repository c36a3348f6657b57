#!/usr/bin/env node
// Runs every test — vitest unit tests, then specloop's own acceptance specs through `spec verify`
// (which also runs the typecheck gate) — and ends with one line CI reads:
//   spec: N passed, N failed
// N counts unit tests and scenarios together; the exit status is non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.join(root, '.tmp', 'test-run');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

function run(label, command, args) {
  process.stdout.write(`\n── ${label} ──\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
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

const buildStatus = run('build', bin('tsc'), ['-p', 'tsconfig.build.json']);
if (buildStatus !== 0) failed++;

const vitestJson = path.join(out, 'vitest.json');
const vitestStatus = run('unit tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
const unit = readJson(vitestJson);
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
}
if (vitestStatus !== 0 && (!unit || unit.numFailedTests === 0)) failed++;

let verifyStatus = 1;
if (buildStatus === 0) {
  const verdictJson = path.join(out, 'verdict.json');
  verifyStatus = run('acceptance specs (spec verify)', process.execPath, [path.join(root, 'bin', 'spec.js'), 'verify', '--reporter', 'human', '--output-file', verdictJson]);
  const verdict = readJson(verdictJson);
  if (verdict) {
    const s = verdict.counts.scenarios;
    passed += s.passed;
    failed += s.total - s.passed - s.skipped;
    // A failed gate or a run error fails the run even when every scenario passed.
    if (verifyStatus !== 0 && s.total - s.passed - s.skipped === 0) failed++;
  } else failed++;
}

const ok = buildStatus === 0 && vitestStatus === 0 && verifyStatus === 0 && failed === 0;
process.stdout.write(`\nspec: ${passed} passed, ${failed} failed\n`);
process.exit(ok ? 0 : 1);
