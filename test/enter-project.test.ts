import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from './helpers.js';

const REPO = path.resolve(import.meta.dirname, '..');
afterAll(removeTempDirs);

/*
 * A worker thread caches process.cwd() and refreshes it when the main thread's chdir bumps a shared
 * counter; Node before the fix of nodejs/node#61664 bumps it before it changes the folder, so a
 * thread that reads the folder in between keeps the old one for good. spec's held runner thread
 * (run/prestart.ts) is reading paths while the CLI changes into the project: on Node 20.20 it kept
 * the folder the person stood in ≈ 1 time in 11 here, and cucumber then looked for the project's
 * cucumber.mjs in that folder (workspace-paths.feature:9, once, under load).
 */
const RACE = `
import { Worker } from 'node:worker_threads';
const { enterProject } = await import(process.argv[1]);
const [from, into, rounds] = [process.argv[2], process.argv[3], Number(process.argv[4])];
let stale = 0;
for (let i = 0; i < rounds; i++) {
  process.chdir(from);
  const flags = new Int32Array(new SharedArrayBuffer(8));
  const thread = new Worker(\`
    const { parentPort, workerData } = require('node:worker_threads');
    const flags = new Int32Array(workerData);
    Atomics.store(flags, 1, 1);
    while (Atomics.load(flags, 0) === 0) process.cwd();
    parentPort.postMessage(process.cwd());\`, { eval: true, execArgv: [], workerData: flags.buffer });
  while (Atomics.load(flags, 1) === 0) await new Promise((resolve) => setTimeout(resolve, 1));
  enterProject(into);
  Atomics.store(flags, 0, 1);
  const seen = await new Promise((resolve) => thread.once('message', resolve));
  if (seen !== into) stale++;
  await thread.terminate();
}
console.log(stale);
`;

describe('enterProject', () => {
  it('leaves no thread with the folder it left, however the thread was reading it meanwhile', () => {
    const root = tempDir('enter-project-');
    const [from, into] = [path.join(root, 'stood'), path.join(root, 'project')];
    mkdirSync(from);
    mkdirSync(into);
    const shared = pathToFileURL(path.join(REPO, 'dist', 'cli', 'shared.js')).href;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', RACE, shared, from, into, '200'], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('0');
  }, 60_000);
});
