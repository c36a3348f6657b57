import type { ReporterName } from '../core/reporters.js';
import type { ProfileConfig } from './cucumber-profile.js';
import { combineTags, overlayProfile, type ProfileOverlay } from './profile.js';
import type { GateConfig, ResolvedConfig, UserConfig } from './schema.js';
import { DEFAULT_SOURCE, type Source, type Sourced } from './sources.js';

type RunnerKind = 'thread' | 'process';

/** The options of a call that speak about how a run is configured (the rest select or report). */
export interface ConfigOptions {
  tags?: string | undefined;
  names?: string[] | undefined;
  profile?: string | undefined;
  failFast?: boolean | undefined;
  retry?: number | undefined;
  retryTagFilter?: string | undefined;
  failOnFlaky?: boolean | undefined;
  parallel?: number | undefined;
  passWithNoScenarios?: boolean | undefined;
  gates?: string[] | false | undefined;
  coverage?: boolean | undefined;
  runner?: RunnerKind | undefined;
  defaultRunner?: RunnerKind | undefined;
  reporter?: ReporterName | undefined;
}

/** A cucumber profile as read (by us or by cucumber), with the file and names it was read from. */
export interface ReadProfile {
  /** The cucumber config file, project-relative; undefined when only a profile name was asked for. */
  file: string | undefined;
  names: string[];
  profile: ProfileConfig;
  /** The lines in `file` of the profile's unknown keys, where its text shows them. */
  keyLines?: Record<string, number>;
}

/** The run's values: spec.config's keys as the run resolved them, and what only a call sets. */
export interface RunValues extends Pick<ResolvedConfig, 'profile' | 'specs' | 'steps' | 'requireModules' | 'module' | 'timeout' | 'runTimeout' | 'retry' | 'failOnFlaky' | 'strict' | 'worldParameters' | 'passWithNoScenarios' | 'coverage' | 'reporter'> {
  /** The config's, the profile's and the call's tags, combined ('' for none). */
  tags: string;
  names: string[];
  /** spec.config's, the profile's and the call's retryTagFilter, and-ed ('' retries every scenario). */
  retryTagFilter: string;
  failFast: boolean;
  gates: string[] | false | Record<string, GateConfig>;
  runner: RunnerKind;
  /** cucumber's workers: the option, else the profile's `parallel`, else 0 (one runner). */
  parallel: number;
}

/** One run's config: every value with the sources that decided it. */
export interface RunConfig {
  configFile: string | undefined;
  cucumberConfig: string | undefined;
  values: { [K in keyof RunValues]: Sourced<RunValues[K]> };
  /** What the profile adds that the run job needs as cucumber reads it (support paths, formats, snippets). */
  overlay: ProfileOverlay | undefined;
}

/** The cucumber profile the call asks for: a flag or option, else spec.config's "profile", else cucumber's default. */
export function profileName(config: ResolvedConfig, options: ConfigOptions): Sourced<string | undefined> {
  if (options.profile) return { value: options.profile, sources: [{ kind: 'option', option: 'profile' }] };
  return fromConfig(config, 'profile');
}

/**
 * The one place precedence lives. A call's option wins; then spec.config (or the API's config
 * overrides); then the cucumber profile; then specloop's default — except that the profile's paths
 * and support files are used while spec.config leaves specs and steps to the defaults, and tag
 * expressions (spec.config's, the profile's, the option's) are and-ed together.
 */
export function resolveRunConfig(config: ResolvedConfig, read: ReadProfile | undefined, options: ConfigOptions): RunConfig {
  const overlay = read ? overlayProfile(read.profile, config.sources.specs !== undefined, config.sources.steps !== undefined, read.file, read.keyLines) : undefined;
  const fromProfile: Source = { kind: 'profile', file: read?.file ?? 'cucumber config', profile: read?.names.join(', ') || 'default' };
  const option = (name: string): Source => ({ kind: 'option', option: name });
  const supportGlobs = overlay ? [...overlay.requirePaths, ...overlay.importPaths] : [];
  return {
    configFile: config.configFile,
    cucumberConfig: read?.file,
    overlay,
    values: {
      profile: profileIn(profileName(config, options), read, fromProfile),
      specs: overlay?.specs ? { value: overlay.specs, sources: [fromProfile] } : fromConfig(config, 'specs'),
      steps: supportGlobs.length ? { value: supportGlobs, sources: [fromProfile] } : fromConfig(config, 'steps'),
      requireModules: joined(fromConfig(config, 'requireModules'), overlay?.requireModules ?? [], fromProfile),
      module: fromConfig(config, 'module'),
      timeout: fromConfig(config, 'timeout'),
      runTimeout: fromConfig(config, 'runTimeout'),
      tags: tagsOf(config, overlay, fromProfile, options.tags),
      names: namesOf(overlay, fromProfile, options.names),
      retry: orOption(overProfile(fromConfig(config, 'retry'), overlay?.retry, fromProfile), options.retry, option('retry')),
      retryTagFilter: tagsOf({ tags: config.retryTagFilter, sources: { tags: config.sources.retryTagFilter } }, overlay && { tags: overlay.retryTagFilter }, fromProfile, options.retryTagFilter, 'retryTagFilter'),
      failOnFlaky: orOption(fromConfig(config, 'failOnFlaky'), options.failOnFlaky, option('failOnFlaky')),
      parallel: orOption(overlay?.parallel ? { value: overlay.parallel.workers, sources: [fromProfile] } : { value: 0, sources: [DEFAULT_SOURCE] }, options.parallel, option('parallel')),
      // cucumber reads an unset strict as true (our default too): only a profile's false is its own say.
      strict: overProfile(fromConfig(config, 'strict'), overlay?.strict === false ? false : undefined, fromProfile),
      worldParameters: worldOf(config, overlay, fromProfile),
      passWithNoScenarios: orOption(fromConfig(config, 'passWithNoScenarios'), options.passWithNoScenarios, option('passWithNoScenarios')),
      failFast: orOption({ value: false, sources: [DEFAULT_SOURCE] }, options.failFast, option('failFast')),
      gates: orOption<RunValues['gates']>(fromConfig(config, 'gates'), options.gates, option('gates')),
      coverage: orOption(fromConfig(config, 'coverage'), options.coverage, option('coverage')),
      runner: runnerOf(config, options),
      reporter: orOption(fromConfig(config, 'reporter'), options.reporter, option('reporter')),
    },
  };
}

/** The runner kind asked for: option, spec.config, the caller's default (the CLI asks for a thread), else a child process. */
export function runnerOf(config: ResolvedConfig, options: ConfigOptions): Sourced<RunnerKind> {
  if (options.runner) return { value: options.runner, sources: [{ kind: 'option', option: 'runner' }] };
  if (config.runner) return { value: config.runner, sources: [config.sources.runner ?? DEFAULT_SOURCE] };
  if (options.defaultRunner) return { value: options.defaultRunner, sources: [{ kind: 'option', option: 'defaultRunner' }] };
  return { value: 'process', sources: [DEFAULT_SOURCE] };
}

type ConfigKey = keyof UserConfig & keyof ResolvedConfig;

function fromConfig<K extends ConfigKey>(config: ResolvedConfig, key: K): Sourced<ResolvedConfig[K]> {
  return { value: config[key], sources: [config.sources[key] ?? DEFAULT_SOURCE] };
}

function isDefault(entry: Sourced<unknown>): boolean {
  return entry.sources.every((s) => s.kind === 'default');
}

function orOption<T>(entry: Sourced<T>, value: T | undefined, source: Source): Sourced<T> {
  return value === undefined ? entry : { value, sources: [source] };
}

/** With a cucumber config and no profile named, cucumber reads its "default": say so, not "(none)". */
function profileIn(named: Sourced<string | undefined>, read: ReadProfile | undefined, fromProfile: Source): Sourced<string | undefined> {
  return named.value === undefined && read?.file ? { value: 'default', sources: [fromProfile] } : named;
}

/** spec.config's value when it set one, else the profile's, else the default. */
function overProfile<T>(entry: Sourced<T>, fromProfile: T | undefined, source: Source): Sourced<T> {
  return isDefault(entry) && fromProfile !== undefined ? { value: fromProfile, sources: [source] } : entry;
}

function joined(entry: Sourced<string[]>, more: string[], source: Source): Sourced<string[]> {
  if (!more.length) return entry;
  return { value: [...entry.value, ...more], sources: [...(isDefault(entry) ? [] : entry.sources), source] };
}

/** Tag expressions (tags, retryTagFilter) from spec.config, the profile and the call, and-ed as cucumber ands its own. */
function tagsOf(config: Pick<ResolvedConfig, 'tags'> & { sources: Pick<ResolvedConfig['sources'], 'tags'> }, overlay: Pick<ProfileOverlay, 'tags'> | undefined, fromProfile: Source, flag: string | undefined, option = 'tags'): Sourced<string> {
  const parts: [string | undefined, Source][] = [
    [config.tags, config.sources.tags ?? DEFAULT_SOURCE],
    [overlay?.tags, fromProfile],
    [flag, { kind: 'option', option }],
  ];
  const given = parts.filter(([expression]) => expression?.trim());
  return { value: combineTags(...given.map(([expression]) => expression)), sources: given.length ? given.map(([, source]) => source) : [DEFAULT_SOURCE] };
}

function namesOf(overlay: ProfileOverlay | undefined, fromProfile: Source, names: string[] | undefined): Sourced<string[]> {
  const sources: Source[] = [...(overlay?.names.length ? [fromProfile] : []), ...(names?.length ? [{ kind: 'option', option: 'names' } as const] : [])];
  return { value: [...(overlay?.names ?? []), ...(names ?? [])], sources: sources.length ? sources : [DEFAULT_SOURCE] };
}

/** The profile's world parameters, with spec.config's winning key by key. */
function worldOf(config: ResolvedConfig, overlay: ProfileOverlay | undefined, fromProfile: Source): Sourced<Record<string, unknown>> {
  const profileSays = Object.keys(overlay?.worldParameters ?? {}).length > 0;
  const configSays = config.sources.worldParameters !== undefined;
  const sources = [...(profileSays ? [fromProfile] : []), ...(configSays ? [config.sources.worldParameters!] : [])];
  return { value: { ...overlay?.worldParameters, ...config.worldParameters }, sources: sources.length ? sources : [DEFAULT_SOURCE] };
}
