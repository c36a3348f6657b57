/**
 * Triage tool, not a test: runs plain cucumber-js (no specloop) on covered kit samples with our
 * step definitions and compares its message stream with the kit's record, using the same
 * derivation as the compat test. When the compat test fails for a sample that passes here,
 * the difference is in specloop, not in the step definitions.
 *
 *   npx tsx test/compat/reference.ts [sample ...]
 *
 * Projects are laid out under .tmp/compat-ref/<name>/. Exits 1 when any sample differs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Envelope } from '@cucumber/messages';
import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import { COVERED } from './samples.js';
import { expectedPickles, expectedUnusedPatterns, readEnvelopes, runOptions, sampleFiles, type ExpectedPickle } from './kit.js';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const WORK_DIR = path.join(REPO, '.tmp', 'compat-ref');

/** One block per pickle: header line, then one line per step. */
function blocks(pickles: readonly ExpectedPickle[], divergent: ReadonlySet<string>): string[] {
  return pickles
    .filter((p) => !divergent.has(p.name))
    .map((p) =>
      [
        `${p.file}:${p.line} ${p.name} -> ${p.ran ? p.status : 'not run'}`,
        ...p.steps.map((s) => `    ${s.line} ${s.stepText} -> ${s.status}`),
      ].join('\n'),
    );
}

/**
 * Runs cucumber-js in-process through its API and collects every envelope; a run that throws
 * (an AfterAll hook error makes runCucumber reject) keeps what was emitted before.
 * Run this file with tsx so the .ts step definitions can be imported.
 */
async function runReference(name: string): Promise<Envelope[]> {
  const dir = path.join(WORK_DIR, name);
  fs.rmSync(dir, { recursive: true, force: true });
  for (const sub of ['features', 'steps', 'assets']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  const files = sampleFiles(name);
  for (const f of files.features) fs.copyFileSync(f, path.join(dir, 'features', path.basename(f)));
  for (const f of files.assets) fs.copyFileSync(f, path.join(dir, 'assets', path.basename(f)));
  fs.copyFileSync(path.join(import.meta.dirname, 'steps', `${name}.ts`), path.join(dir, 'steps', `${name}.ts`));
  const envelopes: Envelope[] = [];
  const { runConfiguration } = await loadConfiguration(
    {
      provided: {
        paths: ['features/**/*.feature', 'features/**/*.feature.md'],
        import: ['steps/*.ts'],
        format: [],
        retry: runOptions(files.argumentsTxt).retry ?? 0,
      },
    },
    { cwd: dir },
  );
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  try {
    await runCucumber(runConfiguration, { cwd: dir, stdout: sink, stderr: sink }, (envelope) => envelopes.push(envelope));
  } catch (error) {
    console.log(`     (${name}: runCucumber threw: ${(error as Error).message})`);
  }
  return envelopes;
}

const only = process.argv.slice(2);
let failures = 0;
for (const sample of COVERED) {
  if (only.length > 0 && !only.includes(sample.name)) continue;
  const divergent = new Set((sample.divergent ?? []).map((d) => d.pickle));
  const real = await runReference(sample.name);
  const kit = readEnvelopes(sample.name);
  // cucumber-js may order files differently from the reference run; compare sorted pickle blocks.
  const expected = blocks(expectedPickles(kit), divergent).sort();
  const actual = blocks(expectedPickles(real), divergent).sort();
  const expectedUnused = expectedUnusedPatterns(kit).sort().join(' | ');
  const actualUnused = expectedUnusedPatterns(real).sort().join(' | ');
  const same = JSON.stringify(expected) === JSON.stringify(actual) && expectedUnused === actualUnused;
  if (!same) failures += 1;
  console.log(`${same ? 'ok  ' : 'FAIL'} ${sample.name}`);
  if (!same) {
    for (const block of expected.filter((b) => !actual.includes(b))) console.log(`  kit:\n  ${block}`);
    for (const block of actual.filter((b) => !expected.includes(b))) console.log(`  cucumber-js:\n  ${block}`);
    if (expectedUnused !== actualUnused) console.log(`  unused: kit [${expectedUnused}] cucumber [${actualUnused}]`);
  }
}
process.exitCode = failures > 0 ? 1 : 0;
