import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from './helpers.js';

/**
 * An ES-module project (TypeScript through tsx, as the runner loads it): a step file imports a
 * world that imports a counter module and a dependency under node_modules. Each module counts its
 * evaluations in a global; the driver imports the step file once per generation, as the runner
 * does once per run, and prints what ran.
 */
function project(): { root: string; write: (rel: string, text: string) => void } {
  const root = tempDir('specloop-fresh-esm-');
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  };
  const counted = (name: string) => `(globalThis as any).evaluated ??= []; (globalThis as any).evaluated.push(${JSON.stringify(name)});\n`;
  write('package.json', '{ "type": "module" }\n');
  write('node_modules/dep/package.json', '{ "name": "dep", "type": "module", "main": "index.js" }\n');
  write('node_modules/dep/index.js', `globalThis.evaluated ??= []; globalThis.evaluated.push('dep');\nexport const dep = 1;\n`);
  write('src/counter.ts', `${counted('counter')}let count = 0;\nexport function bump(): number {\n  count += 1;\n  return count;\n}\nexport const edition = 1;\n`);
  write('steps/world.ts', `${counted('world')}import 'dep';\nexport { bump, edition } from '../src/counter.js';\n`);
  write('steps/counter.steps.ts', `${counted('steps')}export { bump, edition } from './world.js';\n`);
  return { root, write };
}

/** Registers tsx and the hooks as the runner does, then imports the step file `runs` times, bumping the generation before each reimport. */
function drive(root: string, runs: number, between = ''): { evaluated: string[]; bumps: number[]; editions: number[]; urls: string[] } {
  const hooks = pathToFileURL(path.join(REPO, 'src/run/fresh-esm-hooks.ts')).href;
  const steps = pathToFileURL(path.join(root, 'steps/counter.steps.ts')).href;
  const driver = `
    import { register } from 'node:module';
    import { register as tsx } from 'tsx/esm/api';
    import { writeFileSync } from 'node:fs';
    tsx();
    const generation = new Int32Array(new SharedArrayBuffer(4));
    register(${JSON.stringify(hooks)}, { data: { root: ${JSON.stringify(pathToFileURL(root).href + '/')}, generation: generation.buffer } });
    const bumps = [], editions = [], urls = [];
    for (let run = 0; run < ${runs}; run++) {
      if (run > 0) Atomics.add(generation, 0, 1);
      if (run === 1) { ${between} }
      const steps = await import(${JSON.stringify(steps)});
      bumps.push(steps.bump());
      editions.push(steps.edition);
      urls.push(import.meta.resolve(${JSON.stringify(steps)}));
    }
    console.log(JSON.stringify({ evaluated: globalThis.evaluated, bumps, editions, urls }));
  `;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', driver], { cwd: REPO, encoding: 'utf8' });
  return JSON.parse(out) as { evaluated: string[]; bumps: number[]; editions: number[]; urls: string[] };
}

describe('fresh ES modules per run (module hooks after tsx)', () => {
  it('re-evaluates every project module each run, and a dependency under node_modules once', () => {
    const { root } = project();
    const result = drive(root, 3);
    expect(result.evaluated.filter((n) => n === 'steps')).toHaveLength(3);
    expect(result.evaluated.filter((n) => n === 'world')).toHaveLength(3);
    expect(result.evaluated.filter((n) => n === 'counter')).toHaveLength(3);
    expect(result.evaluated.filter((n) => n === 'dep')).toHaveLength(1);
    // Module state does not reach the next run: each run's counter starts from zero.
    expect(result.bumps).toEqual([1, 1, 1]);
  });

  it('sees an edit to a module the step file reaches only through another', () => {
    const { root } = project();
    const edit = `(await import('node:fs')).writeFileSync(${JSON.stringify(path.join(root, 'src/counter.ts'))}, 'let count = 0; export function bump(): number { count += 1; return count; } export const edition = 2;');`;
    expect(drive(root, 2, edit).editions).toEqual([1, 2]);
  });

  it('leaves the first run its plain URLs', () => {
    const { root } = project();
    const { urls } = drive(root, 2);
    expect(urls[0]).not.toContain('specloop-run');
    expect(urls[1]).toContain('specloop-run=1');
  });

  it('sees an edit that keeps the file\'s size and mtime: what tsx compiled is kept by content', () => {
    const { root } = project();
    const file = path.join(root, 'src/counter.ts');
    // A whole second, which every file system stores exactly: the edit below puts the same one back.
    const mtime = new Date(Math.floor(statSync(file).mtimeMs / 1000) * 1000 - 60_000);
    utimesSync(file, mtime, mtime);
    // Same length as the original's "edition = 1", and the old mtime put back.
    const edit = `const fs = await import('node:fs'); const text = fs.readFileSync(${JSON.stringify(file)}, 'utf8'); fs.writeFileSync(${JSON.stringify(file)}, text.replace('edition = 1', 'edition = 7')); fs.utimesSync(${JSON.stringify(file)}, new Date(${mtime.getTime()}), new Date(${mtime.getTime()}));`;
    expect(drive(root, 3, edit).editions).toEqual([1, 7, 7]);
  });

  it('sees a file added next to an import\'s target that changes what the import resolves to', () => {
    const { root, write } = project();
    write('steps/world.ts', `export { bump, edition } from '../src/counter';\n`);
    // Folders changed a minute ago, past the second in which resolutions are not kept yet.
    const past = new Date(Date.now() - 60_000);
    for (const folder of ['src', 'steps']) utimesSync(path.join(root, folder), past, past);
    // The extensionless import resolved to src/counter.ts; the folder it names now has src/counter/index.ts too,
    // and once counter.ts is gone the import resolves there.
    const edit = `const fs = await import('node:fs'); fs.mkdirSync(${JSON.stringify(path.join(root, 'src/counter'))}); fs.writeFileSync(${JSON.stringify(path.join(root, 'src/counter/index.ts'))}, 'export function bump(): number { return 1; }\\nexport const edition = 3;\\n'); fs.rmSync(${JSON.stringify(path.join(root, 'src/counter.ts'))});`;
    expect(drive(root, 3, edit).editions).toEqual([1, 3, 3]);
  });
});
