import type * as messages from '@cucumber/messages';
import type { RuleHeading } from '../core/run-result.js';

interface AstStep { keyword: string; line: number; column: number }
interface ScenarioHeading { keyword: string; rule?: RuleHeading; language: string }

/** What the run's Gherkin documents say about each AST node: step keywords and places, scenario lines and headings, feature names. */
export class GherkinIndex {
  private readonly features = new Map<string, string>();
  private readonly astSteps = new Map<string, AstStep>();
  private readonly astLines = new Map<string, number>();
  /** Scenario AST id → its keyword and Rule, for failure headers in the spec's own words. */
  private readonly headings = new Map<string, ScenarioHeading>();

  add(doc: messages.GherkinDocument): void {
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

  step(astNodeId: string): AstStep | undefined {
    return this.astSteps.get(astNodeId);
  }

  heading(astNodeId: string): ScenarioHeading | undefined {
    return this.headings.get(astNodeId);
  }

  feature(uri: string): string | undefined {
    return this.features.get(uri);
  }

  /** An example's own row, else the scenario's line. */
  pickleLine(pickle: messages.Pickle): number {
    const ids = pickle.astNodeIds;
    return this.astLines.get(ids[ids.length - 1]!) ?? this.astLines.get(ids[0]!) ?? pickle.location?.line ?? 1;
  }
}
