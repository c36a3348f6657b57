import path from 'node:path';
import type { FailPoint } from './can-fail.js';

/*
 * The fast half of vacuous checks, apart from vacuous.ts so using it does not load ts-morph: the
 * run's definitions matched to the analysed step calls and judged by how its scenarios use them.
 */

export interface StepDefinitionRef {
  /** cucumber's id, to match the scenarios' steps (RunDefinition.id). */
  id?: string;
  /** Relative to the project root, as cucumber reports it. */
  uri: string;
  line: number;
  pattern: string;
}

export interface ScenarioRef {
  uri: string;
  line: number;
  name: string;
  steps: readonly { type?: 'Context' | 'Action' | 'Outcome' | 'Unknown'; definitionIds?: readonly string[] }[];
}

export interface VacuousInput {
  root: string;
  definitions: StepDefinitionRef[];
  scenarios: ScenarioRef[];
  /**
   * The project's support files (relative or absolute): a World's methods are looked up there when a
   * step calls `this.method()` on an untyped `this`. Step files are read anyway.
   */
  supportFiles?: string[];
  /** How many project functions deep calls are followed (default 6). */
  maxDepth?: number;
}

export interface VacuousStep extends StepDefinitionRef {
  /** The keyword the definition is written with (`Then`, `defineStep`, `Given`…). */
  keyword: string;
}

export interface CheckedStep extends VacuousStep {
  /** How it can fail; absent when nothing can (a vacuous check). */
  failsBy?: FailPoint;
  /**
   * Set when it can fail only inside helpers it takes a value from (`const run = this.lastRun()`
   * throwing "no command has run"): a precondition, likely not a check of the outcome.
   */
  guardOnly?: true;
}

export interface VacuousReport {
  /** Every `Then` definition examined, with the way it can fail when one was found. */
  checked: CheckedStep[];
  vacuousSteps: VacuousStep[];
  /** `Then` steps that can fail, but only through helpers they take a value from (see CheckedStep). */
  guardOnlySteps: (VacuousStep & { failsBy: FailPoint })[];
  scenariosWithoutThen: { uri: string; line: number; name: string }[];
  /** Definitions whose code was not found at their file and line (so maybe a `Then`): not judged. */
  unresolved: (StepDefinitionRef & { why: string })[];
  /** Every file the analysis read (absolute): a cache of this report is valid while none of them changed. */
  read: string[];
}

/** One step-definition call of the step files, judged before knowing how scenarios use it. */
export interface StepCall {
  /** Relative to the root, forward slashes (as cucumber reports a definition's uri). */
  uri: string;
  /** The call's first line, and its pattern's: cucumber reports one of the two. */
  line: number;
  patternLine: number;
  keyword: string;
  failsBy?: FailPoint;
  guardOnly?: true;
  /** Set when the call's function is not written in the project: not judged. */
  unresolved?: string;
}

/** Every step call of the step files and how it can fail, whatever the run. */
export interface StepAnalysis {
  calls: StepCall[];
  /** Every file the analysis read (absolute). */
  read: string[];
}

/** The fast half: the run's definitions matched to the analysed calls, judged by how its scenarios use them. */
export function judgeVacuous(analysis: StepAnalysis, definitions: StepDefinitionRef[], scenarios: ScenarioRef[]): VacuousReport {
  const { uses, withoutThen } = stepUses(scenarios);
  const report: VacuousReport = { checked: [], vacuousSteps: [], guardOnlySteps: [], scenariosWithoutThen: withoutThen, unresolved: [], read: analysis.read };
  const byFile = new Map<string, StepCall[]>();
  for (const call of analysis.calls) {
    const calls = byFile.get(call.uri);
    if (calls) calls.push(call);
    else byFile.set(call.uri, [call]);
  }
  for (const def of definitions) {
    const candidates = byFile.get(def.uri.split(path.sep).join('/')) ?? [];
    const call = candidates.find((c) => c.line === def.line) ?? candidates.find((c) => c.line <= def.line && def.line <= c.patternLine);
    if (!call) {
      report.unresolved.push({ ...def, why: 'no step definition call at this line' });
      continue;
    }
    if (!isOutcome(call.keyword, def.id === undefined ? undefined : uses.get(def.id))) continue;
    if (call.unresolved) {
      report.unresolved.push({ ...def, why: call.unresolved });
      continue;
    }
    const step: VacuousStep = { ...def, keyword: call.keyword };
    report.checked.push(call.failsBy ? { ...step, failsBy: call.failsBy, ...(call.guardOnly ? { guardOnly: true as const } : {}) } : step);
    if (!call.failsBy) report.vacuousSteps.push(step);
    else if (call.guardOnly) report.guardOnlySteps.push({ ...step, failsBy: call.failsBy });
  }
  return report;
}

/**
 * For each definition id, the step types of the scenario steps that ran it; and the scenarios with
 * no Then step. One pass over every step: a pass over 8,000 steps costs ≈ 5 ms in verify's tail,
 * where this code runs once and cold (bench/RESULTS.md, session 12 P1).
 */
function stepUses(scenarios: ScenarioRef[]): { uses: Map<string, Set<string>>; withoutThen: VacuousReport['scenariosWithoutThen'] } {
  const uses = new Map<string, Set<string>>();
  const withoutThen: VacuousReport['scenariosWithoutThen'] = [];
  for (const scenario of scenarios) {
    let outcome = false;
    for (const step of scenario.steps) {
      if (step.type === 'Outcome') outcome = true;
      for (const id of step.definitionIds ?? []) uses.set(id, (uses.get(id) ?? new Set()).add(step.type ?? 'Unknown'));
    }
    if (!outcome) withoutThen.push({ uri: scenario.uri, line: scenario.line, name: scenario.name });
  }
  return { uses, withoutThen };
}

function isOutcome(keyword: string, used: Set<string> | undefined): boolean {
  if (keyword === 'Then') return true;
  if (!used?.has('Outcome')) return false;
  return keyword === 'Given' || keyword === 'When' ? used.size === 1 : true;
}

