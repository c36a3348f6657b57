/**
 * Errors a step leaves behind: a timer that throws, a promise nobody awaits. cucumber catches
 * them only while a step runs; one that comes after the last step crashes plain cucumber-js after
 * its summary (exit 1). The runner sends its result and exits as soon as cucumber's run ends, and
 * a parallel worker ends as soon as it has no scenario left, so without this wait such an error
 * would be lost and the verdict greener than cucumber-js's.
 * CommonJS: cucumber's parallel workers require it too (worker-preamble.cts), as the runner imports it.
 */

/** Long enough for the timers a step typically leaves (a flush, a retry); a lingering interval costs at most this. */
const GRACE_MS = 250;

const tick = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Timers still pending: the user's, since the runner's own are stopped by now. */
function pendingTimers(): number {
  return process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
}

async function collectLateErrors(graceMs = GRACE_MS): Promise<Error[]> {
  const errors: Error[] = [];
  const onError = (error: unknown) => void errors.push(error instanceof Error ? error : new Error(String(error)));
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);
  try {
    // A rejection from the last step is reported once the current turn ends.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const until = Date.now() + graceMs;
    while (pendingTimers() > 0 && Date.now() < until) await tick(5);
    await new Promise<void>((resolve) => setImmediate(resolve));
  } finally {
    process.off('uncaughtException', onError);
    process.off('unhandledRejection', onError);
  }
  return errors;
}

/** The error as the verdict tells it: what it said, and that it came after the step that started it had passed. */
function lateError(error: { name?: string; message: string; stack?: string }): Error {
  const late = new Error(`thrown after the step that started it had passed (a timer or a promise nobody awaited): ${error.message}`);
  late.name = error.name ?? 'Error';
  late.stack = error.stack;
  return late;
}

export = { collectLateErrors, lateError };
