import { compileCacheMayBeOn } from '../core/compile-cache.js';
import { fork } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { Runner, type Transport, type TransportEvents } from './runner.js';
import { extractHang, HANG_MARKER } from './watchdog.js';
import { killTrees, track } from './kill-tree.js';
import { runnerEntryFile } from './runner-entry.js';
import type { ChildMessage, SpawnedMessage } from './protocol.js';

const TAIL_LIMIT = 16_384;

/**
 * The runner as a child process in its own process group, so killing it takes along anything the
 * steps spawned, and a step that blocks its event loop is cut by the child's own watchdog thread.
 */
export function startChildRunner(root: string, env: Record<string, string | undefined>, onOutput?: (chunk: string) => void, nodeFlags: string[] = []): Runner {
  return new Runner('process', (events) => processTransport(root, env, events, nodeFlags), onOutput, compileCacheMayBeOn(env));
}

function processTransport(root: string, env: Record<string, string | undefined>, events: TransportEvents, nodeFlags: string[]): Transport {
  const { file, execArgv } = workerEntry();
  const child = fork(file, [], { cwd: root, env: env as NodeJS.ProcessEnv, execArgv: [...execArgv, ...nodeFlags], stdio: ['ignore', 'pipe', 'pipe', 'ipc'], detached: true });
  let tail = '';
  let exited = false;
  const capture = (chunk: Buffer) => {
    const text = chunk.toString();
    tail = (tail + text).slice(-TAIL_LIMIT);
    if (!text.includes(HANG_MARKER)) events.output(text);
  };
  child.stdout!.on('data', capture);
  child.stderr!.on('data', capture);
  const spawned = new Set<number>();
  child.on('message', (message: ChildMessage | SpawnedMessage) => {
    if (message.type === 'spawned') track(spawned, message);
    else events.message(message);
  });
  // 'close', not 'exit': the watchdog's last words on stderr must be read before judging the exit.
  child.on('close', (code, signal) => {
    exited = true;
    killTrees(spawned);
    killGroup(child.pid);
    events.exit(code, signal, extractHang(tail).progress);
  });
  child.on('error', () => undefined);
  return {
    send: (message) => {
      if (!exited && child.connected) child.send(message);
    },
    watchHangs: () => undefined,
    stopWatching: () => undefined,
    // Once the child is gone its group was killed on 'close': a later kill must not reach a
    // group whose id has since been reused.
    kill: () => {
      if (exited) return;
      killTrees(spawned);
      if (!killGroup(child.pid)) child.kill('SIGKILL');
    },
  };
}

/** The group outlives its leader: what the steps started in it dies with it. */
function killGroup(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(-pid, 'SIGKILL');
    return true;
  } catch {
    return false;
  }
}

/** dist runs the compiled worker; tests run from src through tsx. */
export function workerEntry(): { file: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    const tsx = createRequire(import.meta.url).resolve('tsx');
    return { file: here.replace(/child\.ts$/, 'worker.ts'), execArgv: ['--import', pathToFileURL(tsx).href] };
  }
  return { file: runnerEntryFile(), execArgv: [] };
}
