/** The failures of a run that are not a scenario's own: how the run ended (hook, timeout, crash, cancel) and failed gates. */
import { coded, ERROR_CODES } from '../core/error-codes.js';
import type { SpecProblem } from '../core/errors.js';
import type { RunError } from '../core/run-result.js';
import type { RunOutcome } from '../run/runner.js';
import { errorFields } from './error-fields.js';
import { problemFailure, type FailureContext } from './failures.js';
import { supportRunFailure } from './support-run-failure.js';
import type { Failure, GateResult } from './verdict.js';

export function kindOfProblem(problem: SpecProblem): Failure['kind'] {
  return ERROR_CODES[problem.code].kind;
}

export function outcomeFailures(outcome: RunOutcome | undefined, ctx: FailureContext): Failure[] {
  if (!outcome) return [];
  switch (outcome.kind) {
    case 'result':
      return [
        ...outcome.result.runErrors.map((e): Failure => {
          if (e.code === 'SPEC_HOOK') return { ...coded('SPEC_HOOK'), message: e.message, ...hookPlace(e, ctx), ...errorFields(e, ctx), hint: 'fix the BeforeAll/AfterAll hook; it failed the whole run' };
          return e.code ? codedRunError(e, e.code, ctx) : supportRunFailure(e, ctx);
        }),
        ...outcome.result.undefinedParameterTypes.map((p): Failure => ({
          ...coded('SPEC_UNDEFINED_PARAMETER_TYPE'),
          message: `undefined parameter type {${p.name}} in "${p.expression}"`,
          hint: `define it with defineParameterType({ name: '${p.name}', regexp: /…/ }) in a support file, or use a built-in type ({int}, {string}, {word}, {float})`,
        })),
      ];
    case 'fatal':
      return [{ ...problemFailure(outcome.problem, kindOfProblem(outcome.problem), ctx), ...(outcome.problem.code === 'SPEC_SUPPORT_LOAD' && outcome.stack ? errorFields({ message: '', stack: outcome.stack }, ctx) : {}) }];
    case 'timeout': {
      const p = outcome.progress;
      const file = p ? ctx.sourceOf(p.uri) : undefined;
      return [{
        ...coded('SPEC_RUN_TIMEOUT'),
        ...(p && file ? { location: { file, line: p.line }, scenario: p.scenario, ...(p.pickleLine ? { scenarioId: `${file}:${p.pickleLine}` } : {}), step: p.step, excerpt: ctx.excerpt(file, p.line) } : {}),
        message: p ? `"${p.step}" did not finish within ${outcome.limitMs} ms and was stopped (it blocked the event loop, or never settled)` : `the run did not finish within ${outcome.limitMs} ms and was stopped`,
        hint: 'look for an endless loop or a blocking call in the step definition or the code it calls; raise `timeout` in spec.config only if the step is legitimately slow',
      }];
    }
    case 'crash':
      return [{ ...coded('SPEC_RUN_CRASH'), message: `the runner exited unexpectedly (${outcome.signal ?? `exit code ${outcome.exitCode}`})${outcome.log ? `:\n${outcome.log.trim().slice(-2000)}` : ''}`, hint: 'a step or hook probably called process.exit or crashed Node; see the log above' }];
    case 'aborted':
      return [{
        ...coded('SPEC_CANCELLED'),
        message: `the run was cancelled (interrupted) and its child processes stopped${outcome.partial ? `; the ${outcome.partial.scenarios.length} scenario${outcome.partial.scenarios.length === 1 ? '' : 's'} that finished are reported` : ''}`,
        hint: 'run again to get a full verdict',
      }];
  }
}

export function gateFailure(gate: GateResult): Failure {
  // The debt gate runs no command: its log is the figures past their thresholds, with offenders.
  if (gate.name === 'debt' && gate.command.length === 0 && gate.status === 'error') return { ...coded('SPEC_DEBT_UNCHECKED'), message: `a comprehension-debt threshold could not be checked:\n${gate.log}`, hint: 'a gate that could not check is not green: measure the figure named (a full `spec verify --coverage` for line figures and the score, `spec ack` for the ack-based ones), or remove its threshold from `debt` in spec.config' };
  if (gate.name === 'debt' && gate.command.length === 0) return { ...coded('SPEC_DEBT_THRESHOLD'), message: `comprehension debt past its threshold:\n${gate.log}`, hint: 'run `spec debt` for every figure and offender; pay the debt named, or change `debt` in spec.config' };
  const tail = gate.log.split('\n').slice(-15).join('\n');
  return {
    ...coded('SPEC_GATE'),
    message: `gate "${gate.name}" ${gate.status === 'timeout' ? 'timed out' : gate.status === 'error' ? 'could not run' : `failed (exit ${gate.exitCode})`}${tail ? `:\n${tail}` : ''}`,
    hint: `run \`${gate.command.map(shellQuote).join(' ')}\` to see all of it, and fix what it reports`,
  };
}

/** Quotes an argv word so the hint can be pasted into a POSIX shell. */
function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

/** A run hook's own file and line, with the lines around it. */
function hookPlace(error: RunError, ctx: FailureContext): Pick<Failure, 'location' | 'excerpt'> {
  if (!error.at) return {};
  const file = ctx.sourceOf(error.at.uri);
  return { location: { file, line: error.at.line }, excerpt: ctx.excerpt(file, error.at.line) };
}

function codedRunError(error: RunError, code: NonNullable<RunError['code']>, ctx: FailureContext): Failure {
  const file = error.at ? ctx.sourceOf(error.at.uri) : undefined;
  return { ...coded(code), message: error.message, ...(error.at && file ? { location: { file, line: error.at.line }, scenarioId: `${file}:${error.at.line}` } : {}), ...errorFields(error, ctx), hint: ERROR_CODES[code].fix };
}
