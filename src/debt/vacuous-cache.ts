import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunDefinition, RunScenario } from '../core/run-result.js';
import type { SpecDebt } from './model.js';
import type { VacuousInput as Counted } from './measure.js';

/*
 * findVacuousChecks costs seconds (ts-morph over every step file and the helpers they call), so its
 * answer is kept in .spec/debt-vacuous.json with the content hash of every file it read and a
 * digest of the definitions and scenario shapes it judged. While the runner child runs the
 * scenarios, the parent re-hashes those files (startVacuousCache); after the run the answer is reused
 * when nothing changed, and computed afresh only on a full run that changed something.
 */

const CACHE = '.spec/debt-vacuous.json';

interface CachedAnswer {
  version: 1;
  /** Digest of the definitions (file:line, pattern), the support files and the scenarios' step shapes. */
  key: string;
  /** Absolute path → sha1 of the content, for every file the analysis read. */
  files: Record<string, string>;
  /** The vacuous `Then` definitions, as `uri:line`. */
  vacuous: string[];
  /** How many `Then` definitions were examined. */
  checked: number;
}

export interface CacheCheck {
  answer: CachedAnswer | undefined;
  /** Every file the cached answer read still has the same content. */
  fresh: boolean;
}

/** Started after prepare, awaited after the run: reads the cached answer and re-hashes what it read. */
export async function startVacuousCache(root: string): Promise<CacheCheck> {
  const answer = await readFile(path.join(root, CACHE), 'utf8').then((t) => JSON.parse(t) as CachedAnswer, () => undefined);
  if (!answer || answer.version !== 1 || typeof answer.files !== 'object') return { answer: undefined, fresh: false };
  const now = await Promise.all(Object.keys(answer.files).map((file) => hashFile(file)));
  return { answer, fresh: Object.values(answer.files).every((hash, i) => hash === now[i]) };
}

export interface VacuousRun {
  root: string;
  definitions: RunDefinition[];
  scenarios: RunScenario[];
  supportFiles: string[];
  /** The run covered only some scenarios: what they use does not say how the rest use a definition. */
  partial: boolean;
}

export type VacuousOutcome = { value: Counted; computed: boolean } | { because: string };

/** Vacuous checks of this run, from the cache when it is fresh, else computed (full runs only) and cached. */
export async function vacuousChecks(run: VacuousRun, check: CacheCheck): Promise<VacuousOutcome> {
  const key = keyOf(run);
  let answer = check.fresh && (run.partial || check.answer?.key === key) ? check.answer : undefined;
  const computed = !answer;
  if (!answer) {
    if (run.partial) return { because: 'step files changed since the last full run, and a narrowed run cannot judge every step: run spec verify' };
    answer = await compute(run, key);
    await writeAnswer(run.root, answer).catch(() => undefined);
  }
  // The whole is the checks as run (every Then step, and every scenario), as the figure counts them.
  const thenSteps = run.scenarios.flatMap((s) => s.steps).filter((s) => s.type === 'Outcome').length;
  return { value: { checks: thenSteps + run.scenarios.length, bySpec: bySpec(run, new Set(answer.vacuous)) }, computed };
}

async function compute(run: VacuousRun, key: string): Promise<CachedAnswer> {
  const { findVacuousChecks } = await import('./vacuous.js');
  const report = findVacuousChecks({ root: run.root, definitions: run.definitions, scenarios: run.scenarios, supportFiles: run.supportFiles });
  const hashes = await Promise.all(report.read.map((f) => hashFile(f)));
  const files = Object.fromEntries(report.read.map((f, i) => [f, hashes[i] ?? '']));
  return { version: 1, key, files, vacuous: report.vacuousSteps.map((d) => `${d.uri}:${d.line}`), checked: report.checked.length };
}

async function writeAnswer(root: string, answer: CachedAnswer): Promise<void> {
  const { default: writeFileAtomic } = await import('write-file-atomic');
  await writeFileAtomic(path.join(root, CACHE), JSON.stringify(answer));
}

/** Each spec's vacuous `Then` steps (run steps bound to a vacuous definition) and scenarios with no `Then`. */
function bySpec(run: VacuousRun, vacuous: Set<string>): Map<string, SpecDebt['vacuousChecks']> {
  const where = new Map(run.definitions.map((d) => [d.id, d]));
  const out = new Map<string, SpecDebt['vacuousChecks']>();
  const add = (uri: string, entry: SpecDebt['vacuousChecks'][number]) => out.set(uri, [...(out.get(uri) ?? []), entry]);
  for (const scenario of run.scenarios) {
    if (!scenario.steps.some((s) => s.type === 'Outcome')) add(scenario.uri, { kind: 'no-then', line: scenario.line, text: scenario.name });
    for (const step of scenario.steps) {
      const def = step.definitionIds.map((id) => where.get(id)).find((d) => d && vacuous.has(`${d.uri}:${d.line}`));
      if (def && step.type === 'Outcome' && !out.get(scenario.uri)?.some((e) => e.line === step.line)) add(scenario.uri, { kind: 'vacuous-then', line: step.line, text: `${step.keyword.trim()} ${step.text}`, definition: { file: def.uri, line: def.line } });
    }
  }
  return out;
}

/** Definition ids are fresh each run: the key names definitions by place and pattern instead. */
function keyOf(run: VacuousRun): string {
  const place = new Map(run.definitions.map((d) => [d.id, `${d.uri}:${d.line}`]));
  const shape = {
    definitions: run.definitions.map((d) => `${d.uri}:${d.line}:${d.pattern}`).sort(),
    support: [...run.supportFiles].sort(),
    uses: [...new Set(run.scenarios.flatMap((s) => s.steps.map((st) => `${st.type ?? ''}>${st.definitionIds.map((id) => place.get(id)).join(',')}`)))].sort(),
  };
  return createHash('sha1').update(JSON.stringify(shape)).digest('hex');
}

async function hashFile(file: string): Promise<string> {
  return readFile(file).then((b) => createHash('sha1').update(b).digest('hex'), () => 'missing');
}
