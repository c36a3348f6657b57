/**
 * Every code specloop reports, in one table: how it ends a run, what kind of failure it is, what it
 * means and the usual fix. The verdict schema's enum, the exit code, the closing line's labels and
 * the README's table of codes are all read from here, so a code cannot exist in one and not the others.
 *
 * Size: over 10 KB because it is the one table of every code; split, a code could again live in one
 * place and not the other.
 */

/** What kind of failure a verdict entry is; reporters group and label by it. */
export const FAILURE_KINDS = [
  'failed-step',
  'undefined',
  'ambiguous',
  'pending',
  'parse-error',
  'hook-error',
  'gate-error',
  'timeout',
  'config-error',
  'support-error',
  'run-error',
  'no-steps',
  'flaky',
  // spec verify --locked: a spec or step file differs from the reviewed ack (the oracle itself changed, not the config).
  'oracle-changed',
] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

export interface ErrorCodeEntry {
  /** 2: bad input, the run cannot be trusted; 1: something failed; 0: only ever a warning, never changes the exit code. */
  exit: 0 | 1 | 2;
  kind: FailureKind;
  /** Names the failure in the closing line's parentheses when the kind's own word says too little. */
  label?: string;
  description: string;
  fix: string;
}

export const ERROR_CODES = {
  SPEC_USAGE: { exit: 2, kind: 'config-error', label: 'usage error', description: 'a command, option or argument spec does not take', fix: 'see `spec --help` or `spec COMMAND --help`' },
  SPEC_NO_GIT: { exit: 2, kind: 'config-error', label: 'no git repository', description: '`--changed` (or an agent hook) needs git, and git finds no repository here', fix: 'run without `--changed`, or inside a git work tree' },
  SPEC_GIT_REVISION: { exit: 2, kind: 'config-error', label: 'unknown revision', description: 'git cannot compare with the commit, branch or tag `--since` names', fix: 'name a commit, branch or tag that exists (e.g. `--since main`)' },
  SPEC_OUTPUT_UNWRITABLE: { exit: 2, kind: 'config-error', label: 'unwritable output', description: 'a file or folder spec was told to write cannot be written', fix: 'name a path in a folder you can write to' },
  SPEC_OPTION_INVALID: { exit: 2, kind: 'config-error', description: 'an option passed to the library API is unknown or of the wrong type', fix: 'see "Library API" in this README for what each function takes' },
  SPEC_PROJECT_NOT_FOUND: { exit: 2, kind: 'config-error', description: 'no `spec.config.*`, cucumber config or `package.json` at or above the folder', fix: 'run spec inside your project, or pass `--cwd` a folder of it' },
  SPEC_DIR_UNUSABLE: { exit: 2, kind: 'config-error', label: 'unusable .spec', description: "the project's `.spec` is a file, cannot be written, or holds a folder where a record file goes (or a file where a folder goes): the run's records (history, scenario map, compiled specs, the ack) would be lost", fix: 'move the thing named away or delete it (specloop makes it again), or give your user write access to `.spec/`' },
  SPEC_PATH_NOT_FOUND: { exit: 2, kind: 'config-error', label: 'missing path', description: 'a path given on the command line (or as `cwd`) does not exist', fix: 'name an existing spec file or folder' },
  SPEC_PATH_OUTSIDE_PROJECT: { exit: 2, kind: 'config-error', label: 'path outside the project', description: 'a spec path or glob leaves the project root', fix: 'name specs inside the project, or run spec from the project that holds them' },
  SPEC_NO_SCENARIO_AT_LINE: { exit: 2, kind: 'config-error', label: 'no scenario at line', description: '`file:line` names a line where no scenario or example row starts', fix: 'name the line of a Scenario, Scenario Outline or example row (the hint lists them)' },
  SPEC_CONFIG_NOT_FOUND: { exit: 2, kind: 'config-error', description: 'the config file named with `--config` does not exist', fix: 'name an existing config file, or drop `--config`' },
  SPEC_CONFIG_INVALID: { exit: 2, kind: 'config-error', description: 'spec.config has an unknown key or a value of the wrong type', fix: 'fix the key the message names (it suggests the nearest known one)' },
  SPEC_CONFIG_LOAD: { exit: 2, kind: 'config-error', description: 'the config file throws or does not parse when loaded', fix: 'fix the error in the config file at the line named' },
  SPEC_CONFIG_IGNORED: { exit: 0, kind: 'config-error', description: 'more than one config file exists; only the first found is read', fix: 'delete or merge the ignored one' },
  SPEC_FILTER_INVALID: { exit: 2, kind: 'config-error', label: 'invalid filter', description: 'a `--tags` expression or `--name` pattern (from the command, config or profile) does not parse', fix: 'fix the expression, e.g. `@smoke and not @slow`' },
  SPEC_RETRY_FILTER_WITHOUT_RETRY: { exit: 2, kind: 'config-error', label: 'retryTagFilter without retry', description: 'a `retryTagFilter` is set while `retry` is 0: cucumber-js refuses it, and it would retry nothing', fix: 'set a retry count (`--retry N`, `retry` in spec.config or the profile), or remove retryTagFilter' },
  SPEC_NO_SPECS: { exit: 2, kind: 'config-error', label: 'no specs', description: 'the project has no spec files where spec looks for them', fix: 'write a spec under `features/` (`spec init` makes one), or set `specs` in spec.config' },
  SPEC_NO_SCENARIOS: { exit: 1, kind: 'config-error', label: 'no scenario ran', description: 'the paths or filters select no scenario, so nothing was checked', fix: 'widen the selection, or pass `--pass-with-no-scenarios` when that is expected' },
  SPEC_ALL_SKIPPED: { exit: 1, kind: 'config-error', label: 'every scenario skipped', description: "every scenario that ran was skipped (a Before hook or step returned 'skipped'), so nothing was checked", fix: 'run the scenarios somewhere they are not skipped, or pass `--pass-with-no-scenarios` when skipping them all is expected' },
  SPEC_PARSE: { exit: 2, kind: 'parse-error', description: 'a spec does not parse as Gherkin', fix: 'fix the spec at the line named' },
  SPEC_MARKDOWN: { exit: 2, kind: 'parse-error', description: 'a Markdown spec cannot be compiled (a table row, front matter or heading that does not fit)', fix: 'fix the Markdown at the line named' },
  SPEC_FRONT_MATTER_KEY: { exit: 0, kind: 'parse-error', description: "a Markdown spec's front matter has a key or status specloop does not know", fix: 'check the spelling; unknown keys are ignored' },
  SPEC_TABLE_NO_DELIMITER: { exit: 0, kind: 'parse-error', description: 'a Markdown table has no `|---|` delimiter row', fix: 'add the delimiter row under the header, so GitHub shows it as a table' },
  SPEC_STEP_NOT_LISTED: { exit: 0, kind: 'parse-error', description: 'steps under a Markdown scenario are plain lines, not list items: they run, but Markdown shows them as one run-on paragraph', fix: 'make each step a list item (`- Given …`)' },
  SPEC_STEP_DROPPED: { exit: 1, kind: 'parse-error', label: 'step not run', description: 'a line under a Markdown scenario reads like a step (a keyword in another case, a checklist, a blockquote, a nested item, a code block, an HTML block or a heading) but is none, or step list items stand under no scenario (a heading without its colon, an acceptance-criteria section), so the check it states does not run (a failure under strict mode, else a warning)', fix: 'make it a top-level list item starting with the keyword as written (`- Then …`), or reword it so it does not start with a step keyword' },
  SPEC_NO_STEPS: { exit: 1, kind: 'no-steps', label: 'scenario with no steps', description: 'a scenario has no steps, so it checks nothing (a failure under strict mode, else a warning)', fix: 'add steps under the scenario, or delete it until it has some' },
  SPEC_CUCUMBER_MISSING: { exit: 2, kind: 'config-error', label: 'cucumber missing', description: "`@cucumber/cucumber` is not installed in the project (specloop drives the project's own copy)", fix: 'npm install --save-dev @cucumber/cucumber' },
  SPEC_CUCUMBER_UNSUPPORTED: { exit: 2, kind: 'config-error', label: 'unsupported cucumber', description: 'the installed `@cucumber/cucumber` is a major version specloop does not support, or needs another Node than this one (its `engines`)', fix: 'install a supported version (8 to 13) that runs on this Node, or run a Node it supports' },
  SPEC_PROFILE_REJECTED: { exit: 2, kind: 'config-error', description: 'cucumber rejects an option of the cucumber profile', fix: 'fix or remove the option in the profile file named' },
  SPEC_PROFILE_LOADER_DROPPED: { exit: 0, kind: 'config-error', description: "the profile's `loader` is not used: specloop loads steps itself", fix: 'nothing to do, or drop `loader` from the profile' },
  SPEC_PROFILE_LOADER_REFUSED: { exit: 0, kind: 'config-error', description: "the profile's `loader` names tsx, which tsx 4 refuses to be: `npx cucumber-js` fails before any scenario while specloop, which compiles TypeScript itself, runs them", fix: 'drop `loader` and preload tsx where cucumber-js runs (NODE_OPTIONS="--import tsx")' },
  SPEC_PROFILE_DRY_RUN: { exit: 2, kind: 'config-error', description: "the cucumber profile sets `dryRun`: spec verify and spec watch judge a suite by running it, and a dry run would run no step", fix: 'check how steps bind without running them with `spec steps`, or pick a profile without dryRun (--profile)' },
  SPEC_PROFILE_PARALLEL_IGNORED: { exit: 0, kind: 'config-error', description: "spec watch ignores the profile's `parallel` (spec verify honours it)", fix: 'nothing to do: watch re-runs in its one warm runner' },
  SPEC_SUPPORT_LOAD: { exit: 1, kind: 'support-error', description: 'a step or support file throws when it is loaded', fix: 'fix the error at the file and line named' },
  SPEC_UNDEFINED_PARAMETER_TYPE: { exit: 1, kind: 'support-error', label: 'undefined parameter type', description: 'a step pattern uses a `{type}` no support file defines', fix: 'define it with `defineParameterType`, or use a built-in type' },
  SPEC_STEP_FAILED: { exit: 1, kind: 'failed-step', description: 'a step threw: the code does not do what the spec says', fix: 'make the code do what the spec says, or fix the step definition' },
  SPEC_STEP_TIMEOUT: { exit: 1, kind: 'timeout', description: 'a step or hook did not finish within its timeout', fix: 'look for a missing await or resolve, or raise the timeout' },
  SPEC_UNDEFINED: { exit: 1, kind: 'undefined', description: 'no step definition matches a step (fails under strict mode)', fix: 'paste the snippet into a step file and make it do what the step says' },
  SPEC_AMBIGUOUS: { exit: 1, kind: 'ambiguous', description: 'more than one step definition matches a step', fix: 'make the patterns distinct, or delete all but one' },
  SPEC_PENDING: { exit: 1, kind: 'pending', description: 'a step or hook is pending (fails under strict mode)', fix: 'implement the step definition' },
  SPEC_SUPPORT_RUN: { exit: 1, kind: 'support-error', label: 'support error', description: 'support code cucumber runs outside any step or hook failed the run: a World constructor (`setWorldConstructor`) that throws, or (cucumber 8–9) a BeforeAll/AfterAll hook', fix: 'fix the error at the file and line named (the first frame of your own code in its stack)' },
  SPEC_HOOK: { exit: 1, kind: 'hook-error', description: 'a Before/After (or BeforeAll/AfterAll) hook failed', fix: 'fix the hook at the file and line named' },
  SPEC_RUN_TIMEOUT: { exit: 1, kind: 'timeout', description: 'the run stopped answering (a step blocked the event loop or never settled) and was stopped', fix: 'look for an endless loop or blocking call in the step named' },
  SPEC_RUN_CRASH: { exit: 1, kind: 'run-error', label: 'runner crash', description: 'the runner exited unexpectedly (a step called `process.exit` or crashed Node)', fix: 'see the log in the message' },
  SPEC_CANCELLED: { exit: 1, kind: 'run-error', label: 'cancelled', description: 'the run was interrupted; what finished is reported', fix: 'run again for a full verdict' },
  SPEC_GATE: { exit: 1, kind: 'gate-error', description: 'a gate (typecheck, lint, …) failed, timed out or could not run', fix: 'run the gate command named to see all of it' },
  SPEC_ORACLE_CHANGED: { exit: 1, kind: 'oracle-changed', label: 'oracle changed', description: '`spec verify --locked`: a spec, step-definition or config file (spec.config, the cucumber profile) was added, changed or removed since the last `spec ack`', fix: 'undo the change to the spec, steps or config, or have a person review it (`spec review`) and run `spec ack`' },
  SPEC_NO_ACK: { exit: 2, kind: 'config-error', label: 'no ack', description: 'the command measures from the reviewed baseline, and `.spec/ack.json` is missing or unreadable', fix: 'review the specs and code, then run `spec ack`' },
  SPEC_GATE_MISSING: { exit: 0, kind: 'gate-error', description: 'a default gate has nothing to run in this project', fix: 'install what the message names, or configure the gate' },
  SPEC_DEBT_HISTORY_TORN: { exit: 0, kind: 'run-error', description: 'a line of `.spec/history.jsonl` is not a whole entry (a run stopped while writing it): it is skipped', fix: 'nothing to do: the next verify or watch run that records history drops the line (it holds no readable figure)' },
  SPEC_DEBT_THRESHOLD: { exit: 1, kind: 'gate-error', label: 'debt threshold', description: 'a comprehension-debt figure is past the threshold `debt` sets in spec.config', fix: 'pay the debt the message names (specify the code, make the check able to fail), or change the threshold' },
  SPEC_DEBT_UNCHECKED: { exit: 1, kind: 'gate-error', label: 'debt threshold unchecked', description: 'a `debt` threshold in spec.config could not be checked: this run did not measure its figure (stale lines, a narrowed run, no ack)', fix: 'do what the message says the figure needs (usually a full `spec verify --coverage`, or `spec ack`), or remove the threshold' },
  SPEC_DEBT_NOT_GATED: { exit: 0, kind: 'gate-error', description: 'a narrowed run (paths, --tags, --name, --changed) did not check the `debt` thresholds: it measures only what it ran', fix: 'nothing to do: a full `spec verify` checks them; `--gate debt` asks for them in this run' },
  SPEC_DEBT_NOT_MEASURED: { exit: 2, kind: 'config-error', label: 'debt not measured', description: '`spec debt` found no measured run in this project (or debt is off)', fix: 'run `spec verify` first (with `debt` not set to false in spec.config)' },
  SPEC_DEBT_STALE: { exit: 0, kind: 'run-error', description: '`spec debt` shows the last full run\'s figures, and a spec, step or source file they measured changed since, or one was added since, or spec ack ran since: they are stale', fix: 'run `spec verify` for current figures' },
  SPEC_INIT_SETTINGS: { exit: 2, kind: 'config-error', description: "`spec init --agent` cannot edit the agent's settings file as it is", fix: 'fix the settings file named, then run init again' },
  SPEC_STEPS_FOLDER: { exit: 2, kind: 'config-error', label: 'step folder undecided', description: '`spec steps --generate` cannot tell where the stubs go so that the project loads them (no step file yet and globs that name no one folder, or a file the globs would not load)', fix: 'write the first step file where you want them, or make the step globs name one folder of step files' },
  SPEC_SHARD_INVALID: { exit: 2, kind: 'config-error', label: 'bad shard', description: '`--shard` (API `shard`) is not I/N with whole numbers 1 ≤ I ≤ N', fix: 'write --shard 1/3 (this machine runs the first of three slices)' },
  SPEC_SHARD_EMPTY: { exit: 0, kind: 'run-error', description: 'a shard was given no scenario: the suite has fewer scenarios than shards, and they all fell in others', fix: 'nothing to do: `spec merge` judges the whole; use fewer shards than scenarios' },
  SPEC_MERGE_INPUT: { exit: 2, kind: 'config-error', label: 'not a shard verdict', description: '`spec merge` was given a file that is not a shard verdict (unreadable, not JSON, not the verdict schema, or a verdict of a run without --shard)', fix: 'pass the files each `spec verify --shard I/N --format json:FILE` wrote' },
  SPEC_MERGE_SHARD_MISSING: { exit: 2, kind: 'config-error', label: 'shard missing', description: '`spec merge` lacks the verdict of a shard: the merged verdict would leave its scenarios out', fix: 'pass every shard\'s verdict (did one CI job fail before writing it?)' },
  SPEC_MERGE_SHARD_DUPLICATE: { exit: 2, kind: 'config-error', label: 'shard duplicated', description: '`spec merge` was given two verdicts of the same shard', fix: 'pass each shard\'s verdict once' },
  SPEC_MERGE_SHARD_TOTALS: { exit: 2, kind: 'config-error', label: 'shard totals differ', description: '`spec merge` was given verdicts of shards of different totals (1/3 and 1/4)', fix: 'merge the verdicts of one sharded run: every job with the same --shard I/N total' },
  SPEC_MERGE_SUITES: { exit: 2, kind: 'config-error', label: 'different suites', description: '`spec merge` was given shard verdicts whose scenarios do not split one suite (another commit, other filters, or slices computed from different recorded durations)', fix: 'merge the shards of one run, and give every shard job the same checkout, filters and .spec/durations.json' },
  SPEC_MERGE_DEBT: { exit: 0, kind: 'run-error', description: 'the merged verdict carries no debt: a shard recorded no line coverage, a source file differs from the one the shards ran, or `spec merge` ran outside the project (a debt threshold then fails as unchecked)', fix: 'run every shard with line coverage (a debt threshold on a line figure turns it on; else --coverage) and merge in the same checkout the shards ran' },
  SPEC_MERGE_MESSAGES_INPUT: { exit: 2, kind: 'config-error', label: 'not a message stream', description: '`spec merge --messages` was given a file that is not the whole message stream of a cucumber run (unreadable, a line that is not a cucumber message, or a run cut short before testRunFinished)', fix: 'pass the files each `spec verify --shard I/N --format messages:FILE` wrote' },
  SPEC_MERGE_MESSAGES_MISSING: { exit: 2, kind: 'config-error', label: 'shard stream missing', description: '`spec merge` was asked for a report drawn from the message streams, and a shard that ran scenarios has no stream among the `--messages` files: the report would leave its scenarios out', fix: 'write the stream in every shard (`--format messages:FILE`) and pass them all to `--messages`' },
  SPEC_MERGE_MESSAGES_FOREIGN: { exit: 2, kind: 'config-error', label: 'stream of another run', description: '`spec merge --messages` was given a stream that is not one of these shards\' runs: the scenarios it ran are those of no shard given, it ran another text of a spec file, or two streams ran the same shard', fix: 'pass the streams the shards of this run wrote, each once' },
  SPEC_PROFILE_REPORTS_UNWRITTEN: { exit: 0, kind: 'run-error', description: 'a step that blocked the event loop was cut and the rest of the run went on in a fresh runner: the report files the cucumber profile names (`json:…`, `html:…`) were not written, and any left by an earlier run removed, since no one cucumber run saw every scenario', fix: 'fix the blocking step the timeout failure names, then run again' },
  SPEC_PARALLEL_NO_COVERAGE: { exit: 0, kind: 'run-error', description: '`--parallel` (or the profile\'s `parallel`) ran on cucumber\'s workers, where per-scenario and line coverage are not recorded: spec watch and --changed select from step files and run more', fix: 'nothing to do; a serial `spec verify` records coverage again' },
  SPEC_PARALLEL_WORKER_ENDED: { exit: 1, kind: 'run-error', label: 'worker ended', description: 'a cucumber worker ended before every scenario it was given finished (a step called `process.exit`, or Node crashed)', fix: 'run the scenario named alone (`spec verify FILE:LINE`) to see where it ends; steps must not end the process' },
  SPEC_CUCUMBER_FAILED: { exit: 1, kind: 'run-error', label: 'cucumber failed the run', description: 'cucumber reported the run as failed, and no scenario, step or hook in its messages failed (a parallel worker that exited with an error after its last scenario): specloop never passes a run cucumber fails', fix: 'run the suite with plain cucumber-js (same paths and --parallel) and read what it prints on stderr' },
  SPEC_INTERNAL: { exit: 1, kind: 'run-error', description: 'specloop itself failed', fix: 'report it with the command you ran' },
  SPEC_FLAKY: { exit: 1, kind: 'flaky', label: 'flaky scenario', description: 'with `--fail-on-flaky` (or `failOnFlaky`): a scenario failed, then passed on a retry', fix: 'make the scenario deterministic (the failed attempts say where it went wrong), or run without --fail-on-flaky to only report it' },
  SPEC_FAIL_ON_FLAKY_NO_RETRY: { exit: 0, kind: 'config-error', description: '`--fail-on-flaky` (or `failOnFlaky`) is set with no retry: no failed scenario runs again, so none can be flaky and it can have no effect', fix: 'set retries: `--retry N`, `"retry": N` in spec.config or the cucumber profile\'s `retry`' },
  SPEC_PROFILE_UNKNOWN_KEY: { exit: 0, kind: 'config-error', description: 'a cucumber profile has a key cucumber does not know (a typo such as `requir:`): cucumber ignores it, so what it was meant to set is not set', fix: 'rename it to the option it meant (the warning says which), or remove it' },
  SPEC_COVERS_GLOB: { exit: 0, kind: 'parse-error', description: "a glob in a Markdown spec's `covers:` matches no file of the project, or points outside it, so it claims nothing", fix: 'make it a project-relative glob of the files the spec is about (src/refunds/**), or remove it' },
  SPEC_ACK_NO_CONFIG: { exit: 0, kind: 'config-error', description: '`spec verify --locked`: the ack was written before `spec ack` recorded spec.config and the cucumber profile, so a change to them cannot be seen', fix: 'have a person review the config, then run `spec ack`' },
  SPEC_PROFILE_TS_UNCOMPILED: { exit: 0, kind: 'config-error', description: 'the cucumber profile names TypeScript support files but nothing cucumber-js would compile them with (`tsx` in `import:` is a file glob to cucumber-js and loads nothing): specloop compiles them itself, so `npx cucumber-js` can fail where spec verify passes', fix: 'preload tsx for cucumber-js: NODE_OPTIONS="--import tsx", or a support file calling register() from tsx/esm/api listed first in import: (CommonJS: requireModule: [\'tsx/cjs\'])' },
  SPEC_STALE_BUILD: { exit: 2, kind: 'config-error', label: 'stale build', description: 'a changed source file is loaded by the suite through its build (a dist/ file a step imports, or a linked package whose main/exports point at dist/), and that build is older than the edit: the run checked the code before it', fix: 'build first (the project\'s build script, e.g. npm run build or tsc -b), then verify again' },
} as const satisfies Record<string, ErrorCodeEntry>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const ERROR_CODE_NAMES = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

/** The code and the kind the table gives it, for building a verdict failure. */
export function coded<C extends ErrorCode>(code: C): { code: C; kind: FailureKind } {
  return { code, kind: ERROR_CODES[code].kind };
}
