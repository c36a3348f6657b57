import { mkdirSync, readFileSync, rmSync, statSync, watch as watchFolder, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FSWatcher, watch as watchFiles } from 'chokidar';
import { isIgnored } from '../impact/project-files.js';
import { startWatcher } from '../watch/watcher.js';

/** What git says changed (project-relative), and where its HEAD lives. */
export interface GitView {
  changed: (root: string) => Promise<string[]>;
  /** The repository's git folder and common folder (absolute), for the HEAD stamp. */
  gitDirs: (root: string) => Promise<{ gitDir: string; commonDir: string }>;
}

export interface ChangeTrackerDeps {
  watchFiles: typeof watchFiles;
  git: GitView;
  /** Where the barrier files go (the project's .spec/). */
  barrierDir: string;
  /** inotify delivers every watch's events through one queue, in order: only there does the barrier prove anything. */
  trusted: boolean;
}

interface Baseline {
  files: string[];
  /** The event count when git was asked: events after it may be missing from `files`. */
  seq: number;
  head: string;
}

const BARRIER_MS = 250;

/**
 * The files changed since HEAD, kept between verify calls by a file watcher, as watch keeps them:
 * git's answer from the last time it was asked (in the background, after a call) plus every path
 * the watcher saw since that question began. That is a superset of what git would say now (a file
 * edited and reverted stays in it: it runs more, never less). Whenever the watcher cannot vouch for
 * it — not ready, an error, no git answer yet, HEAD moved, a new folder whose files it may not
 * have listed yet, a barrier that did not come back — `changed()` answers undefined: ask git.
 */
export class ChangeTracker {
  private watcher: FSWatcher | undefined;
  private barrierWatch: ReturnType<typeof watchFolder> | undefined;
  private ready = false;
  private broken = false;
  private seq = 0;
  private readonly seen = new Map<string, number>();
  private baseline: Baseline | undefined;
  private refreshing: Promise<void> | undefined;
  private dirs: { gitDir: string; commonDir: string } | undefined;
  private readonly barriers = new Map<string, () => void>();
  private barrierCount = 0;
  private stopped = false;

  constructor(
    private readonly root: string,
    private readonly deps: ChangeTrackerDeps,
  ) {}

  /** Starts watching; git is first asked once the watcher is ready, so no edit falls between the two. */
  start(): void {
    if (!this.deps.trusted || this.stopped) return;
    const saw = (file: string) => {
      if (isIgnored(this.root, file)) return;
      this.seen.set(file, ++this.seq);
    };
    const { watcher, ready } = startWatcher(this.root, this.deps.watchFiles, { saw, error: () => (this.broken = true) });
    this.watcher = watcher;
    try {
      mkdirSync(this.deps.barrierDir, { recursive: true });
      this.barrierWatch = watchFolder(this.deps.barrierDir, (_event, name) => name && this.barriers.get(String(name))?.());
      this.barrierWatch.on('error', () => (this.broken = true));
    } catch {
      this.broken = true;
    }
    ready.then(
      () => {
        this.ready = true;
        this.refresh();
      },
      () => (this.broken = true),
    );
  }

  /** After a call: ask git again in the background, so the set of paths seen since stays small. */
  refresh(): void {
    if (!this.ready || this.broken || this.stopped || this.refreshing) return;
    const seq = this.seq;
    this.refreshing = (async () => {
      try {
        this.dirs ??= await this.deps.git.gitDirs(this.root);
        const head = headStamp(this.dirs);
        const files = await this.deps.git.changed(this.root);
        this.baseline = { files, seq, head };
        for (const [file, at] of this.seen) if (at <= seq) this.seen.delete(file);
      } catch {
        // No git, or it failed: every call asks git itself, and reports what went wrong.
        this.baseline = undefined;
      } finally {
        this.refreshing = undefined;
      }
    })();
  }

  /** The files changed since HEAD (project-relative), or undefined when only git can tell. */
  async changed(): Promise<string[] | undefined> {
    const baseline = this.baseline;
    if (!this.ready || this.broken || this.stopped || !baseline || !this.dirs) return undefined;
    if (!(await this.barrier())) return undefined;
    if (headStamp(this.dirs) !== baseline.head) return undefined;
    const since = [...this.seen].filter(([, at]) => at > baseline.seq).map(([file]) => file);
    // A folder created since: chokidar lists its files only after it reads it, so some may be missing.
    if (since.some(isFolder)) return undefined;
    const relative = since.map((file) => path.relative(this.root, file).split(path.sep).join('/'));
    return [...new Set([...baseline.files, ...relative])].sort();
  }

  /**
   * Writes a file of its own and waits for its event: every event queued before it (an edit the
   * agent made before calling) has then reached the watcher.
   */
  private async barrier(): Promise<boolean> {
    const name = `mcp-barrier-${process.pid}-${++this.barrierCount}`;
    const file = path.join(this.deps.barrierDir, name);
    let timer: NodeJS.Timeout | undefined;
    const arrived = new Promise<boolean>((resolve) => {
      this.barriers.set(name, () => resolve(true));
      timer = setTimeout(() => resolve(false), BARRIER_MS);
    });
    try {
      writeFileSync(file, '');
      return await arrived;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
      this.barriers.delete(name);
      rmSync(file, { force: true });
    }
  }

  /** Closes the watchers: nothing of the server outlives it. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.barrierWatch?.close();
    await this.watcher?.close();
  }
}

/** HEAD and the ref it names (loose or packed): a commit, reset or checkout changes what git compares with. */
export function headStamp({ gitDir, commonDir }: { gitDir: string; commonDir: string }): string {
  const read = (file: string) => {
    try {
      return readFileSync(file, 'utf8').trim();
    } catch {
      return '-';
    }
  };
  const head = read(path.join(gitDir, 'HEAD'));
  const ref = /^ref: (.+)$/.exec(head)?.[1];
  const stamp = (file: string) => {
    try {
      const s = statSync(file);
      return `${s.size}:${s.mtimeMs}`;
    } catch {
      return '-';
    }
  };
  return [head, ref ? read(path.join(commonDir, ref)) : '', stamp(path.join(commonDir, 'packed-refs'))].join('|');
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}
