/**
 * The hooks `spec init --agent` merges into an agent's settings: the command each runs, and the
 * merge, which adds specloop's hooks beside the person's and never a second one. Pure.
 */
import { isPlainObject } from '../core/plain-object.js';
import type { AgentName } from './agent-wiring.js';

export const CLAUDE_EDIT_HOOK = hookCommand('claude', 'edit');
export const CLAUDE_STOP_HOOK = hookCommand('claude', 'stop');
export const CURSOR_STOP_HOOK = hookCommand('cursor', 'stop');
export const CURSOR_EDIT_HOOK = hookCommand('cursor', 'edit');
export const CODEX_EDIT_HOOK = hookCommand('codex', 'edit');
export const CODEX_STOP_HOOK = hookCommand('codex', 'stop');

/** ` --prefix PACKAGE`: npx then runs that package's spec, in the folder the agent runs it from. */
export function prefix(from: string | undefined): string {
  if (from === undefined) return '';
  return ` --prefix ${/^[\w./@-]+$/.test(from) ? from : `'${from.replaceAll("'", "'\\''")}'`}`;
}

/** The command an agent runs for one of specloop's hooks. */
export function hookCommand(agent: AgentName, event: 'edit' | 'stop', from?: string): string {
  return `npx --no-install${prefix(from)} spec hook ${agent} ${event}`;
}

/** specloop's hook for that agent and event whichever package's spec it runs: a re-run of init adds no second one. */
function isOurHook(command: string | undefined, agent: AgentName, event: 'edit' | 'stop'): boolean {
  return typeof command === 'string' && command.startsWith('npx --no-install') && command.trimEnd().endsWith(` spec hook ${agent} ${event}`);
}

interface ClaudeMatcher {
  matcher?: string;
  hooks?: { type?: string; command?: string; timeout?: number }[];
}

/** Claude Code's hook schema, which Codex reads too (its edits arrive as apply_patch). */
export function mergeMatcherHooks(settings: Record<string, unknown>, editMatcher: string, agent: 'claude' | 'codex', from: string | undefined): Record<string, unknown> | undefined {
  const hooks = { ...hooksObject(settings) } as Record<string, ClaudeMatcher[]>;
  let changed = false;
  const add = (name: string, event: 'edit' | 'stop', entry: (command: string) => ClaudeMatcher) => {
    const list = listAt<ClaudeMatcher>(hooks, name);
    if (list.some((m) => m.hooks?.some((h) => isOurHook(h.command, agent, event)))) return;
    hooks[name] = [...list, entry(hookCommand(agent, event, from))];
    changed = true;
  };
  add('PostToolUse', 'edit', (command) => ({ matcher: editMatcher, hooks: [{ type: 'command', command, timeout: 300 }] }));
  add('Stop', 'stop', (command) => ({ hooks: [{ type: 'command', command, timeout: 900 }] }));
  return changed ? { ...settings, hooks } : undefined;
}

export function mergeCursorHooks(settings: Record<string, unknown>, from: string | undefined): Record<string, unknown> | undefined {
  const hooks = { ...hooksObject(settings) } as Record<string, { command?: string }[]>;
  let changed = false;
  const add = (name: string, event: 'edit' | 'stop', entry: Record<string, unknown>) => {
    const list = listAt<{ command?: string }>(hooks, name);
    if (list.some((h) => isOurHook(h.command, 'cursor', event))) return;
    hooks[name] = [...list, { command: hookCommand('cursor', event, from), ...entry }];
    changed = true;
  };
  add('afterFileEdit', 'edit', {});
  // loop_limit bounds how often a failing gate sends the agent back to work.
  add('stop', 'stop', { loop_limit: 3 });
  return changed ? { version: 1, ...settings, hooks } : undefined;
}

function hooksObject(settings: Record<string, unknown>): Record<string, unknown> {
  if (settings.hooks === undefined) return {};
  if (!isPlainObject(settings.hooks)) throw new Error('"hooks" is not an object');
  return settings.hooks;
}

function listAt<T>(hooks: Record<string, unknown>, event: string): T[] {
  const list = hooks[event];
  if (list === undefined) return [];
  if (!Array.isArray(list) || !list.every(isPlainObject)) throw new Error(`"hooks.${event}" is not a list of objects`);
  return list as T[];
}

