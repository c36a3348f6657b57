/**
 * What resolution needs from the project's configuration: tsconfig `compilerOptions.baseUrl` and
 * `paths` (following `extends`, string or array, relative or from node_modules) and the root
 * package.json `imports` map. Read through the FileSystem; anything unreadable is skipped.
 */
import path from 'node:path';
import { parseJsonc } from './jsonc.js';
import type { FileSystem } from './types.js';
import { isPlainObject } from '../core/plain-object.js';
import { linkedPackages, type LinkedPackage } from '../core/linked-packages.js';
import { workTreeOf } from '../core/work-tree.js';

export interface PathMapping {
  readonly pattern: string;
  readonly targets: readonly string[];
}

export interface ResolverConfig {
  /** Absolute baseUrl, when set: non-relative specifiers are tried under it. */
  readonly baseUrl?: string;
  readonly paths: readonly PathMapping[];
  /** Absolute folder the `paths` targets are relative to (baseUrl, else the tsconfig declaring them). */
  readonly pathsBase: string;
  /** package.json "imports" of the root package (`#internal/*`), and its folder. */
  readonly packageImports?: Readonly<Record<string, unknown>>;
  readonly packageDir: string;
  /** Packages the project depends on whose code is its own (workspace siblings): followed into their source. */
  readonly linked?: readonly LinkedPackage[];
  /** Top of the git work tree: files outside the root but inside it that imports reach are followed (a suite in tests/acceptance importing ../../src). */
  readonly workTree?: string;
  /** Every configuration file read or looked for: an update to one re-resolves everything. */
  readonly files: readonly string[];
}

interface Layer {
  baseUrl?: string;
  paths?: Record<string, unknown>;
  pathsDir?: string;
}


/** `tsconfig`: a path relative to root, or false for none; default `tsconfig.json`. */
export function loadResolverConfig(root: string, fs: FileSystem, tsconfig: string | false = 'tsconfig.json'): ResolverConfig {
  const files: string[] = [];
  let layer: Layer = {};
  let configDir = root;
  if (tsconfig !== false) {
    const file = path.resolve(root, tsconfig);
    configDir = path.dirname(file);
    layer = readLayer(file, fs, files, new Set());
  }
  const paths: PathMapping[] = [];
  for (const [pattern, targets] of Object.entries(layer.paths ?? {})) {
    if (!Array.isArray(targets)) continue;
    const strings = targets.filter((t): t is string => typeof t === 'string').map((t) => t.replace('${configDir}', configDir));
    paths.push({ pattern, targets: strings });
  }
  const pkgFile = path.join(root, 'package.json');
  files.push(pkgFile);
  const pkg = fs.exists(pkgFile) ? parseJsonc(fs.readFile(pkgFile) ?? '') : undefined;
  const workTree = workTreeOf(root);
  const imports = isPlainObject(pkg) && isPlainObject(pkg['imports']) ? pkg['imports'] : undefined;
  return {
    ...(layer.baseUrl !== undefined ? { baseUrl: layer.baseUrl } : {}),
    paths,
    pathsBase: layer.baseUrl ?? layer.pathsDir ?? configDir,
    ...(imports ? { packageImports: imports } : {}),
    packageDir: root,
    linked: linkedPackages(root),
    ...(workTree ? { workTree } : {}),
    files,
  };
}

function readLayer(file: string, fs: FileSystem, files: string[], seen: Set<string>): Layer {
  files.push(file);
  if (seen.has(file)) return {};
  seen.add(file);
  const json = parseJsonc(fs.readFile(file) ?? '');
  if (!isPlainObject(json)) return {};
  let acc: Layer = {};
  const ext = json['extends'];
  const parents = typeof ext === 'string' ? [ext] : Array.isArray(ext) ? ext.filter((e): e is string => typeof e === 'string') : [];
  for (const parent of parents) {
    const parentFile = locateExtends(parent, path.dirname(file), fs);
    if (parentFile === undefined) continue;
    const parentLayer = readLayer(parentFile, fs, files, seen);
    acc = { ...acc, ...parentLayer };
  }
  const options = json['compilerOptions'];
  if (isPlainObject(options)) {
    const dir = path.dirname(file);
    if (typeof options['baseUrl'] === 'string') acc.baseUrl = path.resolve(dir, options['baseUrl'].replace('${configDir}', dir));
    if (isPlainObject(options['paths'])) {
      acc.paths = options['paths'];
      acc.pathsDir = dir;
    }
  }
  return acc;
}

function locateExtends(spec: string, fromDir: string, fs: FileSystem): string | undefined {
  const candidates: string[] = [];
  if (spec.startsWith('.') || path.isAbsolute(spec)) {
    const base = path.resolve(fromDir, spec);
    candidates.push(base, `${base}.json`);
  } else {
    for (let dir = fromDir, i = 0; i < 20; i++) {
      const base = path.join(dir, 'node_modules', spec);
      candidates.push(base, `${base}.json`, path.join(base, 'tsconfig.json'));
      const up = path.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  return candidates.find((c) => fs.exists(c));
}
