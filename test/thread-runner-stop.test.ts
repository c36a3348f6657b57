import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from './helpers.js';

/**
 * cucumber 13's CommonJS require()s ES-module packages (its messages, gherkin, formatters). On
 * Node >= 22 a worker.terminate() that lands while a thread is inside such a require aborts the
 * whole process: V8's fatal "IsGraphAsync must be used on an instantiated module", the crash CI saw
 * in `spec verify` when a config error ended the command while its thread runner was still
 * loading cucumber. A runner that is no longer needed is asked to stop instead (run/thread.ts).
 * Node 20 has no require(esm) by default, so it cannot crash this way.
 */
const requireEsm = Number(process.versions.node.split('.')[0]) >= 22;

/** A project whose cucumber, like 13's, require()s many small ES modules while it loads. */
function esmHeavyCucumber(): string {
  const root = tempDir('thread-stop-');
  const lib = path.join(root, 'node_modules', '@cucumber', 'cucumber');
  mkdirSync(path.join(lib, 'lib', 'api'), { recursive: true });
  mkdirSync(path.join(lib, 'esm'));
  writeFileSync(path.join(root, 'package.json'), '{ "name": "esm-heavy", "private": true }\n');
  writeFileSync(path.join(lib, 'package.json'), '{ "name": "@cucumber/cucumber", "version": "13.3.0", "main": "lib/index.js" }\n');
  const count = 300;
  for (let i = 0; i < count; i++) {
    writeFileSync(path.join(lib, 'esm', `dep${i}.mjs`), `export const value = ${i};\n`);
    writeFileSync(path.join(lib, 'esm', `m${i}.mjs`), `import { value } from './dep${i}.mjs';\nexport const doubled = value * 2;\n`);
  }
  writeFileSync(path.join(lib, 'lib', 'api', 'run_cucumber.js'), `process.stdout.write('loading cucumber\\n');\nfor (let i = 0; i < ${count}; i++) require('../../esm/m' + i + '.mjs');\nexports.runCucumber = async () => ({ success: true });\n`);
  writeFileSync(path.join(lib, 'lib', 'api', 'load_support.js'), 'exports.loadSupport = async () => ({});\n');
  return root;
}

/** About how long the fake cucumber's require()s take on a loaded 2-core machine. */
const LOAD_MS = 80;

/** Starts thread runners in `root` and stops each while it is still loading cucumber, `rounds` times over, in its own process. */
function startAndStop(root: string, rounds: number): ReturnType<typeof spawnSync> {
  const thread = path.join(REPO, 'dist', 'run', 'thread.js');
  const script = `
    const { startThreadRunner } = await import(${JSON.stringify(thread)});
    for (let round = 0; round < ${rounds}; round++) {
      const runners = [0, 1, 2].map(() => {
        // Stopped at a random moment of its require()s of ES modules, once it says it has begun them.
        const runner = startThreadRunner(${JSON.stringify(root)}, process.env, (text) => {
          if (text.includes('loading cucumber')) setTimeout(() => runner.kill(), Math.random() * ${LOAD_MS});
        });
        return runner;
      });
      while (runners.some((runner) => runner.alive)) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    console.log('all stopped');
  `;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', timeout: 220_000 });
}

describe('stopping a thread runner that is loading cucumber', () => {
  it.skipIf(!requireEsm)('never aborts the process, however often it is stopped mid-load (Node >= 22; Node 20 has no require(esm))', () => {
    // 25 rounds of three: before the fix all 11 tries aborted (15 rounds caught it in 3 of 4).
    const ran = startAndStop(esmHeavyCucumber(), 25);
    expect(ran.stderr).not.toContain('FATAL ERROR');
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain('all stopped');
  }, 240_000);
});
