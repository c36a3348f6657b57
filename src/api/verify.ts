import path from 'node:path';
import { makeEnvironment, type EnvironmentInput } from '../core/env.js';
import { fromBase, locateProject } from '../config/project-root.js';
import { peekConfiguredRunner } from '../config/peek-runner.js';
import { runnerKindFor, startRunner, startRunnerForLines } from '../run/start.js';
import { mark } from '../core/timing.js';
import type { Verdict } from '../report/verdict.js';
import type { VerifyOptions } from '../run/options.js';

export type { VerifyOptions } from '../run/options.js';

/**
 * The full gate: compile, bind and run the scenarios, then the other gates. Returns the verdict; never prints.
 * The runner child is forked before anything heavy is imported, so its Node and cucumber start-up
 * overlaps everything the parent does before the run.
 */
export async function verify(options: VerifyOptions = {}, environment: EnvironmentInput = {}): Promise<Verdict> {
  // The project is located from the raw cwd and the runner started before the options are checked:
  // the check loads zod, which would delay the runner's own start-up (it overlaps all of the rest).
  const startedAt = new Date();
  const started = performance.now();
  const here = makeEnvironment({ env: plainEnv(environment?.env) });
  const place = await locateOrReport(options, environment, here.cwd);
  const raw = (options ?? {}) as VerifyOptions;
  const kind = runnerKindFor(place.root, raw.runner ?? configuredRunner(raw, place) ?? raw.defaultRunner ?? 'process', here.processCwd);
  mark('spec', `runner start: ${kind}`);
  // Coverage asked for may record lines, which the compile cache would falsify: no cache from the start, sparing a restart.
  const first = (raw.coverage === true ? startRunnerForLines : startRunner)(kind, place.root, here.env, typeof raw.onOutput === 'function' ? raw.onOutput : undefined);
  try {
    const { checkCall, VerifyOptionsSchema } = await import('./options.js');
    const call = checkCall('verify', VerifyOptionsSchema, options, environment);
    const env = makeEnvironment({ ...call.environment, cwd: place.root, processCwd: here.processCwd });
    const { cwd: _cwd, ...given } = call.options;
    const rebased: VerifyOptions = {
      ...given,
      ...(given.paths ? { paths: given.paths.map((p) => fromBase(place, p)) } : {}),
      ...(given.configFile ? { configFile: fromBase(place, given.configFile) } : {}),
      ...(given.messagesFile ? { messagesFile: fromBase(place, given.messagesFile) } : {}),
      ...(given.changedFiles ? { changedFiles: given.changedFiles.map((f) => path.resolve(place.base, f)) } : {}),
    };
    const { verifyWith } = await import('./verify-recorded.js');
    return await verifyWith(first, rebased, env, startedAt, started);
  } finally {
    first.kill();
  }
}

/** A bad call is reported before a missing project: the option is the mistake to fix first. */
async function locateOrReport(options: unknown, environment: unknown, current: string): Promise<ReturnType<typeof locateProject>> {
  try {
    return locateProject(givenCwd(options, environment) ?? current);
  } catch (error) {
    const { checkCall, VerifyOptionsSchema } = await import('./options.js');
    checkCall('verify', VerifyOptionsSchema, options, environment);
    throw error;
  }
}

/** The kind the API's config overrides or spec.config ask for (as api/verify-run.ts resolves it once the config is loaded). */
function configuredRunner(raw: VerifyOptions, place: ReturnType<typeof locateProject>): VerifyOptions['runner'] {
  const given = raw.config && typeof raw.config === 'object' ? raw.config.runner : undefined;
  if (given === 'thread' || given === 'process') return given;
  return peekConfiguredRunner(place.root, typeof raw.configFile === 'string' ? fromBase(place, raw.configFile) : undefined);
}

function plainEnv(env: unknown): NodeJS.ProcessEnv | undefined {
  return env && typeof env === 'object' ? (env as NodeJS.ProcessEnv) : undefined;
}

/** The folder the call names (none: the current one), as checkCall will resolve it; a malformed one is left for checkCall to report. */
function givenCwd(options: unknown, environment: unknown): string | undefined {
  const pick = (value: unknown) => (value && typeof value === 'object' && typeof (value as { cwd?: unknown }).cwd === 'string' ? (value as { cwd: string }).cwd : undefined);
  return pick(options) ?? pick(environment);
}

