import path from 'node:path';
import type { Runner, RunLimits, RunOutcome } from './runner.js';
import { startRunner } from './start.js';
import type { RunJob, SupportJob } from './protocol.js';
import type { RunProgress, RunScenario, RunStep } from '../core/run-result.js';
import type { SpecFile } from '../spec/model.js';
import { readFileSync, rmSync } from 'node:fs';
import type { PickleInfo } from '../spec/pickle-index.js';
import type { SpecProblem } from '../core/errors.js';
import type { RunPlan } from './job.js';

/** At most this many blocking scenarios are cut and worked around in one run; past it the run stops. */
const MAX_HANGS = 5;

export interface ScenarioRun {
  root: string;
  env: Record<string, string | undefined>;
  support: SupportJob;
  job: RunJob;
  limits: RunLimits;
  /** The files the job runs, with the user's line filters. */
  files: SpecFile[];
  lines: Map<string, number[]>;
  signal: AbortSignal | undefined;
  onOutput: ((chunk: string) => void) | undefined;
}

/** Where and how a planned run happens: the project, its environment, cancellation and live output. */
export type RunContext = Pick<ScenarioRun, 'root' | 'env' | 'signal' | 'onOutput'>;

/** What running a plan gave: `cut` counts scenarios cut for blocking; `unwritten`, the profile's report files that run left out. */
export interface Ran {
  outcome: RunOutcome;
  cut: number;
  unwritten: string[];
}

/** Runs a plan, when there is one (nothing to run: no outcome). */
export async function runPlanned(runner: Runner, plan: RunPlan | undefined, context: RunContext, track: (child: Runner) => void): Promise<Omit<Ran, 'outcome'> & { outcome: RunOutcome | undefined }> {
  if (!plan) return { outcome: undefined, cut: 0, unwritten: [] };
  return runScenarios(runner, { ...context, ...plan }, track);
}

/** Parse errors only cucumber's own parser found (another Gherkin version than ours). */
export function unparsedByUs(outcome: RunOutcome | undefined): SpecProblem[] {
  if (outcome?.kind !== 'result') return [];
  return (outcome.result.parseErrors ?? []).map((e) => ({
    code: 'SPEC_PARSE' as const,
    // cucumber's message starts with the position, which the location already gives.
    message: e.message.replace(/^\(\d+:\d+\):\s*/, ''),
    location: { file: e.uri, line: e.line ?? 1, ...(e.column ? { column: e.column } : {}) },
    hint: 'fix the Gherkin syntax at this line',
  }));
}

/**
 * Runs the scenarios; when one blocks the event loop, its child is killed, the scenario is recorded as
 * timed out, and the rest run again in a fresh child without it, so one endless loop costs one scenario.
 */
export async function runScenarios(first: Runner, run: ScenarioRun, track: (child: Runner) => void): Promise<Ran> {
  let outcome = await first.run(run.job, run.limits, run.signal);
  const hung: { file: SpecFile; pickle: PickleInfo; progress: RunProgress }[] = [];
  const pickles = outcome.kind === 'timeout' ? await picklesOf(run) : new Map<SpecFile, PickleInfo[]>();
  while (outcome.kind === 'timeout' && hung.length < MAX_HANGS && !run.signal?.aborted) {
    const found = findHung(pickles, outcome.progress);
    if (!found) break;
    hung.push({ ...found, progress: outcome.progress! });
    const paths = remainingPaths(run, pickles, hung);
    if (paths.length === 0) {
      outcome = { kind: 'result', result: { cucumberVersion: undefined, scenarios: [], definitions: [], parameterTypes: [], undefinedParameterTypes: [], globalSupportFiles: [], runErrors: [], success: false }, log: outcome.log };
      break;
    }
    const child = startRunner(first.kind, run.root, run.env, run.onOutput);
    track(child);
    child.load(run.support);
    outcome = await child.run({ ...withoutReports(run.job, run.root), paths }, run.limits, run.signal);
  }
  const unwritten = hung.length > 0 ? dropReports(run.job, run.root) : [];
  if (outcome.kind !== 'result' || hung.length === 0) return { outcome, cut: hung.length, unwritten };
  const timedOut = hung.map((h) => hungScenario(h.file, h.pickle, h.progress, h.progress.limitMs ?? run.limits.hangAfterMs));
  const scenarios = [...outcome.result.scenarios, ...timedOut].sort((a, b) => order(run.files, a) - order(run.files, b) || a.line - b.line);
  return { outcome: { ...outcome, result: { ...outcome.result, scenarios, success: false } }, cut: hung.length, unwritten };
}

/** Only a run that had to cut a step needs the pickles; specs cucumber parsed alone are parsed now. */
async function picklesOf(run: ScenarioRun): Promise<Map<SpecFile, PickleInfo[]>> {
  const [{ compilePickles, parseGherkin }, { indexPickles }] = await Promise.all([import('../spec/gherkin.js'), import('../spec/pickle-index.js')]);
  const pickles = new Map<SpecFile, PickleInfo[]>();
  for (const file of run.files) {
    const document = file.document ?? parseGherkin(readFileSync(path.join(run.root, file.runPath), 'utf8'), file.path, false, run.job.language).document;
    pickles.set(file, indexPickles(document, compilePickles(document, file.runPath)));
  }
  return pickles;
}

function findHung(pickles: Map<SpecFile, PickleInfo[]>, progress: RunProgress | undefined): { file: SpecFile; pickle: PickleInfo } | undefined {
  if (!progress?.pickleLine) return undefined;
  const file = [...pickles.keys()].find((f) => f.runPath === progress.uri || path.resolve(f.runPath) === path.resolve(progress.uri));
  const pickle = file && pickles.get(file)!.find((p) => p.line === progress.pickleLine);
  return file && pickle ? { file, pickle } : undefined;
}

/** Every selected pickle but the hung ones, as file:line:line… paths (cucumber's own selector). */
function remainingPaths(run: ScenarioRun, pickles: Map<SpecFile, PickleInfo[]>, hung: { file: SpecFile; pickle: PickleInfo }[]): string[] {
  const paths: string[] = [];
  for (const file of run.files) {
    const wanted = run.lines.get(file.path);
    const lines = (pickles.get(file) ?? [])
      .filter((p) => !wanted || wanted.includes(p.line) || wanted.includes(p.scenarioLine))
      .filter((p) => !hung.some((h) => h.file === file && h.pickle.line === p.line))
      .map((p) => p.line);
    if (lines.length) paths.push(`${path.join(run.root, file.runPath)}:${[...new Set(lines)].join(':')}`);
  }
  return paths;
}

function hungScenario(file: SpecFile, pickle: PickleInfo, progress: RunProgress, limitMs: number): RunScenario {
  const at = pickle.steps.findIndex((s) => s.line === progress.line && `${s.keyword} ${s.text}` === progress.step);
  const steps: RunStep[] = pickle.steps.map((s, i) => ({
    ...s,
    status: at < 0 ? 'unknown' : i < at ? 'passed' : i === at ? 'failed' : 'skipped',
    durationMs: 0,
    definitionIds: [],
    ...(i === at ? { error: { message: `timed out: the step blocked the event loop for more than ${limitMs} ms and was stopped` } } : {}),
  }));
  return { uri: file.runPath, line: pickle.line, ...(pickle.line !== pickle.scenarioLine ? { example: true } : {}), name: pickle.name, feature: pickle.feature, ...(pickle.keyword ? { keyword: pickle.keyword } : {}), ...(pickle.rule ? { rule: pickle.rule } : {}), ...(pickle.language ? { language: pickle.language } : {}), tags: pickle.tags, status: 'failed', durationMs: limitMs, steps, hookFailures: at < 0 ? [{ name: progress.step, ...progress.hook, status: 'failed', error: { message: `timed out: ${progress.step} blocked the event loop for more than ${limitMs} ms and was stopped` } }] : [] };
}

/**
 * A run cut short and resumed in a fresh runner has no one message stream that tells it whole (the
 * cut scenario's messages end mid-step, the resumed run starts a second stream): none is kept, so
 * no report drawn from it can leave the cut scenario out. The profile's own report files (`json:…`,
 * `html:…`), which cucumber would write again from the resumed run alone, are not written either.
 */
function withoutReports(job: RunJob, root: string): RunJob {
  dropReports(job, root);
  const { messagesFile: _dropped, ...rest } = job;
  return { ...rest, formatFiles: {} };
}

/** Removes what the cut run wrote (or an earlier run left) at the report paths, so no one reads it as this run's. */
function dropReports(job: RunJob, root: string): string[] {
  if (job.messagesFile) rmSync(job.messagesFile, { force: true });
  const files = Object.keys(job.formatFiles);
  for (const file of files) rmSync(path.resolve(root, file), { force: true });
  return files;
}

function order(files: SpecFile[], scenario: RunScenario): number {
  return files.findIndex((f) => f.runPath === scenario.uri);
}

/** The warning for the profile's report files a cut run left unwritten. */
export function profileReportsUnwritten(files: string[]): SpecProblem {
  return {
    code: 'SPEC_PROFILE_REPORTS_UNWRITTEN',
    message: `the cucumber profile's report files were not written (${files.join(', ')}): a step that blocked the event loop was cut and the rest of the run went on in a fresh runner, so no one cucumber run saw every scenario, and a report of the rest would leave the cut scenario out; a file an earlier run left there was removed`,
    hint: 'fix the blocking step (the timeout failure names it), then run again to get the reports',
  };
}
