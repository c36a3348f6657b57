import { watch, type WatchEvent, type WatchHandle } from '../api/watch.js';
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
    'print-config': { type: 'boolean' },
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
  if (values['print-config']) return printConfig(values);
  const print = values.json ? await jsonPrinter() : await (await import('./watch-print.js')).humanPrinter();
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

/** The config every run of this watch resolves to (a child process runs them, as watch's runs do). */
async function printConfig(values: { tags?: string; name?: string[]; profile?: string; config?: string; cwd?: string; coverage?: boolean; json?: boolean }): Promise<number> {
  const [{ inspectConfig }, { renderConfig, flagsOf }] = await Promise.all([import('../api/config.js'), import('./print-config.js')]);
  const resolved = await inspectConfig({ cwd: locate(values.cwd).base, tags: values.tags, names: values.name, profile: values.profile, configFile: values.config, coverage: values.coverage, runner: 'process' });
  // watch always runs its scenarios in a child process: its own default, not a choice of the user's.
  process.stdout.write(await renderConfig(resolved, flagsOf(WATCH_FLAGS, ['runner']), values.json));
  return 0;
}

const WATCH_FLAGS: Record<string, string> = { tags: '--tags', names: '--name', profile: '--profile', coverage: '--coverage' };

/** One NDJSON event per line, verdicts validated against the published schema. */
async function jsonPrinter(): Promise<(event: WatchEvent) => void> {
  const { VerdictSchema } = await import('../report/verdict.js');
  return (event) => {
    if (event.type === 'run-finished') VerdictSchema.parse(event.verdict);
    process.stdout.write(`${JSON.stringify(event)}\n`);
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
