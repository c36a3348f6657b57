import type * as messages from '@cucumber/messages';
import type { StepStatus } from '../core/results.js';
import { worstStatus, type RuleHeading, type RunDefinition, type RunError, type RunHookFailure, type RunProgress, type RunResult, type RunScenario, type RunStep } from '../core/run-result.js';

interface AstStep { keyword: string; line: number; column: number }
interface PendingCase { pickleId: string; steps: Map<string, messages.TestStep> }
interface StartedCase { testCaseId: string; results: Map<string, messages.TestStepResult> ; captured: Map<string, RunError> }

/**
 * Reduces cucumber's message stream, envelope by envelope, into a RunResult.
 * Pure apart from the optional hook that supplies the thrown error (for expected/actual).
 */
export class RunCollector {
  private readonly features = new Map<string, string>();
  private readonly astSteps = new Map<string, AstStep>();
  private readonly astLines = new Map<string, number>();
  /** Scenario AST id → its keyword and Rule, for failure headers in the spec's own words. */
  private readonly headings = new Map<string, { keyword: string; rule?: RuleHeading; language: string }>();
  private readonly pickles = new Map<string, messages.Pickle>();
  private readonly pickleSteps = new Map<string, messages.PickleStep>();
  private readonly definitionById = new Map<string, RunDefinition>();
  private readonly testCases = new Map<string, PendingCase>();
  private readonly started = new Map<string, StartedCase>();
  private readonly finished = new Map<string, RunScenario>();
  private readonly order: string[] = [];
  /** Coverage of attempts that will be retried, by pickle. */
  private readonly attempts = new Map<string, string[]>();
  private readonly hooks = new Map<string, messages.Hook>();
  /** cucumber's own snippet for an undefined step (its snippetSyntax), by pickle step. */
  private readonly suggestions = new Map<string, string>();
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

  constructor(private readonly takeThrown: () => RunError | undefined = () => undefined) {}

  onEnvelope(envelope: messages.Envelope): RunProgress | undefined {
    if (envelope.testStepStarted) return this.progress(envelope.testStepStarted);
    if (envelope.testRunHookStarted) return this.runHookProgress(envelope.testRunHookStarted.hookId);
    if (envelope.testStepFinished) this.stepFinished(envelope.testStepFinished);
    else if (envelope.testCaseStarted) this.caseStarted(envelope.testCaseStarted);
    else if (envelope.testCaseFinished) this.caseFinished(envelope.testCaseFinished);
    else if (envelope.testCase) this.testCase(envelope.testCase);
    else if (envelope.pickle) this.pickle(envelope.pickle);
    else if (envelope.gherkinDocument) this.document(envelope.gherkinDocument);
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
    if (!duplicate) this.result.runErrors.push(error);
    this.result.success = false;
  }

  /**
   * Credits a finished scenario with the files its code ran in (called right after its
   * testCaseFinished); a retried scenario gets what every attempt ran.
   */
  cover(event: messages.TestCaseFinished, files: string[]): void {
    const started = this.started.get(event.testCaseStartedId);
    const pickleId = started && this.testCases.get(started.testCaseId)?.pickleId;
    if (!pickleId) return;
    const all = [...new Set([...(this.attempts.get(pickleId) ?? []), ...files])].sort();
    if (event.willBeRetried) return void this.attempts.set(pickleId, all);
    this.attempts.delete(pickleId);
    const scenario = this.finished.get(pickleId);
    if (scenario) scenario.covered = all;
  }

  finish(): RunResult {
    this.result.scenarios = this.order.map((id) => this.finished.get(id)).filter((s): s is RunScenario => s !== undefined);
    return this.result;
  }

  private parseError(error: messages.ParseError): void {
    const { uri = '', location } = error.source;
    (this.result.parseErrors ??= []).push({ uri, message: error.message, ...(location ? { line: location.line, column: location.column } : {}) });
  }

  private document(doc: messages.GherkinDocument): void {
    if (!doc.uri || !doc.feature) return;
    this.features.set(doc.uri, doc.feature.name);
    const visitSteps = (steps: readonly messages.Step[]) => {
      for (const step of steps) this.astSteps.set(step.id, { keyword: step.keyword.trim(), line: step.location.line, column: step.location.column ?? 1 });
    };
    const visitScenario = (scenario: messages.Scenario, rule?: messages.Rule) => {
      this.astLines.set(scenario.id, scenario.location.line);
      this.headings.set(scenario.id, { keyword: scenario.keyword.trim(), language: doc.feature?.language ?? 'en', ...(rule ? { rule: { keyword: rule.keyword.trim(), name: rule.name } } : {}) });
      visitSteps(scenario.steps);
      for (const examples of scenario.examples) for (const row of examples.tableBody) this.astLines.set(row.id, row.location.line);
    };
    for (const child of doc.feature.children) {
      if (child.background) visitSteps(child.background.steps);
      if (child.scenario) visitScenario(child.scenario);
      for (const ruleChild of child.rule?.children ?? []) {
        if (ruleChild.background) visitSteps(ruleChild.background.steps);
        if (ruleChild.scenario) visitScenario(ruleChild.scenario, child.rule);
      }
    }
  }

  private hook(hook: messages.Hook): void {
    this.hooks.set(hook.id, hook);
    this.globalSupport(hook.sourceReference.uri);
  }

  private parameterType(type: messages.ParameterType): void {
    this.result.parameterTypes.push({ name: type.name, regexps: [...type.regularExpressions] });
    this.globalSupport(type.sourceReference?.uri);
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
      uri: def.sourceReference.uri ?? '',
      line: def.sourceReference.location?.line ?? 1,
      used: false,
    };
    this.result.definitions.push(definition);
    this.definitionById.set(def.id, definition);
  }

  private testCase(testCase: messages.TestCase): void {
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
    const ast = pickleStep ? this.astSteps.get(pickleStep.astNodeIds[0]!) : undefined;
    const pickleLine = this.pickleLine(pickle);
    return {
      uri: pickle.uri,
      line: ast?.line ?? pickleLine,
      scenario: pickle.name,
      pickleLine,
      step: pickleStep ? `${ast?.keyword ?? ''} ${pickleStep.text}`.trim() : this.hookName(testStep?.hookId),
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
    if (!started || event.willBeRetried) return;
    const testCase = this.testCases.get(started.testCaseId);
    const pickle = testCase && this.pickles.get(testCase.pickleId);
    if (!testCase || !pickle) return;
    if (!this.finished.has(pickle.id)) this.order.push(pickle.id);
    this.finished.set(pickle.id, this.scenario(pickle, testCase, started));
  }

  private scenario(pickle: messages.Pickle, testCase: PendingCase, started: StartedCase): RunScenario {
    const steps: RunStep[] = [];
    const hookFailures: RunHookFailure[] = [];
    // Hooks count towards the scenario's status (a hook that skips skips the scenario) even when not reported.
    const hookStatuses: StepStatus[] = [];
    let durationMs = 0;
    for (const testStep of testCase.steps.values()) {
      const result = started.results.get(testStep.id);
      const status = toStatus(result?.status);
      durationMs += result ? toMs(result.duration) : 0;
      const error = result ? toError(result, started.captured.get(testStep.id)) : undefined;
      if (testStep.pickleStepId) {
        const pickleStep = this.pickleSteps.get(testStep.pickleStepId)!;
        const ast = this.astSteps.get(pickleStep.astNodeIds[0]!);
        steps.push({
          keyword: ast?.keyword ?? '',
          text: pickleStep.text,
          line: ast?.line ?? 1,
          column: ast?.column ?? 1,
          status,
          durationMs: result ? toMs(result.duration) : 0,
          definitionIds: [...(testStep.stepDefinitionIds ?? [])],
          ...(pickleStep.type && pickleStep.type !== 'Unknown' ? { type: pickleStep.type } : {}),
          ...(pickleStep.argument?.dataTable ? { argument: 'dataTable' as const } : pickleStep.argument?.docString ? { argument: 'docString' as const } : {}),
          ...(error ? { error } : {}),
          ...(this.suggestions.has(pickleStep.id) ? { suggestion: this.suggestions.get(pickleStep.id)! } : {}),
        });
      } else {
        hookStatuses.push(status);
        if (status === 'passed' || status === 'skipped' || status === 'unknown') continue;
        const hook = testStep.hookId ? this.hooks.get(testStep.hookId) : undefined;
        hookFailures.push({
          name: hook?.name,
          uri: hook?.sourceReference.uri,
          line: hook?.sourceReference.location?.line,
          status,
          ...(error ? { error } : {}),
        });
      }
    }
    return {
      uri: pickle.uri,
      line: this.pickleLine(pickle),
      ...(pickle.astNodeIds.length > 1 ? { example: true } : {}),
      name: pickle.name,
      feature: this.features.get(pickle.uri) ?? '',
      ...this.headings.get(pickle.astNodeIds[0]!),
      tags: pickle.tags.map((t) => t.name),
      status: worstStatus([...steps.map((s) => s.status), ...hookStatuses]),
      durationMs,
      steps,
      hookFailures,
    };
  }

  private pickleLine(pickle: messages.Pickle): number {
    const ids = pickle.astNodeIds;
    return this.astLines.get(ids[ids.length - 1]!) ?? this.astLines.get(ids[0]!) ?? pickle.location?.line ?? 1;
  }

  private runHookProgress(hookId: string): RunProgress {
    const hook = this.hooks.get(hookId);
    const kind = hook?.type === 'AFTER_TEST_RUN' ? 'AfterAll' : 'BeforeAll';
    return { uri: hook?.sourceReference.uri ?? '', line: hook?.sourceReference.location?.line ?? 1, scenario: '', step: hook?.name ? `${kind} hook "${hook.name}"` : `${kind} hook` };
  }

  private hookName(hookId: string | undefined): string {
    const hook = hookId ? this.hooks.get(hookId) : undefined;
    return hook?.name ? `hook "${hook.name}"` : 'a hook';
  }

  private runHookFinished(event: messages.TestRunHookFinished): void {
    const result = event.result;
    if (result.status !== 'FAILED') return;
    this.result.runErrors.push(toError(result, undefined) ?? { message: 'a BeforeAll/AfterAll hook failed' });
  }

  private runFinished(event: messages.TestRunFinished): void {
    this.result.success = event.success;
    if (event.exception) this.result.runErrors.push({ type: event.exception.type, message: event.exception.message ?? event.message ?? 'the run failed', stack: event.exception.stackTrace });
    else if (!event.success && event.message) this.result.runErrors.push({ message: event.message });
  }
}

function toStatus(status: messages.TestStepResultStatus | undefined): StepStatus {
  return (status ?? 'UNKNOWN').toLowerCase() as StepStatus;
}

function toMs(duration: messages.Duration): number {
  return duration.seconds * 1000 + duration.nanos / 1e6;
}

function toError(result: messages.TestStepResult, captured: RunError | undefined): RunError | undefined {
  if (result.status !== 'FAILED' && result.status !== 'PENDING') return undefined;
  const exception = result.exception;
  const message = exception?.message ?? result.message ?? '';
  if (!message && result.status === 'PENDING') return undefined;
  return {
    type: exception?.type,
    message: firstBlock(message),
    stack: exception?.stackTrace ?? result.message,
    ...(captured?.generatedMessage ? { generatedMessage: true } : {}),
    ...(captured?.expected !== undefined ? { expected: captured.expected } : {}),
    ...(captured?.actual !== undefined ? { actual: captured.actual } : {}),
  };
}

/** Cucumber puts the whole stack into `message` when it has no exception; keep the message part. */
function firstBlock(message: string): string {
  const at = message.search(/\n\s+at /);
  return (at >= 0 ? message.slice(0, at) : message).trim();
}
