/**
 * Agent hooks at a workspace root. An agent session starts at the repository's root, so that is
 * where `spec init --agent` wires its hooks, while the suites live in workspace packages
 * (packages/api). A root with no specs of its own answers each hook for the packages that have a
 * suite: an edit in the packages it touched or whose linked packages it touched, a stop in every one. Answering "no specs here" on
 * every edit would teach the agent to ignore the hook.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { linkedPackageOf } from '../core/linked-packages.js';
import type { SpecEnvironment } from '../core/env.js';
import type { HookAnswer, HookEvent } from './hook.js';
import { editedFiles } from './hook-payload.js';

/** One project's hook; `verify` is the command its answer names (the agent stands at the root: --cwd). */
type OneHook = (hook: HookEvent, payload: Record<string, unknown>, env: SpecEnvironment, verify: string) => Promise<HookAnswer>;

/** The packages an edit or a stop concerns: those holding an edited file, all of them when the payload names none. */
export function suitesConcerned(hook: HookEvent, payload: Record<string, unknown>, root: string, suites: string[]): string[] {
  if (hook.event === 'stop') return suites;
  const edited = editedFiles(payload, root);
  if (!edited) return suites;
  // A package's suite also answers for the linked packages it imports (packages/core): their code is what it checks.
  const reaches = (suite: string, file: string) => linkedPackageOf(path.join(root, suite), realpathOr(path.join(root, file))) !== undefined;
  return suites.filter((suite) => edited.inside.some((file) => file === suite || file.startsWith(`${suite}/`) || reaches(suite, file)));
}

function realpathOr(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

export async function acrossSuites(hook: HookEvent, payload: Record<string, unknown>, env: SpecEnvironment, suites: string[], one: OneHook): Promise<HookAnswer> {
  // A relative path in the payload is from where the agent stands: the root, unless it says.
  const located = { ...payload, cwd: typeof payload.cwd === 'string' && path.isAbsolute(payload.cwd) ? payload.cwd : env.cwd };
  const answers: [string, HookAnswer][] = [];
  const npx = await npxHere(env.cwd, suites);
  // One package after another: each run may take both cores.
  for (const suite of suitesConcerned(hook, payload, env.cwd, suites)) answers.push([suite, await one(hook, located, { ...env, cwd: path.join(env.cwd, suite) }, `${npx} spec verify --cwd ${suite}`)]);
  return combined(hook, answers);
}

/** `npx`, or where the root's node_modules has no spec (pnpm) `npx --prefix PACKAGE`: the command named must run where the agent stands. */
async function npxHere(root: string, suites: string[]): Promise<string> {
  const [{ specFrom }, { prefix }] = await Promise.all([import('../init/install-hints.js'), import('../init/agent-wiring.js')]);
  return `npx${prefix(specFrom(root, suites))}`;
}

/** One answer in the agent's protocol: the worst exit, each package's words under its name (its commands already name it). */
export function combined(hook: HookEvent, answers: [string, HookAnswer][]): HookAnswer {
  const exitCode = Math.max(0, ...answers.map(([, a]) => a.exitCode));
  const verdict = (answers.find(([, a]) => a.exitCode !== 0 || (a.verdict && a.verdict.exitCode !== 0)) ?? answers[0])?.[1].verdict;
  const stderr = answers.filter(([, a]) => a.stderr).map(([suite, a]) => `── ${suite} (its paths are under ${suite}/) ──\n${a.stderr}`).join('\n');
  const stdout = combinedStdout(hook, answers);
  return { exitCode, ...(verdict ? { verdict } : {}), ...(stdout ? { stdout } : {}), ...(stderr ? { stderr } : {}) };
}

/**
 * Stdout is JSON the agent reads (Codex and Claude's `systemMessage`, Cursor's `followup_message`),
 * so the packages' messages are joined into one object of the same shape.
 */
function combinedStdout(hook: HookEvent, answers: [string, HookAnswer][]): string | undefined {
  const said = answers.filter(([, a]) => a.stdout);
  if (!said.length) return undefined;
  const key = hook.agent === 'cursor' ? 'followup_message' : 'systemMessage';
  const parts = said.map(([suite, a]) => [suite, messageIn(a.stdout!, key)] as const).filter(([, text]) => text);
  if (!parts.length) return hook.agent === 'cursor' || hook.agent === 'codex' ? '{}\n' : undefined;
  return `${JSON.stringify({ [key]: parts.map(([suite, text]) => `${suite}: ${text}`).join('\n\n') })}\n`;
}

function messageIn(stdout: string, key: string): string {
  try {
    const parsed: unknown = JSON.parse(stdout);
    const value = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>)[key] : undefined;
    return typeof value === 'string' ? value : '';
  } catch {
    return stdout.trim();
  }
}
