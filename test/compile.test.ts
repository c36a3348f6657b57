import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMPILED_DIR, compileSpecs } from '../src/spec/compile.js';
import { parseGherkin, compilePickles, hasScenarios } from '../src/spec/gherkin.js';

const dirs: string[] = [];

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'specloop-compile-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) write(dir, name, content);
  return dir;
}

function write(root: string, name: string, content: string): void {
  fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
  fs.writeFileSync(path.join(root, name), content);
}

afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const GOOD_FEATURE = 'Feature: Cart\n\n  Scenario: add\n    Given an empty cart\n    When I add 2 apples\n    Then the cart holds 2 items\n';

const LOGIN_MD = [
  '# Login', // 1
  '', // 2
  'People sign in with a password.', // 3
  '', // 4
  '## Scenario: right password', // 5
  '', // 6
  '- Given a user "bob"', // 7
  '- When he signs in with "secret"', // 8
  '- Then he sees his dashboard', // 9
  '',
].join('\n');

describe('parseGherkin', () => {
  it('parses a feature into a document and pickles with source lines', () => {
    const parsed = parseGherkin(GOOD_FEATURE, 'features/cart.feature', false);
    expect(parsed.problems).toEqual([]);
    expect(parsed.document?.feature?.name).toBe('Cart');
    expect(parsed.document?.uri).toBe('features/cart.feature');
    const pickles = compilePickles(parsed.document, 'features/cart.feature');
    expect(pickles).toHaveLength(1);
    expect(hasScenarios(parsed.document)).toBe(true);
    expect(pickles[0]!.uri).toBe('features/cart.feature');
    expect(pickles[0]!.steps.map((s) => s.text)).toEqual(['an empty cart', 'I add 2 apples', 'the cart holds 2 items']);
    expect(pickles[0]!.location?.line).toBe(3);
  });

  it('reports a parse error at its line and column, as SPEC_PARSE on the uri, without the (l:c) prefix', () => {
    const parsed = parseGherkin('Feature: A\n  Scenario: s\n    Given x\n    this is prose\n', 'features/a.feature', false);
    expect(parsed.problems).toHaveLength(1);
    const problem = parsed.problems[0]!;
    expect(problem.code).toBe('SPEC_PARSE');
    expect(problem.location).toEqual({ file: 'features/a.feature', line: 4, column: 5 });
    expect(problem.message).not.toMatch(/^\(\d+:\d+\)/);
    expect(problem.message).toContain("got 'this is prose'");
    expect(problem.hint).toBeTruthy();
  });

  it('collects every parse error of a file, not just the first', () => {
    const text = 'Feature: A\n  Scenario: s\n    Given x\n    prose one\n  Scenario: t\n    Given y\n    prose two\n';
    const parsed = parseGherkin(text, 'a.feature', false);
    expect(parsed.problems.map((p) => p.location?.line)).toEqual([4, 7]);
    expect(parsed.problems.map((p) => p.location?.column)).toEqual([5, 5]);
  });

  it('an inconsistent table gets the table hint', () => {
    const parsed = parseGherkin('Feature: A\n  Scenario: t\n    Given x\n      | a | b |\n      | c |\n', 'a.feature', false);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]!.location).toMatchObject({ file: 'a.feature', line: 5 });
    expect(parsed.problems[0]!.hint).toBe('give every row of the table the same number of cells');
  });

  it('an unclosed doc string is located and gets the doc string hint', () => {
    const parsed = parseGherkin('Feature: A\n  Scenario: s\n    Given x\n    """\n    open\n', 'd.feature', false);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]!.message).toMatch(/unexpected end of file/);
    expect(parsed.problems[0]!.location?.line).toBe(6);
    expect(parsed.problems[0]!.hint).toMatch(/close every doc string/);
  });

  it('a file that does not start with Feature gets the "start the file with Feature" hint', () => {
    const parsed = parseGherkin('Given x\n', 'e.feature', false);
    expect(parsed.problems[0]!.location).toEqual({ file: 'e.feature', line: 1, column: 1 });
    expect(parsed.problems[0]!.hint).toMatch(/^start the file with "Feature: <name>"/);
  });

  // The expected-token list after a step always contains "#DocStringSeparator", so the doc-string
  // hint must not be chosen just because that token name appears in the message.
  it('a stray prose line after a step gets the steps/prose hint, not the doc string one', () => {
    const parsed = parseGherkin('Feature: A\n  Scenario: s\n    Given x\n    this is prose\n', 'a.feature', false);
    expect(parsed.problems[0]!.hint).toMatch(/^steps start with Given\/When\/Then/);
  });

  it('a second Feature after a step gets the "one Feature per file" hint', () => {
    const parsed = parseGherkin('Feature: A\n  Scenario: s\n    Given x\n  Feature: B\n', 'a.feature', false);
    expect(parsed.problems[0]!.location?.line).toBe(4);
    expect(parsed.problems[0]!.hint).toMatch(/^a file holds one Feature/);
  });

  it('after a table row (no doc string possible) the same mistakes get their own hints', () => {
    const prose = parseGherkin('Feature: A\n  Scenario: s\n    Given x\n      | a |\n    prose\n', 'a.feature', false);
    expect(prose.problems[0]!.location).toMatchObject({ line: 5 });
    expect(prose.problems[0]!.hint).toMatch(/^steps start with Given\/When\/Then/);
    const second = parseGherkin('Feature: A\n  Scenario: s\n    Given x\n      | a |\n  Feature: B\n', 'a.feature', false);
    expect(second.problems[0]!.hint).toMatch(/^a file holds one Feature/);
  });

  it('honours the # language: header (French)', () => {
    const parsed = parseGherkin('# language: fr\nFonctionnalité: Panier\n  Scénario: ajout\n    Soit un panier vide\n    Quand j\'ajoute 2 pommes\n    Alors le panier contient 2 articles\n', 'fr.feature', false);
    expect(parsed.problems).toEqual([]);
    expect(parsed.document?.feature?.language).toBe('fr');
    expect(parsed.document?.feature?.name).toBe('Panier');
    const pickles = compilePickles(parsed.document, 'fr.feature');
    expect(pickles[0]!.language).toBe('fr');
    expect(pickles[0]!.steps.map((s) => s.text)).toEqual(['un panier vide', "j'ajoute 2 pommes", 'le panier contient 2 articles']);
  });

  it('English keywords are parse errors in a French file', () => {
    const parsed = parseGherkin('# language: fr\nFeature: Panier\n', 'fr.feature', false);
    expect(parsed.problems.length).toBeGreaterThan(0);
    expect(parsed.problems[0]!.location?.line).toBe(2);
  });

  it("parses Cucumber's Markdown flavour when asked to", () => {
    const text = '# Feature: Markdown\n\n## Scenario: s\n* Given x\n* When y\n';
    const parsed = parseGherkin(text, 'f.feature.md', true);
    expect(parsed.problems).toEqual([]);
    expect(compilePickles(parsed.document, parsed.document!.uri!)).toHaveLength(1);
    expect(compilePickles(parsed.document, parsed.document!.uri!)[0]!.name).toBe('s');
    expect(compilePickles(parsed.document, parsed.document!.uri!)[0]!.steps.map((s) => s.text)).toEqual(['x', 'y']);
    expect(compilePickles(parsed.document, parsed.document!.uri!)[0]!.location?.line).toBe(3);
  });

  it('gives every pickle of an outline its own example row line', () => {
    const text = 'Feature: O\n  Scenario Outline: eat <n>\n    Given I eat <n>\n    Examples:\n      | n |\n      | 1 |\n      | 2 |\n';
    const parsed = parseGherkin(text, 'o.feature', false);
    expect(compilePickles(parsed.document, parsed.document!.uri!).map((p) => p.name)).toEqual(['eat 1', 'eat 2']);
    expect(compilePickles(parsed.document, parsed.document!.uri!).map((p) => p.steps[0]!.text)).toEqual(['I eat 1', 'I eat 2']);
    // ids are unique across parses (one generator for the whole process)
    const again = parseGherkin(text, 'o.feature', false);
    expect(new Set([...compilePickles(parsed.document, parsed.document!.uri!), ...compilePickles(again.document, again.document!.uri!)].map((p) => p.id)).size).toBe(4);
  });
});

describe('compileSpecs', () => {
  it('collects parse errors from every file, each at its own file, line and column', async () => {
    const root = project({
      'features/one.feature': 'Feature: One\n  Scenario: s\n    Given x\n    oops\n',
      'features/two.feature': 'Feature: Two\n\n  Scenario: t\n    Given y\n      | a | b |\n      | c |\n',
      'features/fine.feature': GOOD_FEATURE,
      'features/three.feature.md': '# Feature: Three\n\n## Scenario: u\n* Given z\n  | a | b |\n  | c |\n',
    });
    const compiled = await compileSpecs(root, ['features/one.feature', 'features/two.feature', 'features/fine.feature', 'features/three.feature.md']);
    expect(compiled.files.map((f) => f.path)).toEqual(['features/one.feature', 'features/two.feature', 'features/fine.feature', 'features/three.feature.md']);
    const where = compiled.problems.map((p) => `${p.location?.file}:${p.location?.line}`);
    expect(where).toEqual(['features/one.feature:4', 'features/two.feature:6', 'features/three.feature.md:6']);
    expect(compiled.problems.every((p) => p.code === 'SPEC_PARSE' && typeof p.location?.column === 'number')).toBe(true);
    expect(compiled.files.find((f) => f.path === 'features/fine.feature')!.problems).toEqual([]);
  });

  it('reports a binary file at line 1 and a stray control character at its own line, without parsing either', async () => {
    const root = project({
      'features/logo.feature': '\u0089PNG\r\n\u001a\n\u0000\u001b[2J',
      'features/typo.feature': 'Feature: T\r\n  Scenario: s\r\n    Given a\u0008b\n',
      'features/tabs.feature': 'Feature: T\f\n\tScenario: s\r\n\t\tGiven a\n',
    });
    const compiled = await compileSpecs(root, ['features/logo.feature', 'features/typo.feature', 'features/tabs.feature']);
    expect(compiled.problems.map((p) => [p.code, `${p.location?.file}:${p.location?.line}:${p.location?.column}`])).toEqual([
      ['SPEC_PARSE', 'features/logo.feature:1:1'],
      ['SPEC_PARSE', 'features/typo.feature:3:12'],
    ]);
    expect(compiled.problems[0]!.message).toContain('not a text file');
    expect(compiled.problems[1]!.message).toContain('U+0008');
  });

  it('parses a spec file again only when its text changed (a long-lived watch or MCP process)', async () => {
    const root = project({ 'features/kept.feature': 'Feature: Kept\n  Scenario: s\n    Given x\n' });
    const first = (await compileSpecs(root, ['features/kept.feature'])).files[0]!;
    const again = (await compileSpecs(root, ['features/kept.feature'])).files[0]!;
    expect(again.document).toBe(first.document);
    // Same size, same second: only the text tells the edit apart, and it is what the cache compares.
    const { mtime } = fs.statSync(path.join(root, 'features/kept.feature'));
    write(root, 'features/kept.feature', 'Feature: Kept\n  Scenario: s\n    Given y\n');
    fs.utimesSync(path.join(root, 'features/kept.feature'), mtime, mtime);
    const edited = (await compileSpecs(root, ['features/kept.feature'])).files[0]!;
    expect(edited.document).not.toBe(first.document);
    expect(compilePickles(edited.document, edited.path)[0]!.steps[0]!.text).toBe('y');
    write(root, 'features/kept.feature', 'Feature: Kept\n  Scenario: s\n    Given y\n    oops\n');
    expect((await compileSpecs(root, ['features/kept.feature'])).problems.map((p) => p.location?.line)).toEqual([4]);
  });

  it('runs .feature and .feature.md files from where they are', async () => {
    const root = project({
      'features/a.feature': GOOD_FEATURE,
      'features/b.feature.md': '# Feature: B\n\n## Scenario: s\n* Given x\n',
    });
    const compiled = await compileSpecs(root, ['features/a.feature', 'features/b.feature.md']);
    expect(compiled.problems).toEqual([]);
    expect(compiled.files.map((f) => [f.path, f.kind, f.runPath])).toEqual([
      ['features/a.feature', 'feature', 'features/a.feature'],
      ['features/b.feature.md', 'feature-md', 'features/b.feature.md'],
    ]);
    expect(compilePickles(compiled.files[1]!.document, compiled.files[1]!.path)[0]!.steps[0]!.text).toBe('x');
    expect(compiled.sourceOf.get('features/b.feature.md')).toBe('features/b.feature.md');
    expect(fs.existsSync(path.join(root, COMPILED_DIR))).toBe(false);
  });

  it('compiles a Markdown spec document to .spec/compiled/<path>.feature, line for line', async () => {
    const root = project({ 'docs/login.md': LOGIN_MD });
    const compiled = await compileSpecs(root, ['docs/login.md']);
    expect(compiled.problems).toEqual([]);
    const file = compiled.files[0]!;
    expect(COMPILED_DIR).toBe('.spec/compiled');
    expect(file.kind).toBe('markdown');
    expect(file.runPath).toBe('.spec/compiled/docs/login.md.feature');
    expect(compiled.sourceOf.get('.spec/compiled/docs/login.md.feature')).toBe('docs/login.md');
    const out = fs.readFileSync(path.join(root, file.runPath), 'utf8');
    expect(out.split('\n')).toHaveLength(LOGIN_MD.split('\n').length);
    const lines = out.split('\n');
    expect(lines[0]!.trim()).toBe('Feature: Login');
    expect(lines[4]!.trim()).toBe('Scenario: right password');
    expect(lines[6]!.trim()).toBe('Given a user "bob"');
    expect(lines[8]!.trim()).toBe('Then he sees his dashboard');
    // the pickles carry the source path and source lines
    expect(compilePickles(file.document, file.path)).toHaveLength(1);
    expect(compilePickles(file.document, file.path)[0]!.uri).toBe('docs/login.md');
    expect(compilePickles(file.document, file.path)[0]!.location?.line).toBe(5);
    expect(file.document?.feature?.children[0]?.scenario?.steps.map((s) => s.location.line)).toEqual([7, 8, 9]);
    expect(file.frontMatter).toBeDefined();
  });

  it('skips a prose-only Markdown document: no spec file, nothing written', async () => {
    const root = project({ 'docs/notes.md': '# Notes\n\nJust prose.\n\n- a list item\n' });
    const compiled = await compileSpecs(root, ['docs/notes.md']);
    expect(compiled.files).toEqual([]);
    expect(compiled.problems).toEqual([]);
    expect(fs.existsSync(path.join(root, '.spec/compiled/docs/notes.md.feature'))).toBe(false);
  });

  it('does not rewrite an unchanged compiled file (its mtime stays), and rewrites a changed one', async () => {
    const root = project({ 'docs/login.md': LOGIN_MD });
    await compileSpecs(root, ['docs/login.md']);
    const target = path.join(root, '.spec/compiled/docs/login.md.feature');
    const past = new Date('2020-01-01T00:00:00Z');
    fs.utimesSync(target, past, past);
    const inode = fs.statSync(target).ino;

    await compileSpecs(root, ['docs/login.md']);
    expect(fs.statSync(target).mtimeMs).toBe(past.getTime());
    expect(fs.statSync(target).ino).toBe(inode);

    write(root, 'docs/login.md', LOGIN_MD.replace('his dashboard', 'the home page'));
    await compileSpecs(root, ['docs/login.md']);
    expect(fs.statSync(target).mtimeMs).toBeGreaterThan(past.getTime());
    expect(fs.readFileSync(target, 'utf8')).toContain('Then he sees the home page');
  });

  it('write: false compiles without writing anything', async () => {
    const root = project({ 'docs/login.md': LOGIN_MD });
    const compiled = await compileSpecs(root, ['docs/login.md'], { write: false });
    expect(compilePickles(compiled.files[0]!.document, compiled.files[0]!.path)).toHaveLength(1);
    expect(fs.existsSync(path.join(root, '.spec'))).toBe(false);
  });

  it('does not write a Markdown spec whose Gherkin has problems, and reports them at source lines', async () => {
    const md = '# Fenced\n\n```gherkin\nScenario: s\n  Given x\n  oops prose\n```\n';
    const root = project({ 'docs/fenced.md': md });
    const compiled = await compileSpecs(root, ['docs/fenced.md']);
    expect(compiled.files.map((f) => f.path)).toEqual(['docs/fenced.md']);
    expect(compiled.problems).toHaveLength(1);
    expect(compiled.problems[0]!.code).toBe('SPEC_PARSE');
    expect(compiled.problems[0]!.location).toMatchObject({ file: 'docs/fenced.md', line: 6 });
    expect(fs.existsSync(path.join(root, '.spec/compiled/docs/fenced.md.feature'))).toBe(false);
  });

  it('a file deleted since discovery is skipped, and non-spec paths are ignored', async () => {
    const root = project({ 'features/a.feature': GOOD_FEATURE, 'steps/x.ts': 'export {};\n' });
    const compiled = await compileSpecs(root, ['features/a.feature', 'features/gone.feature', 'steps/x.ts']);
    expect(compiled.files.map((f) => f.path)).toEqual(['features/a.feature']);
    expect(compiled.problems).toEqual([]);
  });
});

describe('compileSpecs: the run\'s language (a cucumber profile\'s `language:`)', () => {
  const FRENCH = 'Fonctionnalité: Panier\n\n  Scénario: vide\n    Soit un panier vide\n    Alors le total est de 0 euros\n';

  it('parses a feature without a # language: line in that language, and a file\'s own line still wins', async () => {
    const root = project({ 'f/panier.feature': FRENCH, 'f/cart.feature': `# language: en\n${GOOD_FEATURE}` });
    const fr = await compileSpecs(root, ['f/panier.feature', 'f/cart.feature'], { write: false, language: 'fr' });
    expect(fr.problems).toEqual([]);
    expect(fr.files.map((f) => compilePickles(f.document, f.path).map((p) => p.steps.length))).toEqual([[2], [3]]);
    const en = await compileSpecs(root, ['f/panier.feature'], { write: false });
    expect(en.problems.length).toBeGreaterThan(0);
  });

  it('a Markdown document without a language in its front matter is in the run\'s language', async () => {
    const root = project({ 'docs/panier.md': '# Panier\n\n## Scénario: vide\n\n- Soit un panier vide\n- Alors le total est de 0 euros\n' });
    const compiled = await compileSpecs(root, ['docs/panier.md'], { write: false, language: 'fr' });
    expect(compiled.problems).toEqual([]);
    expect(compilePickles(compiled.files[0]!.document, 'docs/panier.md')[0]!.steps.map((s) => s.text)).toEqual(['un panier vide', 'le total est de 0 euros']);
  });
});
