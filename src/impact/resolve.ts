/**
 * Specifier + importer → a project file, an external package, or unresolved. Pure over the
 * FileSystem interface. Order: relative / absolute paths; `#imports` from package.json; Node
 * builtins; tsconfig `paths`; `baseUrl`; anything else is a bare package (not followed).
 *
 * File candidates, in order: a `.js` / `.jsx` / `.mjs` / `.cjs` specifier names the TypeScript
 * file first (`.ts`, `.tsx` / `.tsx` / `.mts` / `.cts`) when the importer is TypeScript, the
 * literal file first when it is JavaScript; any other specifier is tried as written, then with
 * each extension appended, then as a folder with an `index.*` file. Every candidate tried before
 * the hit is returned as a `miss`: creating one of them later changes the answer.
 */
import { isBuiltin } from 'node:module';
import { isInside } from '../core/fs.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResolverConfig } from './config.js';
import { inBuildFolder, sourceBases } from './build-output.js';
import { linkedBases, linkedTargets } from './linked-entry.js';
import { conditionTargets, matchPattern, packageName } from './specifiers.js';
import type { FileSystem, UnresolvedReason } from './types.js';

export type Resolution =
  | { readonly kind: 'file'; readonly path: string; readonly misses: readonly string[] }
  | { readonly kind: 'external'; readonly name: string }
  | { readonly kind: 'unresolved'; readonly reason: UnresolvedReason; readonly misses: readonly string[] };

export const CODE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;
const APPEND = [...CODE_EXTENSIONS, '.json'];
const JS_TO_TS: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};
const TS_IMPORTER = /\.[cm]?tsx?$/;

export class Resolver {
  /** `folder\0name` → the real folder node_modules/name links to there ('' for none). */
  private readonly packageDirs = new Map<string, string>();

  constructor(
    readonly root: string,
    private readonly fs: FileSystem,
    readonly config: ResolverConfig,
  ) {}

  resolve(specifier: string, importer: string): Resolution {
    const ts = TS_IMPORTER.test(importer);
    let spec = specifier;
    if (spec.startsWith('file:')) {
      try { spec = fileURLToPath(spec); } catch { return { kind: 'unresolved', reason: 'not-found', misses: [] }; }
    }
    if (spec.startsWith('.') || path.isAbsolute(spec)) {
      const clean = spec.replace(/[?#].*$/, '');
      const base = path.resolve(path.dirname(importer), clean);
      const source = this.fromBuildSource(base);
      if (source?.kind === 'file' || source?.kind === 'external') return source;
      const found = this.fromPaths([base], ts, clean.endsWith('/'));
      // A source created later (src/calc.ts) changes the answer: its candidates are misses too.
      return source && found.kind === 'file' ? { ...found, misses: [...source.misses, ...found.misses] } : found;
    }
    if (spec.startsWith('#')) return this.packageImport(spec, ts);
    if (spec.startsWith('node:') || isBuiltin(spec)) return { kind: 'external', name: spec.startsWith('node:') ? spec : `node:${spec}` };
    const misses: string[] = [];
    const mapping = matchPattern(this.config.paths.map((p) => p.pattern), spec);
    if (mapping) {
      const targets = this.config.paths.find((p) => p.pattern === mapping.pattern)!.targets;
      const found = this.fromPaths(targets.map((t) => path.resolve(this.config.pathsBase, t.replace('*', mapping.star))), ts, false);
      if (found.kind === 'file' || mapping.pattern !== '*') return found;
      if (found.kind === 'unresolved') misses.push(...found.misses);
    }
    if (this.config.baseUrl !== undefined) {
      const found = this.fromPaths([path.resolve(this.config.baseUrl, spec)], ts, false);
      if (found.kind === 'file') return { ...found, misses: [...misses, ...found.misses] };
    }
    const name = packageName(spec);
    const linked = this.config.linked?.find((p) => p.name === name) ?? this.workspacePackage(name, importer);
    if (linked) {
      const subpath = spec === name ? '.' : `.${spec.slice(name.length)}`;
      const found = this.fromPaths(linkedBases(linked, linkedTargets(linked.dir, subpath, this.fs)), true, false);
      return found.kind !== 'unresolved' ? found : { kind: 'unresolved', reason: 'not-found', misses: [...misses, ...found.misses] };
    }
    return { kind: 'external', name };
  }

  /**
   * A package Node finds for `name` from the importer (node_modules upward) whose real folder is in
   * the project or its work tree, not in a node_modules: a workspace package inside the root
   * (packages/core of a root that holds the suite), which linked-packages leaves out as already the
   * project's code. Followed into its source like a linked package.
   */
  private workspacePackage(name: string, importer: string): { name: string; dir: string } | undefined {
    if (!this.fs.realpath) return undefined;
    for (let dir = path.dirname(importer); ; dir = path.dirname(dir)) {
      const key = `${dir}\0${name}`;
      let real = this.packageDirs.get(key);
      if (real === undefined) {
        real = this.fs.realpath(path.join(dir, 'node_modules', name)) ?? '';
        this.packageDirs.set(key, real);
      }
      if (real) return real.split(path.sep).includes('node_modules') || !this.ownsFile(real) ? undefined : { name, dir: real };
      if (path.dirname(dir) === dir) return undefined;
    }
  }

  /** Inside the root, or outside it but in its git work tree (never a node_modules: classify sorts those out first). */
  private ownsFile(file: string): boolean {
    const inside = (dir: string) => {
      const rel = path.relative(dir, file);
      return !rel.startsWith('..') && !path.isAbsolute(rel);
    };
    return inside(this.root) || (this.config.workTree !== undefined && inside(this.config.workTree));
  }

  private packageImport(spec: string, ts: boolean): Resolution {
    const map = this.config.packageImports ?? {};
    const match = matchPattern(Object.keys(map), spec);
    if (!match) return { kind: 'unresolved', reason: 'not-found', misses: [] };
    const targets = conditionTargets(map[match.pattern]).map((t) => t.replaceAll('*', match.star));
    const local = targets.filter((t) => t.startsWith('./'));
    if (local.length === 0 && targets[0] !== undefined) return { kind: 'external', name: packageName(targets[0]) };
    return this.fromPaths(local.map((t) => path.resolve(this.config.packageDir, t)), ts, false);
  }

  /**
   * A relative import into a build folder (`../../dist/calc.js`) → the source it is built from, as
   * linked-entry.ts does for a package's main: an edit to src/ is what changes it (build-output.ts).
   */
  private fromBuildSource(base: string): Resolution | undefined {
    const owner = this.config.linked?.find((p) => isInside(p.dir, base))?.dir ?? this.root;
    const rel = path.relative(owner, base);
    if (rel.startsWith('..') || path.isAbsolute(rel) || !inBuildFolder(rel)) return undefined;
    return this.fromPaths(sourceBases(rel).map((b) => path.join(owner, b)), true, false);
  }

  /** The first existing candidate of the first base path that has one. */
  private fromPaths(bases: readonly string[], ts: boolean, folderOnly: boolean): Resolution {
    const misses: string[] = [];
    for (const base of bases) {
      for (const candidate of candidates(base, ts, folderOnly)) {
        if (this.fs.exists(candidate)) return this.classify(candidate, misses);
        misses.push(candidate);
      }
    }
    return { kind: 'unresolved', reason: 'not-found', misses };
  }

  private classify(file: string, misses: string[]): Resolution {
    const nm = file.lastIndexOf(`${path.sep}node_modules${path.sep}`);
    if (nm >= 0) return { kind: 'external', name: packageName(file.slice(nm + 14).split(path.sep).join('/')) };
    if (!this.ownsFile(file) && !this.config.linked?.some((p) => isInside(p.dir, file))) return { kind: 'unresolved', reason: 'outside-root', misses };
    return { kind: 'file', path: file, misses };
  }
}

export function candidates(base: string, ts: boolean, folderOnly: boolean): string[] {
  const index = APPEND.map((e) => path.join(base, `index${e}`));
  if (folderOnly) return index;
  const ext = path.extname(base);
  const mapped = JS_TO_TS[ext];
  if (mapped) {
    const stem = base.slice(0, -ext.length);
    const tsFiles = mapped.map((e) => stem + e);
    return ts ? [...tsFiles, base] : [base, ...tsFiles];
  }
  return [base, ...APPEND.map((e) => base + e), ...index];
}
