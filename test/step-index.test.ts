import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { askedStepText, indexStepDefinitions, literalPrefix, stepCandidates } from '../src/run/step-index.js';

// The project's own cucumber-expressions, as cucumber builds a step definition's expression.
const expressions = createRequire(import.meta.url)('@cucumber/cucumber-expressions') as typeof import('@cucumber/cucumber-expressions');
const registry = new expressions.ParameterTypeRegistry();
registry.defineParameterType(new expressions.ParameterType('colour', /red|green|blue/, String, (s: string) => s));

interface Definition { id: number; expression: { regexp: RegExp; match: (text: string) => unknown }; matchesStepName: (text: string) => boolean }

function definition(id: number, pattern: string | RegExp): Definition {
  const expression = typeof pattern === 'string' ? new expressions.CucumberExpression(pattern, registry) : new expressions.RegularExpression(pattern, registry);
  return { id, expression, matchesStepName: (text) => expression.match(text) !== null };
}

const PATTERNS: (string | RegExp)[] = [
  'I have {int} cucumber(s) in my belly',
  'I have {int} cucumbers',
  'the {colour} light is on',
  'the account is scored by rule {int}',
  'the account score is {int}',
  'the accounts/ledgers are closed',
  'a user named {string}',
  '{word} logs in',
  'the price is $5.00 (net)',
  'a path like C:\\\\temp is read',
  'I wait',
  'I wait {float} seconds',
  /^I (?:really )?wait$/,
  /^the (\w+) light is off$/,
  /I have (\d+) cukes/,
  /^I have (\d+) cukes$/,
  /^(?:the|a) ledger$/,
  /^go|^stop$/,
  /^Case-Insensitive step$/i,
  /^the \$5\.00 price\?$/,
  /^ab?c$/,
  /^a{2}x$/,
  /^x+y$/,
  /^a\.b\*c$/,
  /^the [abc]+ thing$/,
  /^ünïcödé 🥒 step$/u,
  /^multi$/m,
  'I have {int} cucumber(s) in my belly',
  /^😀?x$/u,
  /^😀+y$/,
  /^a😀{2}z$/u,
];
const TEXTS = [
  'I have 3 cucumbers in my belly', 'I have 1 cucumber in my belly', 'I have 3 cucumbers', 'I have 42 cukes', 'we say I have 42 cukes',
  'the red light is on', 'the red light is off', 'the purple light is on', 'the account is scored by rule 2', 'the account score is 17',
  'the accounts are closed', 'the ledgers are closed', 'a user named "Ann"', 'Ann logs in', 'logs in', 'the price is $5.00 (net)',
  'a path like C:\\temp is read', 'I wait', 'I really wait', 'I wait 1.5 seconds', 'the ledger', 'a ledger', 'go', 'go on', 'stop', 'nonstop',
  'case-insensitive STEP', 'CASE-INSENSITIVE step', 'the $5.00 price?', 'abc', 'ac', 'aax', 'xy', 'xxxy', 'y', 'a.b*c', 'a.bbc',
  'the abcab thing', 'the d thing', 'ünïcödé 🥒 step', 'multi', '', ' ', 'I', 'the', 'the account',
  'x', '😀x', '😀y', '😀😀y', 'y', 'a😀😀z', 'az',
];

describe('literalPrefix', () => {
  it('reads the literal text a regexp starts with, stopping where it can vary', () => {
    expect(literalPrefix(/^I have (\d+) cukes$/)).toBe('I have ');
    expect(literalPrefix(/^ab?c$/)).toBe('a');
    expect(literalPrefix(/^a{2}x$/)).toBe('');
    expect(literalPrefix(/^x+y$/)).toBe('');
    expect(literalPrefix(/^the \$5\.00 price\?$/)).toBe('the $5.00 price?');
    expect(literalPrefix(/^a\.b\*c$/)).toBe('a.b*c');
    expect(literalPrefix(/^\d+ apples$/)).toBe('');
    expect(literalPrefix(/^\u0041pple$/)).toBe('');
    expect(literalPrefix(/^the [abc]+ thing$/)).toBe('the ');
    // With u or v a quantifier takes a whole surrogate pair; without, only its low half.
    expect(literalPrefix(/^😀?x$/u)).toBe('');
    expect(literalPrefix(/^a😀{2}z$/u)).toBe('a');
    expect(literalPrefix(/^😀x$/u)).toBe('😀x');
    expect(literalPrefix(/^😀+y$/)).toBe('\ud83d');
    expect(literalPrefix(new expressions.CucumberExpression('I have {int} cucumber(s)', registry).regexp)).toBe('I have ');
    expect(literalPrefix(new expressions.CucumberExpression('the price is $5.00 (net)', registry).regexp)).toBe('the price is $5.00 ');
  });

  it('gives none when the start is not certain', () => {
    expect(literalPrefix(/I have (\d+) cukes/)).toBe('');
    expect(literalPrefix(/^go|^stop$/)).toBe('');
    expect(literalPrefix(/^Case$/i)).toBe('');
    expect(literalPrefix(/^multi$/m)).toBe('');
    expect(literalPrefix(/^sticky/y)).toBe('');
    // An alternation inside a group or a class is not a top-level one.
    expect(literalPrefix(/^the (?:a|b) ledger$/)).toBe('the ');
    expect(literalPrefix(/^the [|] bar$/)).toBe('the ');
  });
});

describe('stepCandidates', () => {
  it('keeps every definition that matches a text, in the library order (against the whole filter)', () => {
    const definitions = PATTERNS.map((p, i) => definition(i, p));
    const candidates = stepCandidates(definitions);
    for (const text of TEXTS) {
      const matching = definitions.filter((d) => d.matchesStepName(text)).map((d) => d.id);
      const found = candidates(text).map((e) => e.definition);
      expect(found.filter((d) => d.matchesStepName(text)).map((d) => d.id), text).toEqual(matching);
      expect(found.map((d) => d.id), text).toEqual([...found.map((d) => d.id)].sort((a, b) => a - b));
    }
  });

  it('asks far fewer definitions than the library holds', () => {
    const definitions = Array.from({ length: 300 }, (_, i) => definition(i, `the thing${i} is scored by rule {int}`));
    expect(stepCandidates(definitions)('the thing17 is scored by rule 3').map((e) => e.definition.id)).toEqual([17]);
  });
});

describe('indexStepDefinitions', () => {
  const definitions = PATTERNS.map((p, i) => definition(i, p));
  const indexed = indexStepDefinitions(definitions);

  it('filters by step text exactly as the array does', () => {
    for (const text of TEXTS) {
      expect(indexed.filter((d) => d.matchesStepName(text)), text).toEqual(definitions.filter((d) => d.matchesStepName(text)));
    }
  });

  it('passes any other filter, and every other method, to the array whole', () => {
    expect(indexed.filter((d) => d.id % 2 === 0).map((d) => d.id)).toEqual(definitions.filter((d) => d.id % 2 === 0).map((d) => d.id));
    expect(indexed.filter((d) => d.id > 3 && d.matchesStepName('I wait')).map((d) => d.id)).toEqual([10, 12]);
    expect(indexed.map((d) => d.id)).toEqual(definitions.map((d) => d.id));
    expect(Array.isArray(indexed)).toBe(true);
    expect(Object.keys(indexed)).toEqual(Object.keys(definitions));
  });

  it('filters whole a predicate whose answer is not the match itself (negated, constant, or its own flag)', () => {
    const whole = (predicate: (d: Definition) => unknown) => expect(indexed.filter(predicate).map((d) => d.id)).toEqual(definitions.filter(predicate).map((d) => d.id));
    whole((d) => !d.matchesStepName('I wait'));
    whole((d) => (d.matchesStepName('I wait'), true));
    whole((d) => (d.matchesStepName('I wait') ? 0 : 1));
  });

  it('filters a library that changed after it was indexed whole', () => {
    const grown = indexStepDefinitions(definitions.slice(0, 3));
    grown.push(definition(99, 'I wait'));
    expect(grown.filter((d) => d.matchesStepName('I wait')).map((d) => d.id)).toEqual([99]);
  });
});

describe('askedStepText', () => {
  it('reads the text of a predicate that asks matchesStepName once and reads nothing else', () => {
    expect(askedStepText(((d: Definition) => d.matchesStepName('I wait')) as never, undefined)).toBe('I wait');
    expect(askedStepText(((d: Definition) => d.id > 1 && d.matchesStepName('I wait')) as never, undefined)).toBeUndefined();
    expect(askedStepText(((d: Definition) => d.matchesStepName('a') || d.matchesStepName('b')) as never, undefined)).toBeUndefined();
    expect(askedStepText((() => { throw new Error('no'); }) as never, undefined)).toBeUndefined();
    expect(askedStepText(((d: { matchesStepName: (n: number) => boolean }) => d.matchesStepName(3)) as never, undefined)).toBeUndefined();
    expect(askedStepText(((d: Definition) => !d.matchesStepName('I wait')) as never, undefined)).toBeUndefined();
    expect(askedStepText(((d: Definition) => (d.matchesStepName('I wait'), false)) as never, undefined)).toBeUndefined();
  });
});
