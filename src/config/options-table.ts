/*
 * Every option of `verify()` and `watch()` and every flag of `spec verify` and `spec watch`, in one
 * table (vitest's cli-config.ts habit): the API's option types, its zod schema (api/options.ts),
 * node:util's parseArgs definitions and --help's option lines all come from here, so a new option
 * is added once and the flag, the type and the help can't drift. Plain data: the CLI reads it on
 * its start-up path, where zod is not loaded.
 * Size: one table is the point (most of it is --help's text); split, the flags could drift again.
 */
import type { ReporterName } from '../core/reporters.js';
import { DEFAULT_REPORTER, REPORTERS, REPORTER_NAMES } from '../core/reporters.js';
import { DEFAULTS } from './defaults.js';
import type { RunConfig } from './run-config.js';
import type { UserConfig } from './schema.js';

export type Command = 'verify' | 'watch';

/** What a value is: decides the API type, the zod schema and how a flag's text becomes the option. */
export type OptionKind = 'string' | 'path' | 'boolean' | 'strings' | 'gates' | 'ms' | 'count' | 'runner' | 'reporter' | 'config' | 'signal' | 'on-output' | 'on-config';

export interface KindTypes {
  string: string;
  path: string;
  boolean: boolean;
  strings: string[];
  /** Gate names; `false` runs none (the flag's "none"). */
  gates: string[] | false;
  ms: number;
  /** A whole number, 0 or more (--retry 2). */
  count: number;
  runner: 'thread' | 'process';
  reporter: ReporterName;
  config: UserConfig;
  signal: AbortSignal;
  'on-output': (chunk: string) => void;
  'on-config': (config: RunConfig) => void;
}

export interface OptionEntry {
  /** The API option; absent for a flag only the CLI reads (reports, help). */
  readonly option?: string;
  /** The API functions that take the option. */
  readonly api?: readonly Command[];
  /** The long flag (without --); absent for an option only the API has. */
  readonly flag?: string;
  readonly short?: string;
  /** The commands that take the flag. */
  readonly cli?: readonly Command[];
  readonly kind: OptionKind;
  /** --help's left column when it is not `-s, --flag ARG`. */
  readonly arg?: string;
  /** --help's text per command: lines after the first are continuation lines. */
  readonly help?: Partial<Record<Command, string>>;
}

/** Every config file name that is looked for, from the one list loading uses: `spec.config.{ts,mts,…}`. */
export const CONFIG_NAMES = `spec.config.{${DEFAULTS.configFiles.map((f) => f.replace('spec.config.', '')).join(',')}}`;
const REPORTER_LINES = REPORTER_NAMES.map((name) => `  ${name.padEnd(9)}${REPORTERS[name].summary}`).join('\n');

export const OPTIONS = [
  { option: 'tags', api: ['verify', 'watch'], flag: 'tags', short: 't', cli: ['verify', 'watch'], kind: 'string', arg: 'EXPR', help: { verify: 'only scenarios matching a tag expression ("@smoke and not @slow")', watch: 'only scenarios matching a tag expression' } },
  { option: 'names', api: ['verify', 'watch'], flag: 'name', short: 'n', cli: ['verify', 'watch'], kind: 'strings', arg: 'REGEX', help: { verify: 'only scenarios whose name matches (repeatable)', watch: 'only scenarios whose name matches (repeatable)' } },
  { option: 'failFast', api: ['verify'], flag: 'fail-fast', cli: ['verify'], kind: 'boolean', help: { verify: 'stop at the first failure' } },
  {
    option: 'parallel',
    api: ['verify'],
    flag: 'parallel',
    cli: ['verify'],
    kind: 'count',
    arg: 'N',
    help: { verify: "run the scenarios on N of cucumber's own workers (default: the cucumber\nprofile's parallel, else 0: one runner). Per-scenario coverage is not\nrecorded then (spec watch and --changed run more until a serial run does)" },
  },
  {
    option: 'passWithNoScenarios',
    api: ['verify'],
    flag: 'pass-with-no-scenarios',
    cli: ['verify'],
    kind: 'boolean',
    help: { verify: '\npass when the selection runs no scenario (by default that fails,\nexit 1; config: "passWithNoScenarios": true). --changed with\nnothing affected always passes' },
  },
  { option: 'gates', api: ['verify'], flag: 'gate', short: 'g', cli: ['verify'], kind: 'gates', arg: 'NAME', help: { verify: 'run only these gates (repeatable, comma-separated; "debt" names the debt thresholds; "none" for none)' } },
  // Run only the scenarios that files changed in git reach (uncommitted, or since `since`).
  { option: 'changed', api: ['verify'], flag: 'changed', cli: ['verify'], kind: 'boolean', help: { verify: 'only the scenarios that files changed in git reach (uncommitted changes)' } },
  { option: 'since', api: ['verify'], flag: 'since', cli: ['verify'], kind: 'string', arg: 'REF', help: { verify: 'implies --changed: changes since a commit, branch or tag (committed too)' } },
  {
    option: 'coverage',
    api: ['verify', 'watch'],
    flag: 'coverage',
    cli: ['verify', 'watch'],
    kind: 'boolean',
    help: {
      verify: 'record which files each scenario runs code in, so --changed and watch\nselect exactly (≈ 1–2 ms a scenario; config: "coverage": true)',
      watch: 'record per-scenario coverage on every run: an edit inside function bodies\nre-runs only the scenarios that ran that code (config: "coverage": true)',
    },
  },
  {
    option: 'locked',
    api: ['verify'],
    flag: 'locked',
    cli: ['verify'],
    kind: 'boolean',
    help: { verify: 'fail (exit 1), naming each file, when a spec or step-definition file was\nadded, changed or removed since the last spec ack: the code may change,\nnever the oracle that judges it (no ack yet: exit 2)' },
  },
  // verify only: watch re-runs on every edit, where retries would hide the flakiness an edit just made (watch honours config and profile retry).
  {
    option: 'retry',
    api: ['verify'],
    flag: 'retry',
    cli: ['verify'],
    kind: 'count',
    arg: 'N',
    help: { verify: 're-run a failed scenario up to N times (overrides the config\'s and the\nprofile\'s retry); one that then passes is reported flaky, not passed' },
  },
  { option: 'retryTagFilter', api: ['verify'], flag: 'retry-tag-filter', cli: ['verify'], kind: 'string', arg: 'EXPR', help: { verify: 'retry only the scenarios matching this tag expression (and-ed with the\nconfig\'s and the profile\'s retryTagFilter, as cucumber does)' } },
  { option: 'failOnFlaky', api: ['verify'], flag: 'fail-on-flaky', cli: ['verify'], kind: 'boolean', help: { verify: 'a flaky scenario (passed only on a retry) fails the run, exit 1\n(config: "failOnFlaky": true)' } },
  { flag: 'print-config', cli: ['verify'], kind: 'boolean', help: { verify: 'print the config this run would use (spec.config, the cucumber profile\nand these flags resolved), each value with its source; runs nothing\n(--json: as JSON)' } },
  { option: 'profile', api: ['verify', 'watch'], flag: 'profile', short: 'p', cli: ['verify', 'watch'], kind: 'string', arg: 'NAME', help: { verify: 'use this cucumber.js profile', watch: 'use this cucumber.js profile' } },
  { option: 'configFile', api: ['verify', 'watch'], flag: 'config', short: 'c', cli: ['verify', 'watch'], kind: 'path', arg: 'FILE', help: { verify: `config file (default ${CONFIG_NAMES} or package.json "spec")`, watch: `config file (default ${CONFIG_NAMES} or package.json "spec")` } },
  // The folder to run from (default: the current one). The project is the nearest folder at or above
  // it with a spec.config.*, a cucumber config or a package.json; paths, configFile and changedFiles
  // are relative to it, and the verdict names files relative to the project. (watch takes it in its environment.)
  {
    option: 'cwd',
    api: ['verify'],
    flag: 'cwd',
    cli: ['verify', 'watch'],
    kind: 'path',
    arg: 'DIR',
    help: { verify: 'a folder of the project (default: the current one); its root is the\nnearest folder at or above it with spec.config.*, a cucumber config\nor package.json', watch: 'a folder of the project (its root is found at or above it)' },
  },
  // Quiet time after the last write before a run starts, ms.
  { option: 'settleMs', api: ['watch'], flag: 'settle', cli: ['watch'], kind: 'ms', arg: 'MS', help: { watch: 'quiet time after the last write before a run (default 30)' } },
  { flag: 'print-config', cli: ['watch'], kind: 'boolean', help: { watch: 'print the config every run would use, each value with its source, and\nexit without watching (--json: as JSON)' } },
  {
    flag: 'format',
    short: 'f',
    cli: ['verify', 'watch'],
    kind: 'strings',
    arg: 'NAME',
    help: {
      verify: `print the NAME report to stdout (at most one; default: the config's\n"reporter", else ${DEFAULT_REPORTER}, or agent when a coding agent is detected)`,
      // {watch-reporters}: the reporters that render a watch stream, which report/ knows (cli/help.ts fills it in).
      watch: 'print with the NAME reporter, as spec verify does, to stdout only (a watcher\nnever finishes a report file): {watch-reporters} (default human)',
    },
  },
  { arg: '-f, --format NAME:FILE', cli: ['verify'], kind: 'string', help: { verify: `also write the NAME report to FILE (repeatable; relative to the project\nroot, or absolute; written whole, never half). Reporters:\n${REPORTER_LINES}` } },
  { flag: 'reporter', short: 'r', cli: ['verify'], kind: 'string', arg: 'NAME', help: { verify: 'the same as --format NAME' } },
  { flag: 'json', cli: ['verify', 'watch'], kind: 'boolean', help: { verify: 'the same as --format json', watch: 'the same as --format json: one JSON event per line: ready, run-started,\nrun-finished (with the verdict), run-cancelled, idle, error' } },
  { flag: 'output-file', short: 'o', cli: ['verify'], kind: 'string', arg: 'FILE', help: { verify: 'the same as --format json:FILE (FILE relative to the current folder)' } },
  { flag: 'help', short: 'h', cli: ['verify', 'watch'], kind: 'boolean', help: { verify: 'show this help', watch: 'show this help' } },
  // Only the API has these.
  // Spec files or folders, optionally file:line, relative to cwd (the CLI's positionals). Empty: every configured spec.
  { option: 'paths', api: ['verify'], kind: 'strings' },
  // With `changed`: files known to have changed besides what git reports (an agent hook's edited
  // file, which git no longer lists once the agent committed it). Absolute or relative to `cwd`;
  // paths outside the project are ignored.
  { option: 'changedFiles', api: ['verify'], kind: 'strings' },
  // Overrides on top of the config file, checked like spec.config.
  { option: 'config', api: ['verify'], kind: 'config' },
  { option: 'signal', api: ['verify'], kind: 'signal' },
  // Where the scenarios run; overrides config "runner".
  { option: 'runner', api: ['verify'], kind: 'runner' },
  // Where they run when neither `runner` nor the config says. The CLI asks for a thread (it owns
  // its process); the default for an embedding host is a child process, because a thread shares
  // the host's process: cutting a step stuck in execSync kills the children started meanwhile.
  { option: 'defaultRunner', api: ['verify'], kind: 'runner' },
  // The reporter the caller will print the verdict with (verify itself never prints): recorded in
  // the resolved config, where it wins over the config's "reporter".
  { option: 'reporter', api: ['verify'], kind: 'reporter' },
  // Output the steps print, as it happens.
  { option: 'onOutput', api: ['verify'], kind: 'on-output' },
  // Told once the config is resolved, before any scenario runs: every value with its source.
  { option: 'onConfig', api: ['verify'], kind: 'on-config' },
  // Where the runner records cucumber's message stream of the run (NDJSON, absolute or relative to
  // cwd): the CLI's junit, messages and html reports are drawn from it.
  { option: 'messagesFile', api: ['verify'], kind: 'path' },
  // One slice of the suite, "I/N": the same scenarios the whole run would run, split by recorded time.
  {
    option: 'shard',
    api: ['verify'],
    flag: 'shard',
    cli: ['verify'],
    kind: 'string',
    arg: 'I/N',
    help: { verify: 'run the Ith of N slices of the scenarios (after paths, tags, names and\n--changed), balanced by the durations in .spec/durations.json; spec\nmerge joins the slices\' verdicts into one' },
  },
] as const satisfies readonly OptionEntry[];

type Entry = (typeof OPTIONS)[number];

/** The options an API function takes, typed from the table. */
export type TableOptions<C extends Command> = {
  [E in Entry as E extends { option: infer O extends string; api: readonly (infer A)[] } ? (C extends A ? O : never) : never]?: KindTypes[E['kind']];
};

type FlagEntry<C extends Command> = Entry extends infer E ? (E extends { flag: string; cli: readonly (infer X)[] } ? (C extends X ? E : never) : never) : never;

/** node:util parseArgs' definitions for a command's flags, typed so `values` is. */
export type FlagDefinitions<C extends Command> = {
  [E in FlagEntry<C> as E['flag']]: { type: E['kind'] extends 'boolean' ? 'boolean' : 'string'; multiple: E['kind'] extends 'strings' | 'gates' ? true : false; short?: string };
};

const isList = (kind: OptionKind) => kind === 'strings' || kind === 'gates';

export function flagDefinitions<C extends Command>(command: C): FlagDefinitions<C> {
  const entries = (OPTIONS as readonly OptionEntry[]).filter((e) => e.flag !== undefined && e.cli?.includes(command));
  return Object.fromEntries(entries.map((e) => [e.flag, { type: e.kind === 'boolean' ? 'boolean' : 'string', multiple: isList(e.kind), ...(e.short ? { short: e.short } : {}) }])) as FlagDefinitions<C>;
}

/** `--flag` for each option a command's flags set, so a printout names what the user typed. */
export function flagsByOption(command: Command): Record<string, string> {
  return Object.fromEntries((OPTIONS as readonly OptionEntry[]).filter((e) => e.option && e.flag && e.cli?.includes(command) && e.api?.includes(command)).map((e) => [e.option!, `--${e.flag}`]));
}

/** --help's option lines for a command, in the table's order; `width` is the left column's. */
export function optionHelp(command: Command, width: number): string {
  const rows = (OPTIONS as readonly OptionEntry[]).filter((e) => e.cli?.includes(command) && e.help?.[command] !== undefined);
  return rows
    .map((e) => {
      const left = e.flag ? `${e.short ? `-${e.short}, ` : '    '}--${e.flag}${e.arg ? ` ${e.arg}` : ''}` : e.arg!;
      const [first, ...more] = e.help![command]!.split('\n');
      const pad = ' '.repeat(width + 3);
      return [`  ${left.padEnd(width)} ${first}`.trimEnd(), ...more.map((line) => `${pad}${line}`)].join('\n');
    })
    .join('\n');
}
