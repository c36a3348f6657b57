import type { SpecProblem } from '../core/errors.js';
import type { GateResult } from '../core/results.js';
import type { UnusedScope } from '../bind/unused-scope.js';
import type { RunOutcome } from '../run/runner.js';
import type { Selection } from '../impact/select.js';
import { buildVerdict, loadVerdictTools } from './build-verdict.js';
import { makeExcerpter } from './source-excerpt.js';
import type { Verdict } from './verdict.js';
import type { DebtSummary } from '../debt/model.js';

/** What one run produced, stage by stage, for its verdict. Absent parts: the run stopped before them. */
export interface RunFacts {
  root: string;
  version: string;
  startedAt: Date;
  durationMs: number;
  problems: SpecProblem[];
  outcome: RunOutcome | undefined;
  gates: GateResult[];
  /** How unused definitions are judged (undefined: the run never got that far). */
  unused: UnusedScope | undefined;
  strict: boolean | undefined;
  sourceOf: (uri: string) => string;
  snippets: { snippetInterface?: string; snippetSyntax?: string } | undefined;
  warnings: SpecProblem[];
  drafts: Set<string> | undefined;
  stepGlobs: string[];
  /** --changed's selection: the verdict says what the changes selected, and why. */
  selection: Selection | undefined;
  debt?: DebtSummary | null;
}

/** The verdict of one run. */
export async function runVerdict(facts: RunFacts): Promise<Verdict> {
  const verdict = buildVerdict({
    root: facts.root,
    version: facts.version,
    startedAt: facts.startedAt,
    durationMs: facts.durationMs,
    problems: facts.problems,
    outcome: facts.outcome,
    gates: facts.gates,
    filtered: (facts.unused?.scope ?? 'none') === 'none',
    ...(facts.unused && facts.unused.scope !== 'run' ? { unusedNote: facts.unused.because } : {}),
    strict: facts.strict ?? true,
    sourceOf: facts.sourceOf,
    excerpt: makeExcerpter(facts.root),
    tools: await loadVerdictTools(facts.outcome, facts.snippets ?? {}),
    warnings: facts.warnings,
    isDraft: (file) => facts.drafts?.has(file) ?? false,
    stepGlobs: facts.stepGlobs,
    debt: facts.debt ?? null,
  });
  const changes = facts.selection;
  return changes ? { ...verdict, watch: { trigger: changes.triggers, all: changes.all, selected: changes.reasons, delta: { newlyFailing: [], fixed: [] } } } : verdict;
}
