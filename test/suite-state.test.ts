import { describe, expect, it } from 'vitest';
import type { Verdict } from '../src/report/verdict.js';
import { SuiteState } from '../src/watch/suite-state.js';

type Outcome = [id: string, status: string];

function verdict(scenarios: Outcome[], failures: Partial<Verdict['failures'][number]>[] = []): Verdict {
  return {
    scenarios: scenarios.map(([id, status]) => ({ id, status, file: id.replace(/:\d+$/, ''), line: Number(id.split(':')[1]), name: id, feature: 'F', tags: [], durationMs: 0, steps: [] })),
    failures: failures.map((f) => ({ kind: 'parse-error', code: 'SPEC_PARSE', message: 'x', hint: 'h', ...f })),
  } as unknown as Verdict;
}

const everything = { all: true, paths: [], deleted: [] };

describe('SuiteState: the whole suite over the runs of a watch session', () => {
  it('keeps a failing scenario failing while runs of other scenarios pass', () => {
    const suite = new SuiteState();
    suite.record(verdict([['a.feature:3', 'passed'], ['b.feature:3', 'passed']]), everything);
    expect(suite.record(verdict([['a.feature:3', 'failed']]), { all: false, paths: ['a.feature:3'], deleted: [] })).toEqual({ newlyFailing: ['a.feature:3'], fixed: [] });
    expect(suite.record(verdict([['b.feature:3', 'passed']]), { all: false, paths: ['b.feature'], deleted: [] })).toEqual({ newlyFailing: [], fixed: [] });
    expect(suite.summary(['a.feature:3', 'b.feature:3'])).toEqual({ failing: 1, errors: 0, passed: 1, skipped: 0, notRunYet: 0 });
    expect(suite.record(verdict([['a.feature:3', 'passed']]), { all: false, paths: ['a.feature:3'], deleted: [] })).toEqual({ newlyFailing: [], fixed: ['a.feature:3'] });
    expect(suite.summary([]).failing).toBe(0);
  });

  it('forgets a deleted spec file: its failing scenarios and its parse error leave the counts', () => {
    const suite = new SuiteState();
    suite.record(verdict([['a.feature:3', 'passed'], ['b.feature:3', 'failed'], ['b.feature:9', 'passed']], [{ location: { file: 'c.feature', line: 2 } } as never]), everything);
    expect(suite.summary([]).failing).toBe(2);
    suite.forget(['b.feature', 'c.feature']);
    expect(suite.summary(['a.feature:3'])).toEqual({ failing: 0, errors: 0, passed: 1, skipped: 0, notRunYet: 0 });
    expect(suite.failing()).toEqual([]);
    expect(suite.problemFiles()).toEqual([]);
  });

  it('counts the scenarios the map knows and no run has run as not run yet', () => {
    const suite = new SuiteState();
    suite.record(verdict([['a.feature:3', 'passed']]), { all: false, paths: ['a.feature'], deleted: [] });
    expect(suite.summary(['a.feature:3', 'a.feature:9', 'c.md:4'])).toMatchObject({ passed: 1, notRunYet: 2 });
  });

  it('forgets scenarios gone from a spec file that ran whole, and those of a deleted file', () => {
    const suite = new SuiteState();
    suite.record(verdict([['a.feature:3', 'failed'], ['a.feature:9', 'passed'], ['b.feature:2', 'failed']]), everything);
    suite.record(verdict([['a.feature:4', 'passed']]), { all: false, paths: ['a.feature'], deleted: ['b.feature'] });
    expect(suite.failing()).toEqual([]);
    expect(suite.summary([])).toMatchObject({ failing: 0, passed: 1 });
  });

  it('counts a spec that stops parsing as failing, its old scenarios as passing no more, until a run covers it cleanly', () => {
    const suite = new SuiteState();
    suite.record(verdict([['a.feature:3', 'passed'], ['b.feature:3', 'passed']]), everything);
    suite.record(verdict([], [{ location: { file: 'a.feature', line: 5 } }]), { all: false, paths: ['a.feature'], deleted: [] });
    expect(suite.summary([])).toMatchObject({ failing: 1, errors: 1, passed: 1 });
    expect(suite.problemFiles()).toEqual(['a.feature']);
    // A run elsewhere does not clear it: it did not look at a.feature.
    suite.record(verdict([['b.feature:3', 'passed']]), { all: false, paths: ['b.feature:3'], deleted: [] });
    expect(suite.summary([])).toMatchObject({ failing: 1, errors: 1 });
    suite.record(verdict([['a.feature:3', 'passed']]), { all: false, paths: ['a.feature'], deleted: [] });
    expect(suite.summary([])).toMatchObject({ failing: 0, errors: 0, passed: 2 });
  });

  it('a run that failed to load keeps every last status and asks for every scenario', () => {
    const suite = new SuiteState();
    suite.record(verdict([['a.feature:3', 'failed'], ['b.feature:3', 'passed']]), everything);
    suite.record(verdict([], [{ kind: 'support-error', code: 'SPEC_SUPPORT_LOAD' }]), everything);
    expect(suite.summary([])).toMatchObject({ failing: 2, errors: 1, passed: 1 });
    expect(suite.problemFiles()).toBeUndefined();
    suite.record(verdict([['a.feature:3', 'failed'], ['b.feature:3', 'passed']]), everything);
    expect(suite.summary([])).toMatchObject({ failing: 1, errors: 0 });
  });

  it('takes a step file that does not load, wherever it points, as the whole run\'s problem, cleared by a run that loads', () => {
    const suite = new SuiteState();
    suite.record(verdict([['a.feature:3', 'passed'], ['b.feature:3', 'passed']]), everything);
    suite.record(verdict([], [{ kind: 'support-error', code: 'SPEC_SUPPORT_LOAD', location: { file: 'steps/a.steps.js', line: 9 } }]), everything);
    expect(suite.problemFiles()).toBeUndefined();
    expect(suite.summary(['a.feature:3', 'b.feature:3'])).toMatchObject({ failing: 1, errors: 1, passed: 2, notRunYet: 0 });
    suite.record(verdict([['a.feature:3', 'passed']]), { all: false, paths: ['a.feature:3'], deleted: [] });
    expect(suite.problemFiles()).toEqual([]);
    expect(suite.summary(['a.feature:3', 'b.feature:3'])).toMatchObject({ failing: 0, errors: 0, passed: 2 });
  });

  it('does not call the first run\'s failures new: there is no before', () => {
    const suite = new SuiteState();
    expect(suite.record(verdict([['a.feature:3', 'failed']]), everything).newlyFailing).toEqual([]);
    expect(suite.record(verdict([['a.feature:3', 'failed'], ['a.feature:9', 'failed']]), everything).newlyFailing).toEqual(['a.feature:9']);
  });
});
