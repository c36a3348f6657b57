import { locateProject, fromBase } from '../config/project-root.js';
import type { RunConfig } from '../config/run-config.js';
import { makeEnvironment, type SpecEnvironment } from '../core/env.js';
import type { Runner } from '../run/runner.js';
import { startRunner } from '../run/start.js';
import { loadRunConfig } from './run-config.js';
import type { VerifyOptions } from './verify.js';

/** A run's config as `verify` would resolve it: every value with where it came from. */
export type ResolvedRunConfig = Omit<RunConfig, 'overlay'>;

/**
 * How `verify(options)` would be configured, without running anything: spec.config, the
 * cucumber profile and the options resolved once, each value with its sources. Throws
 * SpecloopError (exit-2 class) on bad config, a bad profile or bad options, as verify reports them.
 */
export async function inspectConfig(options: VerifyOptions = {}, environment: Partial<SpecEnvironment> = {}): Promise<ResolvedRunConfig> {
  const { checkCall, VerifyOptionsSchema } = await import('./options.js');
  const call = checkCall('inspectConfig', VerifyOptionsSchema, options, environment);
  const place = locateProject(call.cwd);
  const env = makeEnvironment({ ...call.environment, cwd: place.root });
  const configFile = call.options.configFile === undefined ? undefined : fromBase(place, call.options.configFile);
  // Only a profile that cucumber alone can read (ESM, YAML, argv strings) needs a runner.
  let runner: Runner | undefined;
  try {
    const { run } = await loadRunConfig({ ...call.options, configFile }, env, () => () => (runner ??= startRunner('process', place.root, env.env)));
    const { overlay: _overlay, ...printable } = run;
    return printable;
  } finally {
    runner?.kill();
  }
}
