import { fstatSync } from 'node:fs';
import type { WatchEvent } from '../api/watch.js';
import { SpecloopError } from '../core/errors.js';
import type { ReporterName } from '../core/reporters.js';
import type { Output } from './outputs.js';

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

/**
 * The reporter `spec watch` prints with: the one --format/--json names, else human (a watcher is
 * watched by a person; a harness or an agent asks for json or agent). Stdout only: a watcher runs
 * until it is stopped, so a report file would never hold a finished report.
 */
export function watchReporter(outputs: Output[]): ReporterName {
  const file = outputs.find((o) => o.file !== undefined);
  if (file) {
    throw new SpecloopError({ code: 'SPEC_USAGE', message: `watch prints its report to stdout only, and ${file.flag} names a file`, hint: `write --format ${file.name} (stdout), or run spec verify --format ${file.name}:FILE for a report file` });
  }
  return outputs[0]?.name ?? 'human';
}

/** Writes each event as the reporter renders it, to stdout. */
export async function watchPrinter(name: ReporterName): Promise<(event: WatchEvent) => void> {
  const [{ loadWatchRenderer, WATCH_REPORTER_NAMES }, { colorLevel }] = await Promise.all([import('../report/watch.js'), import('../report/color.js')]);
  const render = loadWatchRenderer(name, { to: 'stdout', colorLevel: colorLevel(process.stdout, process.env), keys: keysAreRead() });
  if (!render) {
    throw new SpecloopError({ code: 'SPEC_USAGE', message: `the ${name} reporter reports a finished run, which a watcher never has`, hint: `spec watch prints with: ${WATCH_REPORTER_NAMES.join(', ')}` });
  }
  const print = await render;
  return (event) => void process.stdout.write(print(event));
}
