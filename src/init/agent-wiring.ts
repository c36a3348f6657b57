/**
 * What `spec init --agent NAME` adds: instructions where the agent reads them (a marked section,
 * appended once), hooks where the agent runs them (merged into its JSON settings, never
 * replacing what is there) and where it reads the MCP server (mcp-wiring.ts). Pure: init.ts does
 * the file I/O.
 */
import { mergeCursorHooks, mergeMatcherHooks, prefix } from './hook-wiring.js';
import { DEFAULT_STEP_HOME, type StepHome } from './step-files.js';
import { mcpServersFor, type McpServerEntry } from './mcp-wiring.js';
export { CLAUDE_EDIT_HOOK, CLAUDE_STOP_HOOK, CODEX_EDIT_HOOK, CODEX_STOP_HOOK, CURSOR_EDIT_HOOK, CURSOR_STOP_HOOK, hookCommand, prefix } from './hook-wiring.js';
export const AGENTS = ['claude', 'codex', 'cursor'] as const;
export type AgentName = (typeof AGENTS)[number];

const START = '<!-- specloop:start -->';
const END = '<!-- specloop:end -->';

/** The instructions for a project whose step definitions are written in `home`'s language and folder. */
export function instructions(home: StepHome, suites: string[] = [], from?: string): string {
  // At a workspace root the suites are the packages': every command names one with --cwd.
  const at = suites.length === 1 ? ` --cwd ${suites[0]}` : suites.length ? ' --cwd <package>' : '';
  const npx = `npx${prefix(from)}`;
  return `${START}
## Specs are the oracle (specloop)

What this project must do is written as executable specs: \`.feature\` files and Markdown spec
documents under \`features/\` or \`specs/\`. \`spec verify\` runs them, then the other gates (types,
unit tests, lint), and says whether the code does what they say.
${suites.length ? workspaceLine(suites) : ''}
- After changing code, run \`${npx} spec verify${at} --changed --reporter agent\`: it runs only the
  scenarios your change reaches. Fix what it reports before going on.
- Before you call the work done, run \`${npx} spec verify${at} --reporter agent\`. It must exit 0 and end
  with \`spec: N passed, 0 failed\`; any other count is not done (a failed gate or a spec, config
  or load error counts too, named in parentheses: \`spec: 3 passed, 1 failed (gate typecheck)\`).
- Once a person has reviewed the specs and run \`spec ack\` (\`.spec/ack.json\` exists), make that
  final check \`${npx} spec verify${at} --locked --reporter agent\`: it also fails, naming each file, when a
  spec or step definition differs from what was acked. You may change the code, never the oracle
  that judges it; if the behaviour itself must change, say so and leave the ack to a person.
- A failure names the spec line, the step, expected and actual values, and the stack in this
  project's own files. Change the code so it does what the spec says. Do not edit specs or step
  definitions to make a failure go away unless you were asked to change that behaviour.
- An undefined step comes with a ${home.language} snippet to paste into a step file under \`${home.folder}\`.
- The same checks are tools of ${mcpLine(suites, from)}: \`verify\` answers with the verdict as structured data, \`list_specs\` lists the specs
  and their scenarios, \`explain_failure\` shows one failure with its step's source, \`steps\`
  lists the step definitions, unused ones and undefined steps with snippets, and \`debt\` sums up
  the project's debt. Their verdict is the one \`npx spec verify\` gives.
- \`--json\` prints the whole verdict as one JSON document (schema: \`specloop/verdict.schema.json\`).
${END}
`;
}

/** Which server holds the tools: the project's, or at a workspace root each package's (its paths are the package's). */
function mcpLine(suites: string[], from?: string): string {
  if (!suites.length) return 'the `specloop` MCP server (`npx --no-install spec mcp`, registered\n  for you)';
  const named = mcpServersFor(suites, from).map((server, i) => `\`${server.name}\` for \`${suites[i]}\``).join(', ');
  return `one MCP server per package, registered for you: ${named}\n  (\`npx --no-install${prefix(from)} spec mcp --cwd PACKAGE\`; the paths its tools take and give are the package's)`;
}

function workspaceLine(suites: string[]): string {
  const named = suites.map((suite) => `\`${suite}\``).join(', ');
  return `\nThis is a workspace root: the suites are in the package${suites.length === 1 ? '' : 's'} ${named}. Run the commands below from here, with \`--cwd\` naming the package your change is in; the hooks check each package for you.\n`;
}

/** The instructions for the scaffolded example (TypeScript steps in steps/). */
export const INSTRUCTIONS = instructions(DEFAULT_STEP_HOME);

export interface SectionPlan {
  file: string;
  section: string;
}

export interface HookPlan {
  file: string;
  /**
   * Adds specloop's hooks to the settings; undefined when they are all there already. Throws
   * (naming the key) when the settings' hooks are not shaped as the agent expects: they are
   * then left for the person to fix, never replaced.
   */
  merge: (settings: Record<string, unknown>) => Record<string, unknown> | undefined;
}

/** Where the agent reads the project's MCP servers, and in which format. */
export interface McpPlan {
  file: string;
  format: 'json' | 'toml';
  /** specloop's server, or at a workspace root one per package with a suite. */
  servers: McpServerEntry[];
}

export interface AgentPlan {
  sections: SectionPlan[];
  hooks: HookPlan[];
  mcp: McpPlan;
  hints: string[];
}

/**
 * `from`: at a workspace root whose own node_modules has no spec (pnpm keeps a package's
 * dependencies in the package), the package whose spec the hooks, servers and commands run.
 */
export function agentPlan(agent: AgentName, home: StepHome = DEFAULT_STEP_HOME, suites: string[] = [], from?: string): AgentPlan {
  const section = instructions(home, suites, from);
  const servers = mcpServersFor(suites, from);
  switch (agent) {
    case 'claude':
      return {
        // Claude Code reads CLAUDE.md; AGENTS.md is for the others.
        sections: [{ file: 'CLAUDE.md', section }],
        hooks: [{ file: '.claude/settings.json', merge: (settings) => mergeMatcherHooks(settings, 'Edit|MultiEdit|Write', 'claude', from) }],
        mcp: { file: '.mcp.json', format: 'json', servers },
        hints: ['Claude Code now runs the affected scenarios after each edit and the full gate before it stops (.claude/settings.json)'],
      };
    case 'cursor':
      return {
        sections: [{ file: 'AGENTS.md', section }],
        hooks: [{ file: '.cursor/hooks.json', merge: (settings) => mergeCursorHooks(settings, from) }],
        mcp: { file: '.cursor/mcp.json', format: 'json', servers },
        hints: ['Cursor now runs the affected scenarios after each edit (into its hook log) and the full gate when the agent stops, sending it back what fails (.cursor/hooks.json)'],
      };
    case 'codex':
      return {
        sections: [{ file: 'AGENTS.md', section }],
        hooks: [{ file: '.codex/hooks.json', merge: (settings) => mergeMatcherHooks(settings, 'apply_patch|Edit|Write', 'codex', from) }],
        mcp: { file: '.codex/config.toml', format: 'toml', servers },
        hints: ['Codex reads AGENTS.md, and once you trust this project it runs the affected scenarios after each patch and the full gate before it stops (.codex/hooks.json) and starts the MCP server (.codex/config.toml)'],
      };
  }
}

/** The text with the section appended, or undefined when it already has one. */
export function withSection(existing: string | undefined, section: string): string | undefined {
  if (existing === undefined) return section;
  if (existing.includes(START)) return undefined;
  const separator = existing.length === 0 || existing.endsWith('\n\n') ? '' : existing.endsWith('\n') ? '\n' : '\n\n';
  return `${existing}${separator}${section}`;
}
