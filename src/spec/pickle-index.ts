import type { GherkinDocument, Pickle } from '@cucumber/messages';

export interface PickleInfo {
  /** The pickle's own line: its example row for an outline, else the scenario's line. */
  line: number;
  scenarioLine: number;
  name: string;
  feature: string;
  /** The scenario's keyword and Rule as written (the spec's dialect). */
  keyword?: string;
  rule?: { keyword: string; name: string };
  language?: string;
  tags: string[];
  steps: { keyword: string; text: string; line: number; column: number }[];
}

/** Where each pickle of a document sits, so the parent can name and select scenarios by line. */
export function indexPickles(document: GherkinDocument | undefined, pickles: Pickle[]): PickleInfo[] {
  const lines = new Map<string, number>();
  const headings = new Map<string, Pick<PickleInfo, 'keyword' | 'rule' | 'language'>>();
  const steps = new Map<string, { keyword: string; line: number; column: number }>();
  const feature = document?.feature;
  for (const child of feature?.children ?? []) {
    const scenarios = [child.scenario, ...(child.rule?.children ?? []).map((c) => c.scenario)];
    const backgrounds = [child.background, ...(child.rule?.children ?? []).map((c) => c.background)];
    for (const background of backgrounds) for (const step of background?.steps ?? []) steps.set(step.id, { keyword: step.keyword.trim(), line: step.location.line, column: step.location.column ?? 1 });
    for (const scenario of scenarios) {
      if (!scenario) continue;
      lines.set(scenario.id, scenario.location.line);
      headings.set(scenario.id, { keyword: scenario.keyword.trim(), language: feature?.language ?? 'en', ...(child.rule ? { rule: { keyword: child.rule.keyword.trim(), name: child.rule.name } } : {}) });
      for (const step of scenario.steps) steps.set(step.id, { keyword: step.keyword.trim(), line: step.location.line, column: step.location.column ?? 1 });
      for (const examples of scenario.examples) for (const row of examples.tableBody) lines.set(row.id, row.location.line);
    }
  }
  return pickles.map((pickle) => {
    const ids = pickle.astNodeIds;
    const scenarioLine = lines.get(ids[0]!) ?? 1;
    return {
      line: lines.get(ids[ids.length - 1]!) ?? scenarioLine,
      scenarioLine,
      name: pickle.name,
      feature: feature?.name ?? '',
      ...headings.get(ids[0]!),
      tags: pickle.tags.map((t) => t.name),
      steps: pickle.steps.map((s) => {
        const ast = steps.get(s.astNodeIds[0]!);
        return { keyword: ast?.keyword ?? '', text: s.text, line: ast?.line ?? 1, column: ast?.column ?? 1 };
      }),
    };
  });
}
