import { hash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mapInBatches } from '../core/batches.js';
import { compileCacheFolder } from '../core/compile-cache.js';
import { readFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import type { RunDefinition, RunScenario } from '../core/run-result.js';
import type { SpecDebt } from './model.js';
import type { VacuousInput as Counted } from './measure.js';
import { judgeVacuous, type StepAnalysis, type StepCall } from './vacuous-judge.js';

/*
 * Vacuous checks in two halves (debt/vacuous.ts). The slow one — ts-morph over the step files and
 * the project functions they call, seconds on a large suite — needs only the files, so it starts as
 * soon as the run is prepared and runs in the parent while the child runs the scenarios. Its answer
 * is kept in .spec/debt-vacuous.json with the content hash of every file it read: an unchanged
 * suite costs a hash check. The fast half matches the run's definitions to it after the run.
 */

const CACHE = '.spec/debt-vacuous.json';

interface CachedAnalysis {
  version: 2;
  /** The step and support files analysed, project-relative, sorted. */
  stepFiles: string[];
  /** Absolute path → sha1 of the content, for every file the analysis read. */
  files: Record<string, string>;
  calls: StepCall[];
}

/** Why a narrowed run does not count vacuous checks: a count over some scenarios would read as less debt. */
export const NARROWED_RUN = 'a narrowed run (paths, tags, --changed or a watch pass) sees only some scenarios: measured by a full spec verify';

/** Started after prepare, awaited after the run: the cached analysis when nothing it read changed, else a fresh one. */
export async function analyzeSteps(root: string, stepFiles: string[]): Promise<StepAnalysis> {
  const wanted = [...new Set(stepFiles)].sort();
  const cached = await readFile(path.join(root, CACHE), 'utf8').then((t) => JSON.parse(t) as CachedAnalysis, () => undefined);
  if (cached?.version === 2 && wanted.every((f) => cached.stepFiles.includes(f)) && (await unchanged(cached.files))) return { calls: cached.calls.filter((c) => wanted.includes(c.uri)), read: Object.keys(cached.files) };
  const analysis = await analyzeApart({ root, stepFiles: wanted, supportFiles: wanted });
  const hashes = await mapInBatches(analysis.read, hashFile);
  const files = Object.fromEntries(analysis.read.map((f, i) => [f, hashes[i]!]));
  await write(root, { version: 2, stepFiles: wanted, files, calls: analysis.calls }).catch(() => undefined);
  return analysis;
}

export interface VacuousRun {
  definitions: RunDefinition[];
  scenarios: RunScenario[];
  /** The run covered only some scenarios: a count over them is not the suite's. */
  partial: boolean;
}

/** This run's vacuous checks, per spec: `Then` steps bound to a definition that cannot fail, and scenarios with no `Then`. */
export async function vacuousChecks(run: VacuousRun, analysis: StepAnalysis): Promise<{ value: Counted } | { because: string }> {
  if (run.partial) return { because: NARROWED_RUN };
  const report = judgeVacuous(analysis, run.definitions, run.scenarios);
  const vacuous = new Set(report.vacuousSteps.map((d) => `${d.uri}:${d.line}`));
  return { value: checksBySpec(run, vacuous) };
}

/**
 * The whole is the checks as run (every Then step, and every scenario), as the figure counts them;
 * by spec, its scenarios with no Then and its Then steps bound to a vacuous definition. One pass.
 */
function checksBySpec(run: VacuousRun, vacuous: Set<string>): Counted {
  const where = new Map(run.definitions.map((d) => [d.id, d]));
  const out = new Map<string, SpecDebt['vacuousChecks']>();
  const add = (uri: string, entry: SpecDebt['vacuousChecks'][number]) => {
    const entries = out.get(uri);
    if (entries) entries.push(entry);
    else out.set(uri, [entry]);
  };
  let thenSteps = 0;
  for (const scenario of run.scenarios) {
    const outcomes = scenario.steps.filter((s) => s.type === 'Outcome');
    thenSteps += outcomes.length;
    if (outcomes.length === 0) add(scenario.uri, { kind: 'no-then', line: scenario.line, text: scenario.name });
    // Only a Then step bound to a vacuous definition counts: the lookup is skipped for the rest.
    if (vacuous.size === 0) continue;
    for (const step of outcomes) {
      const def = step.definitionIds.map((id) => where.get(id)).find((d) => d && vacuous.has(`${d.uri}:${d.line}`));
      if (def && !out.get(scenario.uri)?.some((e) => e.line === step.line)) add(scenario.uri, { kind: 'vacuous-then', line: step.line, text: `${step.keyword.trim()} ${step.text}`, definition: { file: def.uri, line: def.line } });
    }
  }
  return { checks: thenSteps + run.scenarios.length, bySpec: out };
}

/**
 * In a worker thread when the built worker is there (the parent stays free to take the run's
 * results); else (run from sources) here, after letting the runner's job go out first.
 */
async function analyzeApart(input: { root: string; stepFiles: string[]; supportFiles: string[] }): Promise<StepAnalysis> {
  const script = new URL('./vacuous-worker.js', import.meta.url);
  if (existsSync(script)) {
    return new Promise((resolve, reject) => {
      const worker = new Worker(script, { workerData: { ...input, compileCacheFolder: compileCacheFolder() } });
      worker.unref();
      worker.once('message', (analysis: StepAnalysis) => {
        resolve(analysis);
        void worker.terminate();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the analysis stopped (exit ${code})`)));
    });
  }
  await new Promise((resolve) => setImmediate(resolve));
  const { analyzeStepFiles } = await import('./vacuous.js');
  return analyzeStepFiles(input);
}

async function unchanged(files: Record<string, string>): Promise<boolean> {
  const names = Object.keys(files);
  const now = await mapInBatches(names, hashFile);
  return names.every((f, i) => files[f] === now[i]);
}

async function write(root: string, cached: CachedAnalysis): Promise<void> {
  const { default: writeFileAtomic } = await import('write-file-atomic');
  await writeFileAtomic(path.join(root, CACHE), JSON.stringify(cached));
}

/**
 * Read synchronously, in batches, like debt/measured-files.ts: a promise read per file (open,
 * stat, read and close each a thread-pool hop) cost ≈ 38 ms of CPU against 9 for the 654 files
 * the 2,000-scenario bench suite's analysis read, on the main thread while the runner loads the
 * support code (bench/RESULTS.md, session 12 P1).
 */
function hashFile(file: string): string {
  try {
    return hash('sha1', readFileSync(file), 'hex');
  } catch {
    return 'missing';
  }
}
