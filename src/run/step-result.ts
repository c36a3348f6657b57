/** cucumber's step result messages as specloop's status, milliseconds and error. Pure. */
import type * as messages from '@cucumber/messages';
import type { StepStatus } from '../core/results.js';
import type { RunError } from '../core/run-result.js';

export function toStatus(status: messages.TestStepResultStatus | undefined): StepStatus {
  return (status ?? 'UNKNOWN').toLowerCase() as StepStatus;
}

/**
 * A step's status with its binding taken into account: cucumber 13 reports a step after a skipped
 * one as skipped even when no definition (or several) matches it, where cucumber 12 said undefined
 * (or ambiguous). Unbound is unbound whatever ran before, so every major gives the same verdict.
 */
export function boundStatus(status: StepStatus, definitionCount: number): StepStatus {
  if (status !== 'skipped' || definitionCount === 1) return status;
  return definitionCount === 0 ? 'undefined' : 'ambiguous';
}

export function toMs(duration: messages.Duration): number {
  return duration.seconds * 1000 + duration.nanos / 1e6;
}

export function toError(result: messages.TestStepResult, captured: RunError | undefined): RunError | undefined {
  if (result.status !== 'FAILED' && result.status !== 'PENDING') return undefined;
  const exception = result.exception;
  const message = exception?.message ?? result.message ?? '';
  if (!message && result.status === 'PENDING') return undefined;
  return {
    type: exception?.type,
    message: firstBlock(message),
    stack: exception?.stackTrace ?? result.message,
    ...(captured?.generatedMessage ? { generatedMessage: true } : {}),
    ...(captured?.expected !== undefined ? { expected: captured.expected } : {}),
    ...(captured?.actual !== undefined ? { actual: captured.actual } : {}),
  };
}

/** Cucumber puts the whole stack into `message` when it has no exception; keep the message part. */
function firstBlock(message: string): string {
  const at = message.search(/\n\s+at /);
  return (at >= 0 ? message.slice(0, at) : message).trim();
}
