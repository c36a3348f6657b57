import { fstatSync } from 'node:fs';
import type { ChalkInstance } from 'chalk';
import type { WatchEvent } from '../api/watch.js';
import { renderProblem } from '../report/problem.js';
import type { Verdict } from '../report/verdict.js';

type RunStarted = Extract<WatchEvent, { type: 'run-started' }>;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Keys work where someone can type them: a terminal, or a pipe a harness writes lines to (not
 * /dev/null or a file). There the legend is shown at start and again whenever the watcher waits.
 */
export function keysAreRead(): boolean {
  if (process.stdin.isTTY) return true;
  try {
    const stat = fstatSync(0);
    return stat.isFIFO() || stat.isSocket();
  } catch {
    return false;
  }
}

export async function humanPrinter(): Promise<(event: WatchEvent) => void> {
  const [{ renderTerminal }, { colorFor }] = await Promise.all([import('../report/terminal.js'), import('../report/color.js')]);
  const c = colorFor(process.stdout, process.env);
  const legend = keysAreRead() ? c.dim('keys: a all · f failed · enter re-run · q quit') : '';
  const out = (text: string) => void process.stdout.write(text);
  const waiting = () => (legend ? out(`${legend}\n`) : undefined);
  return (event) => {
    switch (event.type) {
      case 'ready':
        return out(`${c.dim(`watching ${event.watching} files`)}${legend ? `  ${legend}` : ''}\n`);
      case 'run-started':
        return out(c.cyan(`\n▶ ${runHeading(event)}\n`));
      case 'run-finished':
        out(`${renderTerminal(event.verdict, c)}${suiteLine(event.verdict, c)}`);
        return waiting();
      case 'run-cancelled':
        return out(c.dim(`… run cancelled: ${event.reason}\n`));
      case 'idle':
        out(c.dim(`${event.trigger.length ? `${event.trigger.join(', ')} changed: ` : ''}${event.reason}\n`));
        return waiting();
      case 'error':
        out(`${renderProblem(event.problem, c, c.red('error'))}\n`);
        return waiting();
    }
  };
}

/** `src/a.ts changed → 3 scenarios`, `failed → 2 scenarios`: why the run happened and how many scenarios it holds. */
export function runHeading(event: RunStarted): string {
  const t = event.trigger;
  const why = t.length ? `${t.slice(0, 3).join(', ')}${t.length > 3 ? ` and ${t.length - 3} more` : ''} changed → ` : event.mode === 'failed' ? 'failed → ' : event.mode === 'last' ? 're-run → ' : '';
  return `${why}${event.all ? 'every scenario' : selectionSize(event)}`;
}

function selectionSize(event: RunStarted): string {
  if (event.scenarios !== undefined) return plural(event.scenarios, 'scenario');
  const files = event.selected.filter((s) => !/:\d+$/.test(s.target)).length;
  const ids = event.selected.length - files;
  return [ids ? plural(ids, 'scenario') : '', files ? `every scenario of ${plural(files, 'spec file')}` : ''].filter(Boolean).join(' and ');
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
