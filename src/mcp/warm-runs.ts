import type { SpecEnvironment } from '../core/env.js';
import { SpecloopError } from '../core/errors.js';
import { mark, timingForwarder } from '../core/timing.js';
import { dropHeldGraph, holdGraph, releaseGraph } from '../impact/held-graph.js';
import { startChildRunner } from '../run/child.js';
import type { RunOptions } from '../run/options.js';
import type { Verdict } from '../report/verdict.js';
import { failedOutsideSteps, RunnerPool } from '../watch/runners.js';
import { verifyRecorded } from '../api/verify-recorded.js';
import { configStamp } from './config-stamp.js';

/**
 * verify passes on a runner kept between calls, as watch keeps one between edits: the runner keeps
 * cucumber, tsx and node_modules loaded and re-reads every project module each pass, so a second
 * call pays no Node or cucumber start-up. Always a child process: this process's stdout is the
 * protocol, and a thread runner would share it.
 */
export class WarmRuns {
  private readonly pool: RunnerPool;
  private configStamp: string | undefined;
  private running: AbortController | undefined;
  private stopped = false;

  constructor(private readonly env: SpecEnvironment) {
    this.pool = new RunnerPool(() => startChildRunner(env.cwd, env.env, timingForwarder()));
  }

  start(): void {
    holdGraph(this.env.cwd);
    this.pool.start();
  }

  async verify(options: RunOptions): Promise<Verdict> {
    if (this.stopped) throw new SpecloopError({ code: 'SPEC_CANCELLED', message: 'verify: the MCP server is shutting down', hint: 'reconnect and call verify again' });
    mark('spec', 'mcp verify called');
    const controller = new AbortController();
    this.running = controller;
    // No file watcher tells this server what changed between calls: a config file whose stamp moved
    // is what would make watch start a fresh runner (tsconfig paths, loaders, the cucumber profile).
    const stamp = configStamp(this.env.cwd);
    const changed = this.configStamp !== undefined && stamp !== this.configStamp ? ['package.json'] : [];
    if (changed.length) dropHeldGraph(this.env.cwd);
    this.configStamp = stamp;
    let { child, reused, runs } = this.pool.take(changed);
    let kept = false;
    try {
      const run = { ...options, stepsOfSelection: true, runner: 'process' as const, signal: controller.signal, keepRunner: this.pool.reuseAllowed };
      const startedAt = new Date();
      let details = await verifyRecorded(child, run, this.env, startedAt, performance.now());
      if (reused && !controller.signal.aborted && failedOutsideSteps(details.verdict)) {
        // As in watch: modules loaded a second time may trip over state their first load left; a fresh runner decides.
        child.kill();
        child = this.pool.takeSpare();
        runs = 0;
        const fresh = await verifyRecorded(child, run, this.env, startedAt, performance.now());
        if (!failedOutsideSteps(fresh.verdict)) this.pool.distrustReuse();
        details = fresh;
      }
      kept = this.pool.keep(child, runs, { kept: details.kept, cancelled: controller.signal.aborted, all: !details.partial });
      return details.verdict;
    } finally {
      if (!kept) child.kill();
      this.running = undefined;
      if (this.stopped) this.pool.stop();
      else this.pool.refill();
    }
  }

  /** Writes the import graph the calls kept to the disk cache (once no call runs). */
  async release(): Promise<void> {
    await releaseGraph(this.env.cwd);
  }

  /** Ends the run under way and every runner: nothing of this server outlives it. */
  stop(): void {
    this.stopped = true;
    this.running?.abort();
    this.pool.stop();
  }
}
