import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import type { SpecProblem } from '../core/errors.js';
import type { ChildMessage, ParentMessage, ProfileConfig, RunJob, SupportJob } from './protocol.js';
import type { RunProgress, RunResult } from './result.js';
import { extractHang, HANG_MARKER } from './watchdog.js';

export type RunOutcome =
  | { kind: 'result'; result: RunResult; log: string }
  | { kind: 'fatal'; problem: SpecProblem; stack?: string; log: string }
  | { kind: 'timeout'; progress: RunProgress | undefined; limitMs: number; log: string }
  | { kind: 'crash'; exitCode: number | null; signal: string | null; log: string }
  | { kind: 'aborted'; log: string };

export interface RunLimits {
  /** A step still unfinished after this long has blocked the event loop (the child's watchdog cuts it). */
  hangAfterMs: number;
  /** Longest wait for support code to load. */
  loadTimeoutMs: number;
  runTimeoutMs: number;
}

const LOG_LIMIT = 16_384;

/**
 * The runner child, forked as soon as a command starts so its Node and cucumber start-up overlaps
 * the parent's compile. It runs in its own process group so killing it takes along anything the
 * steps spawned.
 */
export class RunnerChild {
  private readonly child: ChildProcess;
  private readonly ready: Promise<ChildMessage>;
  private log = '';
  private exited = false;
  private loaded = false;
  /** The child's resident memory when it last answered, bytes: a long-lived runner is recycled by it. */
  lastRss = 0;
  private readonly listeners = new Set<(message: ChildMessage) => void>();
  private readonly exitListeners = new Set<(code: number | null, signal: string | null) => void>();

  constructor(root: string, env: Record<string, string | undefined>, onOutput?: (chunk: string) => void) {
    const { file, execArgv } = workerEntry();
    this.child = fork(file, [], { cwd: root, env: env as NodeJS.ProcessEnv, execArgv, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], detached: true });
    const capture = (chunk: Buffer) => {
      const text = chunk.toString();
      this.log = (this.log + text).slice(-LOG_LIMIT);
      if (!text.includes(HANG_MARKER)) onOutput?.(text);
    };
    this.child.stdout!.on('data', capture);
    this.child.stderr!.on('data', capture);
    this.child.on('message', (message: ChildMessage) => {
      if (message.type === 'loaded') this.loaded = true;
      if (message.type === 'result') this.lastRss = message.rss;
      this.listeners.forEach((l) => l(message));
    });
    // 'close', not 'exit': the watchdog's last words on stderr must be read before judging the exit.
    this.child.on('close', (code, signal) => {
      this.exited = true;
      this.exitListeners.forEach((l) => l(code, signal));
    });
    this.child.on('error', () => undefined);
    this.ready = this.next((m) => m.type === 'ready' || m.type === 'fatal');
  }

  /** Reads the cucumber.js profile with the user's own cucumber, so every profile format works. */
  async profile(file: string | undefined, profiles: string[]): Promise<ProfileConfig | SpecProblem> {
    const ready = await this.ready;
    if (ready.type === 'fatal') return ready.problem;
    if (ready.type !== 'ready') return { code: 'SPEC_RUN_CRASH', message: 'runner did not start' };
    const reply = this.next((m) => m.type === 'profile' || m.type === 'fatal');
    this.send({ type: 'profile', file, profiles });
    const message = await reply;
    if (message.type === 'profile') return message.config;
    if (message.type === 'fatal') return message.problem;
    return { code: 'SPEC_RUN_CRASH', message: this.log || 'the runner exited while reading the cucumber profile' };
  }

  /** Starts loading the support code now, while the parent is still compiling specs. */
  load(support: SupportJob): void {
    void this.ready.then(() => this.send({ type: 'load', support }));
  }

  async run(job: RunJob, limits: RunLimits, signal?: AbortSignal): Promise<RunOutcome> {
    const ready = await this.ready;
    if (ready.type === 'fatal') return { kind: 'fatal', problem: ready.problem, log: this.log };
    if (this.exited) return this.crashOutcome(null, null);
    return new Promise<RunOutcome>((resolve) => {
      const finish = (outcome: RunOutcome) => {
        clearTimeout(loadTimer);
        clearTimeout(overall);
        this.listeners.delete(onMessage);
        this.exitListeners.delete(onExit);
        signal?.removeEventListener('abort', onAbort);
        if (outcome.kind !== 'result' && outcome.kind !== 'fatal') this.kill();
        resolve(outcome);
      };
      const onMessage = (message: ChildMessage) => {
        if (message.type === 'loaded') clearTimeout(loadTimer);
        else if (message.type === 'result') finish({ kind: 'result', result: message.result, log: this.log });
        else if (message.type === 'fatal') finish({ kind: 'fatal', problem: message.problem, stack: message.stack, log: this.log });
      };
      const onExit = (code: number | null, sig: string | null) => {
        const hang = extractHang(this.log);
        if (hang.progress) finish({ kind: 'timeout', progress: hang.progress, limitMs: limits.hangAfterMs, log: hang.log });
        else finish(this.crashOutcome(code, sig));
      };
      const onAbort = () => finish({ kind: 'aborted', log: this.log });
      const overall = setTimeout(() => finish({ kind: 'timeout', progress: undefined, limitMs: limits.runTimeoutMs, log: this.log }), limits.runTimeoutMs);
      const loadTimer = this.loaded ? undefined : setTimeout(() => finish({ kind: 'timeout', progress: undefined, limitMs: limits.loadTimeoutMs, log: this.log }), limits.loadTimeoutMs);
      this.listeners.add(onMessage);
      this.exitListeners.add(onExit);
      signal?.addEventListener('abort', onAbort, { once: true });
      if (signal?.aborted) return onAbort();
      this.send({ type: 'run', job });
    });
  }

  get alive(): boolean {
    return !this.exited;
  }

  /** Kills the child's whole process group; safe to call twice. */
  kill(): void {
    if (this.exited || this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, 'SIGKILL');
    } catch {
      this.child.kill('SIGKILL');
    }
  }

  private crashOutcome(exitCode: number | null, signal: string | null): RunOutcome {
    return { kind: 'crash', exitCode, signal, log: this.log };
  }

  private send(message: ParentMessage): void {
    if (!this.exited && this.child.connected) this.child.send(message);
  }

  private next(predicate: (m: ChildMessage) => boolean): Promise<ChildMessage> {
    return new Promise((resolve) => {
      const onMessage = (message: ChildMessage) => {
        if (!predicate(message)) return;
        cleanup();
        resolve(message);
      };
      const onExit = () => {
        cleanup();
        resolve({ type: 'fatal', problem: { code: 'SPEC_RUN_CRASH', message: `the runner exited before answering${this.log ? `:\n${this.log.trim()}` : ''}` } });
      };
      const cleanup = () => {
        this.listeners.delete(onMessage);
        this.exitListeners.delete(onExit);
      };
      this.listeners.add(onMessage);
      this.exitListeners.add(onExit);
      if (this.exited) onExit();
    });
  }
}

/** dist runs the compiled worker; tests run from src through tsx. */
function workerEntry(): { file: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    const tsx = createRequire(import.meta.url).resolve('tsx');
    return { file: here.replace(/child\.ts$/, 'worker.ts'), execArgv: ['--import', pathToFileURL(tsx).href] };
  }
  return { file: here.replace(/child\.js$/, 'worker.js'), execArgv: [] };
}
