/**
 * The run's result, from cucumber's messages.
 * Size: one reducer over cucumber's whole message stream; every part reads the same lookups.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as messages from '@cucumber/messages';
import type { RunDefinition, RunError, RunProgress, RunResult, RunScenario } from '../core/run-result.js';
import { GherkinIndex } from './gherkin-index.js';
import { scenarioResult, type PendingCase, type RunLookups, type StartedCase } from './scenario-result.js';
import { toError } from './step-result.js';
import { runHookError, runHookKind, thrownRunHookError } from './run-hook-error.js';
import { WORKER_ENDED, workerEndedError, workerErrorCause } from './parallel-support.js';

/** testRunFinished's message when a run hook failed: "a BeforeAll hook errored, process exiting: file:line". */
const RUN_HOOK_ERRORED = /\b(?:BeforeAll|AfterAll) hook errored\b/;

/**
 * Reduces cucumber's message stream, envelope by envelope, into a RunResult.
 * Pure apart from the optional hook that supplies the thrown error (for expected/actual).
 */
export class RunCollector {
  private readonly gherkin = new GherkinIndex();
  private readonly pickles = new Map<string, messages.Pickle>();
  private readonly pickleSteps = new Map<string, messages.PickleStep>();
  private readonly definitionById = new Map<string, RunDefinition>();
  private readonly testCases = new Map<string, PendingCase>();
  private readonly started = new Map<string, StartedCase>();
  private readonly finished = new Map<string, RunScenario>();
  private readonly order: string[] = [];
  /** Each pickle's place in the run as cucumber planned it (its test cases come in run order): workers finish scenarios in any order. */
  private readonly place = new Map<string, number>();
  /** Coverage (and files read) of attempts that will be retried, by kind and pickle. */
  private readonly attempts = new Map<string, string[]>();
  /** The attempts that failed and will be retried, by pickle: the verdict calls a later pass flaky. */
  private readonly retried = new Map<string, RunScenario[]>();
  private readonly hooks = new Map<string, messages.Hook>();
  /** The hook each testRunHookStarted ran, by its id: testRunHookFinished names only the start. */
  private readonly runHookStarts = new Map<string, string>();
  /** cucumber's own snippet for an undefined step (its snippetSyntax), by pickle step. */
  private readonly suggestions = new Map<string, string>();
  private readonly lookups: RunLookups = { gherkin: this.gherkin, pickleSteps: this.pickleSteps, hooks: this.hooks, suggestions: this.suggestions };
  private readonly result: RunResult = {
    cucumberVersion: undefined,
    scenarios: [],
    definitions: [],
    parameterTypes: [],
    undefinedParameterTypes: [],
    globalSupportFiles: [],
    runErrors: [],
    success: false,
  };

  /** `cwd`: where cucumber runs, which its spec paths are relative to; support code is named the same way (the runner passes its own). */
  constructor(
    private readonly takeThrown: () => RunError | undefined = () => undefined,
    private readonly cwd: string = '.',
  ) {}

  onEnvelope(envelope: messages.Envelope): RunProgress | undefined {
    if (envelope.testStepStarted) return this.progress(envelope.testStepStarted);
    if (envelope.testRunHookStarted) {
      this.runHookStarts.set(envelope.testRunHookStarted.id, envelope.testRunHookStarted.hookId);
      return this.runHookProgress(envelope.testRunHookStarted.hookId);
    }
    if (envelope.testStepFinished) this.stepFinished(envelope.testStepFinished);
    else if (envelope.testCaseStarted) this.caseStarted(envelope.testCaseStarted);
    else if (envelope.testCaseFinished) this.caseFinished(envelope.testCaseFinished);
    else if (envelope.testCase) this.testCase(envelope.testCase);
    else if (envelope.pickle) this.pickle(envelope.pickle);
    else if (envelope.gherkinDocument) this.gherkin.add(envelope.gherkinDocument);
    else if (envelope.stepDefinition) this.definition(envelope.stepDefinition);
    else if (envelope.hook) this.hook(envelope.hook);
    else if (envelope.parameterType) this.parameterType(envelope.parameterType);
    else if (envelope.undefinedParameterType) this.result.undefinedParameterTypes.push({ ...envelope.undefinedParameterType });
    else if (envelope.testRunHookFinished) this.runHookFinished(envelope.testRunHookFinished);
    else if (envelope.testRunFinished) this.runFinished(envelope.testRunFinished);
    else if (envelope.meta) this.result.cucumberVersion = envelope.meta.implementation.version;
    else if (envelope.parseError) this.parseError(envelope.parseError);
    else if (envelope.suggestion?.snippets[0]) this.suggestions.set(envelope.suggestion.pickleStepId, envelope.suggestion.snippets[0].code);
    return undefined;
  }

  /** An error that ended the run outside any test step (cucumber rejected). */
  runError(error: RunError): void {
    const duplicate = this.result.runErrors.some((e) => e.message === error.message);
    if (!duplicate) this.pushRunError(error);
    this.result.success = false;
  }

  /**
   * Credits a finished scenario with the files its code ran in (called right after its
   * testCaseFinished); a retried scenario gets what every attempt ran.
   */
  cover(event: messages.TestCaseFinished, files: string[], key: 'covered' | 'reads' = 'covered'): void {
    const started = this.started.get(event.testCaseStartedId);
    const pickleId = started && this.testCases.get(started.testCaseId)?.pickleId;
    if (!pickleId) return;
    const attempt = `${key}:${pickleId}`;
    const all = [...new Set([...(this.attempts.get(attempt) ?? []), ...files])].sort();
    if (event.willBeRetried) return void this.attempts.set(attempt, all);
    this.attempts.delete(attempt);
    const scenario = this.finished.get(pickleId);
    if (scenario) scenario[key] = all;
  }

  finish(): RunResult {
    const place = (id: string) => this.place.get(id) ?? Number.MAX_SAFE_INTEGER;
    const order = [...this.order].sort((a, b) => place(a) - place(b));
    this.result.scenarios = order.map((id) => this.finished.get(id)).filter((s): s is RunScenario => s !== undefined);
    return this.result;
  }

  /**
   * After a run on workers: scenarios cucumber planned that never finished because a worker ended
   * become one run error (parallel-support.ts), and cucumber 13's own "Worker 0 exited
   * unexpectedly" its reason rather than a failed BeforeAll/AfterAll hook.
   */
  endedEarly(cause?: RunError): void {
    const said = this.result.runErrors.filter((e) => !e.code && WORKER_ENDED.test(e.message));
    this.result.runErrors = this.result.runErrors.filter((e) => !said.includes(e));
    const unfinished = (ids: string[]) => ids.map((id) => this.pickles.get(id)).filter((p): p is messages.Pickle => p !== undefined && !this.finished.has(p.id));
    const running = unfinished([...this.started.values()].map((s) => this.testCases.get(s.testCaseId)?.pickleId ?? ''));
    const planned = unfinished([...this.testCases.values()].map((c) => c.pickleId));
    const lineOf = (p: messages.Pickle) => this.gherkin.pickleLine(p);
    cause ??= workerErrorCause(said[0]);
    const error = workerEndedError(running, planned, lineOf, said[0]?.message, cause);
    if (error) this.runError(error);
    // Each scenario a worker was running is its own failure, so none drops out of the counts.
    for (const pickle of running.slice(1)) this.runError(workerEndedError([pickle], [pickle], lineOf, said[0]?.message, cause)!);
    for (const pickle of running) this.endedWhileRunning(pickle);
  }

  /**
   * cucumber's own verdict: a run it failed fails here too, even when none of its messages says
   * why (cucumber 12 fails a run whose worker exited with an error after its last scenario, and
   * tells it only on stderr). Said only when nothing else in the result fails it.
   */
  cucumberFailed(parallel: boolean): void {
    const said = this.result.runErrors.length > 0 || (this.result.parseErrors?.length ?? 0) > 0 || this.result.undefinedParameterTypes.length > 0;
    const failing = [...this.finished.values()].some((s) => s.status !== 'passed' && s.status !== 'skipped');
    if (said || failing) return void (this.result.success = false);
    const why = parallel ? 'a cucumber worker exited with an error after its scenarios had passed' : 'none of its messages says which scenario, step or hook failed';
    this.runError({ code: 'SPEC_CUCUMBER_FAILED', message: `cucumber reported the run as failed though every scenario passed: ${why} (its own words, if any, are on stderr)` });
  }

  /** A scenario its worker ended in: failed, its unfinished steps skipped (the run error names why). */
  private endedWhileRunning(pickle: messages.Pickle): void {
    const attempts = [...this.started.values()].filter((s) => this.testCases.get(s.testCaseId)?.pickleId === pickle.id);
    const last = attempts.at(-1);
    const testCase = last && this.testCases.get(last.testCaseId);
    if (!last || !testCase) return;
    const partial = scenarioResult(pickle, testCase, last, this.lookups);
    const steps = partial.steps.map((step) => (step.status === 'unknown' ? { ...step, status: 'skipped' as const } : step));
    this.order.push(pickle.id);
    this.finished.set(pickle.id, { ...partial, steps, status: 'failed' });
  }

  private parseError(error: messages.ParseError): void {
    const { uri = '', location } = error.source;
    (this.result.parseErrors ??= []).push({ uri, message: error.message, ...(location ? { line: location.line, column: location.column } : {}) });
  }

  private hook(message: messages.Hook): void {
    const hook = { ...message, sourceReference: this.ownReference(message.sourceReference) };
    this.hooks.set(hook.id, hook);
    this.globalSupport(hook.sourceReference.uri);
  }

  private parameterType(type: messages.ParameterType): void {
    this.result.parameterTypes.push({ name: type.name, regexps: [...type.regularExpressions] });
    this.globalSupport(type.sourceReference && this.ownReference(type.sourceReference).uri);
  }

  /**
   * cucumber 8 names an ESM support file by its file: URL (later majors by its path from cwd), which
   * would read as a URL in every message and match no path in the scenario map.
   */
  private ownReference(reference: messages.SourceReference): messages.SourceReference {
    return reference.uri?.startsWith('file:') ? { ...reference, uri: projectPath(reference.uri, this.cwd) } : reference;
  }

  private globalSupport(uri: string | undefined): void {
    if (uri && !this.result.globalSupportFiles.includes(uri)) this.result.globalSupportFiles.push(uri);
  }

  private pickle(pickle: messages.Pickle): void {
    this.pickles.set(pickle.id, pickle);
    for (const step of pickle.steps) this.pickleSteps.set(step.id, step);
  }

  private definition(def: messages.StepDefinition): void {
    const definition: RunDefinition = {
      id: def.id,
      pattern: def.pattern.source,
      patternType: def.pattern.type === 'REGULAR_EXPRESSION' ? 'regexp' : 'cucumber',
      uri: this.ownReference(def.sourceReference).uri ?? '',
      line: def.sourceReference.location?.line ?? 1,
      used: false,
    };
    this.result.definitions.push(definition);
    this.definitionById.set(def.id, definition);
  }

  private testCase(testCase: messages.TestCase): void {
    if (!this.place.has(testCase.pickleId)) this.place.set(testCase.pickleId, this.place.size);
    this.testCases.set(testCase.id, { pickleId: testCase.pickleId, steps: new Map(testCase.testSteps.map((s) => [s.id, s])) });
    for (const step of testCase.testSteps) {
      for (const id of step.stepDefinitionIds ?? []) {
        const definition = this.definitionById.get(id);
        if (definition) definition.used = true;
      }
    }
  }

  private caseStarted(started: messages.TestCaseStarted): void {
    this.started.set(started.id, { testCaseId: started.testCaseId, results: new Map(), captured: new Map() });
  }

  private progress(event: messages.TestStepStarted): RunProgress | undefined {
    const started = this.started.get(event.testCaseStartedId);
    const testCase = started && this.testCases.get(started.testCaseId);
    const pickle = testCase && this.pickles.get(testCase.pickleId);
    if (!pickle || !testCase) return undefined;
    const testStep = testCase.steps.get(event.testStepId);
    const pickleStep = testStep?.pickleStepId ? this.pickleSteps.get(testStep.pickleStepId) : undefined;
    const ast = pickleStep ? this.gherkin.step(pickleStep.astNodeIds[0]!) : undefined;
    const pickleLine = this.gherkin.pickleLine(pickle);
    return {
      uri: pickle.uri,
      line: ast?.line ?? pickleLine,
      scenario: pickle.name,
      pickleLine,
      ...(pickleStep ? { step: `${ast?.keyword ?? ''} ${pickleStep.text}`.trim() } : this.hookStep(testStep?.hookId)),
    };
  }

  private stepFinished(event: messages.TestStepFinished): void {
    const started = this.started.get(event.testCaseStartedId);
    if (!started) return;
    started.results.set(event.testStepId, event.testStepResult);
    if (event.testStepResult.status === 'FAILED') {
      const thrown = this.takeThrown();
      if (thrown) started.captured.set(event.testStepId, thrown);
    }
  }

  private caseFinished(event: messages.TestCaseFinished): void {
    const started = this.started.get(event.testCaseStartedId);
    const testCase = started && this.testCases.get(started.testCaseId);
    const pickle = testCase && this.pickles.get(testCase.pickleId);
    if (!started || !testCase || !pickle) return;
    const attempt = scenarioResult(pickle, testCase, started, this.lookups);
    const before = this.retried.get(pickle.id) ?? [];
    if (event.willBeRetried) return void this.retried.set(pickle.id, [...before, attempt]);
    if (!this.finished.has(pickle.id)) this.order.push(pickle.id);
    this.retried.delete(pickle.id);
    this.finished.set(pickle.id, before.length ? { ...attempt, attempts: before.length + 1, failedAttempts: before } : attempt);
  }

  private runHookProgress(hookId: string): RunProgress {
    const hook = this.hooks.get(hookId);
    const kind = runHookKind(hook);
    return { uri: hook?.sourceReference.uri ?? '', line: hook?.sourceReference.location?.line ?? 1, scenario: '', step: hook?.name ? `${kind} hook "${hook.name}"` : `${kind} hook` };
  }

  /** A scenario hook as the step under way: its name, and where it is defined. */
  private hookStep(hookId: string | undefined): Pick<RunProgress, 'step' | 'hook'> {
    const hook = hookId ? this.hooks.get(hookId) : undefined;
    const source = hook?.sourceReference;
    return { step: hook?.name ? `hook "${hook.name}"` : 'a hook', ...(source?.uri ? { hook: { uri: source.uri, line: source.location?.line ?? 1 } } : {}) };
  }

  private runHookFinished(event: messages.TestRunHookFinished): void {
    const result = event.result;
    if (result.status !== 'FAILED') return;
    const hook = this.hooks.get(this.runHookStarts.get(event.testRunHookStartedId) ?? '');
    this.result.runErrors.push(runHookError(runHookKind(hook), hook, toError(result, undefined)));
  }

  /** What the runner threw: a failed run hook (cucumber ≤ 11) keeps its own error and place. */
  thrown(error: Error): void {
    const hook = thrownRunHookError(error);
    if (hook && this.result.runErrors.some((e) => e.code === 'SPEC_HOOK')) return void (this.result.success = false);
    this.runError(hook ?? { type: error.name, message: error.message, stack: error.stack });
  }

  private runFinished(event: messages.TestRunFinished): void {
    this.result.success = event.success;
    if (event.exception) this.result.runErrors.push({ type: event.exception.type, message: event.exception.message ?? event.message ?? 'the run failed', stack: event.exception.stackTrace });
    else if (!event.success && event.message) this.pushRunError({ message: event.message });
  }

  /** cucumber's own word for a failed BeforeAll/AfterAll hook is a hook error, said once: cucumber ≥ 10 told it with the hook's error. */
  private pushRunError(error: RunError): void {
    const hook = !error.code && RUN_HOOK_ERRORED.test(error.message);
    if (hook && this.result.runErrors.some((e) => e.code === 'SPEC_HOOK')) return;
    this.result.runErrors.push(hook ? { ...error, code: 'SPEC_HOOK' } : error);
  }
}

/** A file: URL as a path from `cwd` with forward slashes (absolute when outside it, or the URL itself when it names no local file). */
function projectPath(url: string, cwd: string): string {
  let file: string;
  try {
    file = fileURLToPath(url);
  } catch {
    return url;
  }
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}
