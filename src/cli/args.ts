import { parseArgs, type ParseArgsConfig } from 'node:util';
import { SpecloopError } from '../core/errors.js';
import { OPTIONS, type Command, type OptionEntry, type TableOptions } from '../config/options-table.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util's strict parser: an unknown option is a usage error (exit 2), never silently ignored. */
type Parsed<T extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>>;

export function parseCommandArgs<T extends Options>(command: string, argv: string[], options: T): Parsed<T> {
  try {
    return parseArgs({ args: negativeValuesJoined(argv, options), options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new SpecloopError({ code: 'SPEC_USAGE', message: `${command}: ${message}`, hint: `see spec ${command} --help` });
  }
}

/**
 * `--retry -1` → `--retry=-1`: node's parser reads `-1` as an option and says the argument is
 * missing, where the user gave a value. Joined, the value reaches our own check, which says what
 * the option takes.
 */
function negativeValuesJoined(argv: string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const next = argv[i + 1];
    if (flag === '--') return [...out, ...argv.slice(i)];
    const takesValue = flag.startsWith('--') && options[flag.slice(2)]?.type === 'string';
    if (takesValue && next !== undefined && /^-\d/.test(next)) out.push(`${flag}=${argv[++i]}`);
    else out.push(flag);
  }
  return out;
}

/** `--gate a,b --gate c` → [a, b, c]. */
export function splitList(values: string[] | undefined): string[] | undefined {
  return values?.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

/**
 * The API options a command's flags set, by the options table: `--gate a,b --gate none` → gates,
 * `--settle 50` → settleMs. A flag the user left out sets nothing.
 */
export function optionsFromFlags<C extends Command>(command: C, values: Record<string, unknown>): TableOptions<C> {
  const options: Record<string, unknown> = {};
  for (const entry of OPTIONS as readonly OptionEntry[]) {
    if (!entry.option || !entry.flag || !entry.cli?.includes(command) || !entry.api?.includes(command)) continue;
    const raw = values[entry.flag];
    if (raw !== undefined) options[entry.option] = fromFlag(command, entry, raw);
  }
  return options as TableOptions<C>;
}

function fromFlag(command: Command, entry: OptionEntry, raw: unknown): unknown {
  if (entry.kind === 'gates') {
    const gates = splitList(raw as string[]);
    return gates && gates.length === 1 && gates[0] === 'none' ? false : gates;
  }
  if (entry.kind === 'ms') {
    const ms = Number(raw);
    if (Number.isFinite(ms) && ms >= 0) return ms;
    throw new SpecloopError({ code: 'SPEC_USAGE', message: `${command}: --${entry.flag} must be a number of milliseconds, got "${String(raw)}"`, hint: `e.g. --${entry.flag} 50` });
  }
  if (entry.kind === 'count') {
    const count = Number(raw);
    if (/^\d+$/.test(String(raw)) && Number.isSafeInteger(count)) return count;
    throw new SpecloopError({ code: 'SPEC_USAGE', message: `${command}: --${entry.flag} must be a whole number, 0 or more, got "${String(raw)}"`, hint: `e.g. --${entry.flag} 2` });
  }
  return raw;
}
