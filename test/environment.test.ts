import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeEnvironment } from '../src/core/env.js';
import { configureTiming, mark, timingForwarder } from '../src/core/timing.js';
import { runnerKindFor } from '../src/run/start.js';

const sink = () => {
  const chunks: string[] = [];
  return { chunks, write: (chunk: string) => chunks.push(chunk) };
};

describe('the injected environment (core/env.ts)', () => {
  it('keeps what the caller gives and resolves a relative cwd against the process folder it names', () => {
    const out = sink();
    const env = makeEnvironment({ cwd: 'shop', env: { A: '1' }, stdout: out, processCwd: '/work/here' });
    expect(env.cwd).toBe(path.resolve('/work/here', 'shop'));
    expect(env.env).toEqual({ A: '1' });
    expect(env.stdout).toBe(out);
    expect(env.processCwd).toBe('/work/here');
  });

  it('falls back to the process itself only for what the caller leaves out', () => {
    const env = makeEnvironment({});
    expect(env.cwd).toBe(process.cwd());
    expect(env.processCwd).toBe(process.cwd());
    expect(env.env).toBe(process.env);
    expect(env.stderr).toBe(process.stderr);
  });
});

describe('runnerKindFor', () => {
  it('runs in a thread only where the process stands, since a thread shares its folder', () => {
    expect(runnerKindFor('/p/shop', 'thread', '/p/shop')).toBe('thread');
    expect(runnerKindFor('/p/shop/', 'thread', '/p/shop')).toBe('thread');
    expect(runnerKindFor('/p/shop', 'thread', '/p')).toBe('process');
    expect(runnerKindFor('/p/shop', 'process', '/p/shop')).toBe('process');
  });
});

describe('timing (core/timing.ts)', () => {
  it('writes to the stream it was given only when SPECLOOP_TIMING=1 is in the variables it was given', () => {
    const out = sink();
    configureTiming({}, out);
    mark('spec', 'off');
    expect(out.chunks).toEqual([]);
    configureTiming({ SPECLOOP_TIMING: '1' }, out);
    mark('spec', 'prepared');
    expect(out.chunks).toHaveLength(1);
    expect(out.chunks[0]).toMatch(/^\[specloop timing\] spec prepared at \d+ \(own clock \d+ ms, cpu \d+ ms(, thread cpu \d+ ms)?\)\n$/);
    // The thread's own CPU time, where the system tells it (Linux): the CLI and a thread runner share the process's.
    if (process.platform === 'linux') expect(out.chunks[0]).toMatch(/, thread cpu \d+ ms\)\n$/);
    configureTiming({ SPECLOOP_TIMING: '0' }, out);
    mark('spec', 'off again');
    expect(out.chunks).toHaveLength(1);
  });
});

describe('timingForwarder (core/timing.ts)', () => {
  it("passes on only a runner's timing lines, whole even when a chunk splits them, and nothing while timing is off", () => {
    const out = sink();
    configureTiming({ SPECLOOP_TIMING: '1' }, out);
    const forward = timingForwarder();
    forward('a step printed this\n[specloop timing] runner load rec');
    expect(out.chunks).toEqual([]);
    forward('eived at 1 (own clock 2 ms, cpu 3 ms)\nmore output\n');
    expect(out.chunks).toEqual(['[specloop timing] runner load received at 1 (own clock 2 ms, cpu 3 ms)\n']);
    configureTiming({}, out);
    timingForwarder()('[specloop timing] runner ready at 1\n');
    expect(out.chunks).toHaveLength(1);
  });
});
