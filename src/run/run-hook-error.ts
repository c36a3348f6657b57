/**
 * A failed BeforeAll/AfterAll hook as one run error: the hook's own error (its message and
 * stack, as cucumber-js prints them) and the hook's file and line, whichever way cucumber told it.
 * cucumber ≥ 12 sends the error in testRunHookFinished; cucumber ≤ 11 rejects the run with
 * "a BeforeAll hook errored, process exiting: file:line" and the hook's error as its `cause`.
 */
import type * as messages from '@cucumber/messages';
import type { RunError } from '../core/run-result.js';

export type RunHookKind = 'BeforeAll' | 'AfterAll';

// "a BeforeAll hook errored, process exiting: x.ts:5", "an AfterAll hook errored on worker 1, …".
const ERRORED = /\b(BeforeAll|AfterAll) hook errored(?: on worker \S+)?, process exiting: (.+):(\d+)\s*$/;

export function runHookKind(hook: messages.Hook | undefined): RunHookKind {
  return hook?.type === 'AFTER_TEST_RUN' ? 'AfterAll' : 'BeforeAll';
}

/** The run error for a hook cucumber named, with the error it failed with. */
export function runHookError(kind: RunHookKind, hook: messages.Hook | undefined, error: RunError | undefined): RunError {
  const uri = hook?.sourceReference.uri;
  const line = hook?.sourceReference.location?.line;
  const name = hook?.name ? ` "${hook.name}"` : '';
  return {
    ...error,
    message: `the ${kind} hook${name} failed: ${error?.message || 'it reported no error message'}`,
    code: 'SPEC_HOOK',
    ...(uri && line ? { at: { uri, line } } : {}),
  };
}

/** cucumber ≤ 11's rejection for a failed run hook, unwrapped to the hook's own error; undefined for any other error. */
export function thrownRunHookError(error: Error): RunError | undefined {
  const found = ERRORED.exec(error.message);
  if (!found) return undefined;
  const cause = (error as Error & { cause?: unknown }).cause;
  const own: RunError | undefined =
    cause instanceof Error ? { type: cause.name, message: cause.message, ...(cause.stack ? { stack: cause.stack } : {}) } : cause === undefined ? undefined : { message: String(cause) };
  const hook = { sourceReference: { uri: found[2], location: { line: Number(found[3]) } } } as messages.Hook;
  return runHookError(found[1] as RunHookKind, hook, own);
}
