/**
 * What a failed step's or hook's error message says about the fix: a blocked event loop, a
 * timeout, a wrong parameter count, a call a worker thread refuses. Pure: text in, hint out.
 */
import type { RunStep } from '../core/run-result.js';
import type { DefinitionRef } from './verdict.js';

/** Node's message for what a worker thread may not do (process.chdir, process.setuid, …). */
const IN_THREAD = /is not supported in workers/;
const TIMED_OUT = /timed out/i;
/** The watchdog's words for a step it cut (run/run-scenarios.ts): the step never gave the event loop back. */
const BLOCKED = /blocked the event loop/;
/** cucumber-js: "function has 0 arguments, should have 1 (if synchronous or returning a promise) or 2 (if accepting a callback)". */
const ARITY = /function has (\d+) arguments?, should have (\d+) \(if synchronous/;
const BLOCKED_HINT = blockedHint('step');

/** What to look for in a step or hook the watchdog cut. */
export function blockedHint(what: 'step' | 'hook'): string {
  return `the ${what} never gave the event loop back: look for an endless or very long loop, or a long synchronous call (execSync, a busy wait, a huge computation) in the ${what} or the code it calls`;
}

export function isTimeout(message: string): boolean {
  return TIMED_OUT.test(message);
}

export function blockedEventLoop(message: string): boolean {
  return BLOCKED.test(message);
}

/** The hint for a step that failed (not undefined, ambiguous or pending), at `file`'s step line. */
export function failedStepHint(message: string, step: RunStep, file: string, def: DefinitionRef | undefined): string {
  const arity = ARITY.exec(message);
  const at = def ? ` (definition at ${def.file}:${def.line})` : '';
  return BLOCKED.test(message)
    ? `${BLOCKED_HINT}${at}`
    : TIMED_OUT.test(message)
    ? `the step did not finish in time: look for a missing await/resolve, or raise the timeout${at}`
    : arity
      ? arityHint(Number(arity[1]), Number(arity[2]), step.argument, def)
      : IN_THREAD.test(message)
      ? 'scenarios run in a worker thread, where this is not allowed: set "runner": "process" in spec.config.json to run them in a child process'
      : `make the code do what ${file}:${step.line} says${def ? `, or fix the step definition at ${def.file}:${def.line}` : ''}`;
}

/**
 * cucumber-js calls a step definition with one value per parameter of its pattern, then the step's
 * data table or doc string: the count it wants includes that argument, which is easy to forget.
 */
function arityHint(has: number, wants: number, argument: RunStep['argument'], def: DefinitionRef | undefined): string {
  const at = def ? `the step definition at ${def.file}:${def.line}` : 'the step definition';
  const what = argument === 'dataTable' ? 'a data table' : argument === 'docString' ? 'a doc string' : undefined;
  const parameter = argument === 'dataTable' ? '`table: DataTable`' : '`docString: string`';
  if (has < wants && what) return `the step has ${what}, which cucumber passes after the pattern's parameters: add a last parameter ${parameter} to ${at}`;
  if (has < wants) return `the pattern captures ${wants} value${wants === 1 ? '' : 's'}: give ${at} one parameter for each`;
  if (what) return `${at} takes more parameters than the pattern's ${wants - 1} value${wants - 1 === 1 ? '' : 's'} plus ${what}: remove the extra ones`;
  return `the step has no data table or doc string, and the pattern captures ${wants} value${wants === 1 ? '' : 's'}: remove the extra parameters from ${at}, or give the step the table or doc string it expects`;
}
