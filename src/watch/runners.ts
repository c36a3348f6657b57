import { isConfigFile } from '../impact/select.js';
import type { Runner } from '../run/runner.js';

const RECYCLE_AFTER = 30;
/** Purged modules grow a long-lived runner slowly; past this it is replaced (watch's budget is 300 MB in all). */
const RECYCLE_RSS = 150 * 1024 * 1024;

/**
 * The session's runners: a spare forked between runs, and a warm one that kept its support code
 * loaded after the last run (CommonJS steps only), reused while it is safe to.
 */
export class RunnerPool {
  private spare: Runner | undefined;
  private warm: { child: Runner; runs: number } | undefined;
  /** A reused runner failed where a fresh one passed: every run gets a fresh runner from then on. */
  private warmUnsafe = false;

  constructor(private readonly fork: () => Runner) {}

  get reuseAllowed(): boolean {
    return !this.warmUnsafe;
  }

  start(): void {
    this.spare = this.fork();
  }

  /**
   * The warm runner when it can take this run (it only re-reads what changed), else a fresh one:
   * after config changes (tsconfig paths, loaders), every RECYCLE_AFTER runs (purged modules grow
   * memory slowly), and whenever the last run did not end cleanly.
   */
  take(changed: string[]): { child: Runner; reused: boolean; runs: number } {
    const warm = this.warm;
    this.warm = undefined;
    if (warm && warm.child.alive && warm.runs < RECYCLE_AFTER && !changed.some(isConfigFile)) return { child: warm.child, reused: true, runs: warm.runs };
    warm?.child.kill();
    return { child: this.takeSpare(), reused: false, runs: 0 };
  }

  takeSpare(): Runner {
    const child = this.spare ?? this.fork();
    this.spare = undefined;
    return child;
  }

  /** A reused runner failed where a fresh one did not: the reuse was to blame. */
  distrustReuse(): void {
    this.warmUnsafe = true;
  }

  /**
   * After a run: whether `child` stays warm for the next one. A runner that ran every scenario holds
   * the whole suite's heap; a fresh one that grows only with what edits select keeps watch's memory
   * down (the first edit after it pays a cold start). `runs` counts the runs it did before this one.
   */
  keep(child: Runner, runs: number, ended: { kept: boolean; cancelled: boolean; all: boolean }): boolean {
    const kept = ended.kept && !this.warmUnsafe && !ended.cancelled && !ended.all && child.lastRss < RECYCLE_RSS;
    this.warm = kept ? { child, runs: runs + 1 } : undefined;
    return kept;
  }

  /** Forked after the result, not during the run: on two cores a fork slows the run it overlaps. With a warm runner no spare is kept: it would only cost memory. */
  refill(): void {
    if (!this.warm) this.spare ??= this.fork();
  }

  stop(): void {
    this.spare?.kill();
    this.warm?.child.kill();
  }
}
