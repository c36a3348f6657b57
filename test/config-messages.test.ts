import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { didYouMean, editDistance } from '../src/core/did-you-mean.js';
import { SpecloopError } from '../src/core/errors.js';
import { problemOf, tempDir } from './helpers.js';

function project(files: Record<string, string>): string {
  const root = tempDir('specloop-config-msg-');
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(root, name), content);
  return root;
}

describe('didYouMean', () => {
  const keys = ['specs', 'steps', 'timeout', 'runTimeout', 'tags', 'retry', 'strict', 'gates', 'reporter', 'coverage', 'runner'];

  it('finds the key a typo meant: a dropped, added, swapped or wrong letter, or another case', () => {
    expect(didYouMean('timout', keys)).toBe('timeout');
    expect(didYouMean('tag', keys)).toBe('tags');
    expect(didYouMean('retyr', keys)).toBe('retry');
    expect(didYouMean('Reporter', keys)).toBe('reporter');
    expect(didYouMean('runTimeuot', keys)).toBe('runTimeout');
  });

  it('guesses nothing for a word that is not a typo of any key', () => {
    expect(didYouMean('parallel', keys)).toBeUndefined();
    expect(didYouMean('x', keys)).toBeUndefined();
  });

  it('counts an adjacent swap as one edit', () => {
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('loadConfig: messages that teach', () => {
  it('answers a misspelt key with the key that was meant, and still lists the allowed ones', async () => {
    const problem = await problemOf(loadConfig(project({ 'spec.config.json': '{\n  "timout": 500\n}\n' })));
    expect(problem.hint).toMatch(/^did you mean "timeout"\?; allowed keys: specs, /);
    expect(problem.location).toEqual({ file: 'spec.config.json', line: 2 });
  });

  it('answers a misspelt key inside an object key (debt thresholds) with the keys that object takes', async () => {
    const problem = await problemOf(loadConfig(project({ 'spec.config.json': '{\n  "debt": { "minScor": 50 }\n}\n' })));
    expect(problem.message).toBe('unknown key "minScor" in "debt"');
    expect(problem.hint).toMatch(/^did you mean "minScore"\?; allowed keys: .*maxUnspecified/);
  });

  it('does the same under "spec" in package.json', async () => {
    const problem = await problemOf(loadConfig(project({ 'package.json': '{\n  "name": "p",\n  "spec": { "strit": true }\n}\n' })));
    expect(problem.hint).toContain('did you mean "strict"?');
  });

  it('lists the forms a gate takes when one is written in another', async () => {
    const problem = await problemOf(loadConfig(project({ 'spec.config.json': '{ "gates": { "lint": { "cmd": ["eslint"] } } }' })));
    expect(problem.message).toContain('"gates.lint"');
    expect(problem.hint).toBe('a gate is an argv array (["npx", "eslint", "."]), { "command": [...], "timeout": ms } or false (turns a detected gate off)');
  });

  it('warns about every config file that exists and is ignored, naming the one that wins', async () => {
    const root = project({ 'spec.config.mjs': 'export default { timeout: 900 };\n', 'spec.config.json': '{ "timeout": 1 }', 'package.json': '{\n  "name": "p",\n  "spec": {}\n}\n' });
    const config = await loadConfig(root);
    expect(config.timeout).toBe(900);
    expect(config.warnings?.map((w) => [w.code, w.location, w.message.split(' (')[0]])).toEqual([
      ['SPEC_CONFIG_IGNORED', { file: 'spec.config.json', line: 1 }, 'spec.config.json is ignored: spec.config.mjs wins'],
      ['SPEC_CONFIG_IGNORED', { file: 'package.json', line: 3 }, 'the "spec" key of package.json is ignored: spec.config.mjs wins'],
    ]);
  });

  it('warns about nothing when one config file is used, or the file was named with --config', async () => {
    expect((await loadConfig(project({ 'spec.config.json': '{}' }))).warnings).toBeUndefined();
    expect((await loadConfig(project({ 'spec.config.json': '{}', 'spec.config.mjs': 'export default {};\n' }), 'spec.config.json')).warnings).toBeUndefined();
  });

  it('names every bad threshold inside the debt object by its full key, at its own line', async () => {
    const text = '{\n  "debt": {\n    "maxVacuousChecks": "zero",\n    "maxUnreviewed": true\n  }\n}\n';
    const error = await loadConfig(project({ 'spec.config.json': text })).then(() => undefined, (e: unknown) => e as SpecloopError);
    expect(error).toBeInstanceOf(SpecloopError);
    expect(error!.problems.map((p) => [p.message, p.location])).toEqual([
      ['invalid value for "debt.maxVacuousChecks": must be a number (got a string)', { file: 'spec.config.json', line: 3 }],
      ['invalid value for "debt.maxUnreviewed": must be a number (got a boolean)', { file: 'spec.config.json', line: 4 }],
    ]);
  });

  it('places a JSON syntax error at its line and column, without the character offset', async () => {
    const problem = await problemOf(loadConfig(project({ 'spec.config.json': '{\n  "specs": ["a"],\n}\n' })));
    expect(problem.location).toEqual({ file: 'spec.config.json', line: 3, column: 1 });
    expect(problem.message).not.toMatch(/position/);
  });
});
