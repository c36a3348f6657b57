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
  const { overlay: _overlay, ...printable } = await runConfigAt(place.root, env, { ...call.options, configFile });
  return printable;
}

/**
 * What verify reads specs with: its globs (spec.config's, else the profile's paths) and the
 * profile's Gherkin language. Whatever else lists or compiles specs (spec compile, MCP list_specs)
 * must read them so, or a French suite that verify runs reads to them as unparsable.
 */
export async function specReading(root: string, configFile?: string): Promise<{ globs: string[]; language: string | undefined }> {
  const { values, overlay } = await runConfigAt(root, makeEnvironment({ cwd: root }), { configFile });
  return { globs: values.specs.value, language: overlay?.language };
}

async function runConfigAt(root: string, env: SpecEnvironment, options: VerifyOptions): Promise<RunConfig> {
  // Only a profile that cucumber alone can read (ESM, YAML, argv strings) needs a runner.
  let runner: Runner | undefined;
  try {
    return (await loadRunConfig(options, env, () => () => (runner ??= startRunner('process', root, env.env)))).run;
  } finally {
    runner?.kill();
  }
}
