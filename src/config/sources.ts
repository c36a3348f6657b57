/**
 * Where a resolved value came from. Precedence is data: each value of a run's config carries the
 * sources that decided it (several for tags, which are and-ed together), so it can be printed
 * (`spec verify --print-config`) and code asks "did the user set this?" instead of comparing objects.
 */
export type Source =
  | { kind: 'default' }
  | { kind: 'spec.config'; file: string }
  | { kind: 'profile'; file: string; profile: string }
  /** An option of the API call (`config.retry` for the API's config overrides). */
  | { kind: 'option'; option: string }
  /** A command-line flag: the CLI names its options by the flag the user typed. */
  | { kind: 'flag'; flag: string };

export const DEFAULT_SOURCE: Source = { kind: 'default' };

/** One resolved value and what decided it. */
export interface Sourced<T> {
  value: T;
  sources: Source[];
}

export function describeSource(source: Source): string {
  switch (source.kind) {
    case 'default':
      return 'default';
    case 'spec.config':
      return source.file;
    case 'profile':
      return `${source.file} profile "${source.profile}"`;
    case 'option':
      return `option ${source.option}`;
    case 'flag':
      return `flag ${source.flag}`;
  }
}
