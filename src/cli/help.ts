import { CONFIG_NAMES, optionHelp } from '../config/options-table.js';

export const MAIN_HELP = `spec — executable specs as the oracle for coding agents

Usage: spec <command> [options]

Commands:
  init       scaffold features/, steps/, spec.config.ts and an example spec (--agent: wire an agent)
  compile    parse every spec, write compiled Gherkin to .spec/compiled, report every error
  verify     the full gate: compile, bind, run the scenarios and the configured gates
  watch      re-run the scenarios each edit reaches, after every settled burst of edits
  steps      the step definitions with their uses, unused and undefined steps (--generate: typed stubs)
  debt       comprehension debt: the last run's figures, their trend and the top offenders
  review     what changed since the last spec ack: specs, then code no spec change explains, then the figures
  ack        record the reviewed state (.spec/ack.json): the baseline review, --locked and debt measure from
  hook       run the oracle from a coding agent's hook (claude|codex|cursor edit|stop)
  mcp        serve verify, list_specs, explain_failure, steps and debt to an agent over MCP (stdio)
  merge      join the verdicts of spec verify --shard I/N runs into the one verdict of the whole run

Options:
  -h, --help     show help (spec <command> --help for a command)
  -v, --version  print the version

Exit codes: 0 all passed, 1 a scenario or gate failed, 2 bad input (spec, config or usage).
`;

export const VERIFY_HELP = `Usage: spec verify [paths…] [options]

Runs the scenarios of every spec (or of the paths given: files, folders, file:line),
then the configured gates, and prints the verdict.

Options:
${optionHelp('verify', 22)}
`;

export const ACK_HELP = `Usage: spec ack [options]

Records the reviewed state in .spec/ack.json: the time, the message, the git commit (when in
git) and a content hash per spec, step and source file, with each file's text under .spec/ack/
(so lines can be compared later, in git or not), and the debt figures of the last full verify.
spec review, spec verify --locked and the ack-based debt figures (unreviewed, drift,
selfGraded, specChurnRatio) measure from it.

Options:
  -m, --message TEXT  why this state was accepted (kept in the ack)
  -c, --config FILE   config file (default ${CONFIG_NAMES} or package.json "spec")
  -p, --profile NAME  use this cucumber.js profile (its paths and support files)
      --cwd DIR       a folder of the project (its root is found at or above it)
      --json          print what was recorded as JSON
  -h, --help          show this help
`;

export const REVIEW_HELP = `Usage: spec review [options]

Shows the change since the last spec ack by intent: specs added or changed (with how their
scenarios ended in the last run), step definitions changed, then source changed with no spec
change (largest first, with the scenarios that run it), drifted and self-graded specs, then
the debt delta: every figure at the ack and now (the last full verify), with its change.
Read-only.

Options:
  -c, --config FILE   config file (default ${CONFIG_NAMES} or package.json "spec")
  -p, --profile NAME  use this cucumber.js profile (its paths and support files)
      --cwd DIR       a folder of the project (its root is found at or above it)
      --json          print the review as JSON
  -h, --help          show this help
`;

export const COMPILE_HELP = `Usage: spec compile [paths…] [options]

Parses every spec (Gherkin, .feature.md, Markdown spec documents), writes line-preserving
Gherkin for Markdown documents under .spec/compiled/, and reports every error with file:line:column.

Options:
  -c, --config FILE   config file (default ${CONFIG_NAMES} or package.json "spec")
      --cwd DIR       a folder of the project (its root is found at or above it)
      --json          print the result as JSON
  -h, --help          show this help
`;

export const DEBT_HELP = `Usage: spec debt [options]

Prints comprehension debt as the last full \`spec verify\` measured it (and says how long ago):
each figure with its unit, its change since the run before, its trend over the last runs, and
the top offenders. Runs nothing. Exits 2 when no full verify has measured it yet.

Options:
  -c, --config FILE   config file (default ${CONFIG_NAMES} or package.json "spec")
      --cwd DIR       a folder of the project (its root is found at or above it)
      --json          print the report as JSON (debt-report.schema.json)
      --last N        how many of the last runs the trend and --json history keep (default 50)
      --html FILE     write the report as one self-contained page (a chart per metric over the
                      runs, the offender tables; it loads nothing) to FILE, relative to the
                      project's root or absolute
  -h, --help          show this help
`;

export const STEPS_HELP = `Usage: spec steps [options] [paths...]

Lists every step definition (file:line) with the spec steps that use it, the unused ones, and the
undefined and ambiguous steps, each undefined one with a snippet in the profile's snippetInterface.
The project's cucumber binds the specs in a dry run: no step or hook executes.
Exits 0 when every step binds to one definition, 1 with undefined or ambiguous steps, 2 on bad input.

Options:
      --generate      write a typed stub for every undefined step into the project's step folder
                      (one <spec>.steps.ts per spec, created or extended; never a second definition).
                      A stub returns 'pending': its scenarios fail until it is written. Exits 0
                      (1 if ambiguous steps remain)
      --undefined     only the undefined steps
      --json          print the catalogue as JSON (steps-catalogue.schema.json)
  -c, --config FILE   config file (default ${CONFIG_NAMES} or package.json "spec")
  -p, --profile NAME  use this cucumber.js profile
      --cwd DIR       a folder of the project (its root is found at or above it)
  -h, --help          show this help
`;

export const INIT_HELP = `Usage: spec init [options]

Scaffolds features/, steps/, src/, spec.config.ts, cucumber.cjs and an example spec that
\`spec verify\` passes. Never overwrites a file that exists. In a project that already has a
suite (cucumber or spec config, spec or step files) it writes no example: it says what it found.
Exits 2 when a settings file it was to wire is refused (invalid JSON or TOML, hooks or MCP
servers of another shape).

Options:
      --cwd DIR       the folder to set up (default: the current one; no search upward)
      --agent NAME    also wire a coding agent to the oracle: claude (CLAUDE.md + hooks in
                      .claude/settings.json + MCP server in .mcp.json), cursor (AGENTS.md +
                      .cursor/hooks.json + .cursor/mcp.json) or codex (AGENTS.md +
                      .codex/hooks.json + .codex/config.toml). Adds to existing files; never
                      changes what is in them.
      --json          print what was created as JSON
  -h, --help          show this help
`;

/** `spec watch --help`; `reporters` are those that render a watch stream (report/watch.ts, loaded only for --help: it is off the start-up path). */
// watch's own, beside the command it documents.
export { watchHelp } from './watch-help.js';

export const HOOK_HELP = `Usage: spec hook <agent> <event>

Runs the oracle from a coding agent's hook and answers in that agent's protocol (spec init
--agent writes these for you). Reads the hook's JSON payload on stdin.

  claude edit   after an edit (PostToolUse): the scenarios the edited file (tool_input.file_path)
                and git's changes reach; failures go to stderr with exit 2, which Claude Code
                feeds back to the model
  claude stop   before the agent stops (Stop): the full gate; failing sends it back to work, at
                most 3 times in a row
  codex edit    the same as claude edit and claude stop, for Codex's hooks (same protocol);
  codex stop    an apply_patch edit's files are read from the patch's file headers
  cursor edit   after an edit (afterFileEdit): the scenarios the edited file reaches; Cursor
                reads no answer from it, so failures only go to stderr (its hook log)
  cursor stop   when the agent stops: the full gate; failing prints {"followup_message": …}

Options:
      --cwd DIR   a folder of the project (default: the payload's cwd, else the current one);
                  its root is found at or above it
  -h, --help      show this help
`;

export const MERGE_HELP = `Usage: spec merge VERDICT.json… [options]

Joins the verdicts of every shard of one run (each written by spec verify --shard I/N
--format json:FILE) into the verdict one machine would have given: the scenarios and counts of
all, each failure and warning once, each gate at its worst; exit 0 all passed, 1 a failure,
2 bad input (a file that is not a shard verdict, a shard missing or given twice, shards of
different totals or suites). In a project it records the whole run's scenario durations in
.spec/durations.json, which the next run's --shard balances by, and its debt from the shards'
line coverage, checking the thresholds they deferred: run it in the shards' checkout.

Options:
  -f, --format NAME       print the NAME report to stdout (default as spec verify)
  -f, --format NAME:FILE  also write the NAME report to FILE (repeatable)
  --messages FILE         the shards' streams (or a quoted glob): for junit, messages, html
  -r, --reporter NAME     the same as --format NAME
  --json                  the same as --format json
  -o, --output-file FILE  the same as --format json:FILE
  -h, --help              show this help
`;
