/**
 * Agent hooks are protocol adapters, not reporters. A reporter renders the verdict alone, for any
 * place the user sends it, and the user picks it by name; a hook's answer is fixed by the agent
 * that runs it (Claude Code and Codex: exit 2 with the reason on stderr; Cursor: exit 0 with
 * `{"followup_message": …}` on stdout), depends on more than the verdict (the payload, how many
 * stop rounds went before) and must not change with a user's choice, or the agent stops listening.
 * So it is not in the registry. What it hands the agent inside that answer is a report, and that
 * comes from the registry by name: the agent reporter.
 */
import { makeEnvironment, type EnvironmentInput, type SpecEnvironment } from '../core/env.js';
import { workspaceSuites } from '../config/workspaces.js';
import type { Verdict } from '../report/verdict.js';
import { editAdvice, notDoneWhy } from './hook-advice.js';
import { changedOracleMessage, hasWithdrawn, oracleSinceAck, removedSpecsMessage, type OracleSinceAck } from './hook-oracle.js';
import { editedFiles } from './hook-payload.js';
import { loadRounds, saveRounds } from './hook-rounds.js';
import { acrossSuites } from './hook-workspaces.js';
import { verify, type VerifyOptions } from './verify.js';

export type HookEvent = { agent: 'claude' | 'codex' | 'cursor'; event: 'edit' | 'stop' };

/** What the agent's hook runner is told: an exit code and what goes on each stream. */
export interface HookAnswer {
  exitCode: number;
  stdout?: string;
  stderr?: string;
  verdict?: Verdict;
}

/** How often in a row a failing gate may send the agent back to work before it is let stop. */
export const STOP_ROUNDS = 3;

/**
 * An agent hook: runs the oracle at the point the agent's hook fires and answers in that agent's
 * protocol. Claude Code and Codex feed a hook's stderr back to the model when it exits 2; Cursor's
 * stop hook continues the agent with the `followup_message` it prints as JSON. Cursor reads no
 * answer from afterFileEdit, so its edit hook reports to Cursor's hook log only, and its stop
 * hook is what sends the agent back.
 */
export async function agentHook(hook: HookEvent, payload: Record<string, unknown>, environment: EnvironmentInput = {}): Promise<HookAnswer> {
  const env = makeEnvironment(environment);
  const answer = await oneHook(hook, payload, env);
  if (!answer.verdict?.failures.some((f) => f.code === 'SPEC_NO_SPECS')) return answer;
  // A workspace root whose suites are in its packages: the hook answers for them.
  const suites = await workspaceSuites(env.cwd);
  return suites.length ? acrossSuites(hook, payload, env, suites, oneHook) : answer;
}

/** `verify`: the command the answer tells the agent to run, as it runs from where it stands. */
function oneHook(hook: HookEvent, payload: Record<string, unknown>, env: SpecEnvironment, verify = 'npx spec verify'): Promise<HookAnswer> {
  if (hook.event === 'edit') return afterEdit(hook.agent, payload, env, verify);
  return hook.agent === 'cursor' ? cursorStop(payload, env, verify) : claudeStop(hook.agent, payload, env, verify);
}

async function afterEdit(agent: HookEvent['agent'], payload: Record<string, unknown>, env: SpecEnvironment, verify: string): Promise<HookAnswer> {
  const edited = editedFiles(payload, env.cwd);
  if (edited && !edited.inside.length) return { exitCode: 0 };
  // The edited files count as changed even when git sees none (the agent committed them).
  let verdict = await run({ changed: true, gates: false, ...(edited ? { changedFiles: edited.inside } : {}) }, env);
  // The advice names the command the hook itself ran: `--changed` exits 2 where there is no git.
  let again = `${verify} --changed --reporter agent`;
  // Without git there is no "changed": every scenario, still without the slower gates (run more, never less).
  if (verdict.failures.some((f) => f.code === 'SPEC_NO_GIT' || f.code === 'SPEC_GIT_REVISION')) {
    verdict = await run({ gates: false }, env);
    again = `${verify} --gate none --reporter agent`;
  }
  const removed = await removedSince(env);
  if (verdict.exitCode === 0 && !removed) return { exitCode: 0, verdict };
  if (verdict.exitCode === 0) return { exitCode: agent === 'cursor' ? 0 : 2, verdict, stderr: `${removed}\n` };
  const advice = editAdvice(verdict);
  const stderr = `${await report(verdict)}${removed ? `\n${removed}` : ''}\n${advice}, then check again with ${again}.\n`;
  // Cursor ignores an afterFileEdit hook's exit code and output: exit 0, the report for its hook log.
  return { exitCode: agent === 'cursor' ? 0 : 2, verdict, stderr };
}

async function claudeStop(agent: 'claude' | 'codex', payload: Record<string, unknown>, env: SpecEnvironment, verify: string): Promise<HookAnswer> {
  const [verdict, moved] = await Promise.all([run({}, env), oracleSinceAck(env)]);
  const session = typeof payload.session_id === 'string' ? payload.session_id : '';
  // Stopping over a removed spec would let a deleted check pass for a done job.
  if (verdict.exitCode === 0 && !hasWithdrawn(moved)) {
    await saveRounds(env.cwd, session, 0);
    // Exit 0 with JSON on stdout: Claude Code and Codex show a systemMessage to the person.
    return { exitCode: 0, verdict, ...(moved ? { stdout: `${JSON.stringify({ systemMessage: changedOracleMessage(moved, verdict.exitCode) })}\n` } : {}) };
  }
  const rounds = payload.stop_hook_active === true ? await loadRounds(env.cwd, session) : 0;
  if (rounds >= STOP_ROUNDS) {
    await saveRounds(env.cwd, session, 0);
    const still = verdict.exitCode === 0 ? 'a spec or scenario acked is still removed, left out or a draft' : 'the gate still fails';
    const message = [`specloop: ${still} after ${STOP_ROUNDS} rounds; letting the agent stop. ${verdict.summary}`, ...oracleLines(moved, verdict)].join('\n');
    // Codex fails a Stop hook whose stdout is not its JSON; systemMessage shows the person why the agent stopped.
    return { exitCode: 0, verdict, stdout: agent === 'codex' ? `${JSON.stringify({ systemMessage: message })}\n` : `${message}\n` };
  }
  await saveRounds(env.cwd, session, rounds + 1);
  const failing = verdict.exitCode === 0 ? '' : `${await report(verdict)}\nThe work is not done: ${notDoneWhy(moved, verdict, verify)}\n`;
  return { exitCode: 2, verdict, stderr: `${failing}${hasWithdrawn(moved) ? `${removedSpecsMessage(moved)}\n` : ''}` };
}

async function cursorStop(payload: Record<string, unknown>, env: SpecEnvironment, verify: string): Promise<HookAnswer> {
  // An aborted or failed agent run is the person's to look at, not a reason to go on.
  if (payload.status !== undefined && payload.status !== 'completed') return { exitCode: 0, stdout: '{}\n' };
  const [verdict, moved] = await Promise.all([run({}, env), oracleSinceAck(env)]);
  const removed = hasWithdrawn(moved) ? removedSpecsMessage(moved) : '';
  // Cursor's stop hook answers only with a follow-up to the agent: a change to review goes to its hook log.
  const log = moved?.changed.length ? `${changedOracleMessage(moved, verdict.exitCode)}\n` : undefined;
  if (verdict.exitCode === 0 && !removed) return { exitCode: 0, verdict, stdout: '{}\n', ...(log ? { stderr: log } : {}) };
  const failing = verdict.exitCode === 0 ? '' : `The work is not done: ${notDoneWhy(moved, verdict, verify).replace(/\.$/, ':')}\n\n${await report(verdict)}`;
  const followup = [failing, removed].filter(Boolean).join('\n\n');
  return { exitCode: 0, verdict, stdout: `${JSON.stringify({ followup_message: followup })}\n`, ...(log ? { stderr: log } : {}) };
}

/** The edit hook tells the agent only of a removed spec: a changed one is the Stop hook's to show the person. */
async function removedSince(env: SpecEnvironment): Promise<string | undefined> {
  const moved = await oracleSinceAck(env);
  return hasWithdrawn(moved) ? removedSpecsMessage(moved) : undefined;
}

function oracleLines(moved: OracleSinceAck | undefined, verdict: Verdict): string[] {
  if (!moved) return [];
  return [...(hasWithdrawn(moved) ? [removedSpecsMessage(moved)] : []), ...(moved.changed.length ? [changedOracleMessage(moved, verdict.exitCode)] : [])];
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
