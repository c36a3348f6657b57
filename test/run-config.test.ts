import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../src/config/defaults.js';
import { emptyProfile, type ProfileConfig } from '../src/config/cucumber-profile.js';
import { resolveConfig } from '../src/config/load.js';
import { resolveRunConfig, type ConfigOptions, type ReadProfile } from '../src/config/run-config.js';
import type { UserConfig } from '../src/config/schema.js';
import type { Source } from '../src/config/sources.js';

const SPEC: Source = { kind: 'spec.config', file: 'spec.config.json' };
const PROFILE: Source = { kind: 'profile', file: 'cucumber.cjs', profile: 'default' };
const DEFAULT: Source = { kind: 'default' };
const option = (name: string): Source => ({ kind: 'option', option: name });

function resolve(user: UserConfig, profile: Partial<ProfileConfig> | undefined, options: ConfigOptions = {}) {
  const config = resolveConfig('/p', 'spec.config.json', user);
  const read: ReadProfile | undefined = profile ? { file: 'cucumber.cjs', names: [], profile: { ...emptyProfile(), ...profile } } : undefined;
  return resolveRunConfig(config, read, options).values;
}

/*
 * The precedence table, one row per key: what each source says, and which wins. `null` in a
 * column: that source says nothing about the key.
 */
describe('resolveRunConfig: precedence, key by key', () => {
  it('retry: the option (--retry) > spec.config > profile > default; failOnFlaky: option > spec.config > default', () => {
    expect(resolve({ retry: 3 }, { retry: 2 }, { retry: 0 }).retry).toEqual({ value: 0, sources: [option('retry')] });
    expect(resolve({}, { retry: 2 }, { retry: 5 }).retry).toEqual({ value: 5, sources: [option('retry')] });
    expect(resolve({}, undefined).failOnFlaky).toEqual({ value: false, sources: [DEFAULT] });
    expect(resolve({ failOnFlaky: true }, undefined).failOnFlaky).toEqual({ value: true, sources: [SPEC] });
    expect(resolve({ failOnFlaky: true }, undefined, { failOnFlaky: false }).failOnFlaky).toEqual({ value: false, sources: [option('failOnFlaky')] });
  });

  it('retry and strict: spec.config > profile > default when no option sets them', () => {
    expect(resolve({}, undefined).retry).toEqual({ value: 0, sources: [DEFAULT] });
    expect(resolve({}, { retry: 2 }).retry).toEqual({ value: 2, sources: [PROFILE] });
    expect(resolve({ retry: 0 }, { retry: 2 }).retry).toEqual({ value: 0, sources: [SPEC] });
    expect(resolve({ retry: 3 }, undefined).retry).toEqual({ value: 3, sources: [SPEC] });
    expect(resolve({}, { strict: false }).strict).toEqual({ value: false, sources: [PROFILE] });
    // Set to the default value, spec.config still speaks: it wins over the profile.
    expect(resolve({ strict: true }, { strict: false }).strict).toEqual({ value: true, sources: [SPEC] });
    // cucumber reads an unset strict as true: a profile's true is no say of its own.
    expect(resolve({}, { strict: true }).strict).toEqual({ value: true, sources: [DEFAULT] });
    // A profile's retry of 0 is cucumber's default, not a choice.
    expect(resolve({}, { retry: 0 }).retry).toEqual({ value: 0, sources: [DEFAULT] });
  });

  it('the API\'s config overrides count as the user speaking, named as the option', () => {
    const config = resolveConfig('/p', undefined, { retry: 1 }, { retry: option('config.retry') });
    expect(resolveRunConfig(config, { file: 'cucumber.cjs', names: [], profile: { ...emptyProfile(), retry: 4 } }, {}).values.retry).toEqual({ value: 1, sources: [option('config.retry')] });
  });

  it('specs and steps: spec.config > profile > default; set to the default globs, spec.config still wins', () => {
    const paths = { paths: ['acceptance'], require: ['support/**/*.js'], import: ['esm/**/*.mjs'] };
    expect(resolve({}, undefined).specs).toEqual({ value: DEFAULTS.specs, sources: [DEFAULT] });
    expect(resolve({}, paths).specs).toEqual({ value: ['acceptance/**/*.{feature,feature.md}'], sources: [PROFILE] });
    expect(resolve({}, paths).steps).toEqual({ value: ['support/**/*.js', 'esm/**/*.mjs'], sources: [PROFILE] });
    expect(resolve({ specs: ['a/*.feature'], steps: ['s/*.ts'] }, paths).specs).toEqual({ value: ['a/*.feature'], sources: [SPEC] });
    expect(resolve({ specs: ['a/*.feature'], steps: ['s/*.ts'] }, paths).steps).toEqual({ value: ['s/*.ts'], sources: [SPEC] });
    expect(resolve({ specs: [...DEFAULTS.specs], steps: [...DEFAULTS.steps] }, paths).specs.sources).toEqual([SPEC]);
    expect(resolve({ steps: [...DEFAULTS.steps] }, paths).steps.sources).toEqual([SPEC]);
    // A profile without paths leaves the defaults.
    expect(resolve({}, {}).steps).toEqual({ value: DEFAULTS.steps, sources: [DEFAULT] });
  });

  it('tags: spec.config, profile and option are and-ed, each named', () => {
    expect(resolve({}, undefined).tags).toEqual({ value: '', sources: [DEFAULT] });
    expect(resolve({ tags: '@a' }, undefined).tags).toEqual({ value: '@a', sources: [SPEC] });
    expect(resolve({}, { tags: 'not @wip' }).tags).toEqual({ value: 'not @wip', sources: [PROFILE] });
    expect(resolve({}, undefined, { tags: '@smoke' }).tags).toEqual({ value: '@smoke', sources: [option('tags')] });
    expect(resolve({ tags: '@a or @b' }, { tags: 'not @wip' }, { tags: '@c' }).tags).toEqual({ value: '(@a or @b) and (not @wip) and (@c)', sources: [SPEC, PROFILE, option('tags')] });
  });

  it('retryTagFilter: spec.config, profile and option are and-ed, each named, as cucumber ands them', () => {
    expect(resolve({}, undefined).retryTagFilter).toEqual({ value: '', sources: [DEFAULT] });
    expect(resolve({}, { retryTagFilter: '@flaky' }).retryTagFilter).toEqual({ value: '@flaky', sources: [PROFILE] });
    expect(resolve({ retryTagFilter: '@a' }, { retryTagFilter: '@flaky' }, { retryTagFilter: 'not @b' }).retryTagFilter).toEqual({ value: '(@a) and (@flaky) and (not @b)', sources: [SPEC, PROFILE, option('retryTagFilter')] });
  });

  it('names: the profile\'s and the option\'s add up', () => {
    expect(resolve({}, undefined).names).toEqual({ value: [], sources: [DEFAULT] });
    expect(resolve({}, { name: ['^pay'] }, { names: ['refund'] }).names).toEqual({ value: ['^pay', 'refund'], sources: [PROFILE, option('names')] });
  });

  it('world parameters: the profile\'s, with spec.config\'s winning key by key', () => {
    expect(resolve({}, undefined).worldParameters).toEqual({ value: {}, sources: [DEFAULT] });
    expect(resolve({ worldParameters: { host: 'a' } }, { worldParameters: { host: 'b', port: 1 } }).worldParameters).toEqual({ value: { host: 'a', port: 1 }, sources: [PROFILE, SPEC] });
  });

  it('requireModules: spec.config\'s, then the profile\'s', () => {
    expect(resolve({}, undefined).requireModules).toEqual({ value: [], sources: [DEFAULT] });
    expect(resolve({ requireModules: ['a'] }, { requireModule: ['b'] }).requireModules).toEqual({ value: ['a', 'b'], sources: [SPEC, PROFILE] });
    expect(resolve({}, { requireModule: ['b'] }).requireModules).toEqual({ value: ['b'], sources: [PROFILE] });
  });

  it('option > spec.config > default for passWithNoScenarios, coverage, reporter and gates', () => {
    expect(resolve({}, undefined).passWithNoScenarios).toEqual({ value: false, sources: [DEFAULT] });
    expect(resolve({ passWithNoScenarios: true }, undefined).passWithNoScenarios).toEqual({ value: true, sources: [SPEC] });
    expect(resolve({ passWithNoScenarios: true }, undefined, { passWithNoScenarios: false }).passWithNoScenarios).toEqual({ value: false, sources: [option('passWithNoScenarios')] });
    expect(resolve({}, undefined).coverage).toEqual({ value: false, sources: [DEFAULT] });
    expect(resolve({ coverage: false }, undefined, { coverage: true }).coverage).toEqual({ value: true, sources: [option('coverage')] });
    expect(resolve({}, undefined).reporter).toEqual({ value: undefined, sources: [DEFAULT] });
    expect(resolve({ reporter: 'json' }, undefined).reporter).toEqual({ value: 'json', sources: [SPEC] });
    expect(resolve({ reporter: 'json' }, undefined, { reporter: 'agent' }).reporter).toEqual({ value: 'agent', sources: [option('reporter')] });
    expect(resolve({ gates: { lint: false } }, undefined).gates).toEqual({ value: { lint: false }, sources: [SPEC] });
    expect(resolve({ gates: { lint: false } }, undefined, { gates: false }).gates).toEqual({ value: false, sources: [option('gates')] });
    expect(resolve({}, undefined, { failFast: true }).failFast).toEqual({ value: true, sources: [option('failFast')] });
  });

  it('runner: option > spec.config > the caller\'s default > a child process', () => {
    expect(resolve({}, undefined).runner).toEqual({ value: 'process', sources: [DEFAULT] });
    expect(resolve({}, undefined, { defaultRunner: 'thread' }).runner).toEqual({ value: 'thread', sources: [option('defaultRunner')] });
    expect(resolve({ runner: 'process' }, undefined, { defaultRunner: 'thread' }).runner).toEqual({ value: 'process', sources: [SPEC] });
    expect(resolve({ runner: 'process' }, undefined, { runner: 'thread' }).runner).toEqual({ value: 'thread', sources: [option('runner')] });
  });

  it('profile: option > spec.config > none; the profile read is named in every source it decides', () => {
    expect(resolve({}, undefined).profile).toEqual({ value: undefined, sources: [DEFAULT] });
    expect(resolve({ profile: 'ci' }, undefined).profile).toEqual({ value: 'ci', sources: [SPEC] });
    expect(resolve({ profile: 'ci' }, undefined, { profile: 'smoke' }).profile).toEqual({ value: 'smoke', sources: [option('profile')] });
    const config = resolveConfig('/p', undefined, {});
    const ci = resolveRunConfig(config, { file: 'cucumber.js', names: ['ci'], profile: { ...emptyProfile(), retry: 2 } }, { profile: 'ci' }).values.retry;
    expect(ci).toEqual({ value: 2, sources: [{ kind: 'profile', file: 'cucumber.js', profile: 'ci' }] });
  });

  it('module, timeout and runTimeout: spec.config > default (the profile has no say)', () => {
    expect(resolve({}, undefined).timeout).toEqual({ value: DEFAULTS.timeout, sources: [DEFAULT] });
    expect(resolve({ timeout: 8000, module: 'esm', runTimeout: 1000 }, undefined)).toMatchObject({ timeout: { value: 8000, sources: [SPEC] }, module: { value: 'esm', sources: [SPEC] }, runTimeout: { value: 1000, sources: [SPEC] } });
  });
});
