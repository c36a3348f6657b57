import nodeUtil = require('node:util');
import type { RunError } from '../core/run-result.js';

interface Definition { code: (...args: unknown[]) => unknown }

/*
 * CommonJS: cucumber's parallel workers require it (worker-preamble.cts), as the runner imports it.
 */

/**
 * Cucumber's messages carry only an error's message and stack. To report expected/actual we wrap
 * each step definition (keeping its arity, which cucumber checks) and remember the last thrown error.
 * Steps run one at a time in this process, so the last thrown error belongs to the next failed step.
 */
function captureStepErrors(definitions: Definition[]): () => RunError | undefined {
  let last: RunError | undefined;
  const record = (error: unknown) => {
    last = describeThrown(error);
    withoutOwnFrame(error);
  };
  for (const definition of definitions) {
    const original = definition.code;
    const wrapped = function (this: unknown, ...args: unknown[]) {
      try {
        const value = original.apply(this, args);
        if (value && typeof (value as Promise<unknown>).then === 'function') {
          return (value as Promise<unknown>).then(undefined, (error: unknown) => {
            record(error);
            throw error;
          });
        }
        return value;
      } catch (error) {
        record(error);
        throw error;
      }
    };
    Object.defineProperty(wrapped, 'length', { value: original.length });
    definition.code = wrapped;
  }
  return () => {
    const taken = last;
    last = undefined;
    return taken;
  };
}

/**
 * cucumber cuts its own frames from a failed step's stack, not this wrapper's: taken off too, so
 * the reports drawn from cucumber's messages (junit, html, messages) show the project's frames only.
 */
function withoutOwnFrame(error: unknown): void {
  if (!(error instanceof Error) || typeof error.stack !== 'string' || !error.stack.includes(__filename)) return;
  try {
    error.stack = error.stack
      .split('\n')
      .filter((line) => !line.includes(__filename))
      .join('\n');
  } catch {
    // A frozen error keeps its stack.
  }
}

function describeThrown(error: unknown): RunError {
  if (!(error instanceof Error)) return { message: String(error) };
  const withValues = error as Error & { expected?: unknown; actual?: unknown; showDiff?: boolean; operator?: string; generatedMessage?: boolean };
  // assert.fail() and friends carry no values to compare; chai marks those with showDiff: false.
  const hasValues = 'expected' in withValues && 'actual' in withValues && withValues.showDiff !== false && withValues.operator !== 'fail';
  return {
    type: error.name,
    message: error.message,
    // Node's own message repeats the values as a diff; a message the author wrote says something else.
    ...(withValues.generatedMessage === true ? { generatedMessage: true } : {}),
    ...(error.stack ? { stack: error.stack } : {}),
    ...(hasValues ? { expected: show(withValues.expected), actual: show(withValues.actual) } : {}),
  };
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : nodeUtil.inspect(value, { depth: 6, breakLength: 80, sorted: true });
}

export = { captureStepErrors, describeThrown };
