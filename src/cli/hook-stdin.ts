/**
 * The agent's hook payload from stdin. Agents write it at once and close stdin, but on a loaded
 * machine a large payload (Claude's Write carries the whole file) can arrive in pieces over more
 * than the wait for a first byte: once something arrived, the reader waits for the end (or for
 * text that parses) rather than cut the JSON where the clock ran out.
 */
import { SpecloopError } from '../core/errors.js';

export interface StdinTiming {
  /** With nothing by then (or nothing more, and the text parses), the payload is what arrived. */
  waitMs: number;
  /** Never wait longer than this for an end that does not come: no hook hangs. */
  capMs: number;
}

const DEFAULT_TIMING: StdinTiming = { waitMs: 2000, capMs: 30_000 };
const LIMIT = 64 * 1024 * 1024;

type Input = NodeJS.ReadableStream & { isTTY?: boolean };

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

export function readStdinText(stdin: Input, timing: StdinTiming = DEFAULT_TIMING): Promise<string> {
  if (stdin.isTTY) return Promise.resolve('');
  const chunks: Buffer[] = [];
  let size = 0;
  return new Promise((resolve) => {
    const text = () => Buffer.concat(chunks).toString('utf8');
    const finish = () => {
      clearTimeout(idle);
      clearTimeout(cap);
      stdin.pause();
      resolve(text());
    };
    const onIdle = () => {
      if (size === 0 || parses(text())) finish();
      else idle = setTimeout(onIdle, timing.waitMs);
    };
    let idle = setTimeout(onIdle, timing.waitMs);
    const cap = setTimeout(finish, timing.capMs);
    stdin.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= LIMIT) chunks.push(chunk);
      clearTimeout(idle);
      idle = setTimeout(onIdle, timing.waitMs);
    });
    stdin.once('end', finish);
    stdin.once('error', finish);
  }).then((read) => {
    if (size > LIMIT) throw new SpecloopError({ code: 'SPEC_USAGE', message: `hook: the payload on stdin is ${size} bytes, over the ${LIMIT / 1024 / 1024} MB a hook reads`, hint: 'check the file the agent wrote with spec verify --changed' });
    return read as string;
  });
}

/** None (a terminal, or nothing within the wait) is an empty payload; anything but a JSON object is bad input. */
export async function readPayload(stdin: Input, timing?: StdinTiming): Promise<Record<string, unknown>> {
  const text = await readStdinText(stdin, timing);
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  throw new SpecloopError({
    code: 'SPEC_USAGE',
    message: `hook: stdin is not the agent's hook payload (a JSON object): ${JSON.stringify(text.trim().slice(0, 60))}`,
    hint: 'the agent pipes its JSON payload to the hook command; to check the project by hand, run spec verify',
  });
}
