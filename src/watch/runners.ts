import { mark } from '../core/timing.js';
import { isConfigFile } from '../impact/select.js';
import { startChildRunner } from '../run/child.js';
import type { Runner } from '../run/runner.js';
import { loadsEsModules, type SupportJob } from '../run/protocol.js';
import type { Verdict } from '../report/verdict.js';

const RECYCLE_AFTER = 30;
/** Purged modules grow a long-lived runner slowly; past this it is replaced (watch's budget is 300 MB in all). */
const RECYCLE_RSS = 150 * 1024 * 1024;
/**
 * A long-lived runner's young generation (V8's semi-space, MB), by the steps it loads.
 * - ES modules: 2. Their runner never frees a module copy, and V8 grows the young generation to 16 MB
 *   a semi-space after a big run and keeps it, ≈ 20–30 MB of RSS the next runs do not need: that took
 *   it past the recycle line every few runs, each recycle a cold start.
 * - CommonJS: 8. Its runner frees what each reload purges; with 2 MB a run of 200 scenarios took ≈ 22
 *   scavenges and a third more CPU (bench/RESULTS.md, session 18).
 * - Not known yet (the session's first runner, before any run said): 2.
 */
export function watchRunnerFlags(support: SupportJob | undefined): string[] {
  const commonJs = support !== undefined && !loadsEsModules(support);
  return [`--max-semi-space-size=${commonJs ? 8 : 2}`];
}

export function startWatchRunner(root: string, env: Record<string, string | undefined>, onOutput?: (chunk: string) => void, support?: SupportJob): Runner {
  return startChildRunner(root, env, onOutput, watchRunnerFlags(support));
}

/**
 * The session's runners: a spare forked between runs, and a warm one that kept its support code
 * loaded after the last run, reused while it is safe to. When the warm one is retired (its memory,
 * its run count, a cancel), the spare loads the last run's support code in the idle time before
 * the next edit: the next run is then a reload in a warm runner, not a cold start (for ES-module
 * steps a cold start is tsx compiling through the hooks thread, ≈ 1 s).
 */
export class RunnerPool {
  private spare: Runner | undefined;
  /** The spare already loaded this support code (with the config files as they were then). */
  private spareLoaded = false;
  private warm: { child: Runner; runs: number } | undefined;
  /** The support code of the last clean run that could have stayed warm: what a spare pre-loads. */
  private lastSupport: SupportJob | undefined;
  /** A reused runner failed where a fresh one passed: every run gets a fresh runner from then on. */
  private warmUnsafe = false;
  /** What the last run's runner loaded, whole run or not: which young generation a new runner gets. */
  private loadedLast: SupportJob | undefined;

  constructor(private readonly forkFor: (support: SupportJob | undefined) => Runner) {}

  private fork(): Runner {
    return this.forkFor(this.loadedLast);
  }

  get reuseAllowed(): boolean {
    return !this.warmUnsafe;
  }

  start(): void {
    this.spare = this.fork();
  }

  /**
   * The warm runner when it can take this run (it only re-reads what changed), else the spare:
   * after config changes (tsconfig paths, loaders) neither a warm runner nor a spare that loaded
   * before them is used. A pre-loaded spare counts as reused: it reloads, as a warm runner does.
   */
  take(changed: string[]): { child: Runner; reused: boolean; runs: number } {
    const warm = this.warm;
    this.warm = undefined;
    // A linked package's file (../core/src/x.ts) is outside the folder a runner re-reads on reuse: a fresh runner loads it anew.
    const configChanged = changed.some((f) => isConfigFile(f) || f.startsWith('../'));
    if (warm && warm.child.alive && !configChanged) return mark('watch', `runner warm (${warm.runs} runs on it)`), { child: warm.child, reused: true, runs: warm.runs };
    warm?.child.kill();
    if (configChanged && this.spareLoaded) this.dropSpare();
    const preloaded = this.spareLoaded && Boolean(this.spare?.alive);
    mark('watch', `runner ${preloaded ? `spare, ${this.spare!.isLoaded ? 'pre-loaded' : 'still pre-loading'}` : 'fresh (cold start)'}${configChanged ? ': a config file changed' : ''}`);
    return { child: this.takeSpare(), reused: preloaded, runs: 0 };
  }

  takeSpare(): Runner {
    const child = this.spare ?? this.fork();
    this.spare = undefined;
    this.spareLoaded = false;
    return child;
  }

  /** A reused runner failed where a fresh one did not: the reuse was to blame. */
  distrustReuse(): void {
    this.warmUnsafe = true;
    this.lastSupport = undefined;
    if (this.spareLoaded) this.dropSpare();
  }

  /**
   * After a run: whether `child` stays warm for the next one. A runner that ran every scenario holds
   * the whole suite's heap; a fresh one that grows only with what edits select keeps watch's memory
   * down. A runner past its memory or run count is retired now, in the idle time, not at the next
   * edit. `runs` counts the runs it did before this one.
   */
  keep(child: Runner, runs: number, ended: { kept: boolean; cancelled: boolean; all: boolean }): boolean {
    const retired = ended.cancelled ? 'cancelled' : !ended.kept ? 'the run did not end cleanly' : this.warmUnsafe ? 'reuse distrusted' : ended.all ? 'it ran every scenario' : child.lastRss >= RECYCLE_RSS ? `memory ${Math.round(child.lastRss / 2 ** 20)} MB` : runs + 1 >= RECYCLE_AFTER ? `${runs + 1} runs` : undefined;
    this.warm = retired ? undefined : { child, runs: runs + 1 };
    this.loadedLast = child.lastSupport ?? this.loadedLast;
    if (ended.kept && !this.warmUnsafe && child.lastSupport && !ended.all) this.lastSupport = child.lastSupport;
    mark('watch', retired ? `runner retired: ${retired}` : 'runner kept warm');
    return !retired;
  }

  /**
   * Forked after the result, not during the run: on two cores a fork slows the run it overlaps. With
   * a warm runner no spare is kept: it would only cost memory. `idle`: no run is waiting, so the
   * spare may load support code now (a load still under way when a run arrives delays it).
   */
  refill(idle = true): void {
    if (this.warm) return;
    this.spare ??= this.fork();
    if (idle && !this.spareLoaded && this.lastSupport && !this.warmUnsafe) {
      const { invalidate: _edited, ...support } = this.lastSupport;
      this.spare.load(support);
      this.spareLoaded = true;
      mark('watch', 'spare runner pre-loading');
    }
  }

  stop(): void {
    this.spare?.kill();
    this.warm?.child.kill();
  }

  private dropSpare(): void {
    this.spare?.kill();
    this.spare = undefined;
    this.spareLoaded = false;
  }
}

/** Failures a second load of the project's modules can cause, as opposed to a step's own. */
export function failedOutsideSteps(verdict: Verdict): boolean {
  return verdict.failures.some((f) => f.kind === 'support-error' || f.kind === 'run-error' || f.kind === 'hook-error');
}
