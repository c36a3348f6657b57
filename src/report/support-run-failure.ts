/**
 * A run error that is neither a step's nor a BeforeAll/AfterAll hook's: support code cucumber runs
 * on its own, outside any step, failed the run. The usual one is a World constructor that throws
 * (cucumber builds the World before each scenario's first step). cucumber tells only the error, so
 * where it happened is the first frame of the user's own code in its stack.
 */
import { coded } from '../core/error-codes.js';
import type { RunError } from '../core/run-result.js';
import { errorFields, errorMessage, userStack } from './error-fields.js';
import type { FailureContext } from './failures.js';
import type { Failure } from './verdict.js';

/** `at new BankWorld (test/support/world.js:5:11)`, `at test/support/x.js:3:1`: the callee (with `new`) and the place. */
const FRAME = /^at (?:(new )?(\S+) \()?(.+?):(\d+):\d+\)?$/;

export function supportRunFailure(error: RunError, ctx: FailureContext): Failure {
  const first = error.stack ? userStack(error.stack, ctx.root)?.split('\n')[0] : undefined;
  const frame = first ? FRAME.exec(first) : null;
  const message = errorMessage(error);
  if (!frame) {
    return { ...coded('SPEC_SUPPORT_RUN'), message: `support code failed the run outside any step (the World constructor, a BeforeAll/AfterAll hook or a parameter type): ${message}`, ...errorFields(error, ctx), hint: 'the error names no line of your code: run a single scenario (spec verify FILE:LINE) and look at the World and support files' };
  }
  const [, isNew, callee, file, lineText] = frame;
  const line = Number(lineText);
  const what = isNew ? `the World constructor ${callee} threw when cucumber built a scenario's World` : `support code at ${file}:${line} failed the run outside any step`;
  return {
    ...coded('SPEC_SUPPORT_RUN'),
    message: `${what}: ${message}`,
    location: { file: file!, line },
    excerpt: ctx.excerpt(file!, line),
    ...errorFields(error, ctx),
    hint: `fix the error at ${file}:${line}${isNew ? ' (every scenario needs a World, so none ran)' : ''}`,
  };
}
