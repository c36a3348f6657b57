#!/usr/bin/env node
// Compile throughput: specloop's compileSpecs against @cucumber/gherkin parsing alone, on the same
// generated suite, in one process, alternating runs. Both read the files from disk each time.
//   node bench/compile.bench.mjs [--suite bench/out/suite-2000] [--runs 15]
// Target (DESIGN.md): specloop ≥ 0.8× gherkin's throughput. Build first (npm run build).
import { readFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AstBuilder, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator } from '@cucumber/messages';

const { values } = parseArgs({ options: { suite: { type: 'string', default: 'bench/out/suite-2000' }, runs: { type: 'string', default: '15' } } });
const root = path.resolve(values.suite);
if (!existsSync(path.join(root, 'features'))) {
  console.error(`no suite at ${root}: generate one first (node bench/generate.mjs --features 200 --scenarios 10 --modules 1000)`);
  process.exit(2);
}
const dist = new URL('../dist/spec/compile.js', import.meta.url);
if (!existsSync(dist)) {
  console.error('dist/ is missing: run npm run build first');
  process.exit(2);
}
const { compileSpecs } = await import(dist.href);
const files = readdirSync(path.join(root, 'features')).filter((f) => f.endsWith('.feature')).map((f) => `features/${f}`).sort();
const bytes = files.reduce((sum, f) => sum + statSync(path.join(root, f)).size, 0);

function gherkinAlone() {
  const newId = IdGenerator.incrementing();
  for (const file of files) {
    const parser = new Parser(new AstBuilder(newId), new GherkinClassicTokenMatcher());
    parser.parse(readFileSync(path.join(root, file), 'utf8'));
  }
}

async function specloop() {
  const result = await compileSpecs(root, files, { write: false });
  if (result.problems.length) throw new Error(`unexpected problems: ${result.problems[0].message}`);
}

async function time(fn) {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
await time(gherkinAlone);
await time(specloop);
const anchor = [];
const ours = [];
for (let i = 0; i < Number(values.runs); i++) {
  anchor.push(await time(gherkinAlone));
  ours.push(await time(specloop));
}
const mbps = (ms) => (bytes / 1e6 / (ms / 1000)).toFixed(1);
const a = median(anchor);
const s = median(ours);
console.log(`compile benchmark — ${new Date().toISOString()}, node ${process.version}, ${files.length} files, ${(bytes / 1e3).toFixed(0)} KB, ${values.runs} alternating runs`);
console.log(`  @cucumber/gherkin parse alone  ${a.toFixed(1)} ms  ${mbps(a)} MB/s`);
console.log(`  specloop compileSpecs          ${s.toFixed(1)} ms  ${mbps(s)} MB/s`);
console.log(`  throughput ratio specloop/gherkin: ${(a / s).toFixed(2)} (target ≥ 0.80)`);
