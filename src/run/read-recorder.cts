import fs = require('node:fs');
import nodeModule = require('node:module');
import path = require('node:path');
import nodeUrl = require('node:url');
import syncSpawns = require('./sync-spawns.cjs');

/**
 * The project files a scenario's code reads through fs (a JSON table, a template, a fixture): the
 * import graph cannot see them, so a change to one would reach no scenario. Reads are recorded
 * whether or not they succeed (a file tried and not found may be created), and so are folders
 * listed (a file added there may be read next). Always on: a wrapper and a string test per call.
 * CommonJS, because cucumber's parallel workers `require` it too (worker-preamble.cts).
 */
type ReadPhase = 'off' | 'shared' | 'scenario';
type Kind = 'file' | 'folder' | 'write' | 'open';

const FILE_READERS = ['readFileSync', 'readFile', 'createReadStream', 'existsSync'] as const;
const FOLDER_READERS = ['readdirSync', 'readdir', 'opendirSync', 'opendir'] as const;
const PROMISE_FILE_READERS = ['readFile'] as const;
/** Read or written as their flags say ('r' by default). */
const OPENERS = ['openSync', 'open'] as const;
const PROMISE_FOLDER_READERS = ['readdir', 'opendir'] as const;
/** A file the run writes is its output, not an input: in watch, its change must not start the run that wrote it. */
const WRITERS = ['writeFileSync', 'writeFile', 'appendFileSync', 'appendFile', 'createWriteStream'] as const;
const PROMISE_WRITERS = ['writeFile', 'appendFile'] as const;
/** Modules: the import graph follows them, and the module loader reads each one through fs. */
const CODE = /\.(?:[cm]?[jt]sx?|map|node)$/;
const SPEC = /\.(?:feature|md)$/;
/** Recorded for a child process that may run or read project code: what it reads is not seen, so any project file may be. */
const ANY_FILE = '*';
const CUCUMBER_WORKER = /[\\/]@cucumber[\\/]cucumber[\\/]lib[\\/]runtime[\\/]parallel[\\/]/;
/** Commands that run scripts (a server, a CLI, `npm start`, a shell): the project code they run is not seen here. */
const RUNS_SCRIPTS = /^(?:node|nodejs|npm|npx|pnpm|yarn|bun|bunx|deno|tsx|ts-node|sh|bash|dash|zsh|cmd|powershell|pwsh|python3?|ruby|perl|php|make|docker|docker-compose|podman)(?:\.exe|\.cmd)?$/i;

class ReadRecorder {
  phase: ReadPhase = 'off';
  private readonly scenario = new Set<string>();
  private readonly shared = new Set<string>();
  private readonly written = new Set<string>();
  private readonly prefix: string;
  private quiet = 0;

  constructor(private readonly root: string) {
    this.prefix = root + path.sep;
  }

  /**
   * Patches fs (and fs/promises), the sync child-process calls and worker_threads' Worker (and ES
   * modules' view of all of them) once, before the project's code loads.
   */
  install(): void {
    const target = fs as unknown as Record<string, unknown>;
    const promises = fs.promises as unknown as Record<string, unknown>;
    for (const [at, names, kind] of [[target, FILE_READERS, 'file'], [target, FOLDER_READERS, 'folder'], [target, WRITERS, 'write'], [promises, PROMISE_FILE_READERS, 'file'], [promises, PROMISE_FOLDER_READERS, 'folder'], [promises, PROMISE_WRITERS, 'write'], [target, OPENERS, 'open'], [promises, ['open'], 'open']] as const) {
      for (const name of names) this.wrap(at, name, kind);
    }
    this.quietJsonRequire();
    syncSpawns.watchSyncSpawns((options) => this.spawned(options));
    nodeModule.syncBuiltinESMExports();
  }

  /** The files (and folders) read since the last take, in the scenario under way. */
  takeScenario(): string[] {
    const files = [...this.scenario].filter((f) => !this.written.has(f)).sort();
    this.scenario.clear();
    return files;
  }

  /** Data files read while loading, in BeforeAll or AfterAll hooks: state every scenario may see. */
  sharedReads(): string[] {
    return [...this.shared].filter((f) => !this.written.has(f)).sort();
  }

  /** What a parallel worker read outside its scenarios and wrote: the run's, as if read here. */
  absorb(shared: string[], written: string[]): void {
    for (const file of shared) this.shared.add(file);
    for (const file of written) this.written.add(file);
  }

  /**
   * A child process the code started (ChildProcess#spawn's options, or what sync-spawns.cts makes
   * of a sync call or a worker thread): one that runs scripts, or is handed a project path, may
   * run or read any project file without this process seeing it, so it counts as a read of every
   * file (`*`) in the phase it started in. A browser or a tool given no project path does not.
   */
  spawned(options: unknown): void {
    if (this.phase === 'off') return;
    // Its own existsSync calls are not the code's reads.
    this.quiet++;
    try {
      if (!mayRunProjectCode(options, this.root)) return;
    } finally {
      this.quiet--;
    }
    if (this.phase === 'scenario') this.scenario.add(ANY_FILE);
    else this.shared.add(ANY_FILE);
  }

  /** The project files the code wrote since it loaded (its own output). */
  writes(): string[] {
    return [...this.written].sort();
  }

  private wrap(target: Record<string, unknown>, name: string, kind: Kind): void {
    const original = target[name];
    if (typeof original !== 'function') return;
    const recorder = this;
    target[name] = function (this: unknown, ...args: unknown[]) {
      if (recorder.phase !== 'off' && recorder.quiet === 0) recorder.note(args[0], kind === 'open' ? opened(args[1]) : kind);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  }

  private note(where: unknown, kind: Kind): void {
    const folder = kind === 'folder';
    const file = typeof where === 'string' ? where : where instanceof URL && where.protocol === 'file:' ? nodeUrl.fileURLToPath(where) : Buffer.isBuffer(where) ? where.toString() : undefined;
    if (file === undefined) return;
    const absolute = path.resolve(file);
    if (!absolute.startsWith(this.prefix) && absolute !== this.root) return;
    const relative = absolute.slice(this.prefix.length).split(path.sep).join('/');
    if ((!relative && !folder) || /(^|\/)(node_modules|\.spec|\.git)(\/|$)/.test(relative) || SPEC.test(relative)) return;
    const entry = folder ? `${relative || '.'}/` : relative;
    if (kind === 'write') this.written.add(relative);
    else if (this.phase === 'scenario') this.scenario.add(entry);
    else if (!folder && !CODE.test(relative)) this.shared.add(relative);
  }

  /** require('./x.json') is an import the graph follows: the loader's own read of it is not the code's. */
  private quietJsonRequire(): void {
    const extensions = (nodeModule as unknown as { _extensions?: Record<string, (...args: unknown[]) => unknown> })._extensions;
    const json = extensions?.['.json'];
    if (!extensions || !json) return;
    extensions['.json'] = (...args: unknown[]) => {
      this.quiet++;
      try {
        return json(...args);
      } finally {
        this.quiet--;
      }
    };
  }
}

function mayRunProjectCode(options: unknown, root: string): boolean {
  const { file, args, cwd } = (options ?? {}) as { file?: unknown; args?: unknown; cwd?: unknown };
  if (typeof file !== 'string') return false;
  // cucumber's own parallel workers run the suite's code in processes that record their own reads.
  if (Array.isArray(args) && args.some((a) => typeof a === 'string' && CUCUMBER_WORKER.test(a))) return false;
  // Either separator: a Windows path names its program with backslashes.
  if (file === process.execPath || RUNS_SCRIPTS.test(file.split(/[\\/]/).pop()!)) return true;
  const base = typeof cwd === 'string' ? cwd : process.cwd();
  const inProject = (value: string) => {
    const absolute = path.resolve(base, value.replace(/^--?[\w-]+=/, ''));
    return absolute.startsWith(root + path.sep) && !absolute.includes(`${path.sep}node_modules${path.sep}`) && fs.existsSync(absolute);
  };
  return inProject(file) || (Array.isArray(args) && args.slice(1).some((a) => typeof a === 'string' && inProject(a)));
}

/** fs.open's flags: a string or a number (O_WRONLY, O_RDWR, O_APPEND…); anything but plain read writes. */
function opened(flags: unknown): Kind {
  if (typeof flags === 'string') return /[wa+]/.test(flags) ? 'write' : 'file';
  if (typeof flags === 'number') return flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR) ? 'write' : 'file';
  return 'file';
}

export = { ReadRecorder };
