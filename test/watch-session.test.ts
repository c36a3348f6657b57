import { EventEmitter } from 'node:events';
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeEnvironment } from '../src/core/env.js';
import type { VerifyDetails } from '../src/watch/types.js';
import type { Verdict } from '../src/report/verdict.js';
import type { Runner } from '../src/run/runner.js';
import type { SupportJob } from '../src/run/protocol.js';
import { WatchSession, type SessionDeps } from '../src/watch/session.js';
import type { WatchEvent } from '../src/watch/types.js';
import { tempDir } from './helpers.js';

// The session's scheduling against fakes it cannot tell from the real thing: a file watcher the
// test emits events on, runners that only record being killed, and runs the test ends itself.

const SETTLE_MS = 20;

/** Three scenarios over two step files, as a previous run recorded them. */
function project(): string {
  const root = tempDir('specloop-watch-session-');
  const files: Record<string, string> = {
    'features/a.feature': 'Feature: A\n\n  Scenario: one\n    Given a\n\n\n\n  Scenario: two\n    Given a\n',
    'features/b.feature': 'Feature: B\n\n  Scenario: three\n    Given b\n',
    'steps/a.steps.js': "const { Given } = require('@cucumber/cucumber');\nGiven('a', () => {});\n",
    'steps/b.steps.js': "const { Given } = require('@cucumber/cucumber');\nGiven('b', () => {});\n",
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  const scenario = (file: string, line: number, step: string) => ({ id: `${file}:${line}`, file, line, stepFiles: [step] });
  const map = {
    version: 1,
    scenarios: [scenario('features/a.feature', 3, 'steps/a.steps.js'), scenario('features/a.feature', 8, 'steps/a.steps.js'), scenario('features/b.feature', 3, 'steps/b.steps.js')],
    globalSupportFiles: [],
    supportFiles: ['steps/a.steps.js', 'steps/b.steps.js'],
    // As a run records them: an edit that keeps a step file's patterns reaches only its scenarios.
    stepPatterns: { 'steps/a.steps.js': ['a'], 'steps/b.steps.js': ['b'] },
  };
  mkdirSync(path.join(root, '.spec'));
  writeFileSync(path.join(root, '.spec/scenario-map.json'), JSON.stringify(map));
  return root;
}

interface FakeRunner {
  alive: boolean;
  lastRss: number;
  /** What the run on it loaded (the real run's stages call load()); what it was asked to pre-load. */
  lastSupport?: SupportJob;
  preloads: SupportJob[];
  /** The support the session forked it for: the last run's, or none yet. */
  forkedFor?: SupportJob;
  load(support: SupportJob): void;
  kill(): void;
}

/** One run the session started; the test ends it, as the real run would end (also after an abort). */
interface Call {
  paths: string[];
  signal: AbortSignal;
  runner: FakeRunner;
  /** The edited files a reused runner is told to re-read (absent on a cold runner). */
  invalidate: string[] | undefined;
  /** `kept`: the run left its runner alive and loaded, as a clean run of CommonJS steps does. */
  finish(statuses?: Record<string, string>, kept?: boolean): void;
  fail(error: Error): void;
}

function fakes(root: string) {
  const runners: FakeRunner[] = [];
  const calls: Call[] = [];
  let active = 0;
  let mostAtOnce = 0;
  /** What the session asked the watcher to follow beyond the project, call by call. */
  const added: string[][] = [];
  const watcher = Object.assign(new EventEmitter(), {
    closed: false,
    close: async () => void (watcher.closed = true),
    getWatched: () => ({}),
    add: (paths: string[]) => void added.push(paths),
  });
  const deps: SessionDeps = {
    fork: (_root, _env, _output, support) => {
      const runner: FakeRunner = { alive: true, lastRss: 0, preloads: [], forkedFor: support, load: (support) => void runner.preloads.push(support), kill: () => void (runner.alive = false) };
      runners.push(runner);
      return runner as unknown as Runner;
    },
    runScenarios: (child, options) => {
      active++;
      mostAtOnce = Math.max(mostAtOnce, active);
      return new Promise<VerifyDetails>((resolve, reject) => {
        const end = () => active--;
        (child as unknown as FakeRunner).lastSupport = { requirePaths: ['steps/a.steps.js'], importPaths: [], requireModules: [], module: 'esm', timeout: 5000, ...(options.invalidate ? { invalidate: options.invalidate } : {}) };
        calls.push({
          invalidate: options.invalidate,
          paths: options.paths ?? [],
          signal: options.signal!,
          runner: child as unknown as FakeRunner,
          finish: (statuses = {}, kept = false) => {
            end();
            resolve({ ...details(statuses), kept });
          },
          fail: (error) => {
            end();
            reject(error);
          },
        });
      });
    },
    watchFiles: (() => {
      setImmediate(() => watcher.emit('ready'));
      return watcher;
    }) as unknown as SessionDeps['watchFiles'],
  };
  const edit = (file: string) => watcher.emit('all', 'change', path.join(root, file));
  return { deps, runners, calls, watcher, edit, added, mostAtOnce: () => mostAtOnce };
}

function details(statuses: Record<string, string>): VerifyDetails {
  const scenarios = Object.entries(statuses).map(([id, status]) => ({ id, status, file: id.replace(/:\d+$/, ''), line: Number(id.split(':')[1]), name: id, feature: 'F', tags: [], durationMs: 0, steps: [] }));
  const verdict = { scenarios, failures: [] } as unknown as Verdict;
  return { verdict, result: undefined, sourceOf: () => '', supportFiles: [], supportGlobs: [], specFiles: ['features/a.feature', 'features/b.feature'], partial: false, wholeFiles: [], kept: false };
}

const ALL_PASS = { 'features/a.feature:3': 'passed', 'features/a.feature:8': 'passed', 'features/b.feature:3': 'passed' };

const sessions: WatchSession[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(sessions.splice(0).map((s) => s.stop()));
});

async function started(root = project()) {
  const f = fakes(root);
  const events: WatchEvent[] = [];
  const session = new WatchSession(makeEnvironment({ cwd: root, env: {} }), { settleMs: SETTLE_MS }, (e) => events.push(e), f.deps);
  sessions.push(session);
  await session.start();
  const ofType = <T extends WatchEvent['type']>(type: T) => events.filter((e): e is Extract<WatchEvent, { type: T }> => e.type === type);
  /** Waits for the n-th run (1-based) to start. */
  const call = async (n: number) => {
    await vi.waitFor(() => expect(f.calls.length).toBeGreaterThanOrEqual(n), { timeout: 2_000, interval: 5 });
    return f.calls[n - 1]!;
  };
  return { ...f, root, session, events, ofType, call };
}

/** Long enough for a settled burst (and the trailing re-check) to have scheduled whatever it would. */
const quiet = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS * 6));

describe('WatchSession scheduling', () => {
  it('runs everything first, then only what an edit reaches', async () => {
    const w = await started();
    const first = await w.call(1);
    expect(first.paths).toEqual([]);
    expect(w.ofType('run-started')[0]).toMatchObject({ mode: 'all', all: true });
    first.finish(ALL_PASS);
    w.edit('steps/b.steps.js');
    const second = await w.call(2);
    expect(second.paths).toEqual(['features/b.feature:3']);
    second.finish({ 'features/b.feature:3': 'passed' });
    await vi.waitFor(() => expect(w.ofType('run-finished')).toHaveLength(2));
  });

  it('cancels a run when an edit arrives during it, waits for it to end, then runs both edits together', async () => {
    const w = await started();
    (await w.call(1)).finish(ALL_PASS);
    w.edit('steps/a.steps.js');
    const stale = await w.call(2);
    expect(stale.paths.sort()).toEqual(['features/a.feature:3', 'features/a.feature:8']);
    w.edit('steps/b.steps.js');
    await vi.waitFor(() => expect(stale.signal.aborted).toBe(true));
    await quiet();
    // The cancelled run has not ended yet: nothing else may start on top of it.
    expect(w.calls).toHaveLength(2);
    stale.finish({ 'features/a.feature:3': 'passed' });
    const next = await w.call(3);
    expect(next.paths.sort()).toEqual(['features/a.feature:3', 'features/a.feature:8', 'features/b.feature:3']);
    expect(w.ofType('run-cancelled')).toEqual([expect.objectContaining({ trigger: ['steps/a.steps.js'] })]);
    expect(w.ofType('run-started').at(-1)!.trigger.sort()).toEqual(['steps/a.steps.js', 'steps/b.steps.js']);
    next.finish(ALL_PASS);
    await vi.waitFor(() => expect(w.ofType('run-finished')).toHaveLength(2));
    // The stale run's result was never reported as a verdict.
    expect(w.ofType('run-finished').map((e) => e.verdict.watch?.trigger.length)).toEqual([0, 2]);
    expect(w.mostAtOnce()).toBe(1);
  });

  it('never runs two at once, however edits and keys interleave with runs', async () => {
    const w = await started();
    const sequence = ['steps/a.steps.js', 'a', 'steps/b.steps.js', 'f', 'features/a.feature', 'last', 'steps/a.steps.js'];
    let finished = 0;
    for (const step of sequence) {
      if (step === 'a' || step === 'f' || step === 'last') w.session.rerun(step === 'a' ? 'all' : step === 'f' ? 'failed' : 'last');
      else w.edit(step);
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS / 2));
      // End whatever run is in flight about half of the time, so requests land both during and between runs.
      const open = w.calls.slice(finished);
      if (open.length && step.length % 2) for (const c of open) c.finish(ALL_PASS), finished++;
    }
    for (let i = 0; i < 20 && w.calls.length > finished; i++) {
      for (const c of w.calls.slice(finished)) c.finish(ALL_PASS), finished++;
      await quiet();
    }
    expect(w.calls.length).toBeGreaterThan(2);
    expect(w.mostAtOnce()).toBe(1);
  });

  it('turns a burst of edits into one run covering every file of the burst', async () => {
    const w = await started();
    (await w.call(1)).finish(ALL_PASS);
    for (let i = 0; i < 30; i++) w.edit(i % 2 ? 'steps/a.steps.js' : 'steps/b.steps.js');
    const run = await w.call(2);
    await quiet();
    // One run, never cancelled by a later write of the same burst.
    expect(w.calls).toHaveLength(2);
    expect(run.signal.aborted).toBe(false);
    expect(run.paths.sort()).toEqual(['features/a.feature:3', 'features/a.feature:8', 'features/b.feature:3']);
    expect(w.ofType('run-cancelled')).toEqual([]);
  });

  it('runs the scenarios failing now before the others an edit reaches', async () => {
    const w = await started();
    (await w.call(1)).finish({ ...ALL_PASS, 'features/a.feature:8': 'failed' });
    w.edit('steps/a.steps.js');
    expect((await w.call(2)).paths).toEqual(['features/a.feature:8', 'features/a.feature:3']);
  });

  it("'a' runs every scenario, 'f' the failing ones, 'last' the last selection again", async () => {
    const w = await started();
    (await w.call(1)).finish({ ...ALL_PASS, 'features/b.feature:3': 'failed' });
    w.edit('steps/a.steps.js');
    (await w.call(2)).finish({ 'features/a.feature:3': 'passed', 'features/a.feature:8': 'passed' });
    await vi.waitFor(() => expect(w.ofType('run-finished')).toHaveLength(2));

    w.session.rerun('failed');
    const failed = await w.call(3);
    expect(failed.paths).toEqual(['features/b.feature:3']);
    expect(w.ofType('run-started').at(-1)).toMatchObject({ mode: 'failed', all: false });
    failed.finish({ 'features/b.feature:3': 'passed' });
    await vi.waitFor(() => expect(w.ofType('run-finished')).toHaveLength(3));

    w.session.rerun('last');
    const last = await w.call(4);
    expect(last.paths.sort()).toEqual(['features/a.feature:3', 'features/a.feature:8']);
    expect(w.ofType('run-started').at(-1)).toMatchObject({ mode: 'last', all: false });
    last.finish({ 'features/a.feature:3': 'passed', 'features/a.feature:8': 'passed' });
    await vi.waitFor(() => expect(w.ofType('run-finished')).toHaveLength(4));

    w.session.rerun('all');
    const all = await w.call(5);
    expect(all.paths).toEqual([]);
    expect(w.ofType('run-started').at(-1)).toMatchObject({ mode: 'all', all: true });
    all.finish(ALL_PASS);
    await vi.waitFor(() => expect(w.ofType('run-finished')).toHaveLength(5));

    // Nothing failing now: 'f' runs nothing and says so.
    w.session.rerun('failed');
    await vi.waitFor(() => expect(w.ofType('idle').at(-1)?.reason).toMatch(/nothing is failing/));
    expect(w.calls).toHaveLength(5);
  });

  it('reports a run that throws as an error and keeps watching', async () => {
    const w = await started();
    (await w.call(1)).fail(new Error('runner vanished'));
    await vi.waitFor(() => expect(w.ofType('error')[0]?.problem).toMatchObject({ code: 'SPEC_INTERNAL', message: 'runner vanished' }));
    expect(w.calls[0]!.runner.alive).toBe(false);
    w.edit('steps/b.steps.js');
    expect((await w.call(2)).paths).toEqual(['features/b.feature:3']);
  });

  it('stop() leaves no timer, watcher or runner behind, and starts nothing after', async () => {
    const w = await started();
    const inFlight = await w.call(1);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    // An edit in its quiet window: the settler's timer and the trailing re-check are pending.
    w.edit('steps/a.steps.js');
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    await w.session.stop();
    expect(vi.getTimerCount()).toBe(0);
    expect(w.watcher.closed).toBe(true);
    expect(inFlight.signal.aborted).toBe(true);
    // The run ends as an aborted run does; its runner goes with it, and no spare replaces it.
    inFlight.finish();
    vi.useRealTimers();
    await quiet();
    expect(w.runners.length).toBeGreaterThan(0);
    expect(w.runners.filter((r) => r.alive)).toEqual([]);
    w.edit('steps/b.steps.js');
    w.session.rerun('all');
    await quiet();
    expect(w.calls).toHaveLength(1);
  });

  it('stop() between runs kills the spare runner forked for the next run', async () => {
    const w = await started();
    (await w.call(1)).finish(ALL_PASS);
    await vi.waitFor(() => expect(w.ofType('run-finished')).toHaveLength(1));
    expect(w.runners.filter((r) => r.alive)).toHaveLength(1);
    await w.session.stop();
    expect(w.runners.filter((r) => r.alive)).toEqual([]);
  });

  it('reuses a warm runner for edits, and replaces it after 30 runs on it', async () => {
    const w = await started();
    (await w.call(1)).finish(ALL_PASS, true);
    for (let n = 2; n <= 32; n++) {
      w.edit(n % 2 ? 'steps/a.steps.js' : 'steps/b.steps.js');
      (await w.call(n)).finish({}, true);
      await vi.waitFor(() => expect(w.ofType('run-finished')).toHaveLength(n));
    }
    const runnerOf = (n: number) => w.calls[n - 1]!.runner;
    // The full run's runner holds the whole suite: never kept. The first edit's runner serves 30 runs.
    expect(runnerOf(2)).not.toBe(runnerOf(1));
    for (let n = 3; n <= 31; n++) expect(runnerOf(n)).toBe(runnerOf(2));
    expect(runnerOf(32)).not.toBe(runnerOf(31));
    expect(runnerOf(31).alive).toBe(false);
  });

  it('forks each runner after the first for the steps the last run loaded (its young generation depends on them)', async () => {
    const w = await started();
    const full = await w.call(1);
    expect(full.runner.forkedFor).toBeUndefined();
    full.finish(ALL_PASS, true);
    await vi.waitFor(() => expect(w.ofType('run-finished')).toHaveLength(1));
    w.edit('steps/a.steps.js');
    const next = await w.call(2);
    // The whole run's runner is retired; the next is forked knowing what it loaded.
    expect(next.runner).not.toBe(full.runner);
    expect(next.runner.forkedFor).toEqual(full.runner.lastSupport);
    next.finish({}, true);
  });

  it("retires a runner past its memory line in the quiet time after its run, and the spare loads that run's support code before the next edit", async () => {
    const w = await started();
    (await w.call(1)).finish(ALL_PASS, true);
    w.edit('steps/a.steps.js');
    const cold = await w.call(2);
    expect(cold.invalidate).toBeUndefined();
    cold.runner.lastRss = 200 * 1024 * 1024;
    cold.finish({}, true);
    await vi.waitFor(() => expect(w.ofType('run-finished')).toHaveLength(2));
    expect(cold.runner.alive).toBe(false);
    const spare = w.runners.find((r) => r.alive)!;
    expect(spare.preloads).toEqual([{ requirePaths: ['steps/a.steps.js'], importPaths: [], requireModules: [], module: 'esm', timeout: 5000 }]);
    w.edit('steps/b.steps.js');
    const next = await w.call(3);
    expect(next.runner).toBe(spare);
    // It loaded once already: this run is a reload, told what was edited, as on a warm runner.
    expect(next.invalidate).toEqual([path.join(w.root, 'steps/b.steps.js')]);
    next.finish({}, true);
    await vi.waitFor(() => expect(w.ofType('run-finished')).toHaveLength(3));
  });

  it('does not use a spare that pre-loaded before a config file changed, nor pre-load one while a run waits', async () => {
    const w = await started();
    (await w.call(1)).finish(ALL_PASS, true);
    w.edit('steps/a.steps.js');
    const second = await w.call(2);
    second.runner.lastRss = 200 * 1024 * 1024;
    second.finish({}, true);
    await vi.waitFor(() => expect(w.ofType('run-finished')).toHaveLength(2));
    const preloaded = w.runners.find((r) => r.alive)!;
    expect(preloaded.preloads).toHaveLength(1);
    writeFileSync(path.join(w.root, 'tsconfig.json'), '{}');
    w.edit('tsconfig.json');
    const third = await w.call(3);
    expect(third.runner).not.toBe(preloaded);
    expect(preloaded.alive).toBe(false);
    expect(third.invalidate).toBeUndefined();
    // An edit during the run cancels it: the spare forked for the waiting run starts cold, unloaded.
    w.edit('steps/b.steps.js');
    await vi.waitFor(() => expect(third.signal.aborted).toBe(true));
    third.finish();
    const fourth = await w.call(4);
    expect(fourth.runner.preloads).toEqual([]);
    expect(fourth.invalidate).toBeUndefined();
    fourth.finish({}, true);
  });

  it('does not cancel a run for a second report of the write it already reads, and does for a new write', async () => {
    const w = await started();
    (await w.call(1)).finish(ALL_PASS);
    writeFileSync(path.join(w.root, 'steps/a.steps.js'), "const { Given } = require('@cucumber/cucumber');\nGiven('a', () => 1);\n");
    w.edit('steps/a.steps.js');
    const running = await w.call(2);
    w.edit('steps/a.steps.js');
    await quiet();
    expect(running.signal.aborted).toBe(false);
    writeFileSync(path.join(w.root, 'steps/a.steps.js'), "const { Given } = require('@cucumber/cucumber');\nGiven('a', () => 2);\n");
    w.edit('steps/a.steps.js');
    await vi.waitFor(() => expect(running.signal.aborted).toBe(true));
    running.finish();
    (await w.call(3)).finish({}, true);
    await vi.waitFor(() => expect(w.ofType('run-finished')).toHaveLength(2));
    expect(w.calls).toHaveLength(3);
  });

  it('a run stop() cuts short is cancelled because watch stopped (q, Ctrl-C, SIGTERM), not by an edit', async () => {
    const w = await started();
    const inFlight = await w.call(1);
    await w.session.stop();
    inFlight.finish();
    await vi.waitFor(() => expect(w.ofType('run-cancelled')).toHaveLength(1));
    expect(w.ofType('run-cancelled')[0]!.reason).toBe('watch stopped');
  });

  it('a run a key cuts short (a, f, enter) is cancelled as a re-run asked for, not by an edit', async () => {
    const w = await started();
    const inFlight = await w.call(1);
    w.session.rerun('all');
    await vi.waitFor(() => expect(inFlight.signal.aborted).toBe(true));
    inFlight.finish();
    await vi.waitFor(() => expect(w.ofType('run-cancelled')).toHaveLength(1));
    expect(w.ofType('run-cancelled')[0]!.reason).toBe('a re-run was asked for');
  });

  it('follows imports beyond the project again only when an edit moves them, not on every edit', async () => {
    // The project in a git work tree, its steps importing a file beside it: watch follows that file.
    const root = project();
    const tree = tempDir('specloop-watch-tree-');
    execFileSync('git', ['init', '-q'], { cwd: tree });
    const app = path.join(tree, 'app');
    renameSync(root, app);
    mkdirSync(path.join(tree, 'shared'));
    for (const name of ['lib.js', 'two.js']) writeFileSync(path.join(tree, 'shared', name), 'module.exports = 1;\n');
    const steps = (body: string) => writeFileSync(path.join(app, 'steps/a.steps.js'), `const { Given } = require('@cucumber/cucumber');\n${body}Given('a', () => {});\n`);
    steps("require('../../shared/lib.js');\n");
    const w = await started(app);
    (await w.call(1)).finish(ALL_PASS);
    expect(w.added).toEqual([[path.join(tree, 'shared', 'lib.js')]]);
    // A body edit keeps the imports: nothing more to follow, and the graph is not walked again for it.
    steps("require('../../shared/lib.js');\nconst kept = 2;\n");
    w.edit('steps/a.steps.js');
    (await w.call(2)).finish({ 'features/a.feature:3': 'passed', 'features/a.feature:8': 'passed' });
    expect(w.added).toHaveLength(1);
    steps("require('../../shared/lib.js');\nrequire('../../shared/two.js');\n");
    w.edit('steps/a.steps.js');
    (await w.call(3)).finish({ 'features/a.feature:3': 'passed', 'features/a.feature:8': 'passed' });
    expect(w.added.at(-1)).toContain(path.join(tree, 'shared', 'two.js'));
  });

  it('stop() drops a request queued behind the run it cancels', async () => {
    const w = await started();
    const inFlight = await w.call(1);
    w.session.rerun('failed');
    await w.session.stop();
    inFlight.finish();
    await quiet();
    expect(w.calls).toHaveLength(1);
    expect(w.runners.filter((r) => r.alive)).toEqual([]);
  });
});
