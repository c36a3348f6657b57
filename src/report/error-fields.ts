/** The parts of a failure that come from the thrown error: its message, expected/actual and diff, and the user's own stack frames. */
import { fileURLToPath } from 'node:url';
import type { RunError } from '../core/run-result.js';
import type { Failure } from './verdict.js';

/** A generated assertion message repeats expected/actual as a diff we show anyway: keep its headline. */
export function errorMessage(error: RunError | undefined): string {
  if (!error) return '';
  return error.generatedMessage && error.expected !== undefined ? (error.message.split('\n')[0] ?? '') : error.message;
}

export function errorFields(error: RunError | undefined, ctx: { root: string; tools: { diff?: (expected: string, actual: string) => string } }): Pick<Failure, 'expected' | 'actual' | 'diff' | 'stack'> {
  if (!error) return {};
  const stack = error.stack ? userStack(error.stack, ctx.root) : undefined;
  const fields: Pick<Failure, 'expected' | 'actual' | 'diff' | 'stack'> = stack ? { stack } : {};
  if (error.expected !== undefined && error.actual !== undefined) {
    fields.expected = error.expected;
    fields.actual = error.actual;
    if (ctx.tools.diff) fields.diff = ctx.tools.diff(error.expected, error.actual);
  }
  return fields;
}

/** specloop's own compiled code (even when the project is specloop itself) is never the user's frame. */
const OWN_DIST = fileURLToPath(new URL('../', import.meta.url));

/** Keeps the frames in the user's own files, written project-relative. */
export function userStack(stack: string, root: string): string | undefined {
  const prefix = root.endsWith('/') ? root : `${root}/`;
  const frames = stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .map((line) => line.replace(/file:\/\//g, ''))
    .filter((line) => line.includes(prefix) && !line.includes('/node_modules/') && !line.includes(`${prefix}.spec/`) && !line.includes(OWN_DIST))
    .map((line) => line.split(prefix).join('').trim());
  return frames.length ? frames.slice(0, 8).join('\n') : undefined;
}
