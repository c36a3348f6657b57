import childProcess = require('node:child_process');
import nodeUrl = require('node:url');
import path = require('node:path');
import workerThreads = require('node:worker_threads');

/**
 * What starts code the run cannot see, beyond ChildProcess#spawn (runner-channel.ts): execSync,
 * execFileSync and spawnSync go through a binding of their own, and a worker thread is an isolate
 * the coverage never sees. A CLI's steps run it with these far more often than with an async
 * spawn. Each is handed on as the options ChildProcess#spawn would get ({ file, args, cwd }), so
 * read-recorder.cts classifies them all alike. CommonJS, as read-recorder.cts is.
 */
type SpawnOptions = { file: string; args: string[]; cwd?: string };

type Handler = (options: SpawnOptions) => void;

/** Wraps the exports: execSync and execFileSync call the module's own spawnSync, not the export, so each needs its own wrapper. The caller syncs ES modules' view. */
function watchSyncSpawns(onSpawn: Handler): void {
  const target = childProcess as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of ['spawnSync', 'execFileSync', 'execSync'] as const) {
    const original = target[name]!;
    // Before the call: one that exits non-zero throws, and a failing CLI is the run that matters most.
    target[name] = function (this: unknown, ...args: unknown[]) {
      tell(onSpawn, () => syncSpawnOptions(name, args));
      return original.apply(this, args);
    };
  }
  const threads = workerThreads as unknown as Record<string, unknown>;
  threads.Worker = new Proxy(workerThreads.Worker, {
    construct(worker, args: unknown[], newTarget) {
      tell(onSpawn, () => workerOptions(args[0], args[1]));
      return Reflect.construct(worker, args, newTarget) as object;
    },
  });
}

/** The classification must never fail the call it watches: an argument it cannot read is the call's to reject. */
function tell(onSpawn: Handler, options: () => SpawnOptions | undefined): void {
  let found: SpawnOptions | undefined;
  try {
    found = options();
  } catch {
    return;
  }
  if (found) onSpawn(found);
}

/** As Node's normalizeSpawnArguments: a shell runs `file args…` (execSync's command) as one line. */
function syncSpawnOptions(name: 'spawnSync' | 'execFileSync' | 'execSync', args: unknown[]): SpawnOptions | undefined {
  const [file, second, third] = args;
  if (typeof file !== 'string') return undefined;
  const list = name !== 'execSync' && Array.isArray(second) ? second.map(String) : [];
  const options = (name === 'execSync' || !Array.isArray(second) ? second : third) as { cwd?: unknown; shell?: unknown } | undefined;
  const cwd = directory(options?.cwd);
  const shell = name === 'execSync' ? (options?.shell ?? true) : options?.shell;
  if (!shell) return { file, args: [file, ...list], cwd };
  const line = [file, ...list].join(' ');
  const program = typeof shell === 'string' ? shell : process.platform === 'win32' ? (process.env.ComSpec ?? 'cmd.exe') : '/bin/sh';
  const cmd = /^(?:.*[\\/])?cmd(?:\.exe)?$/i.test(program);
  return { file: program, args: cmd ? [program, '/d', '/s', '/c', `"${line}"`] : [program, '-c', line], cwd };
}

/** A worker thread runs its file (a path or file: URL) or, with eval, code that may load any project file. */
function workerOptions(filename: unknown, options: unknown): SpawnOptions | undefined {
  if ((options as { eval?: unknown } | undefined)?.eval) return { file: process.execPath, args: [process.execPath, '--eval'] };
  const file = filename instanceof URL ? (filename.protocol === 'file:' ? nodeUrl.fileURLToPath(filename) : undefined) : typeof filename === 'string' ? path.resolve(filename) : undefined;
  return file === undefined ? undefined : { file, args: [file] };
}

function directory(cwd: unknown): string | undefined {
  if (typeof cwd === 'string') return cwd;
  return cwd instanceof URL && cwd.protocol === 'file:' ? nodeUrl.fileURLToPath(cwd) : undefined;
}

export = { watchSyncSpawns, syncSpawnOptions, workerOptions };
