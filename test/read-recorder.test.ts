import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'spec-reads-')));
mkdirSync(path.join(root, 'data'));
mkdirSync(path.join(root, 'node_modules'));
writeFileSync(path.join(root, 'data/table.json'), '{"a":1}');
writeFileSync(path.join(root, 'data/required.json'), '{"b":2}');
writeFileSync(path.join(root, 'node_modules/dep.json'), '{}');
// CommonJS (cucumber's workers require it), so the built file: vitest does not compile .cts.
const { ReadRecorder } = createRequire(import.meta.url)('../dist/run/read-recorder.cjs') as typeof import('../src/run/read-recorder.cjs');
const recorder = new ReadRecorder(root);
recorder.install();
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('ReadRecorder', () => {
  it('records what a scenario reads, tries to read and lists, in the project only', async () => {
    recorder.phase = 'scenario';
    fs.readFileSync(path.join(root, 'data/table.json'), 'utf8');
    await readFile(new URL(`file://${root}/data/table.json`));
    expect(fs.existsSync(path.join(root, 'data/missing.txt'))).toBe(false);
    fs.readdirSync(path.join(root, 'data'));
    fs.readFileSync(path.join(root, 'node_modules/dep.json'));
    fs.readFileSync(__filename);
    expect(recorder.takeScenario()).toEqual(['data/', 'data/missing.txt', 'data/table.json']);
    expect(recorder.takeScenario()).toEqual([]);
  });

  it('does not count require() of a JSON module (the import graph follows it), nor what the code wrote', () => {
    recorder.phase = 'scenario';
    createRequire(path.join(root, 'x.js'))('./data/required.json');
    writeFileSync(path.join(root, 'data/out.txt'), 'x');
    fs.readFileSync(path.join(root, 'data/out.txt'));
    fs.closeSync(fs.openSync(path.join(root, 'data/log.txt'), 'a'));
    fs.closeSync(fs.openSync(path.join(root, 'data/table.json'), 'r'));
    expect(recorder.takeScenario()).toEqual(['data/table.json']);
    expect(recorder.writes()).toEqual(['data/log.txt', 'data/out.txt']);
  });

  it('keeps data files read outside scenarios (loading, BeforeAll) apart, without modules or folders', () => {
    recorder.phase = 'shared';
    fs.readFileSync(path.join(root, 'data/table.json'));
    fs.existsSync(path.join(root, 'src/index.ts'));
    fs.readdirSync(path.join(root, 'data'));
    recorder.phase = 'off';
    fs.readFileSync(path.join(root, 'data/required.json'));
    expect(recorder.sharedReads()).toEqual(['data/table.json']);
    expect(recorder.takeScenario()).toEqual([]);
  });

  it('counts a child process that may run project code as a read of every file, in the phase it started; a browser or a tool given no project path not', () => {
    recorder.phase = 'scenario';
    recorder.spawned({ file: '/usr/bin/chromium', args: ['/usr/bin/chromium', '--headless', '--user-data-dir=/tmp/x'] });
    recorder.spawned({ file: path.join(root, 'node_modules/.bin/esbuild'), args: ['esbuild', '--service'] });
    recorder.spawned({ file: process.execPath, args: [process.execPath, path.join(root, 'node_modules/@cucumber/cucumber/lib/runtime/parallel/run_worker.js')] });
    expect(recorder.takeScenario()).toEqual([]);
    recorder.spawned({ file: '/usr/bin/env', args: ['env', 'data/table.json'], cwd: root });
    expect(recorder.takeScenario()).toEqual(['*']);
    // Windows' shell, as a shell: spawn's shell option and exec run commands in it there.
    recorder.spawned({ file: 'C:\\Windows\\System32\\cmd.exe', args: ['cmd.exe', '/d', '/s', '/c', '"calc add 2 3"'] });
    expect(recorder.takeScenario()).toEqual(['*']);
    recorder.phase = 'shared';
    recorder.spawned({ file: 'npm', args: ['npm', 'start'] });
    expect(recorder.sharedReads()).toContain('*');
    expect(recorder.takeScenario()).toEqual([]);
  });
});
