import path from 'node:path';
import type { FSWatcher, watch as watchFiles } from 'chokidar';
import { isInside } from '../core/fs.js';
import { linkedPackages } from '../core/linked-packages.js';
import { isUnwatched } from '../impact/project-files.js';

export interface WatcherEvents {
  /** A path was written, created or removed (absolute). */
  saw: (file: string) => void;
  error: (error: Error) => void;
}

/** Watches the project (dependencies, coverage and dot-folders left out); `ready` resolves once it is watching, with how many paths. */
export function startWatcher(root: string, watch: typeof watchFiles, on: WatcherEvents): { watcher: FSWatcher; ready: Promise<number> } {
  // Linked packages (workspace siblings the project imports) are its code too: their folders are watched, by the same rules.
  const linked = linkedPackages(root).map((p) => p.dir);
  const ignored = (file: string) => {
    const dir = linked.find((d) => isInside(d, file));
    return dir ? isUnwatched(dir, file) : isUnwatched(root, file);
  };
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
