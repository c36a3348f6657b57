import { watch, type WatchEvent, type WatchHandle } from '../api/watch.js';
import { formatLocation } from '../core/errors.js';
import { parseCommandArgs } from './args.js';
import { WATCH_HELP } from './help.js';
import { locate } from './shared.js';
import { fromBase } from '../config/project-root.js';

export async function runWatch(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs('watch', argv, {
    tags: { type: 'string', short: 't' },
    name: { type: 'string', short: 'n', multiple: true },
    profile: { type: 'string', short: 'p' },
    config: { type: 'string', short: 'c' },
    cwd: { type: 'string' },
    settle: { type: 'string' },
    coverage: { type: 'boolean' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(WATCH_HELP);
    return 0;
  }
  const settleMs = values.settle === undefined ? undefined : Number(values.settle);
  if (settleMs !== undefined && (!Number.isFinite(settleMs) || settleMs < 0)) {
    const { SpecloopError } = await import('../core/errors.js');
    throw new SpecloopError({ code: 'SPEC_USAGE', message: `watch: --settle must be a number of milliseconds, got "${values.settle}"`, hint: 'e.g. --settle 50' });
  }
  const print = values.json ? await jsonPrinter() : await humanPrinter();
  const place = locate(values.cwd);
  const configFile = values.config === undefined ? undefined : fromBase(place, values.config);
  const handle = await watch({ settleMs, tags: values.tags, names: values.name, profile: values.profile, configFile, coverage: values.coverage }, { cwd: place.root }, print);
  const stopKeys = listenForKeys(handle, !values.json);
  const onSignal = () => void handle.stop();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  await handle.done;
  stopKeys();
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  return 0;
}

/** One NDJSON event per line, verdicts validated against the published schema. */
async function jsonPrinter(): Promise<(event: WatchEvent) => void> {
  const { VerdictSchema } = await import('../report/verdict.js');
  return (event) => {
    if (event.type === 'run-finished') VerdictSchema.parse(event.verdict);
    process.stdout.write(`${JSON.stringify(event)}\n`);
  };
}

async function humanPrinter(): Promise<(event: WatchEvent) => void> {
  const [{ renderTerminal }, { colorFor }] = await Promise.all([import('../report/terminal.js'), import('../report/color.js')]);
  const c = colorFor(process.stdout, process.env);
  const keys = process.stdin.isTTY ? c.dim('  keys: a all · f failed · enter re-run · q quit') : '';
  return (event) => {
    switch (event.type) {
      case 'ready':
        return void process.stdout.write(`${c.dim(`watching ${event.watching} files`)}${keys}\n`);
      case 'run-started': {
        const what = event.all ? 'every scenario' : `${event.selected.length} scenario${event.selected.length === 1 ? '' : 's'}`;
        const why = event.trigger.length ? `${event.trigger.slice(0, 3).join(', ')}${event.trigger.length > 3 ? ` and ${event.trigger.length - 3} more` : ''} changed → ` : '';
        return void process.stdout.write(c.cyan(`\n▶ ${why}${what}\n`));
      }
      case 'run-finished': {
        const delta = event.verdict.watch?.delta;
        const changes = delta ? [delta.newlyFailing.length ? c.red(`${delta.newlyFailing.length} newly failing`) : '', delta.fixed.length ? c.green(`${delta.fixed.length} fixed`) : ''].filter(Boolean).join(', ') : '';
        return void process.stdout.write(`${renderTerminal(event.verdict, c)}${changes ? `${changes}\n` : ''}`);
      }
      case 'run-cancelled':
        return void process.stdout.write(c.dim(`… run cancelled: ${event.reason}\n`));
      case 'idle':
        return void process.stdout.write(c.dim(`${event.trigger.join(', ')} changed: ${event.reason}\n`));
      case 'error':
        return void process.stdout.write(c.red(`error ${event.problem.location ? `${formatLocation(event.problem.location)} ` : ''}${event.problem.message} (${event.problem.code})\n`));
    }
  };
}

/**
 * Keys on an interactive terminal: a all, f failed, enter re-run, q (or Ctrl-C) quit. A harness
 * without a terminal may send the same as lines on stdin ("a", "f", "", "q").
 */
function listenForKeys(handle: WatchHandle, enabled: boolean): () => void {
  const stdin = process.stdin;
  if (!enabled && stdin.isTTY) return () => undefined;
  const act = (key: string) => {
    if (key === 'q' || key === '\u0003') void handle.stop();
    else if (key === 'a') handle.rerun('all');
    else if (key === 'f') handle.rerun('failed');
    else if (key === '\r' || key === '') handle.rerun('last');
  };
  const onData = (chunk: Buffer) => {
    const text = chunk.toString();
    if (stdin.isTTY) for (const key of text) act(key);
    else for (const line of text.split('\n').slice(0, -1)) act(line.trim());
  };
  if (stdin.isTTY) stdin.setRawMode(true);
  stdin.on('data', onData);
  stdin.resume();
  return () => {
    stdin.off('data', onData);
    if (stdin.isTTY) stdin.setRawMode(false);
    stdin.pause();
  };
}
