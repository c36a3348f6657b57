import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without types
import { ENTRIES, RUNNER } from '../scripts/bundle.mjs';

/*
 * bin/spec.js runs dist/bundle/ (scripts/bundle.mjs): what test/startup-path.test.ts guards in src/
 * (heavy modules load with import(), where they are needed) must hold in the bundle too, where a
 * chunk imported statically is loaded by every run. Read from esbuild's metafile of the build.
 */
const REPO = path.resolve(import.meta.dirname, '..');
const META = path.join(REPO, 'dist', 'bundle', 'meta.json');

interface Output { imports: { path: string; kind: string }[]; inputs: Record<string, unknown>; entryPoint?: string }
const meta = (): { outputs: Record<string, Output> } => JSON.parse(readFileSync(META, 'utf8'));

/** The modules (tsc's files, dependencies' files) loaded with the output holding `input`, through static imports only. */
function staticInputs(input: string): string[] {
  const { outputs } = meta();
  const start = Object.keys(outputs).find((name) => outputs[name]!.entryPoint === input) ?? Object.keys(outputs).find((name) => input in outputs[name]!.inputs);
  expect(start, `${input} is in no output of the bundle`).toBeDefined();
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name) || !outputs[name]) return;
    seen.add(name);
    for (const edge of outputs[name]!.imports) if (edge.kind === 'import-statement') visit(edge.path);
  };
  visit(start!);
  return [...seen].flatMap((name) => Object.keys(outputs[name]!.inputs));
}

const HEAVY = /node_modules\/(zod|chalk|ts-morph|@ts-morph\/common|@cucumber\/gherkin|yaml|tinyglobby|chokidar)\/|^dist\/core\/zod\.js$|^dist\/report\/(watch|verdict|build-verdict|terminal|agent|debt-)|^dist\/debt\//;

describe("the bundle's load paths", () => {
  it('is built (npm run build)', () => {
    expect(existsSync(META), 'dist/bundle/ is missing: run npm run build first').toBe(true);
  });

  it("keeps spec verify's path to the runner free of renderers, schemas, colours and analysis", () => {
    const reached = [...staticInputs('dist/cli/entry.js'), ...staticInputs('dist/cli/main.js'), ...staticInputs('dist/cli/verify.js')];
    expect(reached.filter((input) => HEAVY.test(input))).toEqual([]);
  });

  it('sees a static import for what it is (the check can fail)', () => {
    expect(staticInputs('dist/report/watch.js')).toContain('dist/report/reporters.js');
    expect(staticInputs('dist/api/verify-run.js').some((input) => HEAVY.test(input))).toBe(true);
  });

  it('loads the runner without the CLI, and the CLI without the runner', () => {
    expect(staticInputs('dist/run/worker.js').filter((input) => input.startsWith('dist/cli/') || input.startsWith('dist/api/'))).toEqual([]);
    expect(staticInputs('dist/cli/entry.js').filter((input) => input.startsWith('dist/run/worker'))).toEqual([]);
  });

  it('has every entry the code starts by URL, and the CommonJS files it loads by path', () => {
    const commonJs = ['worker-preamble', 'capture-errors', 'read-recorder', 'sync-spawns', 'late-errors'];
    for (const name of [...Object.keys(ENTRIES), ...commonJs, RUNNER.name]) {
      expect(existsSync(path.join(REPO, 'dist', 'bundle', `${name}.${Object.hasOwn(ENTRIES, name) ? 'js' : 'cjs'}`)), name).toBe(true);
    }
  });

  it('gives no CommonJS package to import() as a chunk with only a default export (its named exports would be undefined)', () => {
    const { outputs } = meta();
    const defaultOnly = Object.keys(outputs).filter((name) => name.endsWith('.js') && /^export default require_\w+\(\);$/m.test(readFileSync(path.join(REPO, name), 'utf8')));
    expect(defaultOnly).toEqual([]);
  });

  it("holds no relative require() a bundled package makes at run time (a UMD module's require('./impl/x') looks beside the bundle, not the package)", () => {
    const { outputs } = meta();
    // The runner's CommonJS output requires the CommonJS files copied beside it (COPIED), by design.
    const own = /\brequire\d*\(\s*["']\.\/(capture-errors|read-recorder|sync-spawns|late-errors)\.cjs["']\)/g;
    const users = Object.keys(outputs).filter((name) => /\.c?js$/.test(name) && /\brequire\d*\(\s*["']\.\.?\//.test(readFileSync(path.join(REPO, name), 'utf8').replace(own, '')));
    expect(users).toEqual([]);
  });

  it('holds no __dirname: a package that finds its files beside it must stay external', () => {
    const { outputs } = meta();
    const users = Object.keys(outputs).filter((name) => /\.c?js$/.test(name) && /(?<![\w$"'`.])__dirname(?![\w$])/.test(readFileSync(path.join(REPO, name), 'utf8').replace(/`[^`]*`/g, '')));
    expect(users).toEqual([]);
  });

  it('carries the licence of every package bundled into it', () => {
    const licences = readFileSync(path.join(REPO, 'dist', 'bundle', 'LICENSES.txt'), 'utf8');
    const packages = new Set(Object.values(meta().outputs).flatMap((output) => Object.keys(output.inputs)).flatMap((input) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1] ?? []));
    expect(packages.size).toBeGreaterThan(10);
    for (const name of [...packages, 'zod']) expect(licences, name).toMatch(new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}@\\d`, 'm'));
    expect(licences).toContain('Permission is hereby granted');
  });
});
