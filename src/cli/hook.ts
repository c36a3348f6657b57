import { agentHook, type HookEvent } from '../api/hook.js';
import { SpecloopError } from '../core/errors.js';
import { parseCommandArgs } from './args.js';
import { HOOK_HELP } from './help.js';
import { readPayload } from './hook-stdin.js';
import { enterProject, locate } from './shared.js';

export async function runHook(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('hook', argv, {
    cwd: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(HOOK_HELP);
    return 0;
  }
  const hook = parseHook(positionals);
  const payload = await readPayload(process.stdin);
  const { root } = locate(values.cwd ?? projectDirOf(payload));
  enterProject(root);
  const answer = await agentHook(hook, payload, { cwd: root });
  if (answer.stdout) process.stdout.write(answer.stdout);
  if (answer.stderr) process.stderr.write(answer.stderr);
  return answer.exitCode;
}

function parseHook([agent, event, ...rest]: string[]): HookEvent {
  if (rest.length === 0 && (agent === 'claude' || agent === 'codex' || agent === 'cursor') && (event === 'edit' || event === 'stop')) return { agent, event };
  throw new SpecloopError({
    code: 'SPEC_USAGE',
    message: `hook: expected "claude edit", "claude stop", "codex edit", "codex stop", "cursor edit" or "cursor stop", got "${[agent, event, ...rest].filter(Boolean).join(' ')}"`,
    hint: 'spec init --agent claude|codex|cursor writes the hook commands for you',
  });
}

/** Claude Code and Codex send `cwd`, Cursor `workspace_roots`; all run hooks from the project folder anyway. */
function projectDirOf(payload: Record<string, unknown>): string | undefined {
  const roots = payload.workspace_roots;
  if (Array.isArray(roots) && typeof roots[0] === 'string') return roots[0];
  return process.env.CLAUDE_PROJECT_DIR || (typeof payload.cwd === 'string' ? payload.cwd : undefined);
}
