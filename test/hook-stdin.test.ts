import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readPayload } from '../src/cli/hook-stdin.js';

const timing = { waitMs: 100, capMs: 2000 };

/** Writes `pieces` one every `gapMs`, then ends: a payload arriving slowly, as on a loaded machine. */
function slowly(pieces: string[], gapMs: number, end = true): PassThrough {
  const stream = new PassThrough();
  pieces.forEach((piece, i) => setTimeout(() => {
    stream.write(piece);
    if (end && i === pieces.length - 1) stream.end();
  }, i * gapMs));
  return stream;
}

describe('the hook payload on stdin', () => {
  it('reads a payload whose pieces keep arriving past the wait for a first byte', async () => {
    const payload = await readPayload(slowly(['{"cwd":', '"/p",', '"tool_input":', '{"file_path":"a.ts"}', '}'], 60), timing);
    expect(payload).toEqual({ cwd: '/p', tool_input: { file_path: 'a.ts' } });
  });

  it('waits out a stall in the middle of the JSON rather than cut it', async () => {
    expect(await readPayload(slowly(['{"cwd":', '"/p"}'], 300), timing)).toEqual({ cwd: '/p' });
  });

  it('takes nothing within the wait as an empty payload, and stops at the cap when no end comes', async () => {
    expect(await readPayload(new PassThrough(), timing)).toEqual({});
    const started = Date.now();
    await expect(readPayload(slowly(['{"cwd":'], 10, false), { waitMs: 50, capMs: 300 })).rejects.toMatchObject({ problem: { code: 'SPEC_USAGE' } });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('answers a payload that parses once it stops arriving, even with stdin left open', async () => {
    expect(await readPayload(slowly(['{"cwd":"/p"}'], 10, false), timing)).toEqual({ cwd: '/p' });
  });
});
