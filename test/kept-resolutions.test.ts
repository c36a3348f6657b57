import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keepResolutions, type KeptResolutions } from '../src/run/kept-resolutions.js';
import { tempDir, writeIn } from './helpers.js';
import { projectModule } from '../src/run/project-module.js';

function project() {
  const root = tempDir('specloop-resolutions-');
  const file = (rel: string) => path.join(root, rel);
  const write = (rel: string, text: string) => writeIn(root, rel, text);
  const req = createRequire(file('index.cjs'));
  return {
    root,
    file,
    write,
    /** A runner's reload: every project module leaves the cache, then the entry is required again. */
    load: (rel: string) => {
      for (const id of Object.keys(req.cache)) if (id.startsWith(root + path.sep)) delete req.cache[id];
      return req(file(rel)) as Record<string, unknown>;
    },
  };
}

let installed: KeptResolutions | undefined;
afterEach(() => installed?.uninstall());

/** `later`: a clock that many ms ahead, so folders written by the test count as settled (or not). */
function install(root: string, later = 5000): KeptResolutions {
  installed = keepResolutions(projectModule(root), undefined, () => Date.now() + later);
  return installed;
}

describe('keepResolutions', () => {
  it('answers a relative require from a project module again without resolving it, while its folders stay as they were', () => {
    const p = project();
    p.write('lib/dep.json', '{ "from": "json" }');
    p.write('src/main.cjs', "exports.dep = require('../lib/dep');\n");
    const kept = install(p.root);
    expect(p.load('src/main.cjs').dep).toEqual({ from: 'json' });
    kept.newLoad();
    expect(p.load('src/main.cjs').dep).toEqual({ from: 'json' });
    expect(kept.counts).toEqual({ kept: 1, resolved: 1 });
  });

  it('resolves again once a file enters the folder it looked in, or the target leaves', () => {
    const p = project();
    p.write('lib/dep.json', '{ "from": "json" }');
    p.write('src/main.cjs', "exports.dep = require('../lib/dep');\n");
    const kept = install(p.root);
    p.load('src/main.cjs');
    // Node takes dep.js before dep.json: a cached answer would go on loading the JSON.
    p.write('lib/dep.js', "module.exports = { from: 'js' };\n");
    kept.newLoad();
    expect(p.load('src/main.cjs').dep).toEqual({ from: 'js' });
    rmSync(p.file('lib/dep.js'));
    rmSync(p.file('lib/dep.json'));
    kept.newLoad();
    expect(() => p.load('src/main.cjs')).toThrow(/Cannot find module '\.\.\/lib\/dep'/);
    expect(kept.counts.kept).toBe(0);
  });

  it('resolves again when a folder appears beside a file the request could also name', () => {
    const p = project();
    p.write('src/util.js', "module.exports = 'file';\n");
    p.write('src/main.cjs', "exports.util = require('./util');\n");
    const kept = install(p.root);
    expect(p.load('src/main.cjs').util).toBe('file');
    rmSync(p.file('src/util.js'));
    p.write('src/util/index.js', "module.exports = 'folder';\n");
    kept.newLoad();
    expect(p.load('src/main.cjs').util).toBe('folder');
  });

  it('keeps nothing from a folder changed within the last second: its mtime may not move again', () => {
    const p = project();
    p.write('lib/dep.json', '{}');
    p.write('src/main.cjs', "require('../lib/dep');\n");
    const kept = install(p.root, 0);
    p.load('src/main.cjs');
    kept.newLoad();
    p.load('src/main.cjs');
    expect(kept.counts).toEqual({ kept: 0, resolved: 2 });
  });

  it('leaves package requests, requests from dependencies and require.resolve with paths to Node', () => {
    const p = project();
    p.write('node_modules/dep/index.js', "exports.inner = require('./inner');\n");
    p.write('node_modules/dep/inner.js', 'module.exports = 1;\n');
    p.write('src/main.cjs', "exports.dep = require('dep');\nexports.where = require.resolve('./main.cjs', { paths: [__dirname] });\n");
    const kept = install(p.root);
    p.load('src/main.cjs');
    kept.newLoad();
    expect(p.load('src/main.cjs')).toEqual({ dep: { inner: 1 }, where: p.file('src/main.cjs') });
    expect(kept.counts).toEqual({ kept: 0, resolved: 0 });
  });
});
