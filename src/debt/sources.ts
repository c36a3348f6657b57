import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';
import { linkedPackages } from '../core/linked-packages.js';
import { CODE_GLOB, CODE_IGNORE, isIgnoredPath } from '../impact/project-files.js';

/**
 * The project's source files, the ones debt counts: the project's code files (no dependencies,
 * build output or dot-folders), less what checks the code rather than being it (step and
 * support files, tests, fixtures) and the tools' own config files, and its linked packages'
 * sources. `sources` globs, when given, choose instead (the exclusions still apply).
 */
export async function sourceFiles(root: string, options: { steps: string[]; sources?: string[] }): Promise<string[]> {
  const all = await listCode(root);
  const linked = options.sources?.length ? [] : await linkedSources(root);
  const key = JSON.stringify([options.steps, options.sources ?? []]);
  const known = filtered.get(all)?.get(key);
  if (known) return [...known, ...linked];
  const chosen = options.sources?.length ? picomatch(options.sources.map(clean)) : () => true;
  const isSupport = picomatch(options.steps.map(clean));
  const files = all.filter((file) => chosen(file) && !isSupport(file) && !isCheckOrTooling(file)).sort();
  filtered.set(all, (filtered.get(all) ?? new Map<string, string[]>()).set(key, files));
  return [...files, ...linked];
}

/**
 * The source files of the project's linked packages (workspace siblings it imports: their code is
 * the code its suite checks), as `../core/src/x.ts`, by the same rules as the project's own with
 * the package's folder as its top (its tests, fixtures and tool configs are not its source).
 */
async function linkedSources(root: string): Promise<string[]> {
  const realRoot = realpathSync(root);
  const lists = await Promise.all(linkedPackages(root).map(async (pkg) => (await listCode(pkg.dir)).filter((file) => !isCheckOrTooling(file)).map((file) => path.relative(realRoot, path.join(pkg.dir, file)).split(path.sep).join('/'))));
  return lists.flat().sort();
}

/** Per listing (kept while the tree stands), the sources each choice of globs picked from it. */
const filtered = new WeakMap<string[], Map<string, string[]>>();

/** A listing of the project's code files and the mtime of every folder it walked. */
interface Listing {
  files: string[];
  folders: [string, number][];
}

const listings = new Map<string, Listing>();
const listedOnce = new Set<string>();
/** A folder changed this recently may change again within its mtime's resolution: not trusted. */
const SETTLED_MS = 2000;

/**
 * impact/project-files.ts's codeFiles, root-relative with forward slashes, and listed again only
 * when a folder changed: adding, removing or renaming a file changes its folder's mtime, so while
 * every folder's mtime stands, the listing does (a long-lived process, watch, lists once per
 * change of the tree instead of once per run).
 */
async function listCode(root: string): Promise<string[]> {
  const known = listings.get(root);
  if (known && known.folders.every(([folder, mtime]) => mtimeOf(folder) === mtime)) return known.files;
  const startedAt = Date.now();
  // A one-shot command lists once: the folders are walked only from a process's second listing on.
  const again = listedOnce.has(root);
  listedOnce.add(root);
  const [found, walked] = await Promise.all([
    glob([CODE_GLOB], { cwd: root, ignore: [...CODE_IGNORE], dot: false }),
    again ? glob(['**/'], { cwd: root, ignore: [...CODE_IGNORE], dot: false, onlyDirectories: true }) : undefined,
  ]);
  const files = found.filter((rel) => !isIgnoredPath(rel.split('/')));
  if (!walked) return files;
  const folders = ['', ...walked].map((rel): [string, number] => [path.join(root, rel), mtimeOf(path.join(root, rel))]);
  if (folders.every(([, mtime]) => mtime >= 0 && mtime < startedAt - SETTLED_MS)) listings.set(root, { files, folders });
  else listings.delete(root);
  return files;
}

function mtimeOf(folder: string): number {
  return statSync(folder, { throwIfNoEntry: false })?.mtimeMs ?? -1;
}

const CHECK_FOLDERS = new Set(['test', 'tests', '__tests__', '__mocks__', 'e2e', 'fixtures', 'step_definitions', 'step-definitions', 'steps']);
/**
 * Folders that hold checks only at the project's top: cucumber's features/ (specs, support code).
 * Deeper down, features/ is product code in a feature-sliced layout (src/features/cart/…), and
 * leaving it out would make the debt read better than it is.
 */
const TOP_CHECK_FOLDERS = new Set(['features']);
const CHECK_FILE = /\.(?:test|spec|steps?|e2e)\.[cm]?[jt]sx?$/;
/** cucumber.js, vitest.config.ts, eslint.config.mjs, spec.config.ts, .eslintrc.cjs: configuration, not the product. */
const TOOL_CONFIG = /^(?:cucumber|[\w.-]+\.config|\.?[\w-]+rc)\.[cm]?[jt]s$/;

function isCheckOrTooling(file: string): boolean {
  const parts = file.split('/');
  const name = parts.at(-1)!;
  if (CHECK_FILE.test(name) || parts.slice(0, -1).some((part) => CHECK_FOLDERS.has(part)) || (parts.length > 1 && TOP_CHECK_FOLDERS.has(parts[0]!))) return true;
  return parts.length === 1 && TOOL_CONFIG.test(name);
}

function clean(glob: string): string {
  return glob.replace(/^\.\//, '');
}
