import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config/load.js';
import { overlayProfile } from '../src/config/profile.js';
import { ackedLocked, configMoves, configRecord, describeConfigMove } from '../src/debt/ack-config.js';
import { tempProject } from './helpers.js';


const project = (files: Record<string, string>): string => tempProject('ack-config-', files);

const profile = (tags: string) => overlayProfile({ paths: [], require: ['steps/**/*.ts'], import: [], requireModule: [], loader: [], tags, name: [], worldParameters: {}, retry: 0, retryTagFilter: '', strict: true, format: [], parallel: 0 }, false, false, 'cucumber.cjs');

describe('configRecord and configMoves: the config that decides what is checked, as the ack keeps it', () => {
  it('names the spec.config keys that moved, one level into gates and debt', async () => {
    const root = project({ 'spec.config.json': '{}' });
    const before = await configRecord(root, { config: resolveConfig(root, 'spec.config.json', { locked: true, gates: { lint: ['eslint'] } }), cucumberConfig: undefined, overlay: undefined });
    writeFileSync(path.join(root, 'spec.config.json'), '{"x":1}');
    const after = await configRecord(root, { config: resolveConfig(root, 'spec.config.json', { locked: true, tags: 'not @slow', gates: { lint: ['eslint'], typecheck: false }, debt: { maxBindingHealth: 0 } }), cucumberConfig: undefined, overlay: undefined });
    const moves = configMoves(before, after);
    expect(moves).toEqual([{ file: 'spec.config.json', change: 'changed', keys: ['debt.maxBindingHealth', 'gates.typecheck', 'tags'] }]);
    expect(describeConfigMove(moves[0]!)).toBe('spec.config.json (debt.maxBindingHealth, gates.typecheck, tags)');
    expect(ackedLocked(before)).toBe(true);
  });

  it('keeps only the keys the file set: specloop defaults and the API overrides are not the file', async () => {
    const root = project({ 'spec.config.json': '{}' });
    const config = resolveConfig(root, 'spec.config.json', { timeout: 5000, retry: 2 }, { timeout: { kind: 'spec.config', file: 'spec.config.json' }, retry: { kind: 'option', option: 'config.retry' } });
    expect((await configRecord(root, { config, cucumberConfig: undefined, overlay: undefined }))['spec.config.json']!.keys).toEqual({ timeout: '5000' });
  });

  it('a text-only edit still moves the file, naming no key; an unchanged config moves nothing', async () => {
    const root = project({ 'cucumber.cjs': 'module.exports = {}' });
    const seen = { config: resolveConfig(root, undefined, {}), cucumberConfig: 'cucumber.cjs', overlay: profile('') };
    const before = await configRecord(root, seen);
    // Unset (empty) profile values are not recorded: a specloop that reads one more key must not move every older ack.
    expect(before['cucumber.cjs']!.keys).toEqual({ requirePaths: '["steps/**/*.ts"]', strict: 'true' });
    expect(configMoves(before, await configRecord(root, seen))).toEqual([]);
    writeFileSync(path.join(root, 'cucumber.cjs'), '// reviewed\nmodule.exports = {}');
    expect(configMoves(before, await configRecord(root, seen))).toEqual([{ file: 'cucumber.cjs', change: 'changed', keys: [] }]);
    expect(configMoves(before, await configRecord(root, { ...seen, overlay: profile('not @slow') }))).toEqual([{ file: 'cucumber.cjs', change: 'changed', keys: ['tags'] }]);
  });

  it('a config file added or removed since the ack is a move, with its keys', async () => {
    const root = project({ 'spec.config.json': '{}' });
    const none = await configRecord(root, { config: resolveConfig(root, undefined, {}), cucumberConfig: undefined, overlay: undefined });
    const some = await configRecord(root, { config: resolveConfig(root, 'spec.config.json', { passWithNoScenarios: true }), cucumberConfig: undefined, overlay: undefined });
    expect(configMoves(none, some)).toEqual([{ file: 'spec.config.json', change: 'added', keys: ['passWithNoScenarios'] }]);
    expect(configMoves(some, none)).toEqual([{ file: 'spec.config.json', change: 'removed', keys: ['passWithNoScenarios'] }]);
    expect(ackedLocked(some)).toBe(false);
  });

  it('reads only the "spec" key of package.json: a dependency bump is no change', async () => {
    const root = project({ 'package.json': '{"spec":{"tags":"@fast"},"devDependencies":{"a":"1.0.0"}}' });
    const seen = { config: resolveConfig(root, 'package.json', { tags: '@fast' }), cucumberConfig: undefined, overlay: undefined };
    const before = await configRecord(root, seen);
    writeFileSync(path.join(root, 'package.json'), '{"spec":{"tags":"@fast"},"devDependencies":{"a":"2.0.0"}}');
    expect(configMoves(before, await configRecord(root, seen))).toEqual([]);
    writeFileSync(path.join(root, 'package.json'), '{"spec":{"tags":"@fast","strict":false},"devDependencies":{"a":"2.0.0"}}');
    expect(configMoves(before, await configRecord(root, seen))).toEqual([{ file: 'package.json', change: 'changed', keys: [] }]);
  });
});
