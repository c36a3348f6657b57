import { watch, type WatchHandle, type WatchOptions } from '../api/watch.js';
import { optionsFromFlags, parseCommandArgs } from './args.js';
import { flagDefinitions, flagsByOption } from '../config/options-table.js';
import { watchHelp } from './help.js';
import { locate } from './shared.js';
import { fromBase } from '../config/project-root.js';
import { reporterInfo } from '../core/reporters.js';
import { planOutputs } from './outputs.js';
import { watchExitTracker, type StopCause } from './watch-exit.js';

export async function runWatch(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs('watch', argv, flagDefinitions('watch'));
  if (values.help) {
    process.stdout.write(watchHelp((await import('../report/watch.js')).WATCH_REPORTER_NAMES));
    return 0;
  }
  // A bad flag value (--settle x) is reported before a missing project: it is the mistake to fix first.
  const given = optionsFromFlags('watch', values);
  const place = locate(values.cwd);
  const options: WatchOptions = { ...given, configFile: values.config === undefined ? undefined : fromBase(place, values.config) };
  if (values['print-config']) return printConfig(options, place.root, values.json);
  const { watchPrinter, watchReporter } = await import('./watch-print.js');
  const reporter = watchReporter(planOutputs({ format: values.format, json: values.json }, place.root));
  const print = await watchPrinter(reporter);
  const exit = watchExitTracker();
  const handle = await watch(options, { cwd: place.root }, (event) => (exit.see(event), print(event)));
  const stop = (cause: StopCause) => (exit.stopped(cause), void handle.stop());
  const stopKeys = listenForKeys(handle, stop, !reporterInfo(reporter).machine);
  const onSignal = (signal: NodeJS.Signals) => stop(signal === 'SIGINT' ? 'SIGINT' : 'SIGTERM');
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  await handle.done;
  stopKeys();
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  return exit.exitCode();
}

/** The config every run of this watch resolves to (a child process runs them, as watch's runs do). */
async function printConfig(options: WatchOptions, root: string, json: boolean | undefined): Promise<number> {
  const [{ inspectConfig }, { renderConfig, flagsOf }] = await Promise.all([import('../api/config.js'), import('./print-config.js')]);
  const { settleMs: _settle, ...given } = options;
  const inspected = await inspectConfig({ ...given, cwd: root, runner: 'process' });
  // watch runs every pass in its one warm runner, whatever workers the profile asks for.
  const resolved = { ...inspected, values: { ...inspected.values, parallel: { value: 0, sources: [{ kind: 'default' as const }] } } };
  // watch always runs its scenarios in a child process: its own default, not a choice of the user's.
  process.stdout.write(await renderConfig(resolved, flagsOf(flagsByOption('watch'), ['runner']), json));
  return 0;
}

/**
 * Keys on an interactive terminal: a all, f failed, enter re-run, q (or Ctrl-C) quit. A harness
 * without a terminal may send the same as lines on stdin ("a", "f", "", "q").
 */
function listenForKeys(handle: WatchHandle, stop: (cause: StopCause) => void, enabled: boolean): () => void {
  const stdin = process.stdin;
  if (!enabled && stdin.isTTY) return () => undefined;
  const act = (key: string) => {
    if (key === 'q') stop('quit');
    else if (key === '\u0003') stop('SIGINT');
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
