import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isPlainObject } from '../core/plain-object.js';
import { unknownProfileKeys } from './profile-keys.js';

type Definitions = Record<string, unknown>;

/** What a cucumber.js profile contributes, read by the child with cucumber's own loader. */
export interface ProfileConfig {
  paths: string[];
  require: string[];
  import: string[];
  requireModule: string[];
  loader: string[];
  tags: string;
  name: string[];
  worldParameters: Record<string, unknown>;
  retry: number;
  /** Which scenarios a retry applies to (a tag expression; '' for every one). */
  retryTagFilter: string;
  strict: boolean;
  format: string[];
  /** cucumber's own worker processes; 0 when the profile sets none. */
  parallel: number;
  snippetInterface?: string;
  snippetSyntax?: string;
  /** The Gherkin language of every spec without a `# language:` line ('en' unless set). */
  language?: string;
  /** cucumber's pickle order: defined, random or random:SEED. */
  order?: string;
  /** cucumber's dry run: nothing executes (spec verify refuses it). */
  dryRun?: boolean;
  /** Keys cucumber does not know (and ignores): a typo such as `requir`. */
  unknownKeys?: string[];
}

/**
 * Reads a cucumber config file's profiles without cucumber, when they are plain objects in a
 * .cjs or .json file (the common case). That keeps start-up from waiting on the runner child.
 * Returns undefined when only cucumber's own loader can read it (argv strings, ESM, YAML, functions).
 */
export function readObjectProfiles(root: string, file: string, names: string[]): ProfileConfig | undefined {
  const definitions = loadDefinitions(path.join(root, file));
  if (!definitions) return undefined;
  const wanted = names.length ? names : ['default'];
  const profiles: Record<string, unknown>[] = [];
  for (const name of wanted) {
    const profile = definitions[name] ?? (name === 'default' ? {} : undefined);
    if (!isPlainObject(profile)) return undefined;
    profiles.push(profile);
  }
  return profiles.reduce<ProfileConfig>(mergeProfile, emptyProfile());
}

function loadDefinitions(file: string): Definitions | undefined {
  try {
    if (file.endsWith('.json')) return JSON.parse(readFileSync(file, 'utf8')) as Definitions;
    if (file.endsWith('.cjs')) return createRequire(file)(file) as Definitions;
  } catch {
    // Let cucumber's own loader report it, with its own wording.
  }
  return undefined;
}


export function emptyProfile(): ProfileConfig {
  return { paths: [], require: [], import: [], requireModule: [], loader: [], tags: '', name: [], worldParameters: {}, retry: 0, retryTagFilter: '', strict: true, format: [], parallel: 0 };
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : []);

/** Formats as strings: cucumber also takes `[name, file]` pairs, which it reads as `name:file`. */
const formats = (value: unknown): string[] =>
  Array.isArray(value) ? value.flatMap((f) => (typeof f === 'string' ? [f] : Array.isArray(f) ? [f.filter((p) => typeof p === 'string' && p).join(':')] : [])) : strings(value);

/** cucumber's merge rules: arrays add up, tags are and-ed, objects merge, scalars: last wins. */
function mergeProfile(into: ProfileConfig, profile: Record<string, unknown>): ProfileConfig {
  const tags = andTags(into.tags, profile.tags);
  return {
    paths: [...into.paths, ...strings(profile.paths)],
    require: [...into.require, ...strings(profile.require)],
    import: [...into.import, ...strings(profile.import)],
    requireModule: [...into.requireModule, ...strings(profile.requireModule)],
    loader: [...into.loader, ...strings(profile.loader)],
    tags,
    name: [...into.name, ...strings(profile.name)],
    worldParameters: { ...into.worldParameters, ...(isPlainObject(profile.worldParameters) ? profile.worldParameters : {}) },
    retry: typeof profile.retry === 'number' ? profile.retry : into.retry,
    retryTagFilter: andTags(into.retryTagFilter, profile.retryTagFilter),
    strict: typeof profile.strict === 'boolean' ? profile.strict : into.strict,
    format: [...into.format, ...formats(profile.format)],
    parallel: typeof profile.parallel === 'number' ? profile.parallel : into.parallel,
    ...snippetOptions(into, profile.formatOptions),
    ...lastScalar(into, profile, 'language', 'string'),
    ...lastScalar(into, profile, 'order', 'string'),
    ...lastScalar(into, profile, 'dryRun', 'boolean'),
    unknownKeys: [...(into.unknownKeys ?? []), ...unknownProfileKeys(Object.keys(profile))],
  };
}

/** A scalar the last profile that sets it decides. */
function lastScalar<K extends 'language' | 'order' | 'dryRun'>(into: ProfileConfig, profile: Record<string, unknown>, key: K, type: 'string' | 'boolean'): Pick<ProfileConfig, K> {
  const value = typeof profile[key] === type ? profile[key] : into[key];
  return (value === undefined ? {} : { [key]: value }) as Pick<ProfileConfig, K>;
}

/** cucumber ands tag expressions (tags, retryTagFilter) across the profiles it merges. */
function andTags(into: string, given: unknown): string {
  const tags = typeof given === 'string' && given.trim() ? given.trim() : '';
  return into && tags ? `(${into}) and (${tags})` : into || tags;
}

function snippetOptions(into: ProfileConfig, options: unknown): Pick<ProfileConfig, 'snippetInterface' | 'snippetSyntax'> {
  const given = isPlainObject(options) ? options : {};
  const pick = (key: 'snippetInterface' | 'snippetSyntax') => (typeof given[key] === 'string' ? given[key] : into[key]);
  const snippetInterface = pick('snippetInterface');
  const snippetSyntax = pick('snippetSyntax');
  return { ...(snippetInterface ? { snippetInterface } : {}), ...(snippetSyntax ? { snippetSyntax } : {}) };
}
