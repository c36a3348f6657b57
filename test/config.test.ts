import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { problemOf } from './helpers.js';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../src/config/defaults.js';
import { loadConfig, resolveConfig } from '../src/config/load.js';
import { locateKey } from '../src/config/locate-key.js';
import { VERDICT_REPORTER_NAMES } from '../src/core/reporters.js';
import { UserConfigSchema } from '../src/config/schema.js';
import { SpecloopError, type SpecProblem } from '../src/core/errors.js';

const dirs: string[] = [];

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'specloop-config-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}


const ALLOWED_KEYS = Object.keys(UserConfigSchema.shape);

afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('loadConfig: where the config comes from', () => {
  it('uses every default when there is no config at all', async () => {
    const root = project({});
    const config = await loadConfig(root);
    expect(config).toEqual({
      root,
      configFile: undefined,
      specs: DEFAULTS.specs,
      steps: DEFAULTS.steps,
      requireModules: [],
      module: 'cjs',
      timeout: 5_000,
      runTimeout: 30 * 60_000,
      tags: undefined,
      retry: 0,
      failOnFlaky: false,
      strict: true,
      sources: {},
      passWithNoScenarios: false,
      worldParameters: {},
      profile: undefined,
      gates: {},
      reporter: undefined,
      coverage: false,
      runner: undefined,
      locked: false,
      debt: {},
    });
  });

  it('records which keys the file set and which the API overrides set: the rest are defaults', async () => {
    const root = project({ 'spec.config.json': JSON.stringify({ retry: 1, steps: ['steps/**/*.ts'] }) });
    const config = await loadConfig(root, undefined, { strict: false, retry: 2 });
    expect(config.sources).toEqual({
      steps: { kind: 'spec.config', file: 'spec.config.json' },
      retry: { kind: 'option', option: 'config.retry' },
      strict: { kind: 'option', option: 'config.strict' },
    });
  });

  it('uses defaults when package.json has no "spec" key', async () => {
    const root = project({ 'package.json': '{ "name": "x" }' });
    const config = await loadConfig(root);
    expect(config.configFile).toBeUndefined();
    expect(config.timeout).toBe(DEFAULTS.timeout);
  });

  it('reads spec.config.json and fills what it leaves out', async () => {
    const root = project({ 'spec.config.json': JSON.stringify({ specs: ['specs/**/*.feature'], timeout: 250, strict: false, gates: { lint: false } }) });
    const config = await loadConfig(root);
    expect(config.configFile).toBe('spec.config.json');
    expect(config.specs).toEqual(['specs/**/*.feature']);
    expect(config.timeout).toBe(250);
    expect(config.strict).toBe(false);
    expect(config.gates).toEqual({ lint: false });
    expect(config.steps).toEqual(DEFAULTS.steps);
    expect(config.retry).toBe(0);
  });

  it('reads spec.config.mjs (default export)', async () => {
    const root = project({ 'spec.config.mjs': 'export default { retry: 2, tags: "not @wip", module: "esm" };\n' });
    const config = await loadConfig(root);
    expect(config.configFile).toBe('spec.config.mjs');
    expect(config.retry).toBe(2);
    expect(config.tags).toBe('not @wip');
    expect(config.module).toBe('esm');
  });

  it('calls a default-exported function and uses what it returns', async () => {
    const root = project({ 'spec.config.mjs': 'export default async () => ({ timeout: 1234 });\n' });
    expect((await loadConfig(root)).timeout).toBe(1234);
  });

  it('reads spec.config.ts through tsx (ESM package)', async () => {
    const root = project({
      'package.json': '{ "type": "module" }',
      'spec.config.ts': 'const timeout: number = 4321;\nexport default {\n  timeout,\n  reporter: "agent" as const,\n};\n',
    });
    const config = await loadConfig(root);
    expect(config.configFile).toBe('spec.config.ts');
    expect(config.timeout).toBe(4321);
    expect(config.reporter).toBe('agent');
  });

  // `spec init` keeps an existing package.json, so a CommonJS project gets this exact file.
  it('reads spec.config.ts through tsx in a CommonJS package (no "type": "module")', async () => {
    const root = project({
      'package.json': '{ "name": "cjs-project" }',
      'spec.config.ts': 'const timeout: number = 4321;\nexport default {\n  timeout,\n};\n',
    });
    const config = await loadConfig(root);
    expect(config.configFile).toBe('spec.config.ts');
    expect(config.timeout).toBe(4321);
  });

  it('prefers spec.config.ts over spec.config.json (DEFAULTS.configFiles order)', async () => {
    const root = project({
      'package.json': '{ "type": "module" }',
      'spec.config.ts': 'export default { timeout: 1 };\n',
      'spec.config.json': '{ "timeout": 2 }',
    });
    expect((await loadConfig(root)).timeout).toBe(1);
  });

  it('reads the "spec" key of package.json', async () => {
    const root = project({ 'package.json': JSON.stringify({ name: 'x', spec: { retry: 3, reporter: 'json' } }, null, 2) });
    const config = await loadConfig(root);
    expect(config.configFile).toBe('package.json');
    expect(config.retry).toBe(3);
    expect(config.reporter).toBe('json');
  });

  it('a spec.config.* file wins over package.json "spec"', async () => {
    const root = project({ 'package.json': JSON.stringify({ spec: { retry: 3 } }), 'spec.config.json': '{ "retry": 1 }' });
    const config = await loadConfig(root);
    expect(config.configFile).toBe('spec.config.json');
    expect(config.retry).toBe(1);
  });

  it('--config names the file to read, relative to the root', async () => {
    const root = project({ 'spec.config.json': '{ "retry": 1 }', 'conf/other.json': '{ "retry": 4 }' });
    const config = await loadConfig(root, 'conf/other.json');
    expect(config.configFile).toBe('conf/other.json');
    expect(config.retry).toBe(4);
  });

  it('overrides win over the file, but undefined overrides do not erase it', async () => {
    const root = project({ 'spec.config.json': '{ "retry": 1, "timeout": 99 }' });
    const config = await loadConfig(root, undefined, { retry: 5, timeout: undefined });
    expect(config.retry).toBe(5);
    expect(config.timeout).toBe(99);
  });

  it('resolveConfig fills every field from DEFAULTS', () => {
    const config = resolveConfig('/r', undefined, {});
    expect(config.specs).toBe(DEFAULTS.specs);
    expect(config.gates).toEqual({});
    expect(config.worldParameters).toEqual({});
    expect(config.runTimeout).toBe(DEFAULTS.runTimeout);
  });
});

describe('loadConfig: bad config is SPEC_CONFIG_INVALID with file, line and hint', () => {
  it('unknown top-level key: its line, and the allowed keys in the hint', async () => {
    const root = project({ 'spec.config.json': '{\n  "specs": ["a"],\n  "bogus": 1\n}\n' });
    const problem = await problemOf(loadConfig(root));
    expect(problem.code).toBe('SPEC_CONFIG_INVALID');
    expect(problem.message).toContain('"bogus"');
    expect(problem.location).toEqual({ file: 'spec.config.json', line: 3 });
    expect(problem.hint).toMatch(/^allowed keys: /);
    for (const key of ALLOWED_KEYS) expect(problem.hint).toContain(key);
  });

  it('unknown key under package.json "spec": line inside package.json', async () => {
    const root = project({ 'package.json': '{\n  "name": "x",\n  "spec": {\n    "retry": 2,\n    "nope": true\n  }\n}\n' });
    const problem = await problemOf(loadConfig(root));
    expect(problem.code).toBe('SPEC_CONFIG_INVALID');
    expect(problem.message).toContain('"nope"');
    expect(problem.location).toEqual({ file: 'package.json', line: 5 });
    expect(problem.hint).toContain('allowed keys:');
    expect(problem.hint).toContain('worldParameters');
  });

  it('unknown key in a JS config: located by the `key:` text', async () => {
    const root = project({ 'spec.config.mjs': 'export default {\n  retry: 1,\n\n  tiemout: 5,\n};\n' });
    const problem = await problemOf(loadConfig(root));
    expect(problem.code).toBe('SPEC_CONFIG_INVALID');
    expect(problem.message).toContain('"tiemout"');
    expect(problem.location).toEqual({ file: 'spec.config.mjs', line: 4 });
  });

  it('unknown key in a TS config: located by the `key:` text', async () => {
    const root = project({ 'package.json': '{ "type": "module" }', 'spec.config.ts': 'export default {\n  steps: ["s/**/*.ts"],\n  colour: true,\n};\n' });
    const problem = await problemOf(loadConfig(root));
    expect(problem.message).toContain('"colour"');
    expect(problem.location).toEqual({ file: 'spec.config.ts', line: 3 });
  });

  it('wrong type: names the key, its line, and the field description', async () => {
    const root = project({ 'spec.config.json': '{\n  "retry": 0,\n  "timeout": "fast"\n}\n' });
    const problem = await problemOf(loadConfig(root));
    expect(problem.code).toBe('SPEC_CONFIG_INVALID');
    expect(problem.message).toContain('"timeout"');
    expect(problem.message).toMatch(/number/);
    expect(problem.location).toEqual({ file: 'spec.config.json', line: 3 });
    expect(problem.hint).toBe(`"timeout": ${UserConfigSchema.shape.timeout.description}`);
  });

  it('wrong type in an array element points at the key', async () => {
    const root = project({ 'spec.config.json': '{\n  "specs": [\n    "a",\n    7\n  ]\n}\n' });
    const problem = await problemOf(loadConfig(root));
    expect(problem.message).toContain('"specs.1"');
    expect(problem.location?.line).toBe(2);
  });

  it('invalid enum value: allowed values in the hint', async () => {
    const root = project({ 'spec.config.json': '{\n  "module": "amd"\n}\n' });
    const problem = await problemOf(loadConfig(root));
    expect(problem.code).toBe('SPEC_CONFIG_INVALID');
    expect(problem.message).toContain('"module"');
    expect(problem.location).toEqual({ file: 'spec.config.json', line: 2 });
    expect(problem.hint).toBe('allowed values: "cjs", "esm"');
  });

  it('invalid reporter lists the reporters a config may name', async () => {
    const root = project({ 'spec.config.json': '{ "reporter": "tap" }' });
    const problem = await problemOf(loadConfig(root));
    expect(problem.hint).toBe(`allowed values: ${VERDICT_REPORTER_NAMES.map((name) => `"${name}"`).join(', ')}`);
  });

  it('negative retry is rejected', async () => {
    const root = project({ 'spec.config.mjs': 'export default {\n  retry: -1,\n};\n' });
    const problem = await problemOf(loadConfig(root));
    expect(problem.code).toBe('SPEC_CONFIG_INVALID');
    expect(problem.message).toContain('"retry"');
    expect(problem.location).toEqual({ file: 'spec.config.mjs', line: 2 });
  });

  it('unknown key inside a gate object is reported with its path', async () => {
    const root = project({ 'spec.config.json': '{\n  "gates": {\n    "lint": {\n      "command": ["eslint"],\n      "extra": 1\n    }\n  }\n}\n' });
    const problem = await problemOf(loadConfig(root));
    expect(problem.message).toBe('unknown key "extra" in "gates.lint"');
    expect(problem.location).toEqual({ file: 'spec.config.json', line: 5 });
  });

  it('a gate with an empty argv is invalid', async () => {
    const root = project({ 'spec.config.json': '{ "gates": { "lint": [] } }' });
    const problem = await problemOf(loadConfig(root));
    expect(problem.code).toBe('SPEC_CONFIG_INVALID');
    expect(problem.message).toContain('gates.lint');
  });

  it('invalid JSON: SPEC_CONFIG_INVALID at the file', async () => {
    const root = project({ 'spec.config.json': '{ "retry": 1,, }' });
    const problem = await problemOf(loadConfig(root));
    expect(problem.code).toBe('SPEC_CONFIG_INVALID');
    expect(problem.message).toMatch(/^spec\.config\.json is not valid JSON/);
    expect(problem.location?.file).toBe('spec.config.json');
    expect(problem.hint).toMatch(/JSON/);
  });

  it('invalid package.json is reported too', async () => {
    const root = project({ 'package.json': '{ "spec": ' });
    const problem = await problemOf(loadConfig(root));
    expect(problem.code).toBe('SPEC_CONFIG_INVALID');
    expect(problem.location?.file).toBe('package.json');
  });

  it('a JS config that throws on import is SPEC_CONFIG_LOAD', async () => {
    const root = project({ 'spec.config.mjs': 'throw new Error("boom in config");\n' });
    const problem = await problemOf(loadConfig(root));
    expect(problem.code).toBe('SPEC_CONFIG_LOAD');
    expect(problem.message).toContain('boom in config');
    // Placed at the throw itself (line 1, column 7), not merely at the file.
    expect(problem.location).toEqual({ file: 'spec.config.mjs', line: 1, column: 7 });
  });

  it('--config to a missing file: SPEC_CONFIG_NOT_FOUND naming the file', async () => {
    const root = project({ 'spec.config.json': '{}' });
    const problem = await problemOf(loadConfig(root, 'nope/spec.config.json'));
    expect(problem.code).toBe('SPEC_CONFIG_NOT_FOUND');
    expect(problem.message).toContain('nope/spec.config.json');
    expect(problem.hint).toContain('spec.config.ts');
  });
});

describe('locateKey', () => {
  const json = '{\n  "a": 1,\n  "gates": {\n    "lint": ["eslint"],\n    "test": {\n      "command": ["vitest"]\n    }\n  }\n}\n';

  it('finds nested keys in JSON by position', () => {
    expect(locateKey(json, ['a'], true)).toBe(2);
    expect(locateKey(json, ['gates'], true)).toBe(3);
    expect(locateKey(json, ['gates', 'test', 'command'], true)).toBe(6);
  });

  it('falls back to the deepest key it can find', () => {
    expect(locateKey(json, ['gates', 'missing'], true)).toBe(3);
  });

  it('does not match a key name that only appears inside a value', () => {
    const text = '{\n  "specs": ["timeout"],\n  "timeout": 3\n}\n';
    expect(locateKey(text, ['timeout'], true)).toBe(3);
  });

  it('finds keys in JS/TS sources, quoted or not', () => {
    const js = "export default {\n  specs: [],\n  'retry': 2,\n  gates: { lint: false },\n};\n";
    expect(locateKey(js, ['specs'], false)).toBe(2);
    expect(locateKey(js, ['retry'], false)).toBe(3);
    expect(locateKey(js, ['gates', 'lint'], false)).toBe(4);
  });

  it('is undefined when the key is nowhere', () => {
    expect(locateKey('export default {};\n', ['nothing'], false)).toBeUndefined();
    expect(locateKey('{}', ['nothing'], true)).toBeUndefined();
  });
});
