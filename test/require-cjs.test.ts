import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `require('specloop')` from CommonJS works on every Node specloop supports (^20.19 || >=22.12
// load ES modules synchronously), as long as the package exports a condition require matches and
// nothing in dist/ uses top-level await. Checked on a fresh build of the package as published.
const REPO = path.resolve(import.meta.dirname, '..');
// Outside the repository: inside it, require('specloop') would resolve the repository itself
// (a package may require its own name), not the installed copy.
const WORK = mkdtempSync(path.join(os.tmpdir(), 'specloop-require-'));
const PKG = path.join(WORK, 'pkg');

beforeAll(() => {
  mkdirSync(path.join(WORK, 'node_modules'), { recursive: true });
  execFileSync(path.join(REPO, 'node_modules', '.bin', 'tsc'), ['-p', path.join(REPO, 'tsconfig.build.json'), '--outDir', path.join(PKG, 'dist')], { stdio: 'pipe' });
  copyFileSync(path.join(REPO, 'package.json'), path.join(PKG, 'package.json'));
  // The installed package's own dependencies.
  symlinkSync(path.join(REPO, 'node_modules'), path.join(PKG, 'node_modules'), 'dir');
  symlinkSync(PKG, path.join(WORK, 'node_modules', 'specloop'), 'dir');
  cpSync(path.join(REPO, 'fixtures', 'todo'), path.join(WORK, 'todo'), { recursive: true });
}, 120_000);
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

function runCommonJs(source: string): string {
  const file = path.join(WORK, 'check.cjs');
  writeFileSync(file, source);
  return execFileSync(process.execPath, [file], { cwd: WORK, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe("require('specloop')", () => {
  it('gives the same API as import, and it runs', () => {
    const out = runCommonJs(`
      const specloop = require('specloop');
      specloop.compile({ cwd: ${JSON.stringify(path.join(WORK, 'todo', 'features'))} }).then((report) => {
        console.log(JSON.stringify({ exports: Object.keys(specloop).sort(), files: report.files.map((f) => f.path), exitCode: report.exitCode }));
      });
    `);
    expect(JSON.parse(out)).toEqual({
      exports: ['DebtReportSchema', 'ReviewSchema', 'RunConfigSchema', 'SCHEMA_VERSION', 'StepsCatalogueSchema', 'VerdictSchema', 'ack', 'compile', 'debtReport', 'debtReportJsonSchema', 'defineConfig', 'generateStubs', 'init', 'inspectConfig', 'listSteps', 'mergeMessages', 'mergeVerdicts', 'review', 'specloopVersion', 'stepsCatalogueJsonSchema', 'verdictJsonSchema', 'verify'],
      files: ['features/planning.md', 'features/todo.feature'],
      exitCode: 0,
    });
  });

  it('throws SpecloopError with a code on a bad call, as import does', () => {
    const out = runCommonJs(`
      require('specloop').verify({ cwdd: '.' }).catch((error) => console.log(JSON.stringify({ name: error.name, code: error.problem.code })));
    `);
    expect(JSON.parse(out)).toEqual({ name: 'SpecloopError', code: 'SPEC_OPTION_INVALID' });
  });
});
