import { parseArgs, type ParseArgsConfig } from 'node:util';
import { SpecloopError } from '../core/errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util's strict parser: an unknown option is a usage error (exit 2), never silently ignored. */
type Parsed<T extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>>;

export function parseCommandArgs<T extends Options>(command: string, argv: string[], options: T): Parsed<T> {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new SpecloopError({ code: 'SPEC_USAGE', message: `${command}: ${message}`, hint: `see spec ${command} --help` });
  }
}

/** `--gate a,b --gate c` → [a, b, c]. */
export function splitList(values: string[] | undefined): string[] | undefined {
  return values?.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}
