import path from 'node:path';
import type { FSWatcher, watch as watchFiles } from 'chokidar';
import { isInside } from '../core/fs.js';
import { linkedPackages } from '../core/linked-packages.js';
import { isIgnored } from '../impact/project-files.js';

export interface WatcherEvents {
  /** A path was written, created or removed (absolute). */
  saw: (file: string) => void;
  error: (error: Error) => void;
}

/**
 * Watches the project (dependencies, build output and dot-folders left out, but for the build
 * folders `loadedBuild` accepts: those the suite loads); `ready` resolves once it is watching, with how many paths.
 */
export function startWatcher(root: string, watch: typeof watchFiles, on: WatcherEvents, loadedBuild: (file: string) => boolean = () => false): { watcher: FSWatcher; ready: Promise<number> } {
  // Linked packages (workspace siblings the project imports) are its code too: their folders are watched, by the same rules.
  const linked = linkedPackages(root).map((p) => p.dir);
  // chokidar asks again for every entry of a folder each time anything in it changes (it re-reads
  // the folder): the answer for a path never changes, so it is worked out once.
  const known = new Map<string, boolean>();
  const outOfBounds = (file: string) => {
    let answer = known.get(file);
    if (answer === undefined) known.set(file, (answer = isIgnored(linked.find((d) => isInside(d, file)) ?? root, file)));
    return answer;
  };
  const ignored = (file: string) => outOfBounds(file) && !loadedBuild(file);
  const watcher = watch([root, ...linked], { ignoreInitial: true, ignored });
  watcher.on('all', (_event, file) => on.saw(file));
  // chokidar swallows repeated 'change' events within 50 ms; the raw events of each write keep a
  // burst's quiet window open until its last write (where the platform reports them).
  watcher.on('raw', (_event, name, details) => {
    const watched = (details as { watchedPath?: string } | undefined)?.watchedPath;
    if (!watched || !name) return;
    on.saw(path.basename(watched) === name ? watched : path.join(watched, name));
  });
  watcher.on('error', (error) => on.error(error as Error));
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve())).then(() => Object.values(watcher.getWatched()).reduce((n, names) => n + names.length, 0));
  return { watcher, ready };
}
