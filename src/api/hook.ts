/**
 * Agent hooks are protocol adapters, not reporters. A reporter renders the verdict alone, for any
 * place the user sends it, and the user picks it by name; a hook's answer is fixed by the agent
 * that runs it (Claude Code and Codex: exit 2 with the reason on stderr; Cursor: exit 0 with
 * `{"followup_message": …}` on stdout), depends on more than the verdict (the payload, how many
 * stop rounds went before) and must not change with a user's choice, or the agent stops listening.
 * So it is not in the registry. What it hands the agent inside that answer is a report, and that
 * comes from the registry by name: the agent reporter.
 */
import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { makeEnvironment, type EnvironmentInput, type SpecEnvironment } from '../core/env.js';
import { ensureDir } from '../core/fs.js';
import type { Verdict } from '../report/verdict.js';
import { verify, type VerifyOptions } from './verify.js';

export type HookEvent = { agent: 'claude'; event: 'edit' | 'stop' } | { agent: 'cursor'; event: 'stop' };

/** What the agent's hook runner is told: an exit code and what goes on each stream. */
export interface HookAnswer {
  exitCode: number;
  stdout?: string;
  stderr?: string;
  verdict?: Verdict;
}

/** How often in a row a failing gate may send the agent back to work before it is let stop. */
export const STOP_ROUNDS = 3;
const STATE_FILE = '.spec/hook-stop.json';

/**
 * An agent hook: runs the oracle at the point the agent's hook fires and answers in that agent's
 * protocol. Claude Code feeds a hook's stderr back to the model when it exits 2; Cursor's stop
 * hook continues the agent with the `followup_message` it prints as JSON.
 */
export async function agentHook(hook: HookEvent, payload: Record<string, unknown>, environment: EnvironmentInput = {}): Promise<HookAnswer> {
  const env = makeEnvironment(environment);
  if (hook.agent === 'cursor') return cursorStop(payload, env);
  return hook.event === 'edit' ? claudeEdit(payload, env) : claudeStop(payload, env);
}

async function claudeEdit(payload: Record<string, unknown>, env: SpecEnvironment): Promise<HookAnswer> {
  const edited = editedFile(payload);
  // A relative path is the agent's, from where it stands (the payload's cwd), which may be a subfolder.
  const from = typeof payload.cwd === 'string' && path.isAbsolute(payload.cwd) ? payload.cwd : env.cwd;
  const file = edited === undefined ? undefined : projectFile(env.cwd, path.resolve(from, edited));
  if (edited !== undefined && (file === undefined || ignoredHere(file))) return { exitCode: 0 };
  // The edited file counts as changed even when git sees none (the agent committed it).
  let verdict = await run({ changed: true, gates: false, ...(file ? { changedFiles: [file] } : {}) }, env);
  // Without git there is no "changed": every scenario, still without the slower gates (run more, never less).
  if (verdict.failures.some((f) => f.code === 'SPEC_NO_GIT' || f.code === 'SPEC_GIT_REVISION')) verdict = await run({ gates: false }, env);
  if (verdict.exitCode === 0) return { exitCode: 0, verdict };
  return { exitCode: 2, verdict, stderr: `${await report(verdict)}\nThe specs say the code does not do what they describe yet: fix the code (not the specs or steps), then check again with npx spec verify --changed --reporter agent.\n` };
}

async function claudeStop(payload: Record<string, unknown>, env: SpecEnvironment): Promise<HookAnswer> {
  const verdict = await run({}, env);
  const session = typeof payload.session_id === 'string' ? payload.session_id : '';
  if (verdict.exitCode === 0) {
    await saveRounds(env.cwd, session, 0);
    return { exitCode: 0, verdict };
  }
  const rounds = payload.stop_hook_active === true ? await loadRounds(env.cwd, session) : 0;
  if (rounds >= STOP_ROUNDS) {
    await saveRounds(env.cwd, session, 0);
    return { exitCode: 0, verdict, stdout: `specloop: the gate still fails after ${STOP_ROUNDS} rounds; letting the agent stop. ${verdict.summary}\n` };
  }
  await saveRounds(env.cwd, session, rounds + 1);
  return { exitCode: 2, verdict, stderr: `${await report(verdict)}\nThe work is not done: npx spec verify fails. Fix the code (not the specs or steps) until it passes.\n` };
}

async function cursorStop(payload: Record<string, unknown>, env: SpecEnvironment): Promise<HookAnswer> {
  // An aborted or failed agent run is the person's to look at, not a reason to go on.
  if (payload.status !== undefined && payload.status !== 'completed') return { exitCode: 0, stdout: '{}\n' };
  const verdict = await run({}, env);
  if (verdict.exitCode === 0) return { exitCode: 0, verdict, stdout: '{}\n' };
  const followup = `npx spec verify fails, so the work is not done. Fix the code (not the specs or steps) until it passes:\n\n${await report(verdict)}`;
  return { exitCode: 0, verdict, stdout: `${JSON.stringify({ followup_message: followup })}\n` };
}

function run(options: VerifyOptions, env: SpecEnvironment): Promise<Verdict> {
  // Hooks run as their own process, so the scenarios may take a thread of it (verify tells
  // whether this process stands in the project: processCwd is its to read, not a caller's to say).
  const { processCwd: _here, ...given } = env;
  return verify({ defaultRunner: 'thread', ...options }, given);
}

async function report(verdict: Verdict): Promise<string> {
  // Read by the agent, never by a terminal: no colour.
  const { loadRenderer } = await import('../report/reporters.js');
  return (await loadRenderer('agent', { to: 'stdout', colorLevel: 0 }))(verdict);
}

/** The file an edit tool wrote: Write, Edit and MultiEdit say `tool_input.file_path`, NotebookEdit `notebook_path`. */
function editedFile(payload: Record<string, unknown>): string | undefined {
  const input = payload.tool_input as Record<string, unknown> | undefined;
  const file = input?.file_path ?? input?.notebook_path ?? payload.file_path;
  return typeof file === 'string' && file !== '' ? file : undefined;
}

/** The file relative to the project, also when one of the two paths goes through a symlink; undefined outside it. */
function projectFile(root: string, file: string): string | undefined {
  const inside = (from: string, to: string) => {
    const rel = path.relative(from, path.resolve(from, to));
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : undefined;
  };
  return inside(root, file) ?? inside(realpathOr(root), realpathOr(path.resolve(root, file)));
}

function realpathOr(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

function ignoredHere(rel: string): boolean {
  return /(^|\/)(node_modules|\.spec|\.git)(\/|$)/.test(rel);
}

/** Rounds by agent session: two sessions in one project must not reset each other's count. */
async function loadState(root: string): Promise<Record<string, number>> {
  try {
    const state: unknown = JSON.parse(await readFile(path.join(root, STATE_FILE), 'utf8'));
    return state && typeof state === 'object' && !Array.isArray(state) ? (state as Record<string, number>) : {};
  } catch {
    return {};
  }
}

async function loadRounds(root: string, session: string): Promise<number> {
  const rounds = (await loadState(root))[session];
  return typeof rounds === 'number' ? rounds : 0;
}

async function saveRounds(root: string, session: string, rounds: number): Promise<void> {
  const target = path.join(root, STATE_FILE);
  try {
    const state = await loadState(root);
    delete state[session];
    if (rounds > 0) state[session] = rounds;
    // The newest sessions only: the file must not grow with every session ever run.
    const kept = Object.fromEntries(Object.entries(state).slice(-20));
    ensureDir(path.dirname(target));
    const { default: writeFileAtomic } = await import('write-file-atomic');
    await writeFileAtomic(target, JSON.stringify(kept));
  } catch {
    // Only a loop guard: losing it means at worst one more round.
  }
}
