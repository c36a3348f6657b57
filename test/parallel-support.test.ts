import { describe, expect, it } from 'vitest';
import type * as messages from '@cucumber/messages';
import type { RunProgress } from '../src/core/run-result.js';
import { RunCollector } from '../src/run/collect.js';
import { oldestOpenStep, workerErrorCause } from '../src/run/parallel-support.js';
import type { Heartbeat } from '../src/run/watchdog.js';
import { workersOf } from '../src/run/workers.js';

function recording(): { inner: Heartbeat; calls: string[] } {
  const calls: string[] = [];
  return { calls, inner: { started: (p) => calls.push(`started ${p.step}`), finished: () => calls.push('finished'), stop: () => calls.push('stop') } };
}

const at = (step: string): RunProgress => ({ uri: 'a.feature', line: 1, scenario: 's', step });

describe('oldestOpenStep', () => {
  it('keeps showing the oldest running step while another worker starts and finishes steps', () => {
    const { inner, calls } = recording();
    const beat = oldestOpenStep(inner);
    beat.started(at('blocked'), 'case-a');
    beat.started(at('b1'), 'case-b');
    beat.finished('case-b');
    beat.started(at('b2'), 'case-b');
    beat.finished('case-b');
    // Nothing reached the watchdog after the blocked step: it keeps timing that one.
    expect(calls).toEqual(['started blocked']);
  });

  it('moves to the next oldest when the oldest finishes, and says finished when none runs', () => {
    const { inner, calls } = recording();
    const beat = oldestOpenStep(inner);
    beat.started(at('a1'), 'case-a');
    beat.started(at('b1'), 'case-b');
    beat.finished('case-a');
    beat.finished('case-b');
    expect(calls).toEqual(['started a1', 'started b1', 'finished']);
  });

  it("restarts the clock for a scenario's next step, even when it is the only one running", () => {
    const { inner, calls } = recording();
    const beat = oldestOpenStep(inner);
    beat.started(at('a1'), 'case-a');
    beat.started(at('a2'), 'case-a');
    expect(calls).toEqual(['started a1', 'started a2']);
  });
});

/** The envelopes of a two-scenario run, as workers would send them: the second scenario finishes first. */
function run(finishFirst: boolean): messages.Envelope[] {
  const pickle = (id: string, line: number): messages.Envelope => ({ pickle: { id, uri: 'features/a.feature', name: id, language: 'en', steps: [], tags: [], astNodeIds: [`ast-${line}`] } });
  const testCase = (id: string, pickleId: string): messages.Envelope => ({ testCase: { id, pickleId, testSteps: [] } });
  const started = (id: string, testCaseId: string): messages.Envelope => ({ testCaseStarted: { id, testCaseId, attempt: 0, timestamp: { seconds: 0, nanos: 0 } } });
  const finished = (id: string): messages.Envelope => ({ testCaseFinished: { testCaseStartedId: id, willBeRetried: false, timestamp: { seconds: 0, nanos: 0 } } });
  return [pickle('first', 3), pickle('second', 7), testCase('tc1', 'first'), testCase('tc2', 'second'), started('s2', 'tc2'), finished('s2'), started('s1', 'tc1'), ...(finishFirst ? [finished('s1')] : [])];
}

describe('RunCollector on workers', () => {
  it('reports scenarios in the order cucumber compiled them, whatever order they finished in', () => {
    const collector = new RunCollector();
    for (const envelope of run(true)) collector.onEnvelope(envelope);
    expect(collector.finish().scenarios.map((s) => s.name)).toEqual(['first', 'second']);
  });

  it('fails the run, naming the scenario, when a worker ended before it finished', () => {
    const collector = new RunCollector();
    for (const envelope of run(false)) collector.onEnvelope(envelope);
    collector.endedEarly();
    const result = collector.finish();
    expect(result.success).toBe(false);
    expect(result.runErrors).toEqual([expect.objectContaining({ code: 'SPEC_PARALLEL_WORKER_ENDED', message: expect.stringContaining('while "first"'), at: expect.objectContaining({ uri: 'features/a.feature' }) })]);
  });

  it('counts the scenario a worker ended in as failed, beside the one that finished', () => {
    const collector = new RunCollector();
    for (const envelope of run(false)) collector.onEnvelope(envelope);
    collector.endedEarly();
    expect(collector.finish().scenarios.map((s) => `${s.name} ${s.status}`)).toEqual(['first failed', 'second passed']);
  });

  it("keeps cucumber's own reason, even when nothing was left unfinished", () => {
    const collector = new RunCollector();
    for (const envelope of run(true)) collector.onEnvelope(envelope);
    collector.runError({ type: 'Error', message: 'Worker 0 exited unexpectedly with code 0' });
    collector.endedEarly();
    expect(collector.finish().runErrors).toEqual([expect.objectContaining({ code: 'SPEC_PARALLEL_WORKER_ENDED', message: 'a cucumber worker ended (Worker 0 exited unexpectedly with code 0)' })]);
  });

  it('adds nothing when every scenario finished', () => {
    const collector = new RunCollector();
    for (const envelope of run(true)) collector.onEnvelope(envelope);
    collector.endedEarly();
    expect(collector.finish().runErrors).toEqual([]);
  });
});

describe('workersOf', () => {
  const profile = { workers: 3, ignoredInWatch: { code: 'SPEC_PROFILE_PARALLEL_IGNORED' as const, message: 'm', hint: 'h' } };
  const overlay = { parallel: profile } as unknown as Parameters<typeof workersOf>[1];

  it("takes the option over the profile's parallel, and notes the coverage it does not record", () => {
    expect(workersOf({ parallel: 2 }, overlay).parallel).toBe(2);
    expect(workersOf({ parallel: 0 }, overlay).parallel).toBe(0);
    const fromProfile = workersOf({}, overlay);
    expect(fromProfile.parallel).toBe(3);
    expect(fromProfile.notes(true).map((n) => n.code)).toEqual(['SPEC_PARALLEL_NO_COVERAGE']);
    expect(fromProfile.notes(false)).toEqual([]);
  });

  it('keeps watch in its one runner, and says so when the profile asks for workers', () => {
    const watch = workersOf({ runKind: 'watch' }, overlay);
    expect(watch.parallel).toBe(0);
    expect(watch.notes(true).map((n) => n.code)).toEqual(['SPEC_PROFILE_PARALLEL_IGNORED']);
  });
});

describe('workerErrorCause', () => {
  // cucumber 13's testRunFinished when a thread worker's World constructor threw (its text, verbatim in shape).
  const said = {
    message: 'Error on worker 1',
    stack: 'Error: Error on worker 1\n    at WorkerThreadsAdapter.handleErrorFromWorker (/p/node_modules/@cucumber/cucumber/lib/runtime/parallel/adapter.js:166:19)\nCaused by: Error: db not configured\n    at new BankWorld (/p/test/support/world.js:5:11)',
  };

  it('takes the worker thread’s own error out of "Caused by:"', () => {
    expect(workerErrorCause(said)).toEqual({ type: 'Error', message: 'db not configured', stack: 'Error: db not configured\n    at new BankWorld (/p/test/support/world.js:5:11)' });
  });

  it('keeps the class of a named error and the text of a thrown string', () => {
    expect(workerErrorCause({ ...said, stack: 'Error: Error on worker 0\nCaused by: TypeError: x is not a function\n    at f (/p/a.js:1:1)' })).toMatchObject({ type: 'TypeError', message: 'x is not a function' });
    expect(workerErrorCause({ ...said, stack: 'Error: Error on worker 0\nCaused by: no database' })).toMatchObject({ type: 'Error', message: 'no database' });
  });

  it('says nothing for a rejection that is not a worker ending, or one with no cause', () => {
    expect(workerErrorCause({ message: 'a BeforeAll hook errored', stack: 'Error: x\nCaused by: Error: y' })).toBeUndefined();
    expect(workerErrorCause({ message: 'Worker 0 exited unexpectedly with code 1', stack: 'Error: Worker 0 exited unexpectedly with code 1\n    at x' })).toBeUndefined();
    expect(workerErrorCause(undefined)).toBeUndefined();
  });
});
