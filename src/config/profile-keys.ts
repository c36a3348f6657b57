import type { SpecProblem } from '../core/errors.js';
import { didYouMean } from '../core/did-you-mean.js';

/*
 * The option names cucumber reads from a profile. cucumber accepts any key and ignores those it does
 * not know, so `requir:` for `require:` silently loads no step definitions. Its own list
 * (DEFAULT_CONFIGURATION) is not public API: this copy is checked against the installed cucumber's
 * in test/profile-keys.test.ts.
 */
const CURRENT = ['backtrace', 'dryRun', 'forceExit', 'failFast', 'format', 'formatOptions', 'plugin', 'pluginOptions', 'import', 'language', 'loader', 'name', 'order', 'paths', 'parallel', 'publish', 'require', 'requireModule', 'retry', 'retryTagFilter', 'shard', 'strict', 'tags', 'worldParameters'] as const;
/** Keys only some supported majors read: earlier ones (8, 9) `publishQuiet`, cucumber 13 `workerOptions`. */
export const OTHER_MAJORS_KEYS = ['publishQuiet', 'workerOptions'] as const;

export const CUCUMBER_PROFILE_KEYS: readonly string[] = [...CURRENT, ...OTHER_MAJORS_KEYS];

export function unknownProfileKeys(keys: readonly string[]): string[] {
  return keys.filter((key) => !CUCUMBER_PROFILE_KEYS.includes(key));
}

/** One warning a key, naming the file, the key's line where known (`lines`) and the option it most likely meant. */
export function unknownKeyNotes(file: string, keys: readonly string[], lines: Readonly<Record<string, number>> = {}): SpecProblem[] {
  return [...new Set(keys)].map((key) => {
    const meant = didYouMean(key, CUCUMBER_PROFILE_KEYS);
    const line = lines[key];
    return {
      code: 'SPEC_PROFILE_UNKNOWN_KEY',
      ...(line !== undefined ? { location: { file, line } } : {}),
      message: `${file}: cucumber does not know the profile key "${key}" and ignores it${meant ? `: did you mean "${meant}"?` : ''}`,
      hint: meant ? `rename "${key}" to "${meant}" in ${file}` : `remove "${key}" from ${file}, or fix its name (cucumber's options: ${CURRENT.join(', ')})`,
    };
  });
}
