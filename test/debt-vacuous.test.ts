import { describe, expect, it } from 'vitest';
import type { RunDefinition, RunScenario } from '../src/core/run-result.js';
import { findVacuousChecks, type ScenarioRef, type StepDefinitionRef } from '../src/debt/vacuous.js';
import { tempProject } from './helpers.js';

const project = (files: Record<string, string>): string => tempProject('specloop-vacuous-', files);

/** Every step-definition call in `text`, as cucumber reports them (its line), ids `file:line`. */
function definitionsIn(uri: string, text: string): StepDefinitionRef[] {
  return text.split('\n').flatMap((line, i) => {
    const m = /\b(?:Given|When|Then|defineStep)\(\s*'([^']*)'/.exec(line);
    return m ? [{ id: `${uri}:${i + 1}`, uri, line: i + 1, pattern: m[1]! }] : [];
  });
}

const ESM_STEPS = `import assert from 'node:assert/strict';
import { expect } from 'chai';
import { Given, Then, defineStep } from '@cucumber/cucumber';
import { checkTotal, lastRunOf, logTotal, ping } from '../support/helpers.js';

Then('the total is {int}', function (total: number) { assert.equal(this.total, total); });
Then('the total is logged', function () { console.log(this.total); });
Then('the helper checks {int}', function (n: number) { checkTotal(this.total, n); });
Then('the helper only logs', function () { logTotal(this.total); });
Then('it is rejected', function () { return Promise.reject(new Error('no')); });
Then('it rejects later', function () { return new Promise((resolve, reject) => setTimeout(() => reject(new Error('late')), 1)); });
Then('it throws', async () => { if (Math.random() > 2) throw new Error('never, but it could'); });
Then('chai agrees', function () { expect(this.total).to.equal(3); });
Then('it should', function () { this.total.should.equal(3); });
defineStep('anything is recorded', function () { this.seen = true; });
Given('a checked start', function () { assert.ok(this.ready); });
Then('the cycle ends', function () { ping(3); });
Then('a named check', namedCheck);
function namedCheck() { return 1; }
Given('a note is taken', function () { this.note = 1; });
Given('nothing happens', function () { this.note = 2; });
Then('the guarded step reads', function () { const run = lastRunOf(this); console.log(run); });
Then('the guarded step checks', async () => { const run = lastRunOf({}); await checkTotal(run, 1); });
`;

const HELPERS = `import assert from 'node:assert';
export function checkTotal(actual: number, expected: number): void { compare(actual, expected); }
function compare(a: number, b: number): void { if (a !== b) throw new Error(\`\${a} is not \${b}\`); }
export function logTotal(total: number): void { console.log(total); }
export function ping(n: number): void { if (n > 0) pong(n - 1); }
function pong(n: number): void { ping(n); }
export const unused = () => assert.ok(true);
export function lastRunOf(world: { last?: number }): number { if (world.last === undefined) throw new Error('no run'); return world.last; }
`;

const CJS_STEPS = `const { Then } = require('@cucumber/cucumber');
const assert = require('assert');
const { expectTotal, noop } = require('../support/cjs-helpers.js');

Then('cjs asserts {int}', function (n) {
  assert.strictEqual(this.total, n);
});
Then('cjs does nothing', function () {
  this.total += 0;
});
Then('cjs helper asserts', function () { expectTotal(this, 3); });
Then('cjs helper is a no-op', function () { noop(this); });
Then('the world checks', function () { this.checkEmpty(); });
Then('the callback fails', function (callback) { if (this.total) callback(new Error('bad')); else callback(); });
Then('the callback never fails', function (callback) { callback(); });
`;

const CJS_HELPERS = `const assert = require('node:assert/strict');
function expectTotal(world, n) { assert.equal(world.total, n); }
function noop(world) { return world; }
module.exports = { expectTotal, noop };
`;

const WORLD = `class ShopWorld {
  checkEmpty() { if (this.items.length) throw new Error('not empty'); }
}
module.exports = { ShopWorld };
`;

function run() {
  const root = project({
    'steps/esm.steps.ts': ESM_STEPS, 'support/helpers.ts': HELPERS,
    'steps/cjs.steps.js': CJS_STEPS, 'support/cjs-helpers.js': CJS_HELPERS, 'support/world.js': WORLD,
  });
  const definitions = [...definitionsIn('steps/esm.steps.ts', ESM_STEPS), ...definitionsIn('steps/cjs.steps.js', CJS_STEPS)];
  const byPattern = (p: string): string => definitions.find((d) => d.pattern === p)!.id!;
  const scenarios: ScenarioRef[] = [
    { uri: 'features/a.feature', line: 3, name: 'outcome by defineStep and Given', steps: [
      { type: 'Context', definitionIds: [] }, { type: 'Outcome', definitionIds: [byPattern('anything is recorded')] },
      { type: 'Outcome', definitionIds: [byPattern('a checked start')] }, { type: 'Outcome', definitionIds: [byPattern('a note is taken')] },
      { type: 'Outcome', definitionIds: [byPattern('nothing happens')] }] },
    { uri: 'features/a.feature', line: 9, name: 'no outcome', steps: [{ type: 'Context', definitionIds: [byPattern('a note is taken')] }, { type: 'Action', definitionIds: [] }] },
    { uri: 'features/a.feature', line: 13, name: 'empty', steps: [] },
  ];
  return findVacuousChecks({ root, definitions: [...definitions, { id: 'x', uri: 'steps/esm.steps.ts', line: 19, pattern: 'ghost' }], scenarios, supportFiles: ['support/world.js'] });
}

describe('vacuous checks', () => {
  const report = run();
  const vacuous = report.vacuousSteps.map((s) => s.pattern);

  it('flags the Then steps that cannot fail, in ESM TypeScript and CommonJS JavaScript alike', () => {
    expect(vacuous.sort()).toEqual([
      'anything is recorded', 'a named check', 'cjs does nothing', 'cjs helper is a no-op', 'the callback never fails', 'the cycle ends',
      'the helper only logs', 'the total is logged', 'nothing happens',
    ].sort());
  });

  it('counts assertions from node:assert, chai and should, throws, rejections and errored callbacks as able to fail', () => {
    const failsBy = new Map(report.checked.filter((c) => c.failsBy).map((c) => [c.pattern, c.failsBy!.what]));
    expect(failsBy.get('the total is {int}')).toBe('assert.equal(…)');
    expect(failsBy.get('chai agrees')).toBe('expect(this.total).to.equal(…)');
    expect(failsBy.get('it should')).toBe('….should');
    expect(failsBy.get('it is rejected')).toBe('Promise.reject(…)');
    expect(failsBy.get('it rejects later')).toBe('reject(…) of a new Promise');
    expect(failsBy.get('it throws')).toBe('throw');
    expect(failsBy.get('cjs asserts {int}')).toBe('assert.strictEqual(…)');
    expect(failsBy.get('the callback fails')).toBe('callback(error) callback');
  });

  it('follows calls into project helpers, TypeScript and CommonJS, and says the way it took', () => {
    const helper = report.checked.find((c) => c.pattern === 'the helper checks {int}')!.failsBy!;
    expect(helper).toMatchObject({ what: 'throw', file: 'support/helpers.ts', line: 3 });
    expect(helper.via).toEqual(['checkTotal (steps/esm.steps.ts:8)', 'compare (support/helpers.ts:2)']);
    expect(report.checked.find((c) => c.pattern === 'cjs helper asserts')!.failsBy).toMatchObject({ what: 'assert.equal(…)', file: 'support/cjs-helpers.js' });
    expect(report.checked.find((c) => c.pattern === 'the world checks')!.failsBy).toMatchObject({ what: 'throw', file: 'support/world.js' });
  });

  it('sets apart the steps that can fail only in a helper they take a value from (a guard, not a check)', () => {
    expect(report.guardOnlySteps.map((s) => s.pattern)).toEqual(['the guarded step reads']);
    expect(report.guardOnlySteps[0]!.failsBy).toMatchObject({ what: 'throw', file: 'support/helpers.ts', via: ['lastRunOf (steps/esm.steps.ts:22)'] });
    expect(report.checked.find((c) => c.pattern === 'the guarded step checks')).not.toHaveProperty('guardOnly');
    expect(report.checked.find((c) => c.pattern === 'it is rejected')).not.toHaveProperty('guardOnly');
  });

  it('checks a defineStep used as an outcome, and a Given only when every use is as an outcome (else it is setup)', () => {
    const keywords = new Map(report.checked.map((c) => [c.pattern, c.keyword]));
    expect(keywords.get('anything is recorded')).toBe('defineStep');
    expect(keywords.get('a checked start')).toBe('Given');
    expect(keywords.get('nothing happens')).toBe('Given');
    expect(keywords.has('a note is taken')).toBe(false);
    expect(vacuous).not.toContain('a checked start');
  });

  it('lists the scenarios with no outcome step, and the definitions it could not find without judging them', () => {
    expect(report.scenariosWithoutThen.map((s) => s.line)).toEqual([9, 13]);
    expect(report.unresolved).toEqual([expect.objectContaining({ pattern: 'ghost', line: 19, why: 'no step definition call at this line' })]);
  });

  it('takes the run\'s own shapes: RunResult definitions and scenarios', () => {
    const root = project({ 'steps/a.steps.js': "const { Then } = require('@cucumber/cucumber');\nThen('x', function () {});\n" });
    const definitions: RunDefinition[] = [{ id: 'd1', pattern: 'x', patternType: 'cucumber', uri: 'steps/a.steps.js', line: 2, used: true }];
    const scenarios: RunScenario[] = [{
      uri: 'features/a.feature', line: 2, name: 'a', feature: 'A', tags: [], status: 'passed', durationMs: 1, hookFailures: [],
      steps: [{ keyword: 'Then ', text: 'x', line: 3, column: 5, status: 'passed', durationMs: 0, definitionIds: ['d1'], type: 'Outcome' }],
    }];
    const result = findVacuousChecks({ root, definitions, scenarios });
    expect(result.vacuousSteps).toEqual([expect.objectContaining({ id: 'd1', keyword: 'Then', line: 2 })]);
    expect(result.scenariosWithoutThen).toEqual([]);
  });
});
