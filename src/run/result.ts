import type { StepStatus } from '../report/verdict.js';

/** What the runner child sends back: the message stream reduced to what a verdict needs. */
export interface RunError {
  type?: string;
  message: string;
  stack?: string;
  expected?: string;
  actual?: string;
}

export interface RunStep {
  keyword: string;
  text: string;
  line: number;
  column: number;
  status: StepStatus;
  durationMs: number;
  definitionIds: string[];
  /** Given/When/Then meaning, whatever the dialect's keyword (absent for And/But at the start). */
  type?: 'Context' | 'Action' | 'Outcome';
  /** The step's argument, so an undefined step's snippet can take it. */
  argument?: 'dataTable' | 'docString';
  error?: RunError;
}

export interface RunHookFailure {
  name?: string;
  uri?: string;
  line?: number;
  status: StepStatus;
  error?: RunError;
}

export interface RunScenario {
  uri: string;
  /** The pickle's own line: the scenario, or the example row of an outline. */
  line: number;
  name: string;
  feature: string;
  tags: string[];
  status: StepStatus;
  durationMs: number;
  steps: RunStep[];
  hookFailures: RunHookFailure[];
}

export interface RunDefinition {
  id: string;
  pattern: string;
  patternType: 'cucumber' | 'regexp';
  uri: string;
  line: number;
  used: boolean;
}

export interface RunParameterType {
  name: string;
  regexps: string[];
}

export interface RunResult {
  cucumberVersion: string | undefined;
  scenarios: RunScenario[];
  definitions: RunDefinition[];
  parameterTypes: RunParameterType[];
  undefinedParameterTypes: { name: string; expression: string }[];
  runErrors: RunError[];
  success: boolean;
}

/** Progress the child reports before each step, so a hung step can be named and cut. */
export interface RunProgress {
  uri: string;
  /** The step's line (or the hook's). */
  line: number;
  scenario: string;
  /** The scenario's own line (its example row for an outline); absent for BeforeAll/AfterAll hooks. */
  pickleLine?: number;
  step: string;
}

const SEVERITY: StepStatus[] = ['unknown', 'passed', 'skipped', 'pending', 'undefined', 'ambiguous', 'failed'];

/** Cucumber's own rule: a test case is as bad as its worst step or hook. */
export function worstStatus(statuses: StepStatus[]): StepStatus {
  let worst: StepStatus = 'passed';
  for (const status of statuses) if (SEVERITY.indexOf(status) > SEVERITY.indexOf(worst)) worst = status;
  return worst;
}
