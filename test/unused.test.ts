import { describe, expect, it } from 'vitest';
import { definitionsUsedBy } from '../src/bind/unused.js';
import { judgeUnusedAcrossSuite, suiteStepTexts } from '../src/bind/unused-scope.js';
import type { RunDefinition, RunResult } from '../src/core/run-result.js';
import { tempProject } from './helpers.js';

const def = (id: string, pattern: string, patternType: RunDefinition['patternType'] = 'cucumber'): RunDefinition => ({ id, pattern, patternType, uri: 'steps/a.ts', line: 1, used: false });

describe('definitionsUsedBy', () => {
  it('matches cucumber expressions (with the run\'s parameter types) and regular expressions like cucumber', () => {
    const defs = [def('a', 'I add {int} {string}'), def('b', '^the total is (\\d+)$', 'regexp'), def('c', 'I pay in {colour}'), def('d', 'nobody says this')];
    const used = definitionsUsedBy(defs, ['I add 2 "pears"', 'the total is 11', 'I pay in red'], [{ name: 'colour', regexps: ['red|blue'] }]);
    expect([...used].sort()).toEqual(['a', 'b', 'c']);
  });

  it('a pattern it cannot read counts as used (never unused on a guess)', () => {
    expect(definitionsUsedBy([def('x', 'I use {nosuchtype}')], ['anything'], [])).toEqual(new Set(['x']));
  });
});

describe('judgeUnusedAcrossSuite', () => {
  const result = (definitions: RunDefinition[]) => ({ definitions, parameterTypes: [] }) as unknown as RunResult;
  const spec = 'Feature: A\n  Scenario: one\n    Given I have 3 cukes\n  Scenario Outline: two\n    Given I eat <n> cukes\n    Examples:\n      | n |\n      | 4 |\n';

  it('reads the step texts of the specs (outline rows filled in) when none were read during the run', async () => {
    const dir = tempProject('unused-', { 'a.feature': spec });
    const judged = await judgeUnusedAcrossSuite(result([def('a', 'I have {int} cukes'), def('b', 'I eat {int} cukes'), def('c', 'nobody says this')]), ['a.feature'], dir);
    expect(judged.definitions.map((d) => [d.id, d.used])).toEqual([['a', true], ['b', true], ['c', false]]);
    expect(await suiteStepTexts(['a.feature'], dir)).toEqual(['I have 3 cukes', 'I eat 4 cukes']);
  });

  it('takes the texts read while the scenarios ran instead of reading the specs again', async () => {
    const dir = tempProject('unused-', { 'a.feature': spec });
    const judged = await judgeUnusedAcrossSuite(result([def('a', 'I have {int} cukes'), def('c', 'nobody says this')]), ['missing.feature'], dir, undefined, Promise.resolve(['nobody says this']));
    expect(judged.definitions.map((d) => [d.id, d.used])).toEqual([['a', false], ['c', true]]);
  });
});
