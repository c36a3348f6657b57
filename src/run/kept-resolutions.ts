/**
 * The CommonJS twin of fresh-esm-hooks.ts's kept resolutions. A long-lived runner's reload requires
 * every project module again, and Node forgets how a purged module's relative requires resolved:
 * each one is resolved again, through tsx (which tries `.ts` for `.js`, index files, extensions:
 * a stat or `existsSync` each) and then Node (stat, realpath). What a relative request resolved to
 * stays right while no file appears in or leaves the folders the resolution looked in (a folder's
 * mtime moves when one does); package.json and tsconfig changes, which also steer it, give watch a
 * fresh runner.
 */
import nodeModule from 'node:module';
import path from 'node:path';
import { statSync } from 'node:fs';

type Resolve = (this: unknown, request: string, parent: NodeJS.Module | undefined, isMain: boolean, options?: unknown) => string;
type ModuleHost = { _resolveFilename: Resolve; _pathCache: Record<string, string | false | undefined> };

export interface KeptResolutions {
  /**
   * A new load: folders are looked at again (once each per load), and Node forgets where it found
   * the project's files: its own path cache answers without looking, so a file added beside one a
   * request named (`dep.js` beside `dep.json`, `util/index.js` for `util.js`) would go unseen.
   */
  newLoad(): void;
  readonly counts: { kept: number; resolved: number };
  uninstall(): void;
}

const RELATIVE = /^\.\.?(?:[\\/]|$)/;

/** `owns`: the project's own module files, whose relative requests are kept. */
export function keepResolutions(owns: (filename: string) => boolean, host: ModuleHost = nodeModule as unknown as ModuleHost, now: () => number = Date.now): KeptResolutions {
  const original = host._resolveFilename;
  const kept = new Map<string, { filename: string; folders: [string, number][] }>();
  const mtimes = new Map<string, number>();
  const folderMtime = (folder: string) => {
    let mtime = mtimes.get(folder);
    if (mtime === undefined) mtimes.set(folder, (mtime = statSync(folder, { throwIfNoEntry: false })?.mtimeMs ?? -1));
    return mtime;
  };
  // A folder changed within the last second may change again without its mtime moving (git's "racy" entries).
  const settled = (mtime: number) => mtime >= 0 && now() - mtime > 1000;
  const state: KeptResolutions = {
    newLoad: () => {
      mtimes.clear();
      const cache = host._pathCache;
      for (const key of Object.keys(cache)) if (typeof cache[key] === 'string' && owns(cache[key])) delete cache[key];
    },
    counts: { kept: 0, resolved: 0 },
    uninstall: () => {
      if (host._resolveFilename === resolve) host._resolveFilename = original;
    },
  };
  const resolve: Resolve = function (this: unknown, request, parent, isMain, options) {
    const from = parent?.filename;
    if (options !== undefined || isMain || !from || !RELATIVE.test(request) || !owns(from)) return original.call(this, request, parent, isMain, options);
    const key = `${request}\0${path.dirname(from)}`;
    const entry = kept.get(key);
    if (entry && entry.folders.every(([folder, mtime]) => folderMtime(folder) === mtime)) {
      state.counts.kept++;
      return entry.filename;
    }
    const looked = path.dirname(path.resolve(path.dirname(from), request));
    // Taken before resolving: a file added meanwhile moves the mtime past it, and the next load asks again.
    const before = folderMtime(looked);
    const filename = original.call(this, request, parent, isMain, options);
    state.counts.resolved++;
    const landed = path.dirname(filename);
    const after = owns(filename) ? folderMtime(landed) : -1;
    if (settled(before) && settled(after)) kept.set(key, { filename, folders: [[looked, before], [landed, after]] });
    else kept.delete(key);
    return filename;
  };
  host._resolveFilename = resolve;
  return state;
}
