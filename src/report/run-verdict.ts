import type { SpecProblem } from '../core/errors.js';
import type { UnusedScope } from '../bind/unused-scope.js';
import type { Selection } from '../impact/select.js';
import { buildVerdict, loadVerdictTools, type VerdictInput } from './build-verdict.js';
import { makeExcerpter } from './source-excerpt.js';
import type { Verdict } from './verdict.js';

/** What one run produced, stage by stage, for its verdict (the verdict's own fields pass through). Absent parts: the run stopped before them. */
export interface RunFacts extends Required<Pick<VerdictInput, 'root' | 'version' | 'startedAt' | 'durationMs' | 'problems' | 'outcome' | 'gates' | 'sourceOf' | 'stepGlobs'>>, Pick<VerdictInput, 'debt' | 'failOnFlaky'> {
  /** How unused definitions are judged (undefined: the run never got that far). */
  unused: UnusedScope | undefined;
  strict: boolean | undefined;
  snippets: { snippetInterface?: string; snippetSyntax?: string } | undefined;
  warnings: SpecProblem[];
  drafts: Set<string> | undefined;
  /** --changed's selection: the verdict says what the changes selected, and why. */
  selection: Selection | undefined;
}

/** The verdict of one run. */
export async function runVerdict(facts: RunFacts): Promise<Verdict> {
  const { unused, strict, snippets, warnings, drafts, selection: _selection, ...passed } = facts;
  const verdict = buildVerdict({
    ...passed,
    filtered: (unused?.scope ?? 'none') === 'none',
    ...(unused && unused.scope !== 'run' ? { unusedNote: unused.because } : {}),
    strict: strict ?? true,
    excerpt: makeExcerpter(facts.root),
    tools: await loadVerdictTools(facts.outcome, snippets ?? {}),
    warnings,
    isDraft: (file) => drafts?.has(file) ?? false,
    debt: facts.debt ?? null,
  });
  const changes = facts.selection;
  return changes ? { ...verdict, watch: { trigger: changes.triggers, all: changes.all, selected: changes.reasons, delta: { newlyFailing: [], fixed: [] } } } : verdict;
}
