import type { SpecProblem } from '../core/errors.js';
import type { ProfileConfig } from '../config/cucumber-profile.js';
import type { ChildMessage, ParentMessage, RunJob, SupportJob } from './protocol.js';
import type { RunProgress, RunResult } from '../core/run-result.js';

export type RunOutcome =
  | { kind: 'result'; result: RunResult; log: string }
  | { kind: 'fatal'; problem: SpecProblem; stack?: string; log: string }
  | { kind: 'timeout'; progress: RunProgress | undefined; limitMs: number; log: string }
  | { kind: 'crash'; exitCode: number | null; signal: string | null; log: string }
  | { kind: 'aborted'; log: string; partial?: RunResult };

export interface RunLimits {
  /** A step still unfinished after this long has blocked the event loop (the watchdog cuts it). */
  hangAfterMs: number;
  /** Longest wait for support code to load. */
  loadTimeoutMs: number;
  runTimeoutMs: number;
}

/** How the runner was isolated: a Node worker thread of this process, or a child process. */
export type RunnerKind = 'thread' | 'process';

export interface TransportEvents {
  message(message: ChildMessage): void;
  output(text: string): void;
  /** The runner is gone; hang names the step a watchdog cut, when one did. */
  exit(code: number | null, signal: string | null, hang?: RunProgress): void;
}

/** Where the runner lives; the Runner above it is the same for both. */
export interface Transport {
  send(message: ParentMessage): void;
  /** Watch for a step that blocks the runner's event loop (a child process watches itself). */
  watchHangs(quietMs: number): void;
  stopWatching(): void;
  kill(): void;
}

const LOG_LIMIT = 16_384;
/** How long a cancelled run may take to hand over what finished (a runner whose event loop is blocked never does). */
const PARTIAL_GRACE_MS = 1_000;

/**
 * The scenario runner, started as soon as a command starts so its cucumber start-up overlaps the
 * parent's compile. Loads support code, runs jobs, reads cucumber profiles; whatever it is run in.
 */
export class Runner {
  private readonly transport: Transport;
  private readonly ready: Promise<ChildMessage>;
  private log = '';
  private exited = false;
  private loaded = false;
  private hang: RunProgress | undefined;
  /** The runner's memory when it last answered, bytes: a long-lived runner is recycled by it. */
  lastRss = 0;
  /** The support code it was last asked to load: what a spare runner pre-loads (watch/runners.ts). */
  lastSupport: SupportJob | undefined;
  private readonly listeners = new Set<(message: ChildMessage) => void>();
  private readonly exitListeners = new Set<(code: number | null, signal: string | null) => void>();

  constructor(
    readonly kind: RunnerKind,
    start: (events: TransportEvents) => Transport,
    onOutput?: (chunk: string) => void,
    /** It may load code from Node's compile cache, so it cannot record line coverage (core/compile-cache.ts). */
    readonly compileCache = true,
  ) {
    this.transport = start({
      message: (message) => {
        if (message.type === 'loaded') this.loaded = true;
        if (message.type === 'result') this.lastRss = message.rss;
        this.listeners.forEach((l) => l(message));
      },
      output: (text) => {
        this.log = (this.log + text).slice(-LOG_LIMIT);
        onOutput?.(text);
      },
      exit: (code, signal, hang) => {
        this.exited = true;
        this.hang = hang;
        this.exitListeners.forEach((l) => l(code, signal));
      },
    });
    this.ready = this.next((m) => m.type === 'ready' || m.type === 'fatal');
  }

  /** Reads the cucumber.js profile with the user's own cucumber, so every profile format works. */
  async profile(file: string | undefined, profiles: string[]): Promise<ProfileConfig | SpecProblem> {
    const ready = await this.ready;
    if (ready.type === 'fatal') return ready.problem;
    if (ready.type !== 'ready') return { code: 'SPEC_RUN_CRASH', message: 'runner did not start' };
    const reply = this.next((m) => m.type === 'profile' || m.type === 'fatal');
    this.transport.send({ type: 'profile', file, profiles });
    const message = await reply;
    if (message.type === 'profile') return message.config;
    if (message.type === 'fatal') return message.problem;
    return { code: 'SPEC_RUN_CRASH', message: this.log || 'the runner exited while reading the cucumber profile' };
  }

  /** Starts loading the support code now, while the parent is still compiling specs. */
  load(support: SupportJob): void {
    this.lastSupport = support;
    // A second load (a reload, or after a pre-load) is timed again from here; a pre-load still
    // under way answers `loaded` first and ends that wait early: the run's overall limit still holds.
    this.loaded = false;
    void this.ready.then(() => this.send({ type: 'load', support }));
  }

  async run(job: RunJob, limits: RunLimits, signal?: AbortSignal): Promise<RunOutcome> {
    const ready = await this.ready;
    if (ready.type === 'fatal') return { kind: 'fatal', problem: ready.problem, log: this.log };
    if (this.exited) return this.crashOutcome(null, null);
    return new Promise<RunOutcome>((resolve) => {
      let running = false;
      let cancelling: ReturnType<typeof setTimeout> | undefined;
      const finish = (outcome: RunOutcome) => {
        clearTimeout(loadTimer);
        clearTimeout(overall);
        clearTimeout(cancelling);
        this.transport.stopWatching();
        this.listeners.delete(onMessage);
        this.exitListeners.delete(onExit);
        signal?.removeEventListener('abort', onAbort);
        if (outcome.kind !== 'result' && outcome.kind !== 'fatal') this.kill();
        resolve(outcome);
      };
      const onMessage = (message: ChildMessage) => {
        if (message.type === 'loaded') clearTimeout(loadTimer);
        else if (cancelling && (message.type === 'partial' || message.type === 'result')) finish({ kind: 'aborted', log: this.log, ...(message.result ? { partial: message.result } : {}) });
        else if (message.type === 'result') finish({ kind: 'result', result: message.result, log: this.log });
        else if (message.type === 'fatal') finish({ kind: 'fatal', problem: message.problem, stack: message.stack, log: this.log });
      };
      const onExit = (code: number | null, sig: string | null) => {
        if (this.hang) finish({ kind: 'timeout', progress: this.hang, limitMs: this.hang.limitMs ?? limits.hangAfterMs, log: this.log });
        else finish(this.crashOutcome(code, sig));
      };
      // A cancelled run keeps what finished: the runner is asked for it before it is killed.
      const onAbort = () => {
        if (!running || this.exited) return finish({ kind: 'aborted', log: this.log });
        cancelling = setTimeout(() => finish({ kind: 'aborted', log: this.log }), PARTIAL_GRACE_MS);
        this.send({ type: 'partial' });
      };
      const overall = setTimeout(() => finish({ kind: 'timeout', progress: undefined, limitMs: limits.runTimeoutMs, log: this.log }), limits.runTimeoutMs);
      const loadTimer = this.loaded ? undefined : setTimeout(() => finish({ kind: 'timeout', progress: undefined, limitMs: limits.loadTimeoutMs, log: this.log }), limits.loadTimeoutMs);
      this.listeners.add(onMessage);
      this.exitListeners.add(onExit);
      signal?.addEventListener('abort', onAbort, { once: true });
      if (signal?.aborted) return onAbort();
      this.transport.watchHangs(job.hangAfterMs);
      this.send({ type: 'run', job });
      running = true;
    });
  }

  /** Its last load finished (a spare's pre-load may still be under way when a run takes it). */
  get isLoaded(): boolean {
    return this.loaded;
  }

  get alive(): boolean {
    return !this.exited;
  }

  /** Stops the runner and everything the steps started, also after it ended by itself; safe to call twice. */
  kill(): void {
    this.transport.kill();
  }

  private crashOutcome(exitCode: number | null, signal: string | null): RunOutcome {
    return { kind: 'crash', exitCode, signal, log: this.log };
  }

  private send(message: ParentMessage): void {
    if (!this.exited) this.transport.send(message);
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
