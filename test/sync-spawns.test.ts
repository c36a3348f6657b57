import childProcess from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';

// CommonJS (cucumber's workers require them), so the built files: vitest does not compile .cts.
const load = createRequire(import.meta.url);
const { syncSpawnOptions, workerOptions } = load('../dist/run/sync-spawns.cjs') as typeof import('../src/run/sync-spawns.cjs');
const { ReadRecorder } = load('../dist/run/read-recorder.cjs') as typeof import('../src/run/read-recorder.cjs');

const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'spec-sync-spawns-')));
mkdirSync(path.join(root, 'bin'));
mkdirSync(path.join(root, 'node_modules/tool'), { recursive: true });
writeFileSync(path.join(root, 'bin/cli.js'), "process.stdout.write('ok')\n");
writeFileSync(path.join(root, 'bin/thread.js'), '');
writeFileSync(path.join(root, 'node_modules/tool/thread.js'), '');
afterAll(() => rmSync(root, { recursive: true, force: true }));
const win = process.platform === 'win32';
const sh = win ? (process.env.ComSpec ?? 'cmd.exe') : '/bin/sh';
const line = (command: string) => (win ? [sh, '/d', '/s', '/c', `"${command}"`] : [sh, '-c', command]);

describe('syncSpawnOptions: a sync call as the options ChildProcess#spawn would get', () => {
  it('runs execSync’s command line in a shell, its own if it names one, in its cwd', () => {
    expect(syncSpawnOptions('execSync', ['node src/cli.js add 2 3'])).toEqual({ file: sh, args: line('node src/cli.js add 2 3'), cwd: undefined });
    expect(syncSpawnOptions('execSync', ['calc add', { shell: '/bin/bash', cwd: root }])).toEqual({ file: '/bin/bash', args: ['/bin/bash', '-c', 'calc add'], cwd: root });
  });

  it('takes a file and its arguments, with or without options, and a cwd given as a URL', () => {
    expect(syncSpawnOptions('execFileSync', [process.execPath, ['bin/cli.js', 'add'], { cwd: root }])).toEqual({ file: process.execPath, args: [process.execPath, 'bin/cli.js', 'add'], cwd: root });
    expect(syncSpawnOptions('spawnSync', ['ls', { cwd: pathToFileURL(root) }])).toEqual({ file: 'ls', args: ['ls'], cwd: root });
    expect(syncSpawnOptions('spawnSync', ['ls'])).toEqual({ file: 'ls', args: ['ls'], cwd: undefined });
  });

  it('joins file and arguments into one command line under shell: true', () => {
    expect(syncSpawnOptions('spawnSync', ['node', ['bin/cli.js', 'x'], { shell: true }])).toEqual({ file: sh, args: line('node bin/cli.js x'), cwd: undefined });
    expect(syncSpawnOptions('execSync', ['calc add', { shell: 'C:\\Windows\\System32\\cmd.exe' }])?.args).toEqual(['C:\\Windows\\System32\\cmd.exe', '/d', '/s', '/c', '"calc add"']);
  });

  it('says nothing of a call it cannot read (the call itself rejects it)', () => {
    expect(syncSpawnOptions('execSync', [42])).toBeUndefined();
  });
});

describe('workerOptions: a worker thread as the file it runs', () => {
  it('takes a path or a file: URL, and counts eval code as node running anything', () => {
    expect(workerOptions('./bin/thread.js', undefined)).toEqual({ file: path.resolve('bin/thread.js'), args: [path.resolve('bin/thread.js')] });
    expect(workerOptions(pathToFileURL(path.join(root, 'bin/thread.js')), {})).toEqual({ file: path.join(root, 'bin/thread.js'), args: [path.join(root, 'bin/thread.js')] });
    expect(workerOptions('postMessage(1)', { eval: true })?.file).toBe(process.execPath);
    expect(workerOptions(new URL('data:text/javascript,1'), {})).toBeUndefined();
  });
});

describe('ReadRecorder with the sync calls and Worker wrapped', () => {
  const recorder = new ReadRecorder(root);
  recorder.install();

  it('counts a sync child that runs scripts or a project file as a read of every file, even when it fails', () => {
    recorder.phase = 'scenario';
    expect(childProcess.execFileSync(process.execPath, ['bin/cli.js'], { cwd: root, encoding: 'utf8' })).toBe('ok');
    expect(recorder.takeScenario()).toEqual(['*']);
    expect(() => childProcess.execSync('exit 3', { cwd: root, stdio: 'ignore' })).toThrow();
    expect(recorder.takeScenario()).toEqual(['*']);
    childProcess.spawnSync(path.join(root, 'bin/cli.js'), { cwd: root, stdio: 'ignore' });
    expect(recorder.takeScenario()).toEqual(['*']);
  });

  it('does not count a tool given no project path, nor a thread of a dependency; does a thread of a project file', async () => {
    recorder.phase = 'scenario';
    childProcess.spawnSync('true', ['--version'], { cwd: root, stdio: 'ignore' });
    await new Worker(path.join(root, 'node_modules/tool/thread.js')).terminate();
    expect(recorder.takeScenario()).toEqual([]);
    const worker = new Worker(path.join(root, 'bin/thread.js'));
    expect(worker).toBeInstanceOf(Worker);
    await worker.terminate();
    expect(recorder.takeScenario()).toEqual(['*']);
  });
});
