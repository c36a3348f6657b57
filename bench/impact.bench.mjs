#!/usr/bin/env node
// Import-graph benchmark (src/impact/): cold build, cache-warm load, incremental update after one
// edit, on a generated suite; and a cross-check of the graph against ts-morph's import
// declarations (an independent second method), which also serves as the time anchor.
//   node bench/impact.bench.mjs [--suite bench/out/suite-2000] [--edits 20] [--module src/lib/m450.ts]
// Target (DESIGN.md): incremental update after one edit ≤ 50 ms on 1,000 modules. Build first
// (npm run build). The edited module is restored byte for byte (and its mtime) at the end.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    suite: { type: 'string', default: 'bench/out/suite-2000' },
    edits: { type: 'string', default: '20' },
    module: { type: 'string' },
  },
});
const root = path.resolve(values.suite);
if (!existsSync(path.join(root, 'src')) || !existsSync(path.join(root, 'steps'))) {
  console.error(`no suite at ${root}: generate one first (node bench/generate.mjs --features 200 --scenarios 10 --modules 1000)`);
  process.exit(2);
}
const distGraph = new URL('../dist/impact/graph.js', import.meta.url);
const distCache = new URL('../dist/impact/cache.js', import.meta.url);
if (!existsSync(distGraph)) {
  console.error('dist/impact/ is missing: run npm run build first');
  process.exit(2);
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rssBefore = process.memoryUsage().rss;

// ---- cold build (first thing in the process: nothing loaded, nothing JIT-warm) ------------------
let t = performance.now();
const { ImportGraph } = await import(distGraph.href);
const { saveGraph, loadGraph } = await import(distCache.href);
const { glob } = await import('tinyglobby');
const importMs = performance.now() - t;
t = performance.now();
const files = (await glob(['src/**/*.ts', 'steps/**/*.ts'], { cwd: root, absolute: true })).sort();
const globMs = performance.now() - t;
t = performance.now();
const graph = await ImportGraph.build(root, files);
const coldMs = performance.now() - t;
const rssCold = process.memoryUsage().rss;
const steps = files.filter((f) => f.includes(`${path.sep}steps${path.sep}`));
const srcCount = files.length - steps.length;

const again = [];
for (let i = 0; i < 5; i++) {
  const s = performance.now();
  await ImportGraph.build(root, files);
  again.push(performance.now() - s);
}

// ---- cache: save, then warm load (stat every file, re-parse none, re-resolve all) ---------------
const tmp = mkdtempSync(path.join(os.tmpdir(), 'specloop-impact-bench-'));
const cacheFile = path.join(tmp, 'impact-graph.json');
t = performance.now();
await saveGraph(graph, cacheFile);
const saveMs = performance.now() - t;
const cacheKb = statSync(cacheFile).size / 1024;
const warmRuns = [];
let warm;
for (let i = 0; i < 5; i++) {
  const s = performance.now();
  warm = await loadGraph(root, cacheFile);
  warmRuns.push(performance.now() - s);
}
if (warm.stats.parsed !== 0 || warm.edgeCount !== graph.edgeCount) throw new Error(`warm load differs: ${JSON.stringify(warm.stats)}, ${warm.edgeCount} edges`);

// ---- incremental: edit one module, update(), 20 times, alternating two kinds of edit ------------
const srcFiles = files.filter((f) => !steps.includes(f));
const edited = values.module
  ? path.resolve(root, values.module)
  : [...srcFiles].sort((a, b) => graph.dependentsOf(b).length - graph.dependentsOf(a).length)[Math.floor(srcFiles.length / 4)];
const extra = srcFiles.find((f) => f !== edited && !graph.dependenciesOf(edited).includes(f) && !graph.reachableFrom([f]).has(edited));
const original = readFileSync(edited, 'utf8');
const originalStat = statSync(edited);
const extraSpec = `./${path.relative(path.dirname(edited), extra).split(path.sep).join('/').replace(/\.ts$/, '.js')}`.replace(/^\.\/\.\.\//, '../');
const updates = [];
const selects = [];
const kinds = [];
try {
  for (let i = 0; i < Number(values.edits); i++) {
    const addImport = i % 2 === 1;
    const text = addImport ? `import { f${path.basename(extra, '.ts').slice(1)} as __bench${i} } from '${extraSpec}';\n${original}` : `${original}\n// bench edit ${i}\n`;
    writeFileSync(edited, text);
    const s = performance.now();
    const result = graph.update(edited);
    updates.push(performance.now() - s);
    const q = performance.now();
    const affected = graph.affectedBy([edited]);
    selects.push(performance.now() - q);
    kinds.push(result.status);
    const expected = addImport ? 'changed' : i === 0 ? 'unchanged' : 'changed';
    if (result.status !== expected) throw new Error(`edit ${i}: status ${result.status}, expected ${expected}`);
    if (addImport && !graph.dependenciesOf(edited).includes(extra)) throw new Error(`edit ${i}: the new import is not an edge`);
    if (!addImport && graph.dependenciesOf(edited).includes(extra)) throw new Error(`edit ${i}: the removed import is still an edge`);
    if (!affected.has(edited)) throw new Error('affectedBy lost the edited file');
  }
} finally {
  writeFileSync(edited, original);
  utimesSync(edited, originalStat.atime, originalStat.mtime);
  graph.update(edited);
  rmSync(tmp, { recursive: true, force: true });
}
if (graph.edgeCount !== warm.edgeCount) throw new Error('graph differs after restoring the edited module');

// ---- cross-check with ts-morph import declarations (independent parse, naive path logic) --------
t = performance.now();
const { Project } = await import('ts-morph');
const project = new Project({ skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true, compilerOptions: { allowJs: false } });
const known = new Set(files);
for (const f of files) project.addSourceFileAtPath(f);
const naive = new Set();
const naiveWithTypes = new Set();
for (const sf of project.getSourceFiles()) {
  const from = sf.getFilePath();
  const decls = [...sf.getImportDeclarations(), ...sf.getExportDeclarations()];
  for (const d of decls) {
    const spec = d.getModuleSpecifierValue();
    if (spec === undefined || !spec.startsWith('.')) continue;
    const target = path.resolve(path.dirname(from), spec.replace(/\.js$/, '.ts'));
    if (!known.has(target)) throw new Error(`naive method can't resolve ${spec} in ${from}`);
    const typeOnly = d.isTypeOnly() || ((d.getNamedImports?.() ?? d.getNamedExports()).length > 0 && !d.getDefaultImport?.() && !d.getNamespaceImport?.() && (d.getNamedImports?.() ?? d.getNamedExports()).every((n) => n.isTypeOnly()));
    naiveWithTypes.add(`${from}\0${target}`);
    if (!typeOnly) naive.add(`${from}\0${target}`);
  }
}
const tsMorphMs = performance.now() - t;
const ours = new Set(files.flatMap((f) => graph.dependenciesOf(f).map((d) => `${f}\0${d}`)));
const missing = [...naive].filter((e) => !ours.has(e));
const surplus = [...ours].filter((e) => !naive.has(e));
const bfs = (edges) => {
  const out = new Map();
  for (const e of edges) {
    const [a, b] = e.split('\0');
    if (!out.has(a)) out.set(a, []);
    out.get(a).push(b);
  }
  const seen = new Set(steps);
  const queue = [...steps];
  while (queue.length) for (const n of out.get(queue.shift()) ?? []) if (!seen.has(n)) (seen.add(n), queue.push(n));
  return [...seen].filter((f) => !steps.includes(f)).length;
};
const reachable = [...graph.reachableFrom(steps)].filter((f) => !steps.includes(f)).length;

// ---- report -------------------------------------------------------------------------------------
const upd = median(updates);
const rel = (f) => path.relative(process.cwd(), f);
console.log(`impact graph benchmark — ${new Date().toISOString()}, node ${process.version}, ${rel(root)}: ${srcCount} src modules + ${steps.length} step files`);
console.log(`  module import ${importMs.toFixed(1)} ms, glob ${globMs.toFixed(1)} ms`);
console.log(`  cold build (first in process)      ${coldMs.toFixed(1)} ms   RSS +${mb(rssCold - rssBefore)} (process ${mb(rssCold)})`);
console.log(`  rebuild, JIT warm (median of 5)    ${median(again).toFixed(1)} ms`);
console.log(`  save cache                         ${saveMs.toFixed(1)} ms   ${cacheKb.toFixed(0)} KB`);
console.log(`  cache-warm load (median of 5)      ${median(warmRuns).toFixed(1)} ms   parsed ${warm.stats.parsed}, reused ${warm.stats.reused}`);
console.log(`  incremental update, ${updates.length} edits of ${rel(edited)} (${graph.dependentsOf(edited).length} importers):`);
console.log(`    update() median ${upd.toFixed(2)} ms (min ${Math.min(...updates).toFixed(2)}, max ${Math.max(...updates).toFixed(2)}) — target ≤ 50 ms: ${upd <= 50 ? 'met' : 'MISSED'}, ${(50 / upd).toFixed(0)}× under`);
console.log(`    affectedBy() median ${median(selects).toFixed(2)} ms; statuses: ${[...new Set(kinds)].join(', ')}`);
console.log(`  anchor: ts-morph Project + getImportDeclarations/getExportDeclarations, no Program: ${tsMorphMs.toFixed(0)} ms → cold build ratio ${(tsMorphMs / coldMs).toFixed(1)}× faster`);
console.log(`  graph: ${graph.edgeCount} edges (type-only excluded), ${reachable} src modules reachable from steps/`);
console.log(`  ts-morph cross-check: ${naive.size} edges, ${bfs(naive)} reachable; with type-only edges ${naiveWithTypes.size} edges, ${bfs(naiveWithTypes)} reachable`);
console.log(`  agreement: ${missing.length === 0 && surplus.length === 0 ? 'identical edge sets' : `${missing.length} edges missing, ${surplus.length} extra`}`);
if (missing.length || surplus.length) {
  for (const e of [...missing.slice(0, 5).map((x) => `missing ${x}`), ...surplus.slice(0, 5).map((x) => `extra ${x}`)]) console.log(`    ${e.replace('\0', ' → ')}`);
  process.exitCode = 1;
}

