import { createRequire, findSourceMap } from 'node:module';
import v8 from 'node:v8';
import vm from 'node:vm';
import path from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { reuseCompiledModules, type CompiledModules } from '../src/run/compiled-modules.js';
import { tempDir, writeIn } from './helpers.js';
import { projectModule } from '../src/run/project-module.js';

/** An inline source map putting generated line n at line n + `shift` of "original.ts". */
function shiftedBy(shift: number, lines: number): string {
  // Base64 VLQ: 'A' is 0, 'C' is +1; a line shift of 10 is 'U', 20 is 'oB'.
  const first = shift === 10 ? 'AAUA' : shift === 20 ? 'AAoBA' : '';
  if (!first) throw new Error(`no mapping written for a shift of ${shift}`);
  const map = { version: 3, sources: ['original.ts'], names: [], mappings: [first, ...Array(lines - 1).fill('AACA')].join(';') };
  return `//# sourceMappingURL=data:application/json;base64,${Buffer.from(JSON.stringify(map)).toString('base64')}`;
}

function project() {
  const root = tempDir('specloop-compiled-');
  const write = (rel: string, text: string) => writeIn(root, rel, text);
  const req = createRequire(path.join(root, 'index.cjs'));
  const file = (rel: string) => path.join(root, rel);
  return {
    root,
    write,
    file,
    /** A fresh evaluation, as a runner's reload does: the module leaves the cache first. */
    reload: (rel: string) => {
      // Out of the cache and of its requirer's children, as a runner's purge leaves it: nothing holds the old copy.
      const old = req.cache[file(rel)];
      if (old?.parent) old.parent.children = old.parent.children.filter((c) => c !== old);
      delete req.cache[file(rel)];
      return req(file(rel)) as Record<string, (...args: unknown[]) => unknown>;
    },
    cached: (rel: string) => req.cache[file(rel)],
  };
}

/** A full collection, and a turn for the finalizers that drop Node's source-map entries of collected modules. */
async function collectGarbage(): Promise<void> {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  await new Promise((resolve) => setTimeout(resolve, 10));
  gc();
}

let installed: CompiledModules | undefined;
afterEach(() => installed?.uninstall());

function install(root: string): CompiledModules {
  installed = reuseCompiledModules(projectModule(root));
  return installed;
}

describe('reuseCompiledModules', () => {
  it('runs unchanged code again from its compiled function, each time with fresh module state', () => {
    const p = project();
    p.write('src/counter.cjs', 'let count = 0;\nexports.bump = () => ++count;\n');
    const modules = install(p.root);
    const first = p.reload('src/counter.cjs');
    expect([first.bump!(), first.bump!()]).toEqual([1, 2]);
    const second = p.reload('src/counter.cjs');
    expect(second.bump!()).toBe(1);
    const third = p.reload('src/counter.cjs');
    expect(third.bump!()).toBe(1);
    expect(modules.counts).toEqual({ reused: 2, compiled: 1 });
  });

  it('compiles changed code through Node, and reuses it once it stays the same', () => {
    const p = project();
    p.write('src/answer.cjs', 'exports.answer = () => 1;\n');
    const modules = install(p.root);
    expect(p.reload('src/answer.cjs').answer!()).toBe(1);
    p.write('src/answer.cjs', 'exports.answer = () => 2;\n');
    expect(p.reload('src/answer.cjs').answer!()).toBe(2);
    expect(p.reload('src/answer.cjs').answer!()).toBe(2);
    p.write('src/answer.cjs', 'exports.answer = () => 1;\n');
    expect(p.reload('src/answer.cjs').answer!()).toBe(1);
    expect(modules.counts).toEqual({ reused: 1, compiled: 3 });
  });

  it('gives reused code a require of its own: children, resolve, and relative paths as Node keeps them', () => {
    const p = project();
    p.write('src/dep.cjs', 'exports.value = 42;\n');
    p.write('src/main.cjs', "exports.value = require('./dep.cjs').value;\nexports.resolved = require.resolve('./dep.cjs');\nexports.file = __filename;\nexports.dir = __dirname;\nexports.self = this === module.exports;\n");
    const modules = install(p.root);
    p.reload('src/main.cjs');
    const again = p.reload('src/main.cjs');
    expect(modules.counts.reused).toBe(1);
    expect(again).toMatchObject({ value: 42, resolved: p.file('src/dep.cjs'), file: p.file('src/main.cjs'), dir: p.file('src'), self: true });
    expect(p.cached('src/main.cjs')!.children.map((c) => c.id)).toEqual([p.file('src/dep.cjs')]);
  });

  it('keeps the source map of the code a reused module runs, also after a revert and a collection', async () => {
    const p = project();
    const version = (shift: number) => `exports.fail = () => {\n  throw new Error('boom');\n};\n${shiftedBy(shift, 3)}\n`;
    /** Where the throw maps to (1-based) in a fresh evaluation of the module, after its old copies are collected. */
    const mapped = async () => {
      p.reload('src/thrower.cjs');
      await collectGarbage();
      return (findSourceMap(p.file('src/thrower.cjs'))?.findEntry(1, 2) as { originalLine?: number } | undefined)?.originalLine! + 1;
    };
    // Node keeps source maps only while they are switched on (tsx switches them on in a runner).
    const enabled = process.sourceMapsEnabled;
    process.setSourceMapsEnabled(true);
    onTestFinished(() => process.setSourceMapsEnabled(enabled));
    const modules = install(p.root);
    p.write('src/thrower.cjs', version(10));
    expect([await mapped(), await mapped()]).toEqual([12, 12]);
    p.write('src/thrower.cjs', version(20));
    expect([await mapped(), await mapped()]).toEqual([22, 22]);
    p.write('src/thrower.cjs', version(10));
    expect([await mapped(), await mapped()]).toEqual([12, 12]);
    // A load that compiles through Node (coverage on) replaces the file's map: a later reuse must not run older code under it.
    modules.enabled = false;
    p.write('src/thrower.cjs', version(20));
    expect(await mapped()).toBe(22);
    modules.enabled = true;
    p.write('src/thrower.cjs', version(10));
    expect([await mapped(), await mapped()]).toEqual([12, 12]);
    // Code that throws while loading leaves its map, not the kept code's: the kept code compiles again.
    p.write('src/thrower.cjs', `throw new Error('at load');\n${shiftedBy(20, 1)}\n`);
    expect(() => p.reload('src/thrower.cjs')).toThrow('at load');
    p.write('src/thrower.cjs', version(10));
    expect([await mapped(), await mapped()]).toEqual([12, 12]);
    expect(modules.counts.reused).toBe(5);
  });

  it('leaves node_modules, disabled loads and code that throws while loading to Node', () => {
    const p = project();
    p.write('node_modules/dep/index.js', 'let n = 0;\nexports.n = () => ++n;\n');
    p.write('src/broken.cjs', "throw new Error('fails at load');\n");
    const modules = install(p.root);
    p.reload('node_modules/dep/index.js');
    p.reload('node_modules/dep/index.js');
    expect(() => p.reload('src/broken.cjs')).toThrow('fails at load');
    expect(() => p.reload('src/broken.cjs')).toThrow('fails at load');
    p.write('src/plain.cjs', 'exports.ok = true;\n');
    modules.enabled = false;
    p.reload('src/plain.cjs');
    p.reload('src/plain.cjs');
    expect(modules.counts).toEqual({ reused: 0, compiled: 4 });
  });

  it('puts Node\'s own compile back when uninstalled', () => {
    const p = project();
    p.write('src/a.cjs', 'exports.a = 1;\n');
    const modules = install(p.root);
    modules.uninstall();
    p.reload('src/a.cjs');
    p.reload('src/a.cjs');
    expect(modules.counts).toEqual({ reused: 0, compiled: 0 });
  });
});
