import { agentHook, type HookEvent } from '../api/hook.js';
import { SpecloopError } from '../core/errors.js';
import { parseCommandArgs } from './args.js';
import { HOOK_HELP } from './help.js';
import { enterProject, locate } from './shared.js';

const STDIN_LIMIT = 4 * 1024 * 1024;
const STDIN_WAIT_MS = 2000;

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
  const payload = await readPayload();
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

/**
 * The agent's JSON on stdin; none (a terminal, or nothing within 2 s) is an empty payload.
 * Anything else is bad input: guessing would run (and write) wherever the hook happens to stand.
 */
async function readPayload(): Promise<Record<string, unknown>> {
  if (process.stdin.isTTY) return {};
  const chunks: Buffer[] = [];
  let size = 0;
  const text = await new Promise<string>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      process.stdin.pause();
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const timer = setTimeout(done, STDIN_WAIT_MS);
    process.stdin.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= STDIN_LIMIT) chunks.push(chunk);
    });
    process.stdin.once('end', done);
    process.stdin.once('error', done);
  });
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  throw new SpecloopError({
    code: 'SPEC_USAGE',
    message: `hook: stdin is not the agent's hook payload (a JSON object): ${JSON.stringify(text.trim().slice(0, 60))}`,
    hint: 'the agent pipes its JSON payload to the hook command; to check the project by hand, run spec verify',
  });
}

/** Claude Code and Codex send `cwd`, Cursor `workspace_roots`; all run hooks from the project folder anyway. */
function projectDirOf(payload: Record<string, unknown>): string | undefined {
  const roots = payload.workspace_roots;
  if (Array.isArray(roots) && typeof roots[0] === 'string') return roots[0];
  return process.env.CLAUDE_PROJECT_DIR || (typeof payload.cwd === 'string' ? payload.cwd : undefined);
}
