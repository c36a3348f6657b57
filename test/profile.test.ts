import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { combineTags, findCucumberConfig, overlayProfile, profileProblems } from '../src/config/profile.js';
import { readObjectProfiles, type ProfileConfig } from '../src/config/cucumber-profile.js';

function profile(overrides: Partial<ProfileConfig> = {}): ProfileConfig {
  return {
    paths: [],
    require: [],
    import: [],
    requireModule: [],
    loader: [],
    tags: '',
    name: [],
    worldParameters: {},
    retry: 0,
    retryTagFilter: '',
    strict: true,
    format: [],
    parallel: 0,
    ...overrides,
  };
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('overlayProfile', () => {
  it('an empty profile adds nothing', () => {
    expect(overlayProfile(profile(), false, false)).toEqual({
      specs: undefined,
      requirePaths: [],
      importPaths: [],
      requireModules: [],
      loaders: [],
      tags: '',
      names: [],
      worldParameters: {},
      retry: undefined,
      retryTagFilter: '',
      strict: true,
      formatFiles: {},
      snippetInterface: undefined,
      snippetSyntax: undefined,
      language: undefined,
      order: undefined,
      notes: [],
    });
  });

  it("turns the profile's paths into spec globs when spec.config left specs to the defaults", () => {
    const overlay = overlayProfile(profile({ paths: ['features', 'more/', 'specs/**/*.feature', 'one/a.feature:3:9', 'docs/b.md', 'x/c.feature.md'] }), false, false);
    expect(overlay.specs).toEqual([
      'features/**/*.{feature,feature.md}',
      'more/**/*.{feature,feature.md}',
      'specs/**/*.feature',
      // Its lines stay: cucumber runs only the scenarios there (discoverSpecs reads them).
      'one/a.feature:3:9',
      'docs/b.md',
      'x/c.feature.md',
    ]);
  });

  it('specloop specs win over the profile paths', () => {
    expect(overlayProfile(profile({ paths: ['features'] }), true, false).specs).toBeUndefined();
  });

  it('no profile paths leaves specs alone', () => {
    expect(overlayProfile(profile({ paths: [] }), false, false).specs).toBeUndefined();
  });

  it('takes require/import paths only when spec.config left steps to the defaults', () => {
    const p = profile({ require: ['steps/**/*.ts'], import: ['esm/**/*.mjs'] });
    expect(overlayProfile(p, false, false)).toMatchObject({ requirePaths: ['steps/**/*.ts'], importPaths: ['esm/**/*.mjs'] });
    expect(overlayProfile(p, false, true)).toMatchObject({ requirePaths: [], importPaths: [] });
  });

  it('drops TypeScript loaders from requireModule and loader (specloop loads TypeScript itself), keeps the rest, and says so once', () => {
    const loaders = ['tsx/cjs', 'ts-node/register', 'ts-node/register/transpile-only', 'tsx', '@swc/register', '@swc-node/register', 'esbuild-register/dist/node', './setup.cjs', 'tsconfig-paths/register'];
    const overlay = overlayProfile(profile({ requireModule: loaders, loader: ['ts-node/esm', './my-loader.mjs'] }), false, false, 'cucumber.js');
    expect(overlay.requireModules).toEqual(['./setup.cjs', 'tsconfig-paths/register']);
    expect(overlay.loaders).toEqual(['./my-loader.mjs']);
    expect(overlay.notes).toHaveLength(1);
    expect(overlay.notes[0]).toMatchObject({ code: 'SPEC_PROFILE_LOADER_DROPPED' });
    // tsx is specloop's own compiler: left out without a word.
    expect(overlay.notes[0]!.message).toContain('cucumber.js loads ts-node/register, ts-node/register/transpile-only, @swc/register, @swc-node/register, esbuild-register/dist/node, ts-node/esm: not loaded');
  });

  it('drops tsx, the compiler specloop uses itself, with no note', () => {
    const overlay = overlayProfile(profile({ requireModule: ['tsx/cjs'], loader: ['tsx/esm'] }), false, false, 'cucumber.cjs');
    expect([overlay.requireModules, overlay.loaders, overlay.notes]).toEqual([[], [], []]);
  });

  it('drops @babel/register only when the steps are TypeScript', () => {
    expect(overlayProfile(profile({ requireModule: ['@babel/register'], require: ['features/**/*.ts'] }), false, false).requireModules).toEqual([]);
    expect(overlayProfile(profile({ requireModule: ['@babel/register'], require: ['features/**/*.{js,ts}'] }), false, false).requireModules).toEqual([]);
    expect(overlayProfile(profile({ requireModule: ['@babel/register'], require: ['features/**/*.js'] }), false, false).requireModules).toEqual(['@babel/register']);
  });

  it("carries the profile's parallel, with the note watch gives when it runs in one runner instead", () => {
    const overlay = overlayProfile(profile({ parallel: 2 }), false, false, 'cucumber.cjs');
    expect(overlay.notes).toEqual([]);
    expect(overlay.parallel).toEqual({ workers: 2, ignoredInWatch: expect.objectContaining({ code: 'SPEC_PROFILE_PARALLEL_IGNORED', message: expect.stringContaining('cucumber.cjs sets parallel: 2: spec watch ignores it') }) });
    expect(overlayProfile(profile({ parallel: 0 }), false, false).parallel).toBeUndefined();
  });

  it('passes tags, names, world parameters and strict through; retry 0 means unset', () => {
    const overlay = overlayProfile(profile({ tags: '@smoke', name: ['^pay'], worldParameters: { host: 'x' }, retry: 2, strict: false }), false, false);
    expect(overlay).toMatchObject({ tags: '@smoke', names: ['^pay'], worldParameters: { host: 'x' }, retry: 2, strict: false });
    expect(overlayProfile(profile({ retry: 0 }), false, false).retry).toBeUndefined();
  });

  it('keeps only file formats, mapped file → formatter', () => {
    const overlay = overlayProfile(
      profile({
        format: ['progress', 'html:reports/cucumber.html', 'json:reports/out.json', '@cucumber/pretty-formatter', 'message:C:\\out\\m.ndjson', 'file://./my-formatter.mjs:out/mine.txt', 'summary'],
      }),
      false,
      false,
    );
    expect(overlay.formatFiles).toEqual({
      'reports/cucumber.html': 'html',
      'reports/out.json': 'json',
      'C:\\out\\m.ndjson': 'message',
      'out/mine.txt': 'file://./my-formatter.mjs',
    });
  });
});

describe('combineTags', () => {
  it('is empty with nothing to combine', () => {
    expect(combineTags()).toBe('');
    expect(combineTags(undefined, '', '   ')).toBe('');
  });

  it('one expression stays as it is (trimmed)', () => {
    expect(combineTags(undefined, ' not @wip ')).toBe('not @wip');
  });

  it('several expressions are each parenthesised and and-ed', () => {
    expect(combineTags('@a or @b', undefined, 'not @wip', '@c')).toBe('(@a or @b) and (not @wip) and (@c)');
  });
});

describe('findCucumberConfig', () => {
  it('finds the cucumber config file in the documented order', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'specloop-profile-'));
    dirs.push(root);
    expect(findCucumberConfig(root)).toBeUndefined();
    fs.writeFileSync(path.join(root, 'cucumber.yaml'), 'default: {}\n');
    expect(findCucumberConfig(root)).toBe('cucumber.yaml');
    fs.writeFileSync(path.join(root, 'cucumber.cjs'), 'module.exports = {};\n');
    expect(findCucumberConfig(root)).toBe('cucumber.cjs');
    fs.writeFileSync(path.join(root, 'cucumber.js'), 'module.exports = {};\n');
    expect(findCucumberConfig(root)).toBe('cucumber.js');
  });
});

describe('profileProblems: formats cucumber could not import', () => {
  it('accepts built-in formats, relative formatter files that exist and packages that resolve', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'specloop-formats-'));
    dirs.push(root);
    fs.writeFileSync(path.join(root, 'my-formatter.mjs'), 'export default class {}\n');
    const formats = ['progress', 'html:reports/a.html', 'junit:reports/j.xml', './my-formatter.mjs:out.txt', 'file://./my-formatter.mjs:out2.txt'];
    expect(profileProblems(root, profile({ format: formats }), 'cucumber.js')).toEqual([]);
    expect(profileProblems(process.cwd(), profile({ format: ['@cucumber/messages'] }), 'cucumber.js')).toEqual([]);
  });

  it('names a format nothing resolves, with the file to fix', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'specloop-formats-'));
    dirs.push(root);
    const [problem, ...rest] = profileProblems(root, profile({ format: ['nosuch-formatter:out.txt', './missing.mjs'] }), 'cucumber.cjs');
    expect(rest).toHaveLength(1);
    expect(problem).toMatchObject({ code: 'SPEC_PROFILE_REJECTED', hint: 'fix or remove "nosuch-formatter:out.txt" in cucumber.cjs' });
    expect(problem!.message).toContain('cucumber rejected format "nosuch-formatter" in cucumber.cjs');
  });
});

describe('readObjectProfiles: retryTagFilter', () => {
  it('ands the retryTagFilter of every profile named, as cucumber merges tag expressions', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'retry-filter-'));
    fs.writeFileSync(path.join(dir, 'cucumber.json'), JSON.stringify({ default: { retry: 1, retryTagFilter: '@flaky' }, ci: { retryTagFilter: 'not @slow' }, plain: { retry: 2 } }));
    expect(readObjectProfiles(dir, 'cucumber.json', ['default', 'ci'])?.retryTagFilter).toBe('(@flaky) and (not @slow)');
    expect(readObjectProfiles(dir, 'cucumber.json', ['plain'])?.retryTagFilter).toBe('');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('profileProblems: language and order', () => {
  it('refuses a language Gherkin does not know and an order cucumber does not know, naming the file', () => {
    expect(profileProblems('/nowhere', profile({ language: 'fr', order: 'random:42' }), 'cucumber.json')).toEqual([]);
    const [language] = profileProblems('/nowhere', profile({ language: 'klingon' }), 'cucumber.json');
    expect(language?.code).toBe('SPEC_PROFILE_REJECTED');
    expect(language?.message).toContain('"klingon" in cucumber.json');
    const [order] = profileProblems('/nowhere', profile({ order: 'sideways' }), 'cucumber.json');
    expect(order?.message).toContain('"sideways"');
  });

  it('reads language, order and dryRun from object profiles, the last one that sets each winning', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'profile-scalars-'));
    fs.writeFileSync(path.join(dir, 'cucumber.json'), JSON.stringify({ default: { language: 'fr', order: 'random' }, dry: { dryRun: true, language: 'de' } }));
    expect(readObjectProfiles(dir, 'cucumber.json', ['default', 'dry'])).toMatchObject({ language: 'de', order: 'random', dryRun: true });
    expect(readObjectProfiles(dir, 'cucumber.json', ['default'])?.dryRun).toBeUndefined();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
