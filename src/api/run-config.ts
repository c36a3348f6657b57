import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readObjectProfiles } from '../config/cucumber-profile.js';
import { loadConfig } from '../config/load.js';
import { findCucumberConfig, profileProblems } from '../config/profile.js';
import { refusedLoader, uncompiledTypeScript } from '../config/profile-typescript.js';
import { profileName, resolveRunConfig, type ConfigOptions, type ReadProfile, type RunConfig } from '../config/run-config.js';
import type { ResolvedConfig, UserConfig } from '../config/schema.js';
import type { SpecEnvironment } from '../core/env.js';
import { SpecloopError } from '../core/errors.js';
import { describeSource, type Source } from '../config/sources.js';
import { flagsByOption } from '../config/options-table.js';
import type { Runner } from '../run/runner.js';

export interface LoadedRunConfig {
  config: ResolvedConfig;
  run: RunConfig;
}

export interface RunConfigOptions extends ConfigOptions {
  configFile?: string | undefined;
  /** The API's overrides on top of the config file. */
  config?: UserConfig | undefined;
}

/**
 * The config stage: spec.config, the cucumber profile and the call's options, resolved once.
 * `runnerFor` is told the loaded config (so the caller can start the runner kind it asks for) and
 * returns the runner that reads the profile when only cucumber's own loader can.
 * Throws SpecloopError (exit 2) on bad config, a bad profile or a bad filter.
 */
export async function loadRunConfig(options: RunConfigOptions, env: SpecEnvironment, runnerFor: (config: ResolvedConfig) => () => Runner): Promise<LoadedRunConfig> {
  const config = await loadConfig(env.cwd, options.configFile, options.config ?? {});
  const runner = runnerFor(config);
  const read = await readProfile(config, options, env, runner);
  const run = resolveRunConfig(config, read, options);
  const uncompiled = read && run.overlay ? uncompiledTypeScript(env.cwd, read.file ?? 'the cucumber profile', read.profile, env.env.NODE_OPTIONS) : undefined;
  if (uncompiled) run.overlay!.notes.push(uncompiled);
  const refused = read && run.overlay ? refusedLoader(env.cwd, read.file ?? 'the cucumber profile', read.profile) : undefined;
  if (refused) run.overlay!.notes.push(refused);
  await checkFilterOptions(options, config, run);
  checkRetryFilter(run);
  return { config, run };
}

async function readProfile(config: ResolvedConfig, options: ConfigOptions, env: SpecEnvironment, runner: () => Runner): Promise<ReadProfile | undefined> {
  const file = findCucumberConfig(env.cwd);
  const name = profileName(config, options).value;
  if (!file && !name) return undefined;
  const names = name ? [name] : [];
  const profile = (file && readObjectProfiles(env.cwd, file, names)) || (await runner().profile(file, names));
  if ('code' in profile) throw new SpecloopError(profile);
  const [rejected, ...more] = profileProblems(env.cwd, profile, file);
  if (rejected) throw new SpecloopError(rejected, more);
  return { file, names, profile, ...(file && profile.unknownKeys?.length ? { keyLines: await unknownKeyLines(env.cwd, file, names, profile.unknownKeys) } : {}) };
}

/** Where the typo'd keys sit in the config file; none when its text cannot be read. */
async function unknownKeyLines(root: string, file: string, names: string[], keys: string[]): Promise<Record<string, number>> {
  const { locateProfileKeys } = await import('../config/locate-key.js');
  try {
    return locateProfileKeys(await readFile(path.join(root, file), 'utf8'), file, names.length ? names : ['default'], keys);
  } catch {
    return {};
  }
}

/** A bad --tags or --name is bad input, named with where it was written, before anything runs. */
async function checkFilterOptions(options: ConfigOptions, config: ResolvedConfig, run: RunConfig): Promise<void> {
  if (!run.values.tags.value && !run.values.names.value.length && !run.values.retryTagFilter.value) return;
  const { overlay } = run;
  const { checkFilters } = await import('../config/filters.js');
  const [first, ...more] = checkFilters({
    tags: [
      { expression: options.tags, where: '--tags' },
      { expression: config.tags, where: '"tags" in spec.config' },
      { expression: overlay?.tags, where: 'tags in the cucumber profile' },
      { expression: options.retryTagFilter, where: '--retry-tag-filter' },
      { expression: config.retryTagFilter, where: '"retryTagFilter" in spec.config' },
      { expression: overlay?.retryTagFilter, where: 'retryTagFilter in the cucumber profile' },
    ],
    names: [
      { patterns: options.names ?? [], where: '--name' },
      { patterns: overlay?.names ?? [], where: 'name in the cucumber profile' },
    ],
  });
  if (first) throw new SpecloopError(first, more);
}

/** cucumber-js refuses a retryTagFilter with no retry; specloop says so before anything runs, naming where each was set. */
function checkRetryFilter(run: RunConfig): void {
  const { retryTagFilter, retry } = run.values;
  if (!retryTagFilter.value || (retry.value ?? 0) > 0) return;
  const flags = flagsByOption('verify');
  // The API's option or the CLI's flag: one name for both, as a user of either sees it.
  const named = (source: Source) => (source.kind === 'option' && flags[source.option] ? `${flags[source.option]} / option ${source.option}` : describeSource(source));
  const from = (sources: Source[]) => sources.map(named).join(' and ');
  throw new SpecloopError({
    code: 'SPEC_RETRY_FILTER_WITHOUT_RETRY',
    message: `retryTagFilter "${retryTagFilter.value}" (${from(retryTagFilter.sources)}) retries nothing: retry is ${retry.value ?? 0} (${from(retry.sources)})`,
    hint: 'set a retry count (--retry N, "retry" in spec.config or the cucumber profile), or remove retryTagFilter; cucumber-js refuses this too',
  });
}
