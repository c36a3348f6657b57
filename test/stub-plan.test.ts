/** Where `spec steps --generate` writes each stub (bind/stub-plan.ts): the step folder, the file name, one stub per expression. */
import { describe, expect, it } from 'vitest';
import type { UndefinedStep } from '../src/bind/catalogue-schema.js';
import { planStubs, stepFolder, stubExtension, type StubTargetFacts } from '../src/bind/stub-plan.js';
import { thrownProblem } from './helpers.js';

const step = (text: string, spec: string): UndefinedStep => ({ text, keyword: 'Given', spec, line: 3, scenario: 'S', scenarioLine: 2, snippet: '' });
const facts = (definitionFiles: string[], supportGlobs: string[]): StubTargetFacts => ({ definitionFiles, supportGlobs, globsSource: 'cucumber.mjs', globsFile: 'cucumber.mjs' });
const byText = (s: UndefinedStep) => s.text.replace(/\d+/g, '{int}');

describe('stepFolder', () => {
  it('is the folder most TypeScript definition files are in', () => {
    expect(stepFolder(facts(['tests/steps/a.steps.ts', 'tests/steps/b.steps.ts', 'tests/support/hooks.ts'], ['tests/**/*.ts']))).toBe('tests/steps/');
  });

  it('with no definitions yet, is the one non-support folder the globs name, preferring one named for steps', () => {
    expect(stepFolder(facts([], ['features/support/**/*.ts', 'features/step_definitions/**/*.ts']))).toBe('features/step_definitions/');
    expect(stepFolder(facts([], ['./acceptance/**/*.ts']))).toBe('acceptance/');
  });

  it('refuses globs that name no folder, or several, naming the file they are in', () => {
    const none = thrownProblem(() => stepFolder(facts([], ['**/*.steps.ts'])));
    expect(none).toMatchObject({ code: 'SPEC_STEPS_FOLDER', location: { file: 'cucumber.mjs', line: 1 } });
    expect(thrownProblem(() => stepFolder(facts([], ['a/**/*.ts', 'b/**/*.ts']))).message).toContain('several folders (a/, b/)');
  });

  it("takes a JavaScript project's step folder, and gives its stubs the project's extension and naming", () => {
    expect(stepFolder(facts(['features/step_definitions/a.js'], ['features/**/*.js']))).toBe('features/step_definitions/');
    expect(stubExtension(facts(['steps/a_steps.mjs', 'steps/b_steps.mjs', 'steps/c.js'], ['steps/**/*']))).toBe('.mjs');
    expect(stubExtension(facts(['steps/a.js', 'steps/b.ts'], ['steps/**/*']))).toBe('.ts');
    expect(planStubs([step('I pay', 'features/cart.feature')], facts(['steps/basket_steps.js'], ['steps/**/*.js']), byText).map((g) => g.file)).toEqual(['steps/cart_steps.js']);
  });
});

describe('planStubs', () => {
  it("groups stubs by spec in files named like the project's, each expression once", () => {
    const groups = planStubs([step('I have 2 apples', 'features/cart.feature'), step('I pay', 'docs/checkout.md'), step('I have 5 apples', 'docs/checkout.md')], facts(['steps/basket_steps.ts'], ['steps/**/*.ts']), byText);
    expect(groups.map((g) => [g.file, g.steps.map((s) => s.text)])).toEqual([
      ['steps/cart_steps.ts', ['I have 2 apples']],
      ['steps/checkout_steps.ts', ['I pay']],
    ]);
  });

  it('refuses to write a file the globs would not load', () => {
    expect(thrownProblem(() => planStubs([step('x', 'features/b.feature')], facts(['steps/a.steps.ts'], ['steps/**/*.js', 'steps/a.steps.ts']), byText)).message).toContain('do not load it');
  });
});
