import type { Verdict } from '../report/verdict.js';

/** The whole suite as watch last saw it, carried in `verdict.watch.suite`. */
export interface SuiteSummary {
  /** Scenarios whose last run failed, plus problems outside any scenario (a spec that does not parse, steps that do not load). */
  failing: number;
  /** Of `failing`: the problems outside any scenario. */
  errors: number;
  passed: number;
  skipped: number;
  /** Scenarios the scenario map knows that no run of this session has run yet. */
  notRunYet: number;
}

export interface RunScope {
  all: boolean;
  /** Whole spec files or file:line entries the run covered. */
  paths: string[];
  /** Spec files that no longer exist. */
  deleted: string[];
}

const isFailing = (status: string) => status !== 'passed' && status !== 'skipped';

/**
 * The last known status of every scenario, merged run by run. It must never read better than the
 * truth: a scenario that failed stays failing until a run shows otherwise, and a problem outside
 * any scenario (a parse or load error) stays until a run that covers its file comes back without it.
 */
export class SuiteState {
  private readonly statuses = new Map<string, string>();
  /** Problems outside any scenario, by the spec file they are in ('' for the whole run: load and config errors). */
  private readonly problems = new Map<string, number>();
  private runs = 0;

  status(id: string): string | undefined {
    return this.statuses.get(id);
  }

  /** Ids whose last status is failing. */
  failing(): string[] {
    return [...this.statuses].filter(([, status]) => isFailing(status)).map(([id]) => id);
  }

  /** Spec files with a problem outside any scenario; `undefined` when a run-level problem means every file. */
  problemFiles(): string[] | undefined {
    if (this.problems.has('')) return undefined;
    return [...this.problems.keys()];
  }

  record(verdict: Verdict, scope: RunScope): { newlyFailing: string[]; fixed: string[] } {
    const fresh = this.problemsOf(verdict);
    this.forgetGone(verdict, scope, fresh);
    const newlyFailing: string[] = [];
    const fixed: string[] = [];
    for (const scenario of verdict.scenarios) {
      if (scenario.draft) continue;
      const before = this.statuses.get(scenario.id);
      // New: failing now and not before (a scenario just written counts); the first run has no before.
      if (isFailing(scenario.status) && this.runs > 0 && (before === undefined || !isFailing(before))) newlyFailing.push(scenario.id);
      if (!isFailing(scenario.status) && before !== undefined && isFailing(before)) fixed.push(scenario.id);
      this.statuses.set(scenario.id, scenario.status);
    }
    for (const [file, count] of fresh) this.problems.set(file, count);
    this.runs++;
    return { newlyFailing, fixed };
  }

  /** Spec files deleted: their scenarios and problems are no longer the suite's. */
  forget(files: string[]): void {
    for (const id of [...this.statuses.keys()]) if (files.includes(id.replace(/:\d+$/, ''))) this.statuses.delete(id);
    for (const file of files) this.problems.delete(file);
  }

  /** `known`: every scenario id the scenario map knows, run or not. */
  summary(known: readonly string[]): SuiteSummary {
    // A spec that no longer parses has no passing scenario, whatever they did before.
    const values = [...this.statuses].filter(([id]) => !this.problems.has(id.replace(/:\d+$/, ''))).map(([, status]) => status);
    const errors = [...this.problems.values()].reduce((a, b) => a + b, 0);
    return {
      failing: values.filter(isFailing).length + errors,
      errors,
      passed: values.filter((s) => s === 'passed').length,
      skipped: values.filter((s) => s === 'skipped').length,
      notRunYet: new Set(known.filter((id) => !this.statuses.has(id))).size,
    };
  }

  private problemsOf(verdict: Verdict): Map<string, number> {
    const ids = new Set(verdict.scenarios.map((s) => s.id));
    const found = new Map<string, number>();
    for (const f of verdict.failures) {
      if (f.draft || f.kind === 'gate-error' || (f.scenarioId && ids.has(f.scenarioId))) continue;
      // Only a spec that does not parse is a problem of its own file; a step file that does not
      // load, a hook or a config error is the whole run's, wherever the error points.
      const file = f.kind === 'parse-error' ? (f.location?.file ?? '') : '';
      found.set(file, (found.get(file) ?? 0) + 1);
    }
    return found;
  }

  /**
   * What a run covered and came back without is gone: scenarios deleted from a spec it ran whole,
   * problems fixed in a file it ran. A run-level problem ('') clears only once a run loads cleanly.
   */
  private forgetGone(verdict: Verdict, scope: RunScope, fresh: Map<string, number>): void {
    const ran = new Set(verdict.scenarios.map((s) => s.id));
    const wholeFiles = new Set([...scope.paths.filter((p) => !/:\d+$/.test(p)), ...scope.deleted]);
    const covered = (file: string) => scope.all || wholeFiles.has(file);
    for (const file of [...this.problems.keys()]) if (file === '' || covered(file)) this.problems.delete(file);
    if (fresh.has('')) return;
    for (const id of [...this.statuses.keys()]) {
      const file = id.replace(/:\d+$/, '');
      if (!ran.has(id) && covered(file) && !fresh.has(file)) this.statuses.delete(id);
    }
  }
}
