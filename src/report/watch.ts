/**
 * Watch's output through the reporter registry: `spec watch --format NAME` renders each event with
 * the renderer registered here under NAME (core/reporters.ts's names). A text reporter prints each
 * run's verdict with its own verdict renderer (report/reporters.ts) and, after it, the whole
 * suite's line; the events between runs are a line each. json is NDJSON, one event a line. A
 * renderer returns text and never prints; the CLI writes it.
 */
import type { ChalkInstance } from 'chalk';
import type { ReporterName } from '../core/reporters.js';
import { deltaLine } from './debt-text.js';
import { renderProblem } from './problem.js';
import { loadRenderer, type RenderTarget } from './reporters.js';
import type { Verdict } from './verdict.js';
import type { WatchEvent } from './watch-event.js';
import { nameFew } from '../core/name-few.js';

export type RenderEvent = (event: WatchEvent) => string;

export interface WatchTarget extends RenderTarget {
  /** Keys are read (a terminal, or a pipe a harness writes lines to): the legend says which, at start and whenever the watcher waits. */
  readonly keys: boolean;
}

type RunStarted = Extract<WatchEvent, { type: 'run-started' }>;

// Each name says whether it renders a stream of runs: undefined for a report that needs a whole,
// finished run (a JUnit file), which `spec watch` then refuses by name.
const WATCH_RENDERERS: Record<ReporterName, ((target: WatchTarget) => Promise<RenderEvent>) | undefined> = {
  human: (target) => textStream('human', target),
  // Plain, like the agent's verdicts: an agent reads colour codes as noise.
  agent: (target) => textStream('agent', { ...target, colorLevel: 0 }),
  json: () => ndjson(),
  junit: undefined,
  messages: undefined,
  html: undefined,
  github: undefined,
};

export const WATCH_REPORTER_NAMES = (Object.keys(WATCH_RENDERERS) as ReporterName[]).filter((name) => WATCH_RENDERERS[name] !== undefined);

/** The renderer `spec watch --format NAME` prints with; undefined when NAME renders finished runs only. */
export function loadWatchRenderer(name: ReporterName, target: WatchTarget): Promise<RenderEvent> | undefined {
  return WATCH_RENDERERS[name]?.(target);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

async function textStream(name: ReporterName, target: WatchTarget): Promise<RenderEvent> {
  const [renderVerdict, { Chalk }] = await Promise.all([loadRenderer(name, target), import('chalk')]);
  const c = new Chalk({ level: target.colorLevel });
  const legend = target.keys ? c.dim('keys: a all · f failed · enter re-run · q quit') : '';
  const waiting = legend ? `${legend}\n` : '';
  return (event) => {
    switch (event.type) {
      case 'ready':
        return `${c.dim(`watching ${event.watching} files`)}${legend ? `  ${legend}` : ''}\n`;
      case 'run-started':
        return c.cyan(`\n▶ ${runHeading(event)}\n`);
      case 'run-finished':
        return `${renderVerdict(event.verdict)}${suiteLine(event.verdict, c)}${debtLine(event.verdict, c)}${waiting}`;
      case 'run-cancelled':
        return c.dim(`… run cancelled: ${event.reason}\n`);
      case 'idle':
        return `${c.dim(`${event.trigger.length ? `${event.trigger.join(', ')} changed: ` : ''}${event.reason}\n`)}${event.debt ? `${c.dim(event.debt.line)}\n` : ''}${waiting}`;
      case 'error':
        return `${renderProblem(event.problem, c, c.red('error'))}\n${waiting}`;
    }
  };
}

/** One event a line, for a harness; each verdict checked against the published schema first. */
async function ndjson(): Promise<RenderEvent> {
  const { VerdictSchema } = await import('./verdict.js');
  return (event) => {
    if (event.type === 'run-finished') VerdictSchema.parse(event.verdict);
    return `${JSON.stringify(event)}\n`;
  };
}

/** `src/a.ts changed → 3 scenarios`, `failed → 2 scenarios`: why the run happened and how many scenarios it holds. */
export function runHeading(event: RunStarted): string {
  const t = event.trigger;
  const why = t.length ? `${nameFew(t)} changed → ` : event.mode === 'failed' ? 'failed → ' : event.mode === 'last' ? 're-run → ' : '';
  return `${why}${event.all ? 'every scenario' : selectionSize(event)}`;
}

function selectionSize(event: RunStarted): string {
  if (event.scenarios !== undefined) return plural(event.scenarios, 'scenario');
  const files = event.selected.filter((s) => !/:\d+$/.test(s.target)).length;
  const ids = event.selected.length - files;
  return [ids ? plural(ids, 'scenario') : '', files ? `every scenario of ${plural(files, 'spec file')}` : ''].filter(Boolean).join(' and ');
}

/** Debt after the run, one line: what moved, and what the run could not measure (nothing only when debt is off). */
function debtLine(verdict: Verdict, c: ChalkInstance): string {
  const line = verdict.watch?.debt?.line ?? deltaLine(verdict.debt?.delta ?? null);
  return line ? `${c.dim(line)}\n` : '';
}

/** `4 failing overall (1 fixed, 0 new)`: the whole suite, beside the subset the run above reported. */
export function suiteLine(verdict: Verdict, c: ChalkInstance): string {
  const watch = verdict.watch;
  if (!watch?.suite) return '';
  const { failing, errors, notRunYet } = watch.suite;
  const delta = `(${watch.delta.fixed.length} fixed, ${watch.delta.newlyFailing.length} new)`;
  const head = `${failing} failing overall ${delta}`;
  const rest = `${errors ? `, ${errors} of them outside any scenario (a spec that does not parse, steps that do not load)` : ''}${notRunYet ? `, ${notRunYet} not run yet` : ''}`;
  const paint = failing ? c.red : notRunYet ? c.yellow : c.green;
  return `${paint(head + rest)}\n`;
}
