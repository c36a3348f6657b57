import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../src/config/defaults.js';
import { resolveConfig } from '../src/config/load.js';
import { combineTags, findCucumberConfig, isResolvedDefaultSteps, overlayProfile } from '../src/api/profile.js';
import type { ProfileConfig } from '../src/run/protocol.js';

function profile(overrides: Partial<ProfileConfig> = {}): ProfileConfig {
  return {
    paths: [],
    require: [],
    import: [],
    requireModule: [],
    tags: '',
    name: [],
    worldParameters: {},
    retry: 0,
    strict: true,
    format: [],
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
      tags: '',
      names: [],
      worldParameters: {},
      retry: undefined,
      strict: true,
      formatFiles: {},
    });
  });

  it("turns the profile's paths into spec globs when spec.config left specs to the defaults", () => {
    const overlay = overlayProfile(profile({ paths: ['features', 'more/', 'specs/**/*.feature', 'one/a.feature:3:9', 'docs/b.md', 'x/c.feature.md'] }), false, false);
    expect(overlay.specs).toEqual([
      'features/**/*.{feature,feature.md}',
      'more/**/*.{feature,feature.md}',
      'specs/**/*.feature',
      'one/a.feature',
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

  it('drops tsx loaders from requireModule (specloop loads TypeScript itself) and keeps the rest', () => {
    const overlay = overlayProfile(profile({ requireModule: ['tsx/cjs', 'ts-node/register', 'tsx', 'tsx/esm', './setup.cjs'] }), false, false);
    expect(overlay.requireModules).toEqual(['ts-node/register', './setup.cjs']);
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

describe('findCucumberConfig / isResolvedDefaultSteps', () => {
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

  it('tells default steps from configured ones', () => {
    expect(isResolvedDefaultSteps(resolveConfig('/r', undefined, {}))).toBe(true);
    expect(isResolvedDefaultSteps(resolveConfig('/r', undefined, { steps: [...DEFAULTS.steps] }))).toBe(false);
    expect(isResolvedDefaultSteps(resolveConfig('/r', undefined, { steps: ['s/**/*.ts'] }))).toBe(false);
  });
});
