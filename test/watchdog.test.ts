import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RunProgress } from '../src/core/run-result.js';
import { encodeProgress, extractHang, HANG_MARKER, heartbeatBuffer, watchHeartbeat, writeHeartbeat } from '../src/run/watchdog.js';
import { tempDir } from './helpers.js';

const REPO = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const STEP: RunProgress = { uri: 'features/a.feature', line: 5, scenario: 'Waiting', pickleLine: 3, step: 'When it waits' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watchHeartbeat (a runner thread, watched from the parent)', () => {
  it('names the step that stays unfinished past quietMs', async () => {
    const sab = heartbeatBuffer();
    const hangs: (RunProgress | undefined)[] = [];
    const stop = watchHeartbeat(sab, 80, (p) => hangs.push(p));
    writeHeartbeat(sab).started(STEP);
    await sleep(400);
    stop();
    expect(hangs).toEqual([STEP]);
  });

  it('leaves slow steps alone as long as each finishes within quietMs, and idle time between runs', async () => {
    const sab = heartbeatBuffer();
    const hangs: unknown[] = [];
    const stop = watchHeartbeat(sab, 150, (p) => hangs.push(p));
    const beat = writeHeartbeat(sab);
    for (let i = 0; i < 6; i++) {
      beat.started({ ...STEP, line: i });
      await sleep(60);
      beat.finished();
    }
    await sleep(400);
    stop();
    expect(hangs).toEqual([]);
  });

  it('waits for the longer limit the runner wrote (the support code\'s own timeouts), and names it', async () => {
    const sab = heartbeatBuffer();
    const hangs: (RunProgress | undefined)[] = [];
    const stop = watchHeartbeat(sab, 80, (p) => hangs.push(p));
    const beat = writeHeartbeat(sab, undefined, 400);
    beat.started(STEP);
    await sleep(250);
    expect(hangs).toEqual([]);
    await sleep(400);
    stop();
    expect(hangs).toEqual([{ ...STEP, limitMs: 400 }]);
  });

  it('stops watching once stopped', async () => {
    const sab = heartbeatBuffer();
    const hangs: unknown[] = [];
    const stop = watchHeartbeat(sab, 50, (p) => hangs.push(p));
    stop();
    writeHeartbeat(sab).started(STEP);
    await sleep(250);
    expect(hangs).toEqual([]);
  });
});

describe('extractHang', () => {
  it('splits the watchdog report out of the log and parses the step', () => {
    const log = `step output\n\n${HANG_MARKER}${JSON.stringify(encodeProgress(STEP, undefined))}\nafter\n`;
    expect(extractHang(log)).toEqual({ log: 'step output\n\nafter', progress: STEP });
  });

  it('reads back any step text, a hook without a scenario line, and the limit', () => {
    const hook: RunProgress = { uri: 'features/ü "q".feature', line: 1, scenario: 'S', pickleLine: 1, hook: { uri: 'steps/hooks.ts', line: 12 }, step: 'hook ({ "a": 1 } \\ \u001f tail\nsecond line)' };
    expect(extractHang(`${HANG_MARKER}${JSON.stringify(encodeProgress(hook, 2500))}\n`).progress).toEqual({ ...hook, limitMs: 2500 });
    expect(extractHang(`${HANG_MARKER}garbled\n`).progress).toBeUndefined();
    expect(extractHang(`${HANG_MARKER}"garbled"\n`).progress).toBeUndefined();
  });

  it('leaves a log without a report as it is', () => {
    expect(extractHang('just output\n')).toEqual({ log: 'just output\n', progress: undefined });
  });
});

/** Runs `body` (after importing startHangWatchdog) as its own Node process: how it ended, how soon, what it wrote on stderr. */
async function runScript(name: string, body: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number; stderr: string }> {
  const script = path.join(tempDir('specloop-watchdog-'), name);
  writeFileSync(script, `import { startHangWatchdog } from ${JSON.stringify(path.join(REPO, 'src', 'run', 'watchdog.ts'))};\n${body}`);
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, sig) => resolve([c, sig])));
  return { code, signal, ms: Date.now() - started, stderr };
}

describe('startHangWatchdog (the runner child kills itself)', () => {
  it('kills a process whose step blocks the event loop, after naming the step on stderr', async () => {
    const { signal, ms, stderr } = await runScript('blocked.mts', `const beat = startHangWatchdog(150);
beat.started(${JSON.stringify(STEP)});
// A step stuck in synchronous code: the event loop never turns again.
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20_000);
`);
    expect(signal).toBe('SIGKILL');
    expect(ms).toBeLessThan(10_000);
    expect(extractHang(stderr).progress).toEqual({ ...STEP, limitMs: 150 });
  });

  it('serves a later run of the same process with that run\'s quiet time, and a stopped run leaves it unarmed', async () => {
    const { signal, ms, stderr } = await runScript('second-run.mts', `// A first run, cancelled mid-step: its long quiet time and its open step must not carry over.
const first = startHangWatchdog(60_000);
first.started(${JSON.stringify({ ...STEP, step: 'When the first run waits' })});
first.stop();
await new Promise((resolve) => setTimeout(resolve, 300));
process.stderr.write('second run\\n');
const second = startHangWatchdog(150);
second.started(${JSON.stringify(STEP)});
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20_000);
`);
    expect(signal).toBe('SIGKILL');
    expect(ms).toBeLessThan(10_000);
    // Killed in the second run (not while the first one's step was open), naming the second run's step.
    expect(stderr.indexOf('second run')).toBeGreaterThanOrEqual(0);
    expect(stderr.indexOf(HANG_MARKER)).toBeGreaterThan(stderr.indexOf('second run'));
    expect(extractHang(stderr).progress).toEqual({ ...STEP, limitMs: 150 });
  });

  it('lets a process whose steps finish end on its own', async () => {
    const { code, signal, stderr } = await runScript('finishes.mts', `const beat = startHangWatchdog(150);
beat.started(${JSON.stringify(STEP)});
await new Promise((resolve) => setTimeout(resolve, 50));
beat.finished();
await new Promise((resolve) => setTimeout(resolve, 400));
beat.stop();
`);
    expect({ code, signal, stderr }).toEqual({ code: 0, signal: null, stderr: '' });
  });
});
