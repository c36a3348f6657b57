import { CucumberExpression, type ParameterTypeRegistry } from '@cucumber/cucumber-expressions';
import { describe, expect, it } from 'vitest';
import { effectiveKeywords } from '../src/bind/keywords.js';
import { makeRegistry, makeSnippetWriter, snippetFor, snippetImports, typedSnippets } from '../src/bind/snippet.js';

/** The first line of a snippet: `Keyword('expression', function (params) {`. */
function head(snippet: string): { keyword: string; literal: string; params: string } {
  const match = /^(\w+)\(('(?:[^'\\]|\\.)*'), function \((.*)\) \{$/.exec(snippet.split('\n')[0]!);
  if (!match) throw new Error(`unexpected snippet head: ${snippet.split('\n')[0]}`);
  return { keyword: match[1]!, literal: match[2]!, params: match[3]! };
}

/** Evaluates the snippet's string literal as JavaScript would. */
function expressionOf(snippet: string): string {
  return new Function(`return ${head(snippet).literal};`)() as string;
}

/** The snippet, pasted as a step definition, must match the step it was made for. */
function matches(snippet: string, text: string, registry: ParameterTypeRegistry): boolean {
  return new CucumberExpression(expressionOf(snippet), registry).match(text) !== null;
}

describe('snippetFor', () => {
  const registry = makeRegistry([]);

  it('is a complete pending step definition', () => {
    const snippet = snippetFor('Given', 'nothing to see', undefined, registry);
    expect(snippet).toBe(
      [
        "Given('nothing to see', function () {",
        '  // Write code here that turns the phrase above into concrete actions',
        "  return 'pending';",
        '});',
      ].join('\n'),
    );
  });

  it('turns integers into {int}: number', () => {
    const snippet = snippetFor('Given', 'I have 42 cukes', undefined, registry);
    expect(head(snippet)).toEqual({ keyword: 'Given', literal: "'I have {int} cukes'", params: 'int: number' });
    expect(matches(snippet, 'I have 42 cukes', registry)).toBe(true);
  });

  it('turns negative integers into {int}', () => {
    const snippet = snippetFor('Then', 'the balance is -7', undefined, registry);
    expect(expressionOf(snippet)).toBe('the balance is {int}');
  });

  it('turns decimals into {float}: number', () => {
    const snippet = snippetFor('When', 'the price is 3.5 euros', undefined, registry);
    expect(head(snippet)).toEqual({ keyword: 'When', literal: "'the price is {float} euros'", params: 'float: number' });
    expect(matches(snippet, 'the price is 3.5 euros', registry)).toBe(true);
  });

  it('turns quoted strings (double and single quotes) into {string}: string, numbering repeats', () => {
    const snippet = snippetFor('Given', 'I say "hello" and \'bye\'', undefined, registry);
    expect(expressionOf(snippet)).toBe('I say {string} and {string}');
    expect(head(snippet).params).toBe('string: string, string2: string');
    expect(matches(snippet, 'I say "hello" and \'bye\'', registry)).toBe(true);
  });

  it('mixes parameter types in order', () => {
    const snippet = snippetFor('When', 'I pay "4242" with 3 coins and 1.25 notes', undefined, registry);
    expect(expressionOf(snippet)).toBe('I pay {string} with {int} coins and {float} notes');
    expect(head(snippet).params).toBe('string: string, int: number, float: number');
  });

  it('leaves plain words alone (no {word} guessing for ordinary text)', () => {
    const snippet = snippetFor('Given', 'a logged in user', undefined, registry);
    expect(expressionOf(snippet)).toBe('a logged in user');
    expect(head(snippet).params).toBe('');
  });

  it('uses a custom parameter type from makeRegistry, typed unknown', () => {
    const custom = makeRegistry([{ name: 'color', regexps: ['red|green|blue'] }]);
    const snippet = snippetFor('When', 'I paint it red 3 times', undefined, custom);
    expect(expressionOf(snippet)).toBe('I paint it {color} {int} times');
    expect(head(snippet).params).toBe('color: unknown, int: number');
    expect(matches(snippet, 'I paint it red 3 times', custom)).toBe(true);
  });

  it('without the custom type, the same text has no {color}', () => {
    expect(expressionOf(snippetFor('When', 'I paint it red 3 times', undefined, registry))).toBe('I paint it red {int} times');
  });

  it('adds a DataTable parameter for a data table argument', () => {
    const snippet = snippetFor('Given', 'these 2 users:', 'dataTable', registry);
    expect(head(snippet).params).toBe('int: number, dataTable: DataTable');
  });

  it('adds a docString parameter for a doc string argument', () => {
    const snippet = snippetFor('Then', 'the body is', 'docString', registry);
    expect(head(snippet).params).toBe('docString: string');
  });

  it("escapes single quotes for the JavaScript literal", () => {
    const snippet = snippetFor('Given', "the user's cart", undefined, registry);
    expect(head(snippet).literal).toBe("'the user\\'s cart'");
    expect(expressionOf(snippet)).toBe("the user's cart");
    expect(matches(snippet, "the user's cart", registry)).toBe(true);
  });

  it('escapes cucumber-expression syntax ( { / so the expression matches the text literally', () => {
    const text = 'the (optional) {braces} and/or 1.5 slashes';
    const snippet = snippetFor('Then', text, undefined, registry);
    expect(expressionOf(snippet)).toBe('the \\(optional) \\{braces} and\\/or {float} slashes');
    expect(head(snippet).literal).toBe("'the \\\\(optional) \\\\{braces} and\\\\/or {float} slashes'");
    expect(matches(snippet, text, registry)).toBe(true);
  });

  // A backslash is the cucumber-expression escape character: a snippet for a step that contains
  // one must escape it, or the pasted definition throws (or matches something else).
  it('escapes a backslash in the step text so the pasted definition matches the step', () => {
    const text = 'the file C:\\tmp\\report.txt exists';
    const snippet = snippetFor('Given', text, undefined, registry);
    expect(matches(snippet, text, registry)).toBe(true);
  });

  it('every snippet here is syntactically valid JavaScript', () => {
    for (const text of ["it's \"quoted\" 3 times", 'a (b) {c} /d', 'plain']) {
      const snippet = snippetFor('Given', text, 'dataTable', registry);
      const js = snippet.replace(': DataTable', '').replace(/: (number|string|unknown)/g, '');
      expect(() => new Function('Given', js)).not.toThrow();
    }
  });
});

describe('makeRegistry', () => {
  it('keeps the built-ins and skips a custom type that reuses a built-in name', () => {
    const registry = makeRegistry([{ name: 'int', regexps: ['x+'] }]);
    expect(registry.lookupByTypeName('int')!.regexpStrings).not.toContain('x+');
    expect(registry.lookupByTypeName('float')).toBeDefined();
  });

  it('adds the user types by name', () => {
    const registry = makeRegistry([{ name: 'airport', regexps: ['[A-Z]{3}'] }]);
    expect(registry.lookupByTypeName('airport')!.regexpStrings).toEqual(['[A-Z]{3}']);
  });

  it('does not throw on a type it cannot register', () => {
    expect(() => makeRegistry([{ name: 'bad name with {braces}', regexps: ['x'] }])).not.toThrow();
  });
});

describe('makeSnippetWriter', () => {
  it('binds the run parameter types', () => {
    const write = makeSnippetWriter([{ name: 'airport', regexps: ['[A-Z]{3}'] }]);
    const snippet = write('Given', 'CDG is closed', undefined);
    expect(snippet.split('\n')[0]).toBe("Given('{airport} is closed', function (airport: unknown) {");
  });
});

describe('effectiveKeywords', () => {
  it('And/But/* take the keyword of the step before them', () => {
    expect(effectiveKeywords(['Given ', 'And ', 'When ', 'But ', '* ', 'Then ', 'And '])).toEqual(['Given', 'Given', 'When', 'When', 'When', 'Then', 'Then']);
  });

  it('a leading And or * is taken as Given', () => {
    expect(effectiveKeywords(['And', 'But', '*'])).toEqual(['Given', 'Given', 'Given']);
  });

  it('is empty for no steps', () => {
    expect(effectiveKeywords([])).toEqual([]);
  });
});

describe('snippetImports', () => {
  it('imports each keyword once, sorted, and DataTable when needed', () => {
    expect(snippetImports(['When', 'Given', 'When'], true)).toBe("import { Given, When, DataTable } from '@cucumber/cucumber';");
    expect(snippetImports(['Then'], false)).toBe("import { Then } from '@cucumber/cucumber';");
  });
});

describe('makeSnippetWriter: the profile snippetInterface', () => {
  const lines = (snippet: string) => snippet.split('\n');
  it('writes each interface as cucumber-js does, with typed parameters', () => {
    expect(lines(makeSnippetWriter([], 'async-await')('When', 'I pay 5 euros', undefined))).toEqual([
      "When('I pay {int} euros', async function (int: number) {",
      '  // Write code here that turns the phrase above into concrete actions',
      "  return 'pending';",
      '});',
    ]);
    expect(lines(makeSnippetWriter([], 'promise')('Then', 'it works', undefined))[2]).toBe("  return Promise.resolve('pending');");
    const callback = lines(makeSnippetWriter([], 'callback')('Given', 'a list:', 'dataTable'));
    expect(callback[0]).toBe("Given('a list:', function (dataTable: DataTable, callback: (error: Error | null, result?: string) => void) {");
    expect(callback[2]).toBe("  callback(null, 'pending');");
  });

  it('an interface cucumber no longer has (generator) or none gets the synchronous form', () => {
    for (const style of ['generator', undefined, 'synchronous']) {
      expect(lines(makeSnippetWriter([], style)('Given', 'x', undefined)).slice(0, 3)).toEqual(["Given('x', function () {", '  // Write code here that turns the phrase above into concrete actions', "  return 'pending';"]);
    }
  });
});

describe('snippets for a JavaScript step project', () => {
  it('are typed unless every step definition file is JavaScript', () => {
    expect(typedSnippets([])).toBe(true);
    expect(typedSnippets(['steps/a.ts', 'steps/b.js'])).toBe(true);
    expect(typedSnippets(['features/step_definitions/a.js', 'steps/b.mjs', 'steps/c.cjs'])).toBe(false);
  });

  it('name the parameters without types, and the data table and callback too', () => {
    const registry = makeRegistry([]);
    expect(snippetFor('When', 'I pay 3 coins', 'dataTable', registry, 'callback', false)).toContain("When('I pay {int} coins', function (int, dataTable, callback) {");
  });
});
