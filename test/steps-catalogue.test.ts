/** The steps catalogue built from a bound run's result (bind/catalogue.ts): uses, unused, undefined, ambiguous. */
import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../src/bind/catalogue.js';
import { StepsCatalogueSchema } from '../src/bind/catalogue-schema.js';
import { makeSnippetWriter } from '../src/bind/snippet.js';
import type { RunDefinition, RunResult, RunScenario, RunStep } from '../src/core/run-result.js';

const def = (id: string, pattern: string, line: number, used = true): RunDefinition => ({ id, pattern, patternType: 'cucumber', uri: 'features/steps/a.steps.ts', line, used });
const step = (keyword: string, text: string, line: number, status: RunStep['status'], definitionIds: string[], extra: Partial<RunStep> = {}): RunStep => ({ keyword, text, line, column: 5, status, durationMs: 0, definitionIds, ...extra });
const scenario = (name: string, line: number, steps: RunStep[], uri = 'features/.spec-compiled/cart.feature'): RunScenario => ({ uri, line, name, feature: 'Cart', tags: [], status: 'skipped', durationMs: 0, steps, hookFailures: [] });

function result(scenarios: RunScenario[], definitions: RunDefinition[]): RunResult {
  return { cucumberVersion: '12.0.0', scenarios, definitions, parameterTypes: [], undefinedParameterTypes: [], globalSupportFiles: [], runErrors: [], success: true };
}

const sourceOf = (uri: string) => uri.replace('features/.spec-compiled/cart.feature', 'docs/cart.md');

describe('buildCatalogue', () => {
  const defs = [def('d1', 'an empty cart', 3), def('d2', 'I add {int} items', 7), def('d3', 'the cart is gone', 11, false), def('d4', 'I add {int} item(s)', 15)];
  const run = result(
    [
      scenario('Adding', 3, [step('Given ', 'an empty cart', 4, 'skipped', ['d1']), step('And ', 'I pay "now"', 5, 'undefined', [], { argument: 'docString' })]),
      // Two examples of one outline: the same step line and name, counted once.
      scenario('Outline', 12, [step('Given ', 'an empty cart', 9, 'skipped', ['d1']), step('When ', 'I add 2 items', 10, 'ambiguous', ['d2', 'd4'])]),
      scenario('Outline', 13, [step('Given ', 'an empty cart', 9, 'skipped', ['d1']), step('When ', 'I add 2 items', 10, 'ambiguous', ['d2', 'd4'])]),
    ],
    defs,
  );
  const catalogue = buildCatalogue({ result: run, sourceOf, snippet: makeSnippetWriter([], 'async-await') });

  it('lists each definition with the spec steps that bind to it, by source file, once per line and scenario', () => {
    expect(StepsCatalogueSchema.parse(catalogue)).toEqual(catalogue);
    const empty = catalogue.definitions.find((d) => d.pattern === 'an empty cart')!;
    expect(empty.uses).toEqual([
      { spec: 'docs/cart.md', line: 4, scenario: 'Adding', scenarioLine: 3 },
      { spec: 'docs/cart.md', line: 9, scenario: 'Outline', scenarioLine: 12 },
    ]);
  });

  it('an ambiguous step uses no definition, and is listed once with every match', () => {
    expect(catalogue.definitions.find((d) => d.pattern === 'I add {int} items')!.uses).toEqual([]);
    expect(catalogue.ambiguous).toEqual([{ text: 'I add 2 items', spec: 'docs/cart.md', line: 10, scenario: 'Outline', scenarioLine: 12, matches: [{ pattern: 'I add {int} items', file: 'features/steps/a.steps.ts', line: 7 }, { pattern: 'I add {int} item(s)', file: 'features/steps/a.steps.ts', line: 15 }] }]);
  });

  it('calls unused only what no step binds to, and gives an undefined step the keyword of the step before an And', () => {
    expect(catalogue.unused).toEqual([{ pattern: 'the cart is gone', file: 'features/steps/a.steps.ts', line: 11 }]);
    const [missing] = catalogue.undefined;
    expect(missing).toMatchObject({ text: 'I pay "now"', keyword: 'Given', spec: 'docs/cart.md', line: 5, argument: 'docString' });
    expect(missing!.snippet).toContain("Given('I pay {string}', async function (string: string, docString: string)");
    expect(catalogue.summary).toEqual({ definitions: 4, unused: 1, undefined: 1, ambiguous: 1, scenarios: 3 });
  });

  it("prefers cucumber's own snippet when the profile names a snippetSyntax", () => {
    const own = result([scenario('S', 1, [step('Given ', 'x', 2, 'undefined', [], { suggestion: 'Given("x", () => {})' })])], []);
    expect(buildCatalogue({ result: own, sourceOf, snippet: makeSnippetWriter([]), cucumberSnippets: true }).undefined[0]!.snippet).toBe('Given("x", () => {})');
  });
});
