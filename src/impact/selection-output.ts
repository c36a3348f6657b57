/** The output side of a selection: paths cucumber runs as meant, each reason once. */
import type { Selection } from './select.js';

/** `file` and `file:12` together would make cucumber run only line 12: a whole file wins. */
export function wholeFilesWin(paths: string[]): string[] {
  const whole = new Set(paths.filter((p) => !/:\d+$/.test(p)));
  return paths.filter((p) => !/:\d+$/.test(p) || !whole.has(p.replace(/:\d+$/, '')));
}

export function unique(values: string[]): string[] {
  return [...new Set(values)];
}

export function dedupe(reasons: Selection['reasons']): Selection['reasons'] {
  const seen = new Set<string>();
  return reasons.filter((r) => !seen.has(r.target) && seen.add(r.target));
}
