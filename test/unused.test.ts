import { describe, expect, it } from 'vitest';
import { definitionsUsedBy } from '../src/bind/unused.js';
import type { RunDefinition } from '../src/core/run-result.js';

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
