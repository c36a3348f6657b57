import path from 'node:path';
import { runnerOf } from '../config/run-config.js';
import type { SpecEnvironment } from '../core/env.js';
import { isSpecloopError, type SpecProblem } from '../core/errors.js';
import { mark } from '../core/timing.js';
import { supportGlobsOf } from '../bind/support-files.js';
import type { Runner, RunOutcome } from '../run/runner.js';
import { runnerKindFor, startRunner } from '../run/start.js';
import { planGates, profileGates, runGates } from '../run/gates.js';
import { missingGateNotes } from '../run/missing-gates.js';
import { analysesSteps, debtGateOf, deferredDebtGate, withShardDebt } from './shard-stage.js';
import type { RunOptions } from '../run/options.js';
import type { GateResult, Verdict } from '../report/verdict.js';
import type { VerifyDetails } from '../watch/types.js';
import { loadRunConfig } from './run-config.js';
import { recordLines } from './record-lines.js';
import type { DebtOutcome, DebtWork, finishDebt, refreshLines } from './debt.js';
import { prepareStages, type Prepared } from './stages.js';
import { keep, runPrepared } from './run-prepared.js';
import { judgeRun, suiteTextsWhileRunning } from './judge-run.js';
import { specloopVersion } from './version.js';

export type { RunOptions } from '../run/options.js';
export type { VerifyDetails } from '../watch/types.js';

// The composition of a run: each stage lives in its folder (spec/, bind/, run/, impact/, report/)
// and takes data and returns data; this file only passes one stage's result to the next.

/** What a pass has once its result is judged, before gates, debt and the verdict (verify-recorded.ts records from it). */
export interface Judged {
  outcome: RunOutcome | undefined;
  prepared: Prepared;
}

export async function verifyDetailed(first: Runner, options: RunOptions, env: SpecEnvironment, startedAt: Date, started: number, onJudged?: (judged: Judged) => void): Promise<VerifyDetails> {
  const children = [first];
  // Loaded while the scenarios run, so building the verdict is not waiting on module loading.
  const verdictModule = import('../report/run-verdict.js');
  let prepared: Prepared | undefined;
  let outcome: RunOutcome | undefined;
  let gates: GateResult[] = [];
  const problems: SpecProblem[] = [];
  const notes: SpecProblem[] = [];
  let debt: Promise<DebtOutcome | undefined> | undefined;
  let debtWork: Promise<{ finish: typeof finishDebt; refresh: typeof refreshLines; work: DebtWork | undefined }> | undefined;
  try {
    prepared = await prepare(options, env, children);
    mark('spec', 'prepared');
    // Debt's static part (cache checks, history, the commit) runs here while the child runs the scenarios.
    debtWork = import('./debt.js').then((m) => ({ finish: m.finishDebt, refresh: m.refreshLines, work: m.startDebt(env.cwd, prepared!.config.debt, { stepFiles: prepared!.supportFiles, globs: { specs: prepared!.run.values.specs.value, steps: supportGlobsOf(prepared!.config, prepared!.overlay) }, partial: prepared!.filtered, analyse: analysesSteps(prepared!), env: env.env }) }));
    problems.push(...prepared.problems);
    const locked = await (await import('./locked.js')).lockedCheck(env.cwd, prepared, options);
    problems.push(...locked.problems);
    notes.push(...locked.warnings);
    // Gate names are checked before the run: a typo must not cost a whole run first.
    const chosen = debtGateOf(options, prepared);
    if (chosen.note) notes.push(chosen.note);
    const selectedGates = planGates(prepared.config, chosen.only, chosen.available, profileGates(prepared.overlay?.droppedLoaders, prepared.run.values.profile.value));
    // With no specs the run is bad input: a note on a gate would bury the one thing to fix.
    if (!problems.some((p) => p.code === 'SPEC_NO_SPECS')) notes.push(...missingGateNotes({ root: env.cwd, configured: prepared.config.gates, only: chosen.only, loadsTypeScript: prepared.supportFiles.some((f) => /\.[mc]?ts$/.test(f)) }));
    const running = runPrepared(prepared, children[0]!, env, options, children);
    // Read while the scenarios run, not after them.
    const texts = suiteTextsWhileRunning(prepared, env.cwd);
    outcome = await running;
    if (prepared.parsedInRunner && outcome?.kind === 'result' && outcome.result.parseErrors?.length) {
      // cucumber met a spec it cannot parse and ran nothing: parse here, report every error, run the rest.
      const retry = [startRunner(children[0]!.kind, env.cwd, env.env, options.onOutput)];
      prepared = await prepare({ ...options, parseSpecsHere: true }, env, retry);
      children.push(...retry);
      problems.splice(0, problems.length, ...prepared.problems);
      outcome = await runPrepared(prepared, retry[0]!, env, options, children);
    }
    outcome = await judgeRun(prepared, outcome, options, problems, env.cwd, texts);
    mark('spec', 'scenarios done');
    onJudged?.({ outcome, prepared });
    const scenariosFailed = outcome?.kind !== 'result' || !outcome.result.success;
    if (!(options.failFast && scenariosFailed)) gates = await runGates(env.cwd, selectedGates, env.env, options.signal);
    const ran = outcome?.kind === 'result' ? outcome.result : undefined;
    const done = prepared;
    // A full line-coverage run records it before debt is measured: this run's figures are this run's.
    const lines = ran?.executedLines && !done.filtered && !options.failFast ? recordLines(env.cwd, ran.executedLines, supportGlobsOf(done.config, done.overlay), startedAt) : undefined;
    debt = debtWork.then(async ({ finish, work, refresh }) => {
      const recorded = (await lines) ?? false;
      return work && finish(refresh(work, recorded), { result: ran, partial: done.filtered, unused: done.unused, kind: options.runKind ?? 'verify', shard: Boolean(done.shard), map: ran && ((before) => import('./run-map.js').then((m) => m.runMap(env.cwd, done, ran, before))) });
    });
    const measured = await debt;
    if (measured?.gate && chosen.debt) gates = [...gates, chosen.deferred ? deferredDebtGate() : measured.gate];
    if (chosen.skipped) gates.push(chosen.skipped);
    notes.push(...(measured?.problems ?? []));
    mark('spec', 'debt measured');
  } catch (error) {
    if (!isSpecloopError(error)) throw error;
    problems.push(...error.problems);
    // Stopped before the result: the figures say so (null, with the reason) rather than vanish.
    debt ??= debtWork?.then(({ finish, work }) => work && finish(work, { result: undefined, partial: true, unused: undefined, kind: options.runKind ?? 'verify' }));
  } finally {
    for (const child of children) if (!(child === first && keep(prepared, outcome))) child.kill();
  }
  const sources = prepared?.sourceOf ?? new Map<string, string>();
  const sourceOf = (uri: string) => sources.get(uri) ?? uri;
  const supportGlobs = prepared ? supportGlobsOf(prepared.config, prepared.overlay) : [];
  const { runVerdict } = await verdictModule;
  const built = await runVerdict({
    root: env.cwd,
    version: specloopVersion(),
    startedAt,
    durationMs: performance.now() - started,
    problems,
    outcome,
    gates,
    sourceOf,
    stepGlobs: supportGlobs,
    unused: prepared?.unused,
    strict: prepared?.strict,
    failOnFlaky: prepared?.failOnFlaky ?? false,
    snippets: prepared?.overlay,
    warnings: [...(prepared?.warnings ?? []), ...notes],
    drafts: prepared?.drafts,
    selection: prepared?.selection,
    debt: (await debt)?.summary ?? null,
  });
  const verdict = prepared?.shard ? { ...built, shard: await withShardDebt(env.cwd, prepared, outcome, { supportGlobs, startedAt, share: (await debt)?.share }) } : built;
  mark('spec', 'verdict built');
  const result = outcome?.kind === 'result' ? outcome.result : undefined;
  const measured = prepared;
  const debtNow = measured ? () => import('./debt-without-run.js').then((m) => m.debtWithoutRun(env.cwd, measured.config.debt, { specs: measured.run.values.specs.value, steps: supportGlobs }, env.env)) : undefined;
  return { verdict, result, sourceOf, debtNow, supportFiles: [...(prepared?.supportFiles ?? [])], supportGlobs, specFiles: prepared?.specFiles ?? [], specGlobs: prepared?.run.values.specs.value, partial: prepared?.filtered ?? true, kept: keep(prepared, outcome) && children[0] === first && first.alive, wholeFiles: prepared?.wholeFiles ?? [], ...(prepared ? { scope: prepared.scope } : {}) };
}

async function prepare(options: RunOptions, env: SpecEnvironment, runners: Runner[]): Promise<Prepared> {
  const { config, run } = await loadRunConfig(options, env, (loaded) => {
    // The runner started before the config was read: a config that asks for the other kind gets it.
    const kind = runnerKindFor(env.cwd, runnerOf(loaded, options).value, env.processCwd);
    if (kind !== runners[0]!.kind) {
      runners[0]!.kill();
      runners[0] = startRunner(kind, env.cwd, env.env, options.onOutput);
    }
    return () => runners[0]!;
  });
  mark('spec', 'config loaded');
  options.onConfig?.(run);
  const outputs = Object.keys(run.overlay?.formatFiles ?? {}).map((f) => path.resolve(env.cwd, f));
  options.onOutputs?.(outputs);
  return prepareStages({ options, env, child: runners[0]!, config, run, outputs, runners });
}
