import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { AstBuilder, GherkinClassicTokenMatcher, Parser, compile } from '@cucumber/gherkin';
import { IdGenerator, type GherkinDocument, type Location } from '@cucumber/messages';
import { compileMarkdownSpec, type MarkdownCompileResult } from '../src/spec/markdown.js';
import { parseFrontMatter } from '../src/spec/front-matter.js';

const FILE = 'docs/spec.md';
const linesOf = (text: string) => text.split(/\r\n|\r|\n/);
const md = (...lines: string[]) => lines.join('\n');
/** 1-based line of the first source line containing `needle`. */
const lineOf = (source: string, needle: string, from = 1) => {
  const index = linesOf(source).findIndex((l, i) => i + 1 >= from && l.includes(needle));
  if (index < 0) throw new Error(`not in source: ${needle}`);
  return index + 1;
};
/** 1-based column of a step keyword: after the list marker and any opening emphasis. */
const keywordColumn = (source: string, line: number) =>
  (/^\s*(?:[-*+]|\d+[.)])\s+(?:\*\*|__|\*|_)?/.exec(linesOf(source)[line - 1] ?? '')?.[0].length ?? -1) + 1;

interface StepView {
  keyword: string;
  text: string;
  line: number;
  column: number;
  table?: string[][];
  docString?: { content: string; mediaType?: string };
}
interface PickleView {
  name: string;
  line: number;
  tags: string[];
  steps: StepView[];
}

function astLocations(document: GherkinDocument) {
  const steps = new Map<string, { keyword: string; location: Location }>();
  const nodes = new Map<string, Location>();
  const children = [...(document.feature?.children ?? [])];
  for (const child of children) {
    if (child.rule) children.push(...child.rule.children);
    const scenario = child.scenario ?? child.background;
    if (!scenario) continue;
    nodes.set(scenario.id, scenario.location);
    for (const step of scenario.steps) steps.set(step.id, { keyword: step.keyword, location: step.location });
  }
  return { steps, nodes };
}

function parse(gherkin: string, dialect = 'en') {
  const newId = IdGenerator.incrementing();
  const document = new Parser(new AstBuilder(newId), new GherkinClassicTokenMatcher(dialect)).parse(gherkin);
  const { steps, nodes } = astLocations(document);
  const pickles: PickleView[] = compile(document, FILE, newId).map((p) => ({
    name: p.name,
    line: nodes.get(p.astNodeIds[0] ?? '')?.line ?? -1,
    tags: p.tags.map((t) => t.name),
    steps: p.steps.map((s) => {
      const ast = steps.get(s.astNodeIds[0] ?? '');
      const view: StepView = { keyword: ast?.keyword ?? '', text: s.text, line: ast?.location.line ?? -1, column: ast?.location.column ?? -1 };
      if (s.argument?.dataTable) view.table = s.argument.dataTable.rows.map((r) => r.cells.map((c) => c.value));
      if (s.argument?.docString) view.docString = { content: s.argument.docString.content, ...(s.argument.docString.mediaType ? { mediaType: s.argument.docString.mediaType } : {}) };
      return view;
    }),
  }));
  return { document, pickles };
}

/** Compiles, checks the line-count invariant, and parses the output with @cucumber/gherkin. */
function build(source: string, dialect = 'en'): MarkdownCompileResult & ReturnType<typeof parse> {
  const result = compileMarkdownSpec(source, FILE);
  expect(linesOf(result.gherkin)).toHaveLength(linesOf(source).length);
  return { ...result, ...parse(result.gherkin, dialect) };
}

const messages = (r: MarkdownCompileResult) => r.problems.map((p) => `${p.location?.line}: ${p.message}`);

describe('compileMarkdownSpec: a full document', () => {
  const source = readFileSync(new URL('./fixtures-md/checkout.md', import.meta.url), 'utf8');
  const r = build(source);

  it('compiles without problems and reads its front matter', () => {
    expect(r.problems).toEqual([]);
    expect(r.hasScenarios).toBe(true);
    expect(r.frontMatter).toEqual({ tags: ['@checkout', '@slow'], covers: ['src/cart/**'], status: 'accepted', owner: 'payments-team' });
  });

  it('puts the Feature on the title line with its prose as description', () => {
    const feature = r.document.feature!;
    expect(feature.name).toBe('Checkout');
    expect(feature.location.line).toBe(lineOf(source, '# Checkout'));
    expect(feature.tags.map((t) => t.name)).toEqual(['@checkout', '@slow', '@web']);
    expect(feature.description).toContain('The checkout turns a cart into an order.');
    expect(feature.description).toContain('Customers complain about totals.');
    expect(feature.description).not.toContain('not a step');
  });

  it('gives every pickle its name, tags and steps on their source lines', () => {
    expect(r.pickles.map((p) => p.name)).toEqual(['pay with a card', 'totals', 'totals', 'from a block']);
    expect(r.pickles.map((p) => p.tags)).toEqual([
      ['@checkout', '@slow', '@web', '@smoke'],
      ['@checkout', '@slow', '@web', '@outline', '@small'],
      ['@checkout', '@slow', '@web', '@outline', '@small'],
      ['@checkout', '@slow', '@web'],
    ]);
    const pay = r.pickles[0]!;
    expect(pay.line).toBe(lineOf(source, '## Scenario: pay with a card'));
    expect(pay.steps.map((s) => s.text)).toEqual([
      'a catalogue:',
      'a cart with `A1`',
      'I pay with:',
      'the order total is 100',
      'the receipt says:',
      'still a step because Notes is deeper',
    ]);
    for (const step of pay.steps) {
      expect(step.line).toBe(lineOf(source, step.text));
      expect(step.column).toBe(keywordColumn(source, step.line));
    }
  });

  it('turns the tables and fences under steps into data tables and doc strings', () => {
    const [background, , pay, , receipt] = r.pickles[0]!.steps;
    expect(background!.table).toEqual([
      ['sku', 'price'],
      ['A1', '100'],
      ['B|2', '250'],
    ]);
    expect(pay!.docString).toEqual({ content: '{"card": "4242"}', mediaType: 'json' });
    expect(receipt!.docString).toEqual({ content: 'Thanks!', mediaType: 'text' });
  });

  it('expands the outline from its Examples table', () => {
    const outline = r.pickles.filter((p) => p.name === 'totals');
    expect(outline.map((p) => p.steps.map((s) => s.text))).toEqual([
      ['a catalogue:', '1 items', 'the total is 100'],
      ['a catalogue:', '2 items', 'the total is 200'],
    ]);
    const examples = r.document.feature!.children.find((c) => c.scenario?.name === 'totals')!.scenario!.examples[0]!;
    expect(examples.name).toBe('small');
    expect(examples.location.line).toBe(lineOf(source, '### Examples: small'));
    expect(examples.tableBody.map((row) => row.location.line)).toEqual([lineOf(source, '| 1 | 100 |'), lineOf(source, '| 2 | 200 |')]);
  });

  it('keeps a gherkin block verbatim and joins its scenarios to the document Feature', () => {
    const block = r.pickles.at(-1)!;
    expect(block.line).toBe(lineOf(source, 'Scenario: from a block'));
    expect(block.steps.at(-1)!.line).toBe(lineOf(source, 'Given a block step'));
    expect(r.gherkin).not.toContain('Feature: ignored');
    expect(r.gherkin).not.toContain('Some description');
    expect(r.gherkin).not.toContain('this is prose now');
  });
});

describe('line preservation', () => {
  it('keeps the line count for many shapes of input', () => {
    const inputs = [
      '',
      '\n',
      'just prose',
      '# T\n- Given x\n',
      '# T\r\n\r\n## Scenario: s\r\n\r\n- Given crlf\r\n',
      '---\ntags: a\n---',
      '```gherkin\nFeature: f\n  Scenario: s\n    Given x\n```\n\n\n',
      '# T\n## Scenario: s\n- When x\n  ```\n  unclosed\n',
      '| a |\n|---|\n| 1 |\n',
      '\uFEFF# BOM\n\n## Scenario: s\n- Given x',
    ];
    for (const input of inputs) {
      const r = compileMarkdownSpec(input, FILE);
      expect(linesOf(r.gherkin)).toHaveLength(linesOf(input).length);
      expect(r.problems.filter((p) => p.code === 'SPEC_INTERNAL')).toEqual([]);
    }
  });

  it('handles CRLF sources', () => {
    const source = '# T\r\n\r\n## Scenario: s @tag\r\n\r\n- Given crlf\r\n';
    const r = build(source);
    expect(r.problems).toEqual([]);
    expect(r.pickles).toEqual([{ name: 's', line: 3, tags: ['@tag'], steps: [{ keyword: 'Given ', text: 'crlf', line: 5, column: 3 }] }]);
  });
});

describe('the feature title', () => {
  it('carries title tags on every scenario when no line above the title is free', () => {
    const source = md('# Login @auth @web', '', '## Scenario: ok @smoke', '- Given a user', '', '## Scenario: other', '- Given b');
    const r = build(source);
    expect(r.problems).toEqual([]);
    expect(r.pickles.map((p) => p.tags)).toEqual([['@auth', '@web', '@smoke'], ['@auth', '@web']]);
    expect(linesOf(r.gherkin).slice(0, 3)).toEqual(['  Feature: Login', '@auth @web @smoke', '   Scenario: ok']);
  });

  it('reports a scenario that cannot carry the title tags because nothing separates it from the title', () => {
    const r = build(md('# Login @auth', '## Scenario: ok', '- Given a user'));
    expect(messages(r)).toEqual([expect.stringMatching(/^2: No free line above line 2 for its tags @auth/)]);
  });

  it('puts front matter and title tags on the closing --- line', () => {
    const source = md('---', 'tags: "smoke, @fast slow"', '---', '# Title @t', '', '## Scenario: s', '- Given x');
    const r = build(source);
    expect(linesOf(r.gherkin)[2]).toBe('@smoke @fast @slow @t');
    expect(r.pickles[0]!.tags).toEqual(['@smoke', '@fast', '@slow', '@t']);
  });

  it('strips a Feature: keyword the author wrote and supports setext titles', () => {
    expect(build(md('# Feature: Login', '', '## Scenario: s', '- Given x')).document.feature!.name).toBe('Login');
    const setext = build(md('Login page', '==========', '', '## Scenario: s', '- Given x'));
    expect(setext.document.feature!.name).toBe('Login page');
    expect(setext.document.feature!.location.line).toBe(1);
  });

  it('blanks description lines Gherkin would read as something else', () => {
    const source = md('# T', '', 'Plain prose.', '@mention of someone', '| not a table', 'Scenario: in prose', 'Rule: of thumb', '#hashtag', 'Examples: many', 'More prose.', '', '## Scenario: s', '- Given x');
    const r = build(source);
    expect(r.problems).toEqual([]);
    expect(r.document.feature!.description).toBe('Plain prose.\n\n\n\n\n\n\nMore prose.');
    expect(r.pickles).toHaveLength(1);
  });

  it('ignores prose before the title and headings before it that are not scenarios', () => {
    const source = md('Intro text', '', '# Title', '', '## Scenario: s', '- Given x');
    expect(build(source).pickles.map((p) => p.name)).toEqual(['s']);
  });
});

describe('steps', () => {
  it('accepts every list marker and emphasised keywords, keeping the keyword column', () => {
    const source = md(
      '# T',
      '## Scenario: markers',
      '- Given dash',
      '* When star',
      '+ Then plus',
      '',
      '1. And ordered',
      '2) But paren',
      '',
      '- **Given** bold',
      '- __When__ underscored',
      '- *Then* italic',
      '- _And_ also italic',
      '',
      'Some prose between lists.',
      '',
      '   - Given indented list',
    );
    const r = build(source);
    expect(r.problems).toEqual([]);
    const steps = r.pickles[0]!.steps;
    expect(steps.map((s) => s.text)).toEqual(['dash', 'star', 'plus', 'ordered', 'paren', 'bold', 'underscored', 'italic', 'also italic', 'indented list']);
    expect(steps.map((s) => s.keyword.trim())).toEqual(['Given', 'When', 'Then', 'And', 'But', 'Given', 'When', 'Then', 'And', 'Given']);
    for (const step of steps) {
      expect(step.line).toBe(lineOf(source, step.text));
      expect(step.column).toBe(keywordColumn(source, step.line));
    }
  });

  it('keeps the raw markup of the step text', () => {
    const r = build(md('# T', '## Scenario: s', '- Given the file `a.txt` contains **"hi"**  '));
    expect(r.pickles[0]!.steps[0]!.text).toBe('the file `a.txt` contains **"hi"**');
  });

  it('treats lowercase, glued or empty keywords and items outside scenarios as prose', () => {
    const source = md('# T', '', '- Given in the description', '', '## Scenario: s', '- given lowercase', '- Givenx glued', '- Given', '- Plain item', '- Given real');
    const r = build(source);
    expect(r.pickles[0]!.steps.map((s) => s.text)).toEqual(['real']);
    expect(r.gherkin).not.toContain('lowercase');
    // Only the one that reads like a step is worth a word; a glued or empty keyword is no step.
    expect(r.warnings.map((w) => [w.code, w.location?.line])).toEqual([['SPEC_STEP_DROPPED', 6]]);
  });

  it('warns at every line under a scenario that reads like a step but does not run', () => {
    const source = md(
      '# T', '## Scenario: s', '- Given real', '- then lower', '- [ ] Then boxed', '- **then** bold', '- **Then:** bold colon', '- Then: glued colon', '> - Then quoted',
      '> And quoted too', '', 'then a prose line', 'that wraps and then', '', '    Then indented code', '', '```text', 'Given fenced', '```', '### Then a heading',
    );
    const r = build(source);
    expect(r.problems).toEqual([]);
    expect(r.pickles[0]!.steps.map((s) => s.text)).toEqual(['real']);
    expect(r.warnings.map((w) => [w.code, w.location?.line])).toEqual(
      [4, 5, 6, 7, 8, 9, 10, 12, 15, 18, 20].map((line) => ['SPEC_STEP_DROPPED', line]),
    );
  });

  it('warns at steps folded into an HTML block under a scenario, but leaves an HTML comment commented out', () => {
    const source = md('# T', '## Scenario: s', '- Given real', '<details>', '<summary>More</summary>', '- Then folded', '</details>', '', '<!--', '- Then commented out', '-->');
    const r = build(source);
    expect(r.pickles[0]!.steps.map((s) => s.text)).toEqual(['real']);
    expect(r.warnings.map((w) => [w.code, w.location?.line])).toEqual([['SPEC_STEP_DROPPED', 6]]);
    expect(r.warnings[0]!.message).toContain('HTML block');
  });

  it('leaves prose alone that only begins with a keyword-like word, and gherkin blocks to the compiler', () => {
    const source = md('# T', '## Scenario: s', '- Given real', '- Andrew reviews this', '- Thenceforth nothing', '> Note: given time', '', '```gherkin', 'Given from the block', '```', '## Notes', '- then, outside any scenario');
    const r = build(source);
    expect(r.warnings).toEqual([]);
  });

  it('warns at step list items outside any scenario: a heading without its colon, a criteria section', () => {
    const source = md(
      '# T', '', '## Scenario refunds are capped', '- Then capped', '', '## Scenario: s', '- Given real', '',
      '## Acceptance criteria', '- Given one', '- Plain item', '- Then two', '', '## Notes', '- Given the budget, we chose less',
      '', '## Examples of use', '* Given star', '* Then star again',
    );
    const r = build(source);
    expect(r.problems).toEqual([]);
    expect(r.pickles.map((p) => p.steps.map((s) => s.text))).toEqual([['real']]);
    expect(r.warnings.map((w) => [w.code, w.location?.line])).toEqual([4, 10, 12, 18, 19].map((line) => ['SPEC_STEP_DROPPED', line]));
    expect(r.warnings[0]!.message).toContain('no colon after "Scenario"');
  });

  it('warns at step items nested under a prose list item outside any scenario', () => {
    const source = md('# T', '## Scenario: s', '- Given real', '', '## Acceptance', '- Checkout:', '  - Given a cart', '  - Then it pays', '- Notes', '  - Given the budget, we chose less');
    const r = build(source);
    expect(r.warnings.map((w) => [w.code, w.location?.line])).toEqual([7, 8].map((line) => ['SPEC_STEP_DROPPED', line]));
  });

  it('keeps a prose-only document whose listed steps would vanish with it', () => {
    const r = compileMarkdownSpec(md('# Notes', '## Scenario Outline pricing', '- Given a price'), FILE);
    expect(r.hasScenarios).toBe(false);
    expect(r.warnings.map((w) => [w.code, w.location?.line])).toEqual([['SPEC_STEP_DROPPED', 3]]);
  });

  it('reports a step whose paragraph continues on the next line', () => {
    const source = md('# T', '## Scenario: s', '- Given a step', '  that wraps', '- Then ok');
    const r = build(source);
    expect(messages(r)).toEqual(['4: A Gherkin step is one line, but this step continues on the next line']);
    expect(r.problems[0]!.code).toBe('SPEC_MARKDOWN');
    expect(r.problems[0]!.location!.file).toBe(FILE);
  });

  it('treats nested lists under steps as prose, warning about a nested item that reads like a step', () => {
    const source = md('# T', '## Scenario: s', '- Given a', '  - Then nested is prose', '  - a note', '- When b');
    const r = build(source);
    expect(r.pickles[0]!.steps.map((s) => s.text)).toEqual(['a', 'b']);
    expect(r.warnings.map((w) => [w.code, w.location?.line])).toEqual([['SPEC_STEP_DROPPED', 4]]);
  });

  it('ends a scenario at a heading of the same or shallower depth, not a deeper one', () => {
    const source = md('# T', '## Scenario: s', '- Given a', '#### Deeper', '- When b', '### Still deeper than nothing', '- Then c', '## Notes', '- Then prose');
    const r = build(source);
    expect(r.pickles[0]!.steps.map((s) => s.text)).toEqual(['a', 'b', 'c']);
    expect(r.gherkin).not.toContain('prose');
  });
});

describe('tags on headings', () => {
  it('puts a heading tag line on the free line above it', () => {
    const source = md('# T', '', '## Scenario: a @one @two', '- Given x', '', '', '## Scenario: b @three', '- Given y');
    const r = build(source);
    expect(linesOf(r.gherkin)[1]).toBe('@one @two');
    expect(linesOf(r.gherkin)[5]).toBe('@three');
    expect(r.pickles.map((p) => p.tags)).toEqual([['@one', '@two'], ['@three']]);
  });

  it('reports tags that have no free line above their heading', () => {
    const source = md('# T', '', '## Scenario: a', '- Given x', '## Scenario: b @late', '- Given y');
    const r = build(source);
    expect(messages(r)).toEqual([expect.stringMatching(/^5: No free line above line 5 for its tags @late/)]);
    expect(r.problems[0]!.hint).toBe('Add a blank line before this heading.');
  });

  it('rejects tags on a Background', () => {
    const r = build(md('# T', '', '## Background @nope', '- Given x', '', '## Scenario: s', '- Then y'));
    expect(messages(r)).toEqual(['3: Gherkin does not allow tags on a Background']);
    expect(r.pickles[0]!.steps.map((s) => s.text)).toEqual(['x', 'y']);
  });
});

describe('background, rules and examples', () => {
  it('accepts Background with or without a colon but not as a prose heading', () => {
    const source = md('# T', '## Background and motivation', 'prose', '## Background', '- Given setup', '## Scenario: s', '- Then y');
    const r = build(source);
    expect(r.problems).toEqual([]);
    expect(r.pickles[0]!.steps.map((s) => [s.text, s.line])).toEqual([
      ['setup', 5],
      ['y', 7],
    ]);
  });

  it('nests scenarios under rules and tags rules', () => {
    const source = md('# T', '', '## Rule: first @r1', '', '### Scenario: a', '- Given x', '', '## Rule: second', '### Background:', '- Given rule setup', '### Example: b', '- Given y');
    const r = build(source);
    expect(r.problems).toEqual([]);
    const rules = r.document.feature!.children.map((c) => c.rule!);
    expect(rules.map((rule) => [rule.name, rule.location.line, rule.tags.map((t) => t.name)])).toEqual([
      ['first', 3, ['@r1']],
      ['second', 8, []],
    ]);
    expect(r.pickles.map((p) => [p.name, p.tags, p.steps.map((s) => s.text)])).toEqual([
      ['a', ['@r1'], ['x']],
      ['b', [], ['rule setup', 'y']],
    ]);
  });

  it('reports a scenario that would silently land inside a preceding rule', () => {
    const source = md('# T', '## Rule: r', '### Scenario: in', '- Given x', '## Scenario: outside', '- Given y');
    const r = build(source);
    expect(messages(r)).toEqual(['5: This heading is not nested under the Rule heading at line 2, but Gherkin would silently put it inside that rule']);
    const block = build(md('# T', '', '```gherkin', 'Rule: r', '  Scenario: a', '    Given x', '```', '', '#### Scenario: b', '- Given y'));
    expect(messages(block)).toEqual(['9: This heading is not nested under the Rule in the gherkin block at line 4, but Gherkin would silently put it inside that rule']);
  });

  it('reads a bare "## Background" where Gherkin allows none as a prose section', () => {
    const r = build(md('# T', '## Scenario: s', '- Given x', '## Background', '- Given the market is young', '', '## Scenario: t', '- Given y'));
    expect(r.problems).toEqual([]);
    expect(r.pickles.map((p) => p.steps.map((s) => s.text))).toEqual([['x'], ['y']]);
    const prose = compileMarkdownSpec(md('Notes', '', '## Background', '', '- Given the team', '', '## Examples', '', '| a |', '|---|'), FILE);
    expect([prose.problems, prose.hasScenarios]).toEqual([[], false]);
  });

  it('reports a Background after a scenario or a second Background', () => {
    const late = build(md('# T', '## Scenario: s', '- Given x', '## Background:', '- Given late'));
    expect(messages(late)).toEqual(['4: Gherkin does not allow a Background after a scenario in the same Feature or Rule']);
    expect(late.pickles[0]!.steps.map((s) => s.text)).toEqual(['x']);
    const twice = build(md('# T', '## Background', '- Given a', '## Background:', '- Given b', '## Rule: r', '### Background', '- Given c', '### Scenario: s', '- Then d'));
    expect(messages(twice)).toEqual(['4: Gherkin does not allow a second Background in the same Feature or Rule']);
    expect(twice.pickles[0]!.steps.map((s) => s.text)).toEqual(['a', 'c', 'd']);
  });

  it('accepts emphasised heading keywords', () => {
    const source = md('# T', '## **Scenario:** one', '- Given a', '## __Scenario__: two', '- Given b');
    const r = build(source);
    expect(r.pickles.map((p) => [p.name, p.line])).toEqual([
      ['one', 2],
      ['two', 4],
    ]);
    expect(r.document.feature!.children[0]!.scenario!.location.column).toBe(6);
  });

  it('reports an Examples heading with no table, outside an outline, and steps after Examples', () => {
    const noTable = build(md('# T', '## Scenario Outline: o', '- Given <a>', '### Examples', 'no table here', '## Notes'));
    expect(messages(noTable)).toEqual(['4: This Examples heading has no table under it']);
    const outside = build(md('# T', '## Examples:', '| a |', '|---|', '| 1 |'));
    expect(messages(outside)).toEqual(['2: This Examples heading is not under a Scenario Outline']);
    // Without a colon it may just be a prose section called "Examples".
    expect(build(md('# T', '## Examples', '| a |', '|---|', '| 1 |')).problems).toEqual([]);
    const after = build(md('# T', '## Scenario Outline: o', '- Given <a>', '### Examples', '| a |', '|---|', '| 1 |', '', '- Then <a> late'));
    expect(messages(after)).toEqual(['9: This step comes after the Examples heading; Gherkin allows no steps there']);
  });

  it('accepts several Examples blocks, Scenario Template and Scenarios keywords', () => {
    const source = md('# T', '## Scenario Template: add', '- Given <a> + <b>', '### Scenarios', '| a | b |', '|---|---|', '| 1 | 2 |', '', '### Examples: more @more', '', 'a | b', '--|--', '3 | 4');
    const r = build(source);
    expect(r.problems).toEqual([]);
    expect(r.pickles.map((p) => [p.steps[0]!.text, p.tags])).toEqual([
      ['1 + 2', []],
      ['3 + 4', ['@more']],
    ]);
  });
});

describe('data tables and doc strings', () => {
  it('takes a table written right under the step (as GitHub renders it) as its data table', () => {
    const source = md('# T', '## Scenario: s', '- Given users:', '  | name | role |', '  |------|------|', '  | ann  | admin |', '  | bob | |', '- Then ok');
    const r = build(source);
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.pickles[0]!.steps[0]!.table).toEqual([
      ['name', 'role'],
      ['ann', 'admin'],
      ['bob', ''],
    ]);
  });

  it('reports a row with fewer or more cells than the header at that row, instead of padding it', () => {
    const source = md('# T', '## Scenario: s', '- Given users:', '  | name | role |', '  |------|------|', '  | ann  | admin |', '  | bob |', '  | cy | dev | extra |', '- Then ok');
    const r = compileMarkdownSpec(source, FILE);
    expect(r.problems.map((p) => [p.code, p.location?.line, p.message])).toEqual([
      ['SPEC_MARKDOWN', 7, 'This table row has 1 cell, but the header at line 4 has 2: inconsistent cell count'],
      ['SPEC_MARKDOWN', 8, 'This table row has 3 cells, but the header at line 4 has 2: inconsistent cell count'],
    ]);
    // The compiled Gherkin itself stays well-formed: only the located problem speaks.
    expect(() => parse(r.gherkin)).not.toThrow();
  });

  it('takes the table after the list when the step is the last item, adding missing pipes', () => {
    const source = md('# T', '## Scenario: s', '- Given pairs:', '', 'a | b \\| c', ':-|--:', '1 | 2', '', 'prose after');
    const r = build(source);
    expect(r.problems).toEqual([]);
    expect(r.pickles[0]!.steps[0]!.table).toEqual([
      ['a', 'b | c'],
      ['1', '2'],
    ]);
    expect(linesOf(r.gherkin)[5]).toBe('');
  });

  it('does not give a table to a step that is not the last item or is followed by other content', () => {
    const source = md('# T', '## Scenario: s', '- Given a', '- Given b', '  - nested note', '', '| x |', '|---|', '| 1 |');
    const r = build(source);
    expect(r.pickles[0]!.steps.map((s) => s.table)).toEqual([undefined, undefined]);
  });

  it('re-indents doc strings so Gherkin keeps the content exact', () => {
    const source = md('# T', '## Scenario: s', '- Given a script:', '    ```sh title="x"', '    if true; then', '      echo "hi"', '', '    fi', '    ```', '- When nothing');
    const r = build(source);
    expect(r.pickles[0]!.steps[0]!.docString).toEqual({ content: 'if true; then\n  echo "hi"\n\nfi', mediaType: 'sh title="x"' });
  });

  it('switches to """ when the content holds ``` and escapes inner """', () => {
    const source = md('# T', '## Scenario: s', '- Given a readme:', '  ~~~markdown', '  ```js', '  x()', '  ```', '  """', '  a """ b', '  ~~~');
    const r = build(source);
    expect(r.problems).toEqual([]);
    expect(r.pickles[0]!.steps[0]!.docString).toEqual({ content: '```js\nx()\n```\n"""\na """ b', mediaType: 'markdown' });
    expect(linesOf(r.gherkin)[3]).toBe('  """markdown');
  });

  it('reports an unclosed fence under a step', () => {
    const r = build(md('# T', '## Scenario: s', '- Given a', '  ```', '  never closed'));
    expect(messages(r)).toEqual(['4: The fenced block under this step is never closed, so it cannot be its doc string']);
  });

  it('never takes a ```gherkin fence as a doc string', () => {
    const source = md('# T', '## Scenario: s', '- Given a', '', '```gherkin', '  Scenario: from block', '    Given b', '```');
    const r = build(source);
    expect(r.pickles.map((p) => [p.name, p.steps.map((s) => s.docString)])).toEqual([
      ['s', [undefined]],
      ['from block', [undefined]],
    ]);
  });
});

describe('gherkin blocks', () => {
  it('keeps the Feature of a block when the document has no title', () => {
    const source = md('---', 'tags: [doc]', '---', 'Some intro.', '', '```gherkin', '@block', 'Feature: From block', '  A description', '', '  Scenario: s', '    Given x', '```', '', '## Scenario: md', '', '- Then y');
    const r = build(source);
    expect(r.problems).toEqual([]);
    expect(r.document.feature!.name).toBe('From block');
    expect(r.document.feature!.location.line).toBe(8);
    expect(r.pickles.map((p) => [p.name, p.tags, p.steps.map((s) => s.line)])).toEqual([
      ['s', ['@block', '@doc'], [12]],
      ['md', ['@block', '@doc'], [17]],
    ]);
  });

  it('reads gherkin blocks inside blockquotes and joins a second block Feature to the first', () => {
    const source = md('> ```gherkin', '> Feature: F', '>   Scenario: a', '>     Given x', '> ```', '', '```feature', 'Feature: Second', '  Scenario: b', '    Given y', '```');
    const r = build(source);
    expect(r.problems).toEqual([]);
    expect(r.document.feature!.name).toBe('F');
    expect(r.pickles.map((p) => [p.name, p.steps[0]!.line])).toEqual([
      ['a', 4],
      ['b', 10],
    ]);
  });

  it('honours a # language line in a block that defines the Feature', () => {
    const source = md('```gherkin', '# language: de', 'Funktionalität: F', '  Szenario: s', '    Angenommen x', '```');
    const r = build(source);
    expect(r.pickles.map((p) => p.steps[0]!.text)).toEqual(['x']);
  });

  it('reports scenarios with no Feature to join', () => {
    const r = build(md('Just notes.', '', '## Scenario: s', '- Given x'));
    expect(messages(r)).toEqual(['3: This document has scenarios but no "# Title" heading to name their Feature']);
    expect(r.hasScenarios).toBe(true);
    const before = build(md('## Scenario: early', '- Given x', '', '# Title', '## Scenario: ok', '- Given y'));
    expect(messages(before)).toEqual(['1: This comes before the Feature at line 4, so it belongs to no Feature']);
    expect(before.pickles.map((p) => p.name)).toEqual(['ok']);
  });

  it('reports a block Background that clashes with the document Background', () => {
    const r = compileMarkdownSpec(md('# T', '## Background', '- Given a', '', '```gherkin', 'Background:', '  Given b', '```'), FILE);
    expect(messages(r)).toEqual(['6: Gherkin allows one Background per Feature or Rule, above its first scenario']);
  });

  it('reports an unclosed gherkin block', () => {
    const r = compileMarkdownSpec(md('# T', '```gherkin', 'Scenario: s', '  Given x'), FILE);
    expect(messages(r)).toEqual(['2: This ```gherkin block is never closed']);
  });
});

describe('prose documents', () => {
  it('has no scenarios and no problems for a plain design note', () => {
    const source = md('# ADR 12: Use queues', '', 'We decided to use queues.', '', '## Consequences', '', '- Given the load, this is prose', '', '```ts', 'const x = 1;', '```');
    const r = compileMarkdownSpec(source, FILE);
    expect(r.problems).toEqual([]);
    expect(r.hasScenarios).toBe(false);
  });
});

describe('front matter', () => {
  it('normalises tags and covers', () => {
    const r = compileMarkdownSpec(md('---', 'tags: "a, @b c"', 'covers: src/x/**', 'status: draft', '---', '# T'), FILE);
    expect(r.problems).toEqual([]);
    expect(r.frontMatter).toEqual({ tags: ['@a', '@b', '@c'], covers: ['src/x/**'], status: 'draft' });
  });

  it('keeps and ignores the keys of PRDs and ADRs, with no problem and no warning', () => {
    const fm = ['title: Checkout', 'author: Dana', 'date: 2024-11-04', 'reviewers: [sam, priya]', 'deciders: [a]', 'id: 7', 'tags: [x]'];
    const r = compileMarkdownSpec(md('---', ...fm, '---', '# T'), FILE);
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.frontMatter).toEqual({ title: 'Checkout', author: 'Dana', date: '2024-11-04', reviewers: ['sam', 'priya'], deciders: ['a'], id: 7, tags: ['@x'], covers: [] });
  });

  it('warns about a key that looks like a misspelt known key, and keeps the valid keys', () => {
    const r = compileMarkdownSpec(md('---', 'tags: [x]', 'owners: me', 'Tags: y', 'lang: fr', 'stauts: draft', 'title: T', '---', '# T'), FILE);
    expect(r.problems).toEqual([]);
    expect(r.frontMatter.tags).toEqual(['@x']);
    expect(r.frontMatter.language).toBeUndefined();
    expect(r.warnings.map((w) => [w.code, w.location?.line, /did you mean "(\w+)"/.exec(w.message)?.[1]])).toEqual([
      ['SPEC_FRONT_MATTER_KEY', 3, 'owner'],
      ['SPEC_FRONT_MATTER_KEY', 4, 'tags'],
      ['SPEC_FRONT_MATTER_KEY', 5, 'language'],
      ['SPEC_FRONT_MATTER_KEY', 6, 'status'],
    ]);
  });

  it('reads status case-insensitively; an unknown status is a warning and counts as accepted, never as draft', () => {
    expect(compileMarkdownSpec(md('---', 'status: Draft', '---', '# T'), FILE).frontMatter.status).toBe('draft');
    expect(compileMarkdownSpec(md('---', 'status: Accepted', '---', '# T'), FILE).frontMatter.status).toBe('accepted');
    const r = compileMarkdownSpec(md('---', 'title: ADR 3', 'status: proposed', '---', '# T'), FILE);
    expect(r.problems).toEqual([]);
    expect(r.frontMatter.status).toBeUndefined();
    expect(r.warnings.map((w) => [w.code, w.location?.line])).toEqual([['SPEC_FRONT_MATTER_KEY', 3]]);
    expect(r.warnings[0]!.message).toContain('counts as accepted');
  });

  it('accepts one owner or a list of owners, and still rejects a wrong type', () => {
    expect(compileMarkdownSpec(md('---', 'owner: [ann, bob]', '---', '# T'), FILE).problems).toEqual([]);
    const r = compileMarkdownSpec(md('---', 'owner: {name: ann}', '---', '# T'), FILE);
    expect(r.problems.map((p) => [p.location?.line, p.message])).toEqual([[2, 'Front matter "owner": expected a string or a list of strings']]);
  });

  it('reports invalid YAML at its line in the file', () => {
    const r = compileMarkdownSpec(md('---', 'tags: [a', 'owner: x', '---', '# T'), FILE);
    expect(r.problems.map((p) => [p.location?.line, p.message])).toEqual([[3, expect.stringMatching(/^Invalid YAML in front matter: /)]]);
    expect(r.frontMatter).toEqual({ tags: [], covers: [] });
  });

  it('reports front matter that is never closed, whose keys would otherwise be read as prose', () => {
    const r = compileMarkdownSpec(md('---', 'tags: [smoke]', 'status: draft', '# T', '## Scenario: s', '- Given x'), FILE);
    expect(r.problems.map((p) => [p.code, p.location?.line])).toEqual([['SPEC_MARKDOWN', 1]]);
    expect(r.problems[0]!.message).toContain('never closed');
    // A thematic break at the top of a document is no front matter.
    expect(compileMarkdownSpec(md('---', '', '# T', '## Scenario: s', '- Given x'), FILE).problems).toEqual([]);
  });

  it('treats empty keys as unset and explains wrong types', () => {
    const r = parseFrontMatter('tags:\nowner:\ncovers: [1]', 2, FILE);
    expect(r.frontMatter).toEqual({ tags: [], covers: [] });
    expect(r.problems.map((p) => [p.location?.line, p.message])).toEqual([[4, 'Front matter "covers": expected a string or a list of strings']]);
  });

  it('reports front matter that is not a mapping and unknown languages', () => {
    expect(parseFrontMatter('- a\n- b', 2, FILE).problems.map((p) => p.message)).toEqual(['Front matter must be a YAML mapping of keys to values']);
    const r = compileMarkdownSpec(md('---', 'language: xx', '---', '# T', '## Scenario: s', '- Given x'), FILE);
    expect(r.problems.map((p) => p.location?.line)).toEqual([2]);
    expect(linesOf(r.gherkin)[0]).toBe('');
    expect(r.gherkin).toContain('Given x');
  });

  it('warns at an English step keyword under a scenario of a document in another language', () => {
    const source = md('---', 'language: fr', '---', '# Panier', '## Scénario: s', '- Soit un panier', '- Then the total is 3', '- Thenceforth prose');
    const r = compileMarkdownSpec(source, FILE);
    expect(r.warnings.map((w) => [w.code, w.location?.line])).toEqual([['SPEC_STEP_DROPPED', 7]]);
    expect(r.warnings[0]!.message).toContain('fr');
    expect(r.warnings[0]!.hint).toContain('- Alors');
  });

  it('compiles a French document with # language on line 1', () => {
    const source = md('---', 'language: fr', 'tags: panier', '---', '# Panier', '', '## Contexte', '- Soit un catalogue', '', '## Scénario: ajouter @rapide', '', '- Quand j\'ajoute "A1"', '- **Alors** le panier contient 1 article', '', '## Plan du scénario: quantités', '- Étant donné <n> articles', '### Exemples', '| n |', '|---|', '| 2 |');
    const result = compileMarkdownSpec(source, FILE);
    expect(linesOf(result.gherkin)[0]).toBe('# language: fr');
    expect(result.problems).toEqual([]);
    const r = parse(result.gherkin); // the header alone switches the dialect
    expect(r.document.feature!.keyword).toBe('Fonctionnalité');
    expect(r.pickles.map((p) => [p.name, p.tags, p.steps.map((s) => [s.keyword, s.text, s.line])])).toEqual([
      ['ajouter', ['@panier', '@rapide'], [['Soit ', 'un catalogue', 8], ['Quand ', 'j\'ajoute "A1"', 12], ['Alors ', 'le panier contient 1 article', 13]]],
      ['quantités', ['@panier'], [['Soit ', 'un catalogue', 8], ['Étant donné ', '2 articles', 16]]],
    ]);
  });
});

describe('robustness', () => {
  const fragments = [
    '# Title', '# T @x', '## Scenario: s', '### Scenario Outline: o <a>', '## Background', '## Rule: r', '### Examples', '## Notes', '#### Deep',
    '- Given a', '* When b', '1. Then c', '- And <a>', '- prose', '  - Given nested', '- Given wrapped', 'continued',
    '| a | b |', '|---|---|', '| 1 | 2 |', 'x | y', '```', '```json', '~~~', '```gherkin', 'Feature: F', 'Scenario: g', 'Given z',
    '"""', '> quote', '> ```gherkin', '<div>', '---', 'tags: [a]', '', '', '', '@tag', 'Paragraph text', '  indented', '\t- Given tab',
  ];

  function randomDoc(seed: number): string {
    let s = seed;
    const next = () => (s = (s * 1103515245 + 12345) % 2147483648);
    const count = 1 + (next() % 30);
    return Array.from({ length: count }, () => fragments[next() % fragments.length]!).join(next() % 5 === 0 ? '\r\n' : '\n');
  }

  it('never throws and always keeps the line count on random markdown', () => {
    for (let seed = 1; seed <= 1500; seed++) {
      const source = randomDoc(seed);
      const r = compileMarkdownSpec(source, FILE);
      expect(linesOf(r.gherkin)).toHaveLength(linesOf(source).length);
      expect(r.problems.filter((p) => p.code === 'SPEC_INTERNAL')).toEqual([]);
    }
  });

  /** Plausible documents: a title, then headings of every kind with steps, arguments and prose. */
  function structuredDoc(seed: number): string {
    let s = seed;
    const next = () => (s = (s * 1103515245 + 12345) % 2147483648);
    const pick = <T,>(items: T[]) => items[next() % items.length]!;
    const out: string[] = [];
    if (next() % 3 === 0) out.push('---', pick(['tags: [a, b]', 'tags: x', 'owner: me', 'language: en']), '---');
    out.push(pick(['# Title', '# Title @t', 'Title\n=====']));
    for (let i = 1 + (next() % 8); i > 0; i--) {
      if (next() % 4 !== 0) out.push('');
      const heading = pick(['Scenario: s', 'Scenario Outline: o', 'Background', 'Rule: r', 'Examples', 'Notes', 'Example: e']);
      out.push(`${'#'.repeat(2 + (next() % 3))} ${heading}${pick(['', '', ' @x', ' @x @y'])}`);
      for (let j = next() % 5; j > 0; j--) {
        out.push(
          ...pick([
            ['- Given a <a>'], ['* When b'], ['1. Then c'], ['- prose'], ['', 'Prose para.'], ['- Given t:', '  | a | b |', '  |---|---|', '  | 1 | 2 |'],
            ['- Given d:', '  ```json', '  {"x": 1}', '  ```'], ['', '| a |', '|---|', '| 1 |'], ['- **And** e', '  - note'], ['', '```', 'code', '```'],
            ['> quote'], [''], ['- Given x', '', '  ```', '  """', '  ```'], ['- Given wrap', 'lazy'], ['', '```gherkin', '  Scenario: blk', '    Given q', '```'],
          ]),
        );
      }
    }
    return out.join('\n');
  }

  it('produces Gherkin that parses whenever it reports no problems', () => {
    let checked = 0;
    for (let seed = 1; seed <= 1500; seed++) {
      const source = structuredDoc(seed);
      const r = compileMarkdownSpec(source, FILE);
      expect(linesOf(r.gherkin)).toHaveLength(linesOf(source).length);
      if (r.problems.length > 0) continue;
      checked++;
      expect(() => parse(r.gherkin), source).not.toThrow();
    }
    expect(checked).toBeGreaterThan(1000);
  });
});

describe('tables without a delimiter row', () => {
  const noDelimiter = (r: MarkdownCompileResult) => r.warnings.filter((w) => w.code === 'SPEC_TABLE_NO_DELIMITER').map((w) => w.location);

  it('takes rows of pipes under a step as its data table, with a warning at the header', () => {
    const source = md('# Cart', '', '## Scenario: add', '', '- Given these items:', '', '  | sku | qty |', '  | pen | 2   |', '', '- Then it works', '');
    const r = build(source);
    expect(r.problems).toEqual([]);
    expect(r.pickles[0]!.steps[0]!.table).toEqual([['sku', 'qty'], ['pen', '2']]);
    expect(noDelimiter(r)).toEqual([{ file: FILE, line: 7, column: 3 }]);
    expect(r.warnings[0]!.hint).toContain('| --- | --- |');
  });

  it('takes them as the table also right under the step, after the list, and as Examples', () => {
    const source = md(
      '# T', '## Scenario: a', '- Given rows:', '  | x |', '  | 1 |', '- Then ok',
      '## Scenario Outline: o', '- Given rows:', '', '| y |', '| 2 |', '',
      '### Examples', '', '| n |', '| 3 |', '| 4 |',
    );
    const r = build(source);
    expect(r.problems).toEqual([]);
    expect(r.pickles.map((p) => p.steps[0]!.table)).toEqual([[['x'], ['1']], [['y'], ['2']], [['y'], ['2']]]);
    expect(noDelimiter(r).map((l) => l?.line)).toEqual([4, 10, 15]);
  });

  it('reports a row with a wrong cell count, and a delimiter row that does not match the header', () => {
    const source = md('# T', '## Scenario: a', '- Given rows:', '', '  | x | y |', '  | 1 |', '', '## Scenario Outline: o', '- Given <n>', '### Examples', '| n | m |', '|---|', '| 3 | 4 |');
    const r = compileMarkdownSpec(source, FILE);
    expect(r.problems.map((p) => [p.location?.line, p.message])).toEqual([
      [6, 'This table row has 1 cell, but the header at line 5 has 2: inconsistent cell count'],
      [12, 'This table delimiter row has 1 cell, but the header at line 11 has 2: inconsistent cell count'],
    ]);
  });
});

describe('steps written as plain lines', () => {
  it('compiles each line that starts with a step keyword as a step on its own line, with a warning', () => {
    const source = md('# T', '', '## Scenario: s', '', 'Some context first.', 'Given a cart', '**When** I pay', 'Then I get a receipt', '', '- And a list step');
    const r = build(source);
    expect(r.problems).toEqual([]);
    expect(r.pickles[0]!.steps.map((s) => [s.keyword, s.text, s.line, s.column])).toEqual([
      ['Given ', 'a cart', 6, 1],
      ['When ', 'I pay', 7, 3],
      ['Then ', 'I get a receipt', 8, 1],
      ['And ', 'a list step', 10, 3],
    ]);
    expect(r.warnings.map((w) => [w.code, w.location?.line])).toEqual([['SPEC_STEP_NOT_LISTED', 6]]);
  });

  it('gives the pipe rows and the fence under a plain-line step to it as its argument', () => {
    const source = md('# T', '## Scenario: s', 'Given rows:', '| a |', '| 1 |', 'When I send:', '', '```json', '{}', '```');
    const r = build(source);
    expect(r.problems).toEqual([]);
    const [rows, send] = r.pickles[0]!.steps;
    expect(rows!.table).toEqual([['a'], ['1']]);
    expect(send!.docString).toEqual({ content: '{}', mediaType: 'json' });
  });

  it('reads plain-line steps in the dialect the front matter names', () => {
    const source = md('---', 'language: fr', '---', '# Panier', '## Scénario: s', 'Soit un panier', 'Quand je paie');
    const r = build(source, 'fr');
    expect(r.pickles[0]!.steps.map((s) => [s.keyword, s.line])).toEqual([['Soit ', 6], ['Quand ', 7]]);
  });

  it('never drops a keyword line silently: a line that continues a step is an error there', () => {
    const source = md('# T', '## Scenario: s', 'When a card has expired, we tell the customer', 'before they confirm.');
    const r = compileMarkdownSpec(source, FILE);
    expect(r.problems.map((p) => [p.location?.line, p.message])).toEqual([[4, 'A Gherkin step is one line, but this step continues on the next line']]);
  });

  it('leaves prose paragraphs and prose outside scenarios alone', () => {
    const source = md('# T', '', 'Given a busy week, this is description.', '', '## Scenario: s', '', 'Prose about it.', '', '- Given a', '', '## Notes', '', 'When this is prose under a plain heading, it stays prose.');
    const r = build(source);
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.pickles[0]!.steps.map((s) => s.text)).toEqual(['a']);
  });

  it('reports a plain-line step after the Examples heading, as for a list step', () => {
    const source = md('# T', '## Scenario Outline: o', '- Given <n>', '### Examples', '| n |', '|---|', '| 1 |', '', 'Then late');
    expect(messages(compileMarkdownSpec(source, FILE))).toEqual(['9: This step comes after the Examples heading; Gherkin allows no steps there']);
  });
});
