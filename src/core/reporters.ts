/**
 * The reporter registry's names: what each reporter is for and when it is the default. The config
 * schema, `--help`, flag validation and agent detection read this table; report/reporters.ts maps
 * every name here to its renderer (typed so that a name without a renderer does not compile).
 * It lives in core/ because config/ validates the names and may not import report/.
 */

const AGENT_VARIABLES = ['AI_AGENT', 'CLAUDECODE', 'CLAUDE_CODE', 'CODEX_SANDBOX', 'CODEX_HOME', 'CURSOR_AGENT', 'GEMINI_CLI', 'OPENCODE', 'AIDER'];

export interface ReporterInfo {
  /** One line for `--help` and the README. */
  readonly summary: string;
  /** Machine-read output: step output is kept off the terminal when this one prints to stdout. */
  readonly machine?: boolean;
  /** When no reporter was chosen, the first whose detector matches the environment is used. */
  readonly detect?: (env: Record<string, string | undefined>) => boolean;
  /** Rendered from cucumber's message stream of the run, which the runner then records (not from the verdict alone). */
  readonly messages?: boolean;
  /** Only written to a file (`--format NAME:FILE`): nothing reads it from a terminal. */
  readonly fileOnly?: boolean;
}

export const REPORTERS = {
  human: { summary: 'for people: colours, diffs and the spec line of each failure' },
  agent: {
    summary: 'compact, one problem a block, for coding agents',
    detect: (env) => AGENT_VARIABLES.some((name) => env[name]) || Object.keys(env).some((k) => k.startsWith('CODEX_')),
  },
  json: { summary: 'the verdict as one JSON document (schema: specloop/verdict.schema.json)', machine: true },
  junit: { summary: "JUnit XML, what CI test tabs read (cucumber's @cucumber/junit-xml-formatter)", machine: true, messages: true },
  messages: { summary: "cucumber's message stream (NDJSON), what every cucumber tool reads", machine: true, messages: true },
  html: { summary: "cucumber's HTML report (@cucumber/html-formatter); to a file only", machine: true, messages: true, fileOnly: true },
  github: { summary: 'GitHub Actions annotations, one per failure at its spec line (on by default when GITHUB_ACTIONS=true)' },
} as const satisfies Record<string, ReporterInfo>;

export type ReporterName = keyof typeof REPORTERS;

/** Used when no reporter was chosen and no detector matched. */
export const DEFAULT_REPORTER: ReporterName = 'human';

export const REPORTER_NAMES = Object.keys(REPORTERS) as [ReporterName, ...ReporterName[]];

/** The reporters drawn from the verdict alone: the ones a config's "reporter" or an API caller may name for stdout. */
export const VERDICT_REPORTER_NAMES = REPORTER_NAMES.filter((name) => !reporterInfo(name).messages) as [ReporterName, ...ReporterName[]];

export function isReporterName(name: string): name is ReporterName {
  return Object.hasOwn(REPORTERS, name);
}

export function reporterInfo(name: ReporterName): ReporterInfo {
  return (REPORTERS as Record<ReporterName, ReporterInfo>)[name];
}

/** The reporter for a run nobody chose one for: a detected coding agent gets its own. */
export function detectReporter(env: Record<string, string | undefined>): ReporterName {
  return REPORTER_NAMES.find((name) => reporterInfo(name).detect?.(env)) ?? DEFAULT_REPORTER;
}
