import { McpServer } from '@modelcontextprotocol/server';
import { z } from '../core/zod.js';
import type { SpecEnvironment } from '../core/env.js';
import { fromBase, type ProjectPlace } from '../config/project-root.js';
import { checkCall, VerifyOptionsSchema } from '../api/options.js';
import { debtReport } from '../api/debt-report.js';
import { listSteps, StepsCatalogueSchema } from '../api/steps.js';
import { specloopVersion } from '../api/version.js';
import { DebtReportSchema } from '../debt/model.js';
import { renderAgent } from '../report/agent.js';
import { VerdictSchema, type Verdict } from '../report/verdict.js';
import { explainFailure, ExplanationSchema } from './explain.js';
import { listSpecs, SpecListSchema } from './list-specs.js';
import { checkInsideRoot } from './paths.js';
import { CallQueue } from './queue.js';
import { answer, toolError } from './tool-result.js';
import { WarmRuns } from './warm-runs.js';

const Paths = z.array(z.string()).optional().describe('spec files or folders relative to the project root, a scenario as file:line; none: every spec');

const VerifyInput = z.strictObject({
  paths: Paths,
  tags: z.string().optional().describe('tag expression, e.g. "@smoke and not @slow"'),
  name: z.array(z.string()).optional().describe('only scenarios whose name matches one of these regular expressions'),
  changedOnly: z.boolean().optional().describe('only the scenarios the files changed in git reach (uncommitted changes), like `spec verify --changed`'),
  gates: z.union([z.array(z.string()), z.literal('none')]).optional().describe('which of the configured gates to run (default: all of them; "none": none)'),
  retry: z.number().int().min(0).optional().describe("re-run a failed scenario up to N times (overrides the config's and the cucumber profile's retry); one that then passes is flaky, not passed"),
  retryTagFilter: z.string().optional().describe("retry only the scenarios matching this tag expression (and-ed with the config's and the cucumber profile's retryTagFilter)"),
  failOnFlaky: z.boolean().optional().describe('a flaky scenario (passed only on a retry) fails the run, exit 1'),
  parallel: z.number().int().min(0).optional().describe("run the scenarios on N of cucumber's own workers (0: one runner; default: the cucumber profile's parallel)"),
});

/** One project's tools: every call queued, every run on the session's warm runner. */
export class SpecTools {
  readonly queue = new CallQueue();
  readonly runs: WarmRuns;
  lastVerdict: Verdict | undefined;

  constructor(
    readonly place: ProjectPlace,
    readonly env: SpecEnvironment,
  ) {
    this.runs = new WarmRuns(env);
  }

  get root(): string {
    return this.place.root;
  }

  /** The tool's paths as the run reads them (from the folder the server started in), each checked where it lands. */
  paths(given: readonly string[] | undefined, tool: string): string[] {
    return checkInsideRoot(this.root, (given ?? []).map((p) => fromBase(this.place, p)), tool, given);
  }

  async verify(input: z.infer<typeof VerifyInput>): Promise<Verdict> {
    const paths = this.paths(input.paths, 'verify');
    const raw = { ...(paths.length ? { paths } : {}), ...(input.tags ? { tags: input.tags } : {}), ...(input.name?.length ? { names: input.name } : {}), ...(input.changedOnly ? { changed: true } : {}), ...(input.gates !== undefined ? { gates: input.gates === 'none' ? false : input.gates } : {}), ...pick(input, ['retry', 'retryTagFilter', 'failOnFlaky', 'parallel']) };
    const { cwd: _cwd, ...options } = checkCall('verify', VerifyOptionsSchema, raw, {}).options;
    const verdict = await this.runs.verify(options);
    this.lastVerdict = verdict;
    return verdict;
  }
}

/** The options the tool passes on as the API names them, only when given. */
function pick<T extends object, K extends keyof T>(input: T, keys: readonly K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((k) => input[k] !== undefined).map((k) => [k, input[k]])) as Partial<Pick<T, K>>;
}

/** The MCP server of one project: verify, list_specs, explain_failure, steps and debt. */
export function createSpecServer(tools: SpecTools): McpServer {
  const server = new McpServer({ name: 'specloop', version: specloopVersion() }, { capabilities: { tools: {} } });
  const queued =
    <I, O extends object>(job: (input: I) => Promise<{ data: O; text?: string }>) =>
    (input: I) =>
      tools.queue.run(() => job(input)).then(({ data, text }) => answer(data, text), toolError);

  server.registerTool(
    'verify',
    {
      title: 'Verify the specs',
      description:
        "Run the project's executable specs (cucumber scenarios compiled from .feature and Markdown specs) and the configured gates, and return the verdict: status, counts, every scenario with its steps, and each failure with location, message, diff, stack and a one-line hint. exitCode 0 = passed, 1 = something failed, 2 = bad input. Runs stay warm between calls: after an edit, `changedOnly: true` re-runs only the scenarios the changed files reach.",
      inputSchema: VerifyInput,
      outputSchema: VerdictSchema,
      annotations: { readOnlyHint: false, idempotentHint: true, openWorldHint: false },
    },
    queued(async (input: z.infer<typeof VerifyInput>) => {
      const verdict = await tools.verify(input);
      return { data: verdict, text: renderAgent(verdict) };
    }),
  );

  server.registerTool(
    'list_specs',
    {
      title: 'List the specs',
      description: 'Every spec file with its scenarios (each outline example row its own): id (file:line, which verify takes as a path), name, tags, line and the status of the last run that ran it. Runs nothing.',
      inputSchema: z.strictObject({ paths: Paths }),
      outputSchema: SpecListSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    queued(async ({ paths }: { paths?: string[] }) => ({ data: await listSpecs(tools.root, tools.paths(paths, 'list_specs')) })),
  );

  server.registerTool(
    'explain_failure',
    {
      title: 'Explain one failure',
      description: "One failure of the last verify in full: the failure (message, expected/actual, diff, stack, hint), its scenario with every step, the spec source around it, and the step definition's source. Pick it by index (0 = first) or by scenario id (file:line) or name.",
      inputSchema: z.strictObject({ index: z.number().int().min(0).optional(), scenario: z.string().optional().describe('scenario id (file:line) or name') }),
      outputSchema: ExplanationSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    queued(async (pick: { index?: number; scenario?: string }) => ({ data: explainFailure(tools.root, tools.lastVerdict, pick) })),
  );

  server.registerTool(
    'steps',
    {
      title: 'Step definitions catalogue',
      description: "The steps catalogue as `spec steps --json` gives it: every step definition with file:line and the spec steps that use it, unused definitions, undefined steps with a ready-to-paste snippet, and ambiguous steps. The project's cucumber binds the specs in a dry run: no scenario executes.",
      inputSchema: z.strictObject({ paths: Paths }),
      outputSchema: StepsCatalogueSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    queued(async ({ paths }: { paths?: string[] }) => ({ data: await listSteps({ cwd: tools.root, ...(paths?.length ? { paths: tools.paths(paths, 'steps') } : {}) }) })),
  );

  server.registerTool(
    'debt',
    {
      title: 'Comprehension debt',
      description: "The project's comprehension-debt report as `spec debt --json` gives it: the summary of the last full verify with its offenders (specs, files and functions) and the history of runs since. Runs nothing.",
      inputSchema: z.strictObject({ last: z.number().int().min(1).optional().describe('how many of the last runs the history keeps (default 50)') }),
      outputSchema: DebtReportSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    queued(async ({ last }: { last?: number }) => ({ data: await debtReport({ cwd: tools.root, ...(last ? { last } : {}) }) })),
  );

  return server;
}
