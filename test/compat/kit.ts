/**
 * Pure helpers over @cucumber/compatibility-kit samples: read a sample's .ndjson message
 * stream and derive what a real run must report for every pickle step.
 *
 * Nothing here runs Cucumber or specloop; it only reads files of the installed kit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type {
  Envelope,
  GherkinDocument,
  Pickle,
  Scenario,
  Step,
  TestCase,
  TestStepResultStatus,
} from '@cucumber/messages';

const require = createRequire(import.meta.url);

/** Absolute path of the kit's `features/` directory (one sub-directory per sample). */
export const KIT_FEATURES_DIR = path.join(
  path.dirname(require.resolve('@cucumber/compatibility-kit/package.json')),
  'features',
);

export type ExpectedStatus = 'passed' | 'failed' | 'undefined' | 'ambiguous' | 'pending' | 'skipped';

export interface ExpectedStep {
  /** Index of the pickle in the sample (document order across the sample's pickles). */
  pickleIndex: number;
  pickleName: string;
  /** Basename of the feature file the pickle comes from, e.g. `minimal.feature`. */
  file: string;
  /** Keyword of the step as written in the source (e.g. `Given `); for messages only. */
  keyword: string;
  stepText: string;
  /** Source line of the step in the feature file (from pickleStep.astNodeIds[0]). */
  line: number;
  status: ExpectedStatus;
}

export interface ExpectedPickle {
  index: number;
  name: string;
  file: string;
  /** pickle.location.line: the scenario's line, or the example row's line for outline pickles. */
  line: number;
  /** False when the kit's stream holds no test case run for the pickle (e.g. BeforeAll failed). */
  ran: boolean;
  /**
   * The test case's result as cucumber computes it: the worst status of all its steps, hooks
   * included, in the last attempt (order: passed < skipped < pending < undefined < ambiguous <
   * failed); `passed` for a test case with no steps at all. Only meaningful when `ran`.
   */
  status: ExpectedStatus;
  steps: ExpectedStep[];
}

const SEVERITY: readonly ExpectedStatus[] = ['passed', 'skipped', 'pending', 'undefined', 'ambiguous', 'failed'];

/** cucumber's worst-result rule (@cucumber/messages getWorstTestStepResult; none at all counts as passed). */
export function worstStatus(statuses: readonly ExpectedStatus[]): ExpectedStatus {
  let worst: ExpectedStatus = 'passed';
  for (const status of statuses) if (SEVERITY.indexOf(status) > SEVERITY.indexOf(worst)) worst = status;
  return worst;
}

export interface SampleFiles {
  dir: string;
  /** Absolute paths of `.feature` and `.feature.md` files, sorted by name. */
  features: string[];
  /** Absolute paths of other files the sample ships (images, PDFs) that step code may read. */
  assets: string[];
  /** Contents of `<name>.arguments.txt` (extra CLI arguments of the reference run), if any. */
  argumentsTxt: string | null;
}

export function sampleDir(name: string): string {
  return path.join(KIT_FEATURES_DIR, name);
}

export function listSamples(): string[] {
  return fs
    .readdirSync(KIT_FEATURES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

export function sampleFiles(name: string): SampleFiles {
  const dir = sampleDir(name);
  const entries = fs.readdirSync(dir).sort();
  const features: string[] = [];
  const assets: string[] = [];
  let argumentsTxt: string | null = null;
  for (const entry of entries) {
    const full = path.join(dir, entry);
    if (entry.endsWith('.feature') || entry.endsWith('.feature.md')) features.push(full);
    else if (entry.endsWith('.arguments.txt')) argumentsTxt = fs.readFileSync(full, 'utf8').trim();
    else if (entry.endsWith('.ndjson') || entry.endsWith('.ts')) continue;
    else assets.push(full);
  }
  return { dir, features, assets, argumentsTxt };
}

export function parseNdjson(text: string): Envelope[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      try {
        return JSON.parse(line) as Envelope;
      } catch (error) {
        throw new Error(`ndjson line ${i + 1} is not JSON: ${(error as Error).message}`);
      }
    });
}

export function readEnvelopes(name: string): Envelope[] {
  return parseNdjson(fs.readFileSync(path.join(sampleDir(name), `${name}.ndjson`), 'utf8'));
}

function toStatus(status: TestStepResultStatus | string): ExpectedStatus {
  const lower = String(status).toLowerCase();
  switch (lower) {
    case 'passed':
    case 'failed':
    case 'undefined':
    case 'ambiguous':
    case 'pending':
    case 'skipped':
      return lower;
    default:
      throw new Error(`kit records a status specloop cannot express: ${String(status)}`);
  }
}

/** Every step of a gherkin document by AST node id (feature and rule backgrounds, scenarios). */
function indexSteps(doc: GherkinDocument): Map<string, Step> {
  const steps = new Map<string, Step>();
  const addSteps = (list: readonly Step[]) => {
    for (const step of list) steps.set(step.id, step);
  };
  const addScenario = (scenario: Scenario) => addSteps(scenario.steps);
  for (const child of doc.feature?.children ?? []) {
    if (child.background) addSteps(child.background.steps);
    if (child.scenario) addScenario(child.scenario);
    if (child.rule) {
      for (const ruleChild of child.rule.children) {
        if (ruleChild.background) addSteps(ruleChild.background.steps);
        if (ruleChild.scenario) addScenario(ruleChild.scenario);
      }
    }
  }
  return steps;
}

function basename(uri: string): string {
  return uri.split('/').pop() ?? uri;
}

/**
 * The expected result of every pickle, in the order the kit's stream emits pickles
 * (document order within each file; files in the order of the reference run).
 * Step status comes from the last attempt of the pickle's test case; hook steps are ignored.
 */
export function expectedPickles(envelopes: readonly Envelope[]): ExpectedPickle[] {
  const stepsByUri = new Map<string, Map<string, Step>>();
  const pickles: Pickle[] = [];
  const testCases = new Map<string, TestCase>();
  const testCaseOfStarted = new Map<string, string>();
  /** testCaseId -> pickleStepId -> status of the latest attempt */
  const results = new Map<string, Map<string, ExpectedStatus>>();
  /** testCaseId -> statuses of every step and hook of the latest attempt */
  const allResults = new Map<string, ExpectedStatus[]>();

  for (const envelope of envelopes) {
    if (envelope.gherkinDocument?.uri) {
      stepsByUri.set(envelope.gherkinDocument.uri, indexSteps(envelope.gherkinDocument));
    }
    if (envelope.pickle) pickles.push(envelope.pickle);
    if (envelope.testCase) testCases.set(envelope.testCase.id, envelope.testCase);
    if (envelope.testCaseStarted) {
      const started = envelope.testCaseStarted;
      testCaseOfStarted.set(started.id, started.testCaseId);
      // A new attempt replaces what an earlier attempt recorded.
      results.set(started.testCaseId, new Map());
      allResults.set(started.testCaseId, []);
    }
    if (envelope.testStepFinished) {
      const finished = envelope.testStepFinished;
      const testCaseId = testCaseOfStarted.get(finished.testCaseStartedId);
      if (testCaseId === undefined) throw new Error(`testStepFinished for unknown test case start ${finished.testCaseStartedId}`);
      const testCase = testCases.get(testCaseId);
      const testStep = testCase?.testSteps.find((s) => s.id === finished.testStepId);
      if (!testStep) throw new Error(`testStepFinished for unknown test step ${finished.testStepId}`);
      const status = toStatus(finished.testStepResult.status);
      allResults.get(testCaseId)?.push(status);
      if (testStep.pickleStepId === undefined) continue; // a hook
      results.get(testCaseId)?.set(testStep.pickleStepId, status);
    }
  }

  const testCaseOfPickle = new Map<string, string>();
  for (const testCase of testCases.values()) testCaseOfPickle.set(testCase.pickleId, testCase.id);

  return pickles.map((pickle, index): ExpectedPickle => {
    const astSteps = stepsByUri.get(pickle.uri);
    if (!astSteps) throw new Error(`pickle ${pickle.id} refers to unknown document ${pickle.uri}`);
    const testCaseId = testCaseOfPickle.get(pickle.id);
    const stepResults = testCaseId === undefined ? undefined : results.get(testCaseId);
    const ran = stepResults !== undefined;
    const file = basename(pickle.uri);
    const steps = pickle.steps.map((pickleStep): ExpectedStep => {
      const astId = pickleStep.astNodeIds[0];
      const astStep = astId === undefined ? undefined : astSteps.get(astId);
      if (!astStep) throw new Error(`pickle step ${pickleStep.id} has no source step in ${pickle.uri}`);
      const status = stepResults?.get(pickleStep.id);
      if (ran && status === undefined) {
        throw new Error(`pickle step "${pickleStep.text}" of "${pickle.name}" has no recorded result`);
      }
      return {
        pickleIndex: index,
        pickleName: pickle.name,
        file,
        keyword: astStep.keyword,
        stepText: pickleStep.text,
        line: astStep.location.line,
        // Only read when `ran`; a pickle that never ran has no statuses to compare.
        status: status ?? 'skipped',
      };
    });
    const status = worstStatus(testCaseId === undefined ? [] : (allResults.get(testCaseId) ?? []));
    return { index, name: pickle.name, file, line: pickle.location?.line ?? 0, ran, status, steps };
  });
}

/** The flat per-step list, grouped by pickle in pickle order. */
export function expectedSteps(envelopes: readonly Envelope[]): ExpectedStep[] {
  return expectedPickles(envelopes).flatMap((p) => p.steps);
}

/** Source of every step definition no test step was matched to (e.g. `a step that is not used`). */
export function expectedUnusedPatterns(envelopes: readonly Envelope[]): string[] {
  const used = new Set<string>();
  const definitions: { id: string; source: string }[] = [];
  for (const envelope of envelopes) {
    if (envelope.stepDefinition) {
      definitions.push({ id: envelope.stepDefinition.id, source: envelope.stepDefinition.pattern.source });
    }
    if (envelope.testCase) {
      for (const step of envelope.testCase.testSteps) {
        for (const id of step.stepDefinitionIds ?? []) used.add(id);
      }
    }
  }
  return definitions.filter((d) => !used.has(d.id)).map((d) => d.source);
}

/** Expressions the kit reports as using an undefined parameter type (no definition is registered). */
export function expectedUndefinedParameterTypes(envelopes: readonly Envelope[]): { name: string; expression: string }[] {
  return envelopes.flatMap((e) => (e.undefinedParameterType ? [e.undefinedParameterType] : []));
}

/** Per-status counts of a list of expected steps, shaped like the verdict's counts. */
export function countStatuses(steps: readonly ExpectedStep[]): Record<ExpectedStatus | 'total', number> {
  const counts = { total: 0, passed: 0, failed: 0, undefined: 0, ambiguous: 0, pending: 0, skipped: 0 };
  for (const step of steps) {
    counts.total += 1;
    counts[step.status] += 1;
  }
  return counts;
}

/**
 * The reference run's extra CLI arguments (`<name>.arguments.txt`) as specloop config.
 * Only `--retry N` has a specloop equivalent; anything else is returned in `unsupported`.
 */
export function runOptions(argumentsTxt: string | null): { retry?: number; unsupported: string[] } {
  const args = (argumentsTxt ?? '').split(/\s+/).filter(Boolean);
  const result: { retry?: number; unsupported: string[] } = { unsupported: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = args[i + 1];
    if (arg === '--retry' && value !== undefined && /^\d+$/.test(value)) {
      result.retry = Number(value);
      i += 1;
    } else {
      result.unsupported.push(arg);
    }
  }
  return result;
}
