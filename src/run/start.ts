import path from 'node:path';
import { withoutCompileCache } from '../core/compile-cache.js';
import { startChildRunner } from './child.js';
import type { Runner, RunnerKind } from './runner.js';
import { startThreadRunner } from './thread.js';
import { discardHeldRunner } from './prestart.js';

export function startRunner(kind: RunnerKind, root: string, env: Record<string, string | undefined>, onOutput?: (chunk: string) => void): Runner {
  if (kind === 'thread') return startThreadRunner(root, env, onOutput);
  // A held thread (run/prestart.ts) is of no use to a child: it ends now rather than idle through the run.
  discardHeldRunner();
  return startChildRunner(root, env, onOutput);
}

/** A runner for line coverage: the compile cache off, since cached code has no block counts (core/compile-cache.ts). */
export function startRunnerForLines(kind: RunnerKind, root: string, env: Record<string, string | undefined>, onOutput?: (chunk: string) => void): Runner {
  return startRunner(kind, root, withoutCompileCache(env), onOutput);
}

/** Stops `runner` and starts one of its kind for line coverage in its place. */
export function replaceForLines(runner: Runner, root: string, env: Record<string, string | undefined>, onOutput?: (chunk: string) => void): Runner {
  runner.kill();
  return startRunnerForLines(runner.kind, root, env, onOutput);
}

/**
 * A thread shares the process's working folder, and steps expect to run in the project's: a
 * thread only when this process already stands there (`processCwd`: the CLI moves there first),
 * else a child.
 */
export function runnerKindFor(root: string, wanted: RunnerKind, processCwd: string): RunnerKind {
  return wanted === 'thread' && path.resolve(root) === path.resolve(processCwd) ? 'thread' : 'process';
}
