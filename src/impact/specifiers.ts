/**
 * String helpers of resolution, no file system: tsconfig `paths` / package.json `imports`
 * pattern matching, package names of bare specifiers, and dynamic-import templates.
 */
import path from 'node:path';

/** TypeScript's rule: an exact pattern wins, else the wildcard pattern with the longest prefix. */
export function matchPattern(patterns: readonly string[], spec: string): { pattern: string; star: string } | undefined {
  let best: { pattern: string; star: string } | undefined;
  for (const pattern of patterns) {
    const star = pattern.indexOf('*');
    if (star < 0) {
      if (pattern === spec) return { pattern, star: '' };
      continue;
    }
    const prefix = pattern.slice(0, star);
    const suffix = pattern.slice(star + 1);
    if (spec.length >= prefix.length + suffix.length && spec.startsWith(prefix) && spec.endsWith(suffix)) {
      if (!best || prefix.length > best.pattern.indexOf('*')) {
        best = { pattern, star: spec.slice(prefix.length, spec.length - suffix.length) };
      }
    }
  }
  return best;
}

/** Targets of a package.json `imports` entry in condition order (string, array or conditions). */
export function conditionTargets(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(conditionTargets);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(conditionTargets);
  return [];
}

export function packageName(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') && parts.length > 1 ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

/** Files matching a dynamic-import template (`./locales/*.js`, `*` = one path segment). */
export function matchGlob(glob: string, importer: string, files: Iterable<string>): string[] {
  if (!glob.startsWith('.')) return [];
  const abs = path.resolve(path.dirname(importer), glob);
  let source = abs.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*');
  const ext = /\\\.(m|c)?jsx?$/.exec(source);
  if (ext) source = `${source.slice(0, ext.index)}\\.(?:${ext[1] ?? ''}[jt]sx?)`;
  else source += '(?:\\.[cm]?[jt]sx?|\\.json|/index\\.[cm]?[jt]sx?)?';
  const re = new RegExp(`^${source}$`);
  return [...files].filter((f) => f !== importer && re.test(f));
}
