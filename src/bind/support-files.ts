import path from 'node:path';
import { glob } from 'tinyglobby';
import type { ResolvedConfig } from '../config/schema.js';

/** What a cucumber profile says about support code (its require/import globs), when it says anything. */
export interface ProfileSupport {
  requirePaths: string[];
  importPaths: string[];
}

/** Absolute support files, split by how they load: CommonJS `require` or ESM `import`. */
export interface SupportFiles {
  requirePaths: string[];
  importPaths: string[];
}

/** Absolute support files to load: the profile's or the config's; `only` narrows them to what a selection binds to. */
export async function supportFiles(root: string, config: ResolvedConfig, profile: ProfileSupport | undefined, only?: string[]): Promise<SupportFiles> {
  const all = await allSupportFiles(root, config, profile);
  if (!only) return all;
  const keep = new Set(only.map((f) => path.resolve(root, f)));
  return { requirePaths: all.requirePaths.filter((f) => keep.has(f)), importPaths: all.importPaths.filter((f) => keep.has(f)) };
}

/** The globs support files come from (project-relative): a new file matching them may define steps. */
export function supportGlobsOf(config: ResolvedConfig, profile: ProfileSupport | undefined): string[] {
  const globs = profile && (profile.requirePaths.length || profile.importPaths.length) ? [...profile.requirePaths, ...profile.importPaths] : config.steps;
  return globs.map((g) => g.replace(/^\.\//, ''));
}

async function allSupportFiles(root: string, config: ResolvedConfig, profile: ProfileSupport | undefined): Promise<SupportFiles> {
  const fromProfile = profile && (profile.requirePaths.length || profile.importPaths.length);
  if (fromProfile) {
    const expand = async (globs: string[]) => (await glob(globs, { cwd: root, absolute: true, ignore: ['**/node_modules/**'] })).sort();
    return { requirePaths: await expand(profile.requirePaths), importPaths: await expand(profile.importPaths) };
  }
  const files = (await glob(config.steps, { cwd: root, absolute: true, ignore: ['**/node_modules/**', '.spec/**', '**/*.d.ts'] })).sort();
  if (config.module === 'esm') return { requirePaths: [], importPaths: files };
  const esmOnly = (f: string) => f.endsWith('.mjs') || f.endsWith('.mts');
  return { requirePaths: files.filter((f) => !esmOnly(f)), importPaths: files.filter(esmOnly) };
}
