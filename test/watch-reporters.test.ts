import { describe, expect, it } from 'vitest';
import { REPORTER_NAMES } from '../src/core/reporters.js';
import { renderAgent } from '../src/report/agent.js';
import { loadWatchRenderer, WATCH_REPORTER_NAMES, type WatchTarget } from '../src/report/watch.js';
import type { Verdict } from '../src/report/verdict.js';
import type { WatchEvent } from '../src/report/watch-event.js';

const ANSI = /\u001b\[/;
const plain: WatchTarget = { to: 'stdout', colorLevel: 0, keys: false };
const LEGEND = 'keys: a all · f failed · enter re-run · q quit';

function failingVerdict(): Verdict {
  const counts = { total: 1, passed: 0, failed: 1, undefined: 0, ambiguous: 0, pending: 0, skipped: 0 };
  return {
    schemaVersion: 3,
    tool: { name: 'specloop', version: '0.1.0', cucumber: '12.9.0' },
    status: 'failed',
    exitCode: 1,
    startedAt: new Date(0).toISOString(),
    durationMs: 12,
    counts: { scenarios: counts, steps: { ...counts } },
    scenarios: [],
    failures: [{ code: 'SPEC_STEP_FAILED', kind: 'failed-step', location: { file: 'features/todo.feature', line: 4, column: 5 }, scenario: 'A new list is empty', scenarioId: 'features/todo.feature:2', step: 'Then 1 todo remains', message: 'Expected 1, got 0', hint: 'make the code do what features/todo.feature:4 says' }],
    warnings: [],
    gates: [],
    unusedSteps: [],
    debt: null,
    summary: 'spec: 0 passed, 1 failed',
    watch: { trigger: ['features/todo.feature'], all: false, selected: [{ target: 'features/todo.feature', because: 'features/todo.feature changed' }], delta: { newlyFailing: ['features/todo.feature:2'], fixed: [] }, suite: { failing: 1, errors: 0, passed: 4, skipped: 0, notRunYet: 2 } },
  };
}

const started: WatchEvent = { type: 'run-started', trigger: ['src/a.ts', 'src/b.ts', 'src/c.ts', 'src/d.ts'], mode: 'changes', all: false, selected: [{ target: 'features/a.feature:3', because: 'x' }, { target: 'features/b.feature', because: 'y' }] };

describe('watch reporters (report/watch.ts)', () => {
  it('every reporter name of the registry says whether it renders a watch stream: the verdict reporters do, the reports of a finished run (CI files, annotations) do not', () => {
    expect(WATCH_REPORTER_NAMES).toEqual(REPORTER_NAMES.filter((name) => !['junit', 'messages', 'html', 'github'].includes(name)));
  });

  it('agent prints each run as the agent reporter does, then the whole suite, colourless even on a colour terminal', async () => {
    const render = await loadWatchRenderer('agent', { to: 'stdout', colorLevel: 3, keys: true })!;
    const verdict = failingVerdict();
    const text = render({ type: 'run-finished', verdict });
    expect(text).not.toMatch(ANSI);
    expect(text).toBe(`${renderAgent(verdict)}1 failing overall (0 fixed, 1 new), 2 not run yet\n${LEGEND}\n`);
  });

  it('human says why a run started and how much it holds, and paints the suite line by state', async () => {
    const render = await loadWatchRenderer('human', plain)!;
    expect(render(started)).toBe('\n▶ src/a.ts, src/b.ts, src/c.ts and 1 more changed → 1 scenario and every scenario of 1 spec file\n');
    expect(render({ type: 'run-started', trigger: [], mode: 'failed', all: false, selected: [], scenarios: 2 })).toBe('\n▶ failed → 2 scenarios\n');
    const coloured = await loadWatchRenderer('human', { to: 'stdout', colorLevel: 1, keys: false })!;
    expect(coloured({ type: 'run-finished', verdict: failingVerdict() })).toContain('\u001b[31m1 failing overall (0 fixed, 1 new), 2 not run yet\u001b[39m\n');
  });

  it('shows the key legend only where keys are read: at start and whenever the watcher waits', async () => {
    const withKeys = await loadWatchRenderer('human', { ...plain, keys: true })!;
    const without = await loadWatchRenderer('human', plain)!;
    expect(withKeys({ type: 'ready', watching: 9 })).toBe(`watching 9 files  ${LEGEND}\n`);
    expect(without({ type: 'ready', watching: 9 })).toBe('watching 9 files\n');
    expect(withKeys({ type: 'idle', trigger: ['src/x.ts'], reason: 'no scenario reaches the changed files' })).toBe(`src/x.ts changed: no scenario reaches the changed files\n${LEGEND}\n`);
    expect(withKeys({ type: 'run-cancelled', trigger: [], reason: 'a newer edit arrived' })).toBe('… run cancelled: a newer edit arrived\n');
    expect(without({ type: 'error', problem: { code: 'SPEC_CONFIG_INVALID', message: 'bad config' } })).toMatch(/^error.*bad config/);
  });

  it('json is one event a line, and refuses a verdict the published schema does not accept', async () => {
    const render = await loadWatchRenderer('json', plain)!;
    const verdict = failingVerdict();
    const line = render({ type: 'run-finished', verdict });
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({ type: 'run-finished', verdict });
    expect(() => render({ type: 'run-finished', verdict: { ...verdict, exitCode: 7 } as unknown as Verdict })).toThrow();
  });
});
