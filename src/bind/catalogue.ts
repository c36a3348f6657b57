import type { RunDefinition, RunResult, RunScenario, RunStep } from '../core/run-result.js';
import { STEPS_CATALOGUE_VERSION, type CatalogueDefinition, type StepsCatalogue } from './catalogue-schema.js';
import { snippetKeywords } from './keywords.js';
import type { SnippetFn } from './snippet.js';

export interface CatalogueInputs {
  /** A bound run's result (cucumber's dry run: every step matched, none executed). */
  result: RunResult;
  /** The spec a compiled file stands for (a Markdown spec's source), project-relative. */
  sourceOf: (uri: string) => string;
  snippet: SnippetFn;
  /** cucumber's own snippet (the profile's snippetSyntax) wins where the run has one. */
  cucumberSnippets?: boolean;
}

type Use = CatalogueDefinition['uses'][number];

/**
 * The steps catalogue of a bound run: every definition with the steps that use it, the unused ones
 * (by the run's `used` flag, which the suite-wide unused judgement may have widened), and every
 * undefined or ambiguous step once per spec line and text. Pure: the run supplies every fact.
 */
export function buildCatalogue({ result, sourceOf, snippet, cucumberSnippets }: CatalogueInputs): StepsCatalogue {
  const byId = new Map(result.definitions.map((d) => [d.id, d]));
  const uses = new Map<string, Map<string, Use>>(result.definitions.map((d) => [d.id, new Map()]));
  const undefinedSteps = new Map<string, StepsCatalogue['undefined'][number]>();
  const ambiguous = new Map<string, StepsCatalogue['ambiguous'][number]>();
  for (const scenario of result.scenarios) {
    const spec = sourceOf(scenario.uri);
    const keywords = snippetKeywords(scenario.steps);
    scenario.steps.forEach((step, i) => {
      const at = { spec, line: step.line, scenario: scenario.name, scenarioLine: scenario.line };
      const key = `${spec}:${step.line}:${step.text}`;
      if (step.status === 'undefined' && !undefinedSteps.has(key)) {
        const code = (cucumberSnippets ? step.suggestion : undefined) ?? snippet(keywords[i]!, step.text, step.argument);
        undefinedSteps.set(key, { text: step.text, keyword: keywords[i]!, ...at, ...(step.argument ? { argument: step.argument } : {}), snippet: code });
      } else if (step.status === 'ambiguous' && !ambiguous.has(key)) {
        ambiguous.set(key, { text: step.text, ...at, matches: refs(step, byId, sourceOf) });
      }
      if (step.definitionIds.length === 1) addUse(uses.get(step.definitionIds[0]!), scenario, at);
    });
  }
  const definitions = sortByPlace(result.definitions.map((d) => ({ pattern: d.pattern, patternType: d.patternType, file: sourceOf(d.uri), line: d.line, uses: [...(uses.get(d.id)?.values() ?? [])] })));
  const unused = sortByPlace(result.definitions.filter((d) => !d.used && uses.get(d.id)?.size === 0).map((d) => ({ pattern: d.pattern, file: sourceOf(d.uri), line: d.line })));
  return {
    schemaVersion: STEPS_CATALOGUE_VERSION,
    summary: { definitions: definitions.length, unused: unused.length, undefined: undefinedSteps.size, ambiguous: ambiguous.size, scenarios: result.scenarios.length },
    definitions,
    unused,
    undefined: [...undefinedSteps.values()],
    ambiguous: [...ambiguous.values()],
  };
}

/** An outline's examples share the step's line: the first example stands for them, per scenario name. */
function addUse(into: Map<string, Use> | undefined, scenario: RunScenario, at: Use): void {
  const key = `${at.spec}:${at.line}:${scenario.name}`;
  if (into && !into.has(key)) into.set(key, at);
}

function refs(step: RunStep, byId: Map<string, RunDefinition>, sourceOf: (uri: string) => string): StepsCatalogue['ambiguous'][number]['matches'] {
  return step.definitionIds.flatMap((id) => {
    const d = byId.get(id);
    return d ? [{ pattern: d.pattern, file: sourceOf(d.uri), line: d.line }] : [];
  });
}

function sortByPlace<T extends { file: string; line: number }>(items: T[]): T[] {
  return items.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
