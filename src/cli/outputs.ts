import { statSync } from 'node:fs';
import path from 'node:path';
import { SpecloopError } from '../core/errors.js';
import { REPORTER_NAMES, isReporterName, reporterInfo, type ReporterName } from '../core/reporters.js';

/** One report a run writes: a registered reporter to stdout (no file) or to a file. */
export interface Output {
  name: ReporterName;
  /** Absolute; undefined for stdout. */
  file?: string;
  /** The flag as the user wrote it, so a message names what they typed. */
  flag: string;
}

export interface OutputFlags {
  format?: string[];
  reporter?: string;
  json?: boolean;
  outputFile?: string;
}

/**
 * Every report the flags ask for, checked before anything runs: `--format NAME` (stdout) and
 * `--format NAME:FILE` the way cucumber-js reads them, `--reporter`/`--json` and `--output-file` as
 * shorthands for `--format NAME` and `--format json:FILE`. At most one goes to stdout; when none
 * does, the caller picks one (config, else detection). FILE is relative to `root`, or absolute.
 */
export function planOutputs(flags: OutputFlags, root: string): Output[] {
  const outputs: Output[] = [];
  const shorthand = flags.json ? 'json' : flags.reporter;
  if (shorthand !== undefined) outputs.push({ name: known(shorthand, 'reporter'), flag: flags.json ? '--json' : `--reporter ${shorthand}` });
  // --output-file resolves against the folder spec was started in, as it always has.
  if (flags.outputFile) outputs.push({ name: 'json', file: path.resolve(flags.outputFile), flag: `--output-file ${path.resolve(flags.outputFile)}` });
  for (const value of flags.format ?? []) outputs.push(parseFormat(value, root));
  for (const output of outputs) if (output.file === undefined && reporterInfo(output.name).fileOnly) throw new SpecloopError({ code: 'SPEC_USAGE', message: `${output.flag}: the ${output.name} report is written to a file, not to a terminal`, hint: `write --format ${output.name}:FILE` });
  refuseClashes(outputs);
  return outputs;
}

function parseFormat(value: string, root: string): Output {
  // The name never holds a colon, so the first one splits it from a path that may (C:\…).
  const colon = value.indexOf(':');
  const name = known(colon === -1 ? value : value.slice(0, colon), 'format');
  if (colon === -1) return { name, flag: `--format ${value}` };
  const file = value.slice(colon + 1);
  if (file === '') throw new SpecloopError({ code: 'SPEC_USAGE', message: `--format ${value} names no file`, hint: `write --format ${name} for stdout, or --format ${name}:FILE` });
  return { name, file: path.resolve(root, file), flag: `--format ${value}` };
}

function known(name: string, what: 'reporter' | 'format'): ReporterName {
  if (isReporterName(name)) return name;
  throw new SpecloopError({ code: 'SPEC_USAGE', message: `unknown ${what} "${name}"`, hint: `use one of: ${REPORTER_NAMES.join(', ')}` });
}

function refuseClashes(outputs: Output[]): void {
  const toStdout = outputs.filter((o) => o.file === undefined);
  if (toStdout.length > 1) {
    throw new SpecloopError({ code: 'SPEC_USAGE', message: `only one report can go to stdout, and ${toStdout.map((o) => o.flag).join(' and ')} both send one there`, hint: 'send the others to files: --format NAME:FILE' });
  }
  const seen = new Map<string, Output>();
  for (const output of outputs) {
    if (output.file === undefined) continue;
    const earlier = seen.get(output.file);
    if (earlier) throw new SpecloopError({ code: 'SPEC_USAGE', message: `${earlier.flag} and ${output.flag} write the same file`, hint: 'give each report its own file' });
    seen.set(output.file, output);
  }
}

/**
 * A report path that names an existing folder: said as such before anything runs, with a file in
 * it as the example (writing would otherwise fail at the end, on a rename of a temp file).
 */
export function refuseFolder(file: string, flag: string, example: string): void {
  let folder = false;
  try {
    folder = statSync(file).isDirectory();
  } catch {
    return;
  }
  if (!folder) return;
  const named = path.relative(process.cwd(), file) || '.';
  throw new SpecloopError({ code: 'SPEC_OUTPUT_UNWRITABLE', message: `cannot write ${flag}: ${named} is a folder`, hint: `name a file in it, e.g. ${path.join(named, example)}` });
}
