import { isSpecloopError, type SpecProblem } from '../core/errors.js';
import { PLAIN, renderProblem } from '../report/problem.js';
import { MAIN_HELP } from './help.js';
import { configureTiming } from '../core/timing.js';

/** Exit code of a command; only this folder touches process and console. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  configureTiming(process.env, process.stderr);
  try {
    switch (command) {
      case 'verify':
        return await (await import('./verify.js')).runVerify(rest);
      case 'merge':
        return await (await import('./merge.js')).runMerge(rest);
      case 'compile':
        return await (await import('./compile.js')).runCompile(rest);
      case 'watch':
        return await (await import('./watch.js')).runWatch(rest);
      case 'init':
        return await (await import('./init.js')).runInit(rest);
      case 'ack':
        return await (await import('./ack.js')).runAck(rest);
      case 'review':
        return await (await import('./ack.js')).runReview(rest);
      case 'hook':
        return await (await import('./hook.js')).runHook(rest);
      case 'debt':
        return await (await import('./debt.js')).runDebt(rest);
      case 'steps':
        return await (await import('./steps.js')).runSteps(rest);
      case '-v':
      case '--version':
        process.stdout.write(`${(await import('../api/version.js')).specloopVersion()}\n`);
        return 0;
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(MAIN_HELP);
        return command === undefined ? 2 : 0;
      default:
        return usageError({ code: 'SPEC_USAGE', message: `unknown command "${command}"`, hint: 'commands: init, compile, verify, merge, watch, steps, debt, review, ack, hook, mcp (spec --help)' });
    }
  } catch (error) {
    if (isSpecloopError(error)) return Math.max(...error.problems.map(usageError));
    process.stderr.write(`spec: internal error (SPEC_INTERNAL): ${(error as Error).stack ?? String(error)}\nPlease report this with the command you ran.\n`);
    return 1;
  }
}

export function usageError(problem: SpecProblem): number {
  process.stderr.write(`${renderProblem(problem, PLAIN, 'spec:')}\n`);
  return 2;
}
