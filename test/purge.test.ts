import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { purgeModules } from '../src/run/purge.js';
import { tempDir } from './helpers.js';

type Loaded = { loads: number };

/** A project of CommonJS modules: steps → world → todo; clock on its own; a dependency under node_modules. */
function project(): { root: string; load: (rel: string) => Loaded; cached: (rel: string) => boolean } {
  const root = tempDir('specloop-purge-');
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  };
  // Each module counts its own evaluations in a global, so a test sees which ones re-ran.
  const counted = (name: string, body = '') => `globalThis.__loads ??= {}; globalThis.__loads[${JSON.stringify(name)}] = (globalThis.__loads[${JSON.stringify(name)}] ?? 0) + 1;\n${body}module.exports = { get loads() { return globalThis.__loads[${JSON.stringify(name)}]; } };\n`;
  write('node_modules/dep/index.js', counted(`${root}:dep`));
  write('src/todo.cjs', counted(`${root}:todo`, "require('dep');\n"));
  write('src/clock.cjs', counted(`${root}:clock`));
  write('steps/world.cjs', counted(`${root}:world`, "require('../src/todo.cjs');\n"));
  write('steps/todo.steps.cjs', counted(`${root}:steps`, "require('./world.cjs');\n"));
  write('steps/clock.steps.cjs', counted(`${root}:clocksteps`, "require('../src/clock.cjs');\n"));
  const req = createRequire(path.join(root, 'index.cjs'));
  return {
    root,
    load: (rel) => req(rel.startsWith('.') ? rel : `./${rel}`) as Loaded,
    cached: (rel) => req.cache[path.join(root, rel)] !== undefined,
  };
}

describe('purgeModules', () => {
  it('drops an edited module and everything that requires it, and keeps the rest loaded', () => {
    const p = project();
    p.load('steps/todo.steps.cjs');
    p.load('steps/clock.steps.cjs');
    const count = purgeModules([path.join(p.root, 'src/todo.cjs')], [], p.root);
    expect(count).toBe(3);
    expect(['src/todo.cjs', 'steps/world.cjs', 'steps/todo.steps.cjs'].filter(p.cached)).toEqual([]);
    expect(['src/clock.cjs', 'steps/clock.steps.cjs', 'node_modules/dep/index.js'].every(p.cached)).toBe(true);
    // Required again, the purged modules run again; the others do not.
    expect(p.load('steps/todo.steps.cjs').loads).toBe(2);
    expect(p.load('src/todo.cjs').loads).toBe(2);
    expect(p.load('src/clock.cjs').loads).toBe(1);
    expect(p.load('node_modules/dep/index.js').loads).toBe(1);
  });

  it('never drops modules under node_modules, nor files outside the root', () => {
    const p = project();
    p.load('steps/todo.steps.cjs');
    const count = purgeModules([path.join(p.root, 'node_modules/dep/index.js')], [], p.root);
    expect(count).toBe(0);
    expect(p.cached('src/todo.cjs')).toBe(true);
    expect(purgeModules([path.join(p.root, 'src/todo.cjs')], [], path.join(p.root, 'steps'))).toBe(0);
    expect(p.cached('src/todo.cjs')).toBe(true);
  });

  it('always drops the given support files, with their importers, even when nothing they require changed', () => {
    const p = project();
    p.load('steps/todo.steps.cjs');
    p.load('steps/clock.steps.cjs');
    purgeModules([], [path.join(p.root, 'steps/clock.steps.cjs'), path.join(p.root, 'steps/world.cjs')], p.root);
    expect(['steps/clock.steps.cjs', 'steps/world.cjs', 'steps/todo.steps.cjs'].filter(p.cached)).toEqual([]);
    expect(['src/clock.cjs', 'src/todo.cjs'].every(p.cached)).toBe(true);
  });

  it('parents still loaded forget the purged module object, so old copies do not pile up', () => {
    const p = project();
    p.load('steps/clock.steps.cjs');
    const req = createRequire(path.join(p.root, 'index.cjs'));
    const parent = req.cache[path.join(p.root, 'steps/clock.steps.cjs')]!;
    expect(parent.children.map((c) => c.id)).toContain(path.join(p.root, 'src/clock.cjs'));
    // Only the child is dropped here (the parent is outside the purge's root).
    purgeModules([path.join(p.root, 'src/clock.cjs')], [], path.join(p.root, 'src'));
    expect(p.cached('src/clock.cjs')).toBe(false);
    expect(parent.children.map((c) => c.id)).not.toContain(path.join(p.root, 'src/clock.cjs'));
  });
});
