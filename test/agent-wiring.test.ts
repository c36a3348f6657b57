import { describe, expect, it } from 'vitest';
import { agentPlan, hookCommand, CLAUDE_EDIT_HOOK, CLAUDE_STOP_HOOK, CODEX_EDIT_HOOK, CODEX_STOP_HOOK, CURSOR_EDIT_HOOK, CURSOR_STOP_HOOK, INSTRUCTIONS, withSection } from '../src/init/agent-wiring.js';

describe('withSection', () => {
  it('creates the file from the section alone', () => {
    expect(withSection(undefined, INSTRUCTIONS)).toBe(INSTRUCTIONS);
  });

  it('appends after a blank line, keeping every byte that was there', () => {
    const next = withSection('# Rules\nBe brief.', INSTRUCTIONS)!;
    expect(next.startsWith('# Rules\nBe brief.\n\n')).toBe(true);
    expect(next.endsWith(INSTRUCTIONS)).toBe(true);
  });

  it('adds nothing when a specloop section is already there, edited or not', () => {
    const edited = withSection('# Rules\n', INSTRUCTIONS)!.replace('Fix what it reports', 'Fix it');
    expect(withSection(edited, INSTRUCTIONS)).toBeUndefined();
  });
});

describe('agent hooks', () => {
  const claude = agentPlan('claude').hooks[0]!;
  const cursor = agentPlan('cursor').hooks[0]!;

  it('adds Claude Code hooks beside the settings and hooks already there', () => {
    const own = { matcher: 'Bash', hooks: [{ type: 'command', command: 'echo hi' }] };
    const next = claude.merge({ model: 'opus', hooks: { PostToolUse: [own] } })!;
    expect(next.model).toBe('opus');
    const hooks = next.hooks as Record<string, { matcher?: string; hooks: { command: string }[] }[]>;
    expect(hooks.PostToolUse![0]).toEqual(own);
    expect(hooks.PostToolUse![1]).toMatchObject({ matcher: 'Edit|MultiEdit|Write', hooks: [{ command: CLAUDE_EDIT_HOOK }] });
    expect(hooks.Stop![0]!.hooks[0]!.command).toBe(CLAUDE_STOP_HOOK);
  });

  it('changes nothing the second time', () => {
    expect(claude.merge(claude.merge({})!)).toBeUndefined();
    expect(cursor.merge(cursor.merge({})!)).toBeUndefined();
  });

  it('runs the package\'s spec at a workspace root without one (pnpm), and adds no second hook either way', () => {
    const prefixed = agentPlan('claude', undefined, ['packages/e2e'], 'packages/e2e');
    const next = prefixed.hooks[0]!.merge({})!;
    const hooks = next.hooks as Record<string, { hooks: { command: string }[] }[]>;
    expect(hooks.Stop![0]!.hooks[0]!.command).toBe('npx --no-install --prefix packages/e2e spec hook claude stop');
    expect(hookCommand('cursor', 'edit', 'my pkgs/e2e')).toBe("npx --no-install --prefix 'my pkgs/e2e' spec hook cursor edit");
    expect(claude.merge(next)).toBeUndefined();
    expect(prefixed.hooks[0]!.merge(claude.merge({})!)).toBeUndefined();
    expect(agentPlan('cursor', undefined, ['packages/e2e'], 'packages/e2e').hooks[0]!.merge(cursor.merge({})!)).toBeUndefined();
    expect(prefixed.sections[0]!.section).toContain('`npx --prefix packages/e2e spec verify --cwd packages/e2e --reporter agent`');
    expect(prefixed.mcp.servers).toEqual([{ name: 'specloop-e2e', args: ['--no-install', '--prefix', 'packages/e2e', 'spec', 'mcp', '--cwd', 'packages/e2e'] }]);
  });

  it('gives Cursor an afterFileEdit hook beside its own and a stop hook with a loop limit, keeping its version', () => {
    const next = cursor.merge({ version: 1, hooks: { afterFileEdit: [{ command: 'prettier' }] } })!;
    expect(next).toEqual({ version: 1, hooks: { afterFileEdit: [{ command: 'prettier' }, { command: CURSOR_EDIT_HOOK }], stop: [{ command: CURSOR_STOP_HOOK, loop_limit: 3 }] } });
  });

  it('registers each agent\'s MCP server where it reads it', () => {
    const servers = [{ name: 'specloop', args: ['--no-install', 'spec', 'mcp'] }];
    expect(agentPlan('claude').mcp).toEqual({ file: '.mcp.json', format: 'json', servers });
    expect(agentPlan('cursor').mcp).toEqual({ file: '.cursor/mcp.json', format: 'json', servers });
    expect(agentPlan('codex').mcp).toEqual({ file: '.codex/config.toml', format: 'toml', servers });
  });

  it('at a workspace root registers one server per package, named after its folder', () => {
    expect(agentPlan('claude', undefined, ['packages/e2e']).mcp.servers).toEqual([{ name: 'specloop-e2e', args: ['--no-install', 'spec', 'mcp', '--cwd', 'packages/e2e'] }]);
    // Two folders of one name are told apart by their whole path.
    expect(agentPlan('codex', undefined, ['apps/api', 'packages/api', 'packages/web']).mcp.servers.map((s) => s.name)).toEqual(['specloop-apps-api', 'specloop-packages-api', 'specloop-web']);
  });

  it('refuses hooks of an unexpected shape instead of replacing them', () => {
    expect(() => claude.merge({ hooks: 'none' })).toThrow('"hooks" is not an object');
    expect(() => claude.merge({ hooks: { PostToolUse: [null] } })).toThrow('"hooks.PostToolUse" is not a list of objects');
    expect(() => cursor.merge({ hooks: { stop: {} } })).toThrow('"hooks.stop" is not a list of objects');
  });

  it('gives Codex AGENTS.md and its hooks in Claude Code\'s schema, matching apply_patch edits', () => {
    const plan = agentPlan('codex');
    expect(plan).toMatchObject({ sections: [{ file: 'AGENTS.md' }], hooks: [{ file: '.codex/hooks.json' }] });
    const next = plan.hooks[0]!.merge({ hooks: { SessionStart: [{ hooks: [{ type: 'command', command: 'echo hi' }] }] } })!;
    const hooks = next.hooks as Record<string, { matcher?: string; hooks: { command: string }[] }[]>;
    expect(hooks.SessionStart).toHaveLength(1);
    expect(hooks.PostToolUse).toEqual([{ matcher: 'apply_patch|Edit|Write', hooks: [{ type: 'command', command: CODEX_EDIT_HOOK, timeout: 300 }] }]);
    expect(hooks.Stop![0]!.hooks[0]!.command).toBe(CODEX_STOP_HOOK);
    expect(plan.hooks[0]!.merge(next)).toBeUndefined();
  });
});
