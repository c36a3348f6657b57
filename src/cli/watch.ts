import { watch, type WatchHandle } from '../api/watch.js';
import { parseCommandArgs } from './args.js';
import { WATCH_HELP } from './help.js';
import { locate } from './shared.js';
import { fromBase } from '../config/project-root.js';
import { reporterInfo } from '../core/reporters.js';
import { planOutputs } from './outputs.js';

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
    format: { type: 'string', short: 'f', multiple: true },
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
  const place = locate(values.cwd);
  const { watchPrinter, watchReporter } = await import('./watch-print.js');
  const reporter = watchReporter(planOutputs({ format: values.format, json: values.json }, place.root));
  const print = await watchPrinter(reporter);
  const configFile = values.config === undefined ? undefined : fromBase(place, values.config);
  const handle = await watch({ settleMs, tags: values.tags, names: values.name, profile: values.profile, configFile, coverage: values.coverage }, { cwd: place.root }, print);
  const stopKeys = listenForKeys(handle, !reporterInfo(reporter).machine);
  const onSignal = () => void handle.stop();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  await handle.done;
  stopKeys();
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  return 0;
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
