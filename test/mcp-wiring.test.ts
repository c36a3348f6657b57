import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { editTomlMcp, McpConfigError, mergeJsonMcp, MCP_SERVER, rootServerNote } from '../src/init/mcp-wiring.js';
import { patchFiles } from '../src/api/hook-payload.js';

const added = (text: string | undefined) => {
  const edit = editTomlMcp(text);
  if (edit.kind !== 'add') throw new Error(`expected an addition, got ${edit.kind}`);
  return edit.text;
};

describe('the Codex config (TOML)', () => {
  it('appends the server after a blank line, every byte before it kept', () => {
    const text = '# ours\nmodel = "o3" # pinned\n\n[mcp_servers.docs]\ncommand = "docs"\n';
    const next = added(text);
    expect(next.startsWith(`${text}\n[mcp_servers.specloop]\n`)).toBe(true);
    expect(JSON.parse(JSON.stringify(parse(next)))).toMatchObject({ model: 'o3', mcp_servers: { docs: { command: 'docs' }, specloop: MCP_SERVER } });
  });

  it('keeps the file\'s CRLF line endings and adds a break after a last line without one', () => {
    const next = added('model = "o3"\r\n[profiles.fast]\r\nmodel = "mini"');
    expect(next).toBe('model = "o3"\r\n[profiles.fast]\r\nmodel = "mini"\r\n\r\n[mcp_servers.specloop]\r\ncommand = "npx"\r\nargs = ["--no-install", "spec", "mcp"]\r\n');
  });

  it('writes the table alone into a new or empty file', () => {
    expect(added(undefined)).toBe('[mcp_servers.specloop]\ncommand = "npx"\nargs = ["--no-install", "spec", "mcp"]\n');
    expect(added('\n')).toBe(added(undefined));
  });

  it('finds the server however the TOML spells it, ours or the person\'s own', () => {
    expect(editTomlMcp('[mcp_servers]\nspecloop = { command = "npx", args = ["--no-install", "spec", "mcp"], env = { A = "1" } }\n')).toEqual({ kind: 'present' });
    expect(editTomlMcp('mcp_servers.specloop.command = "pnpm"\n')).toEqual({ kind: 'own' });
  });

  it('refuses a file that is not TOML, naming the line', () => {
    expect(() => editTomlMcp('a = 1\n[broken\n')).toThrow(/not valid TOML \(line 2, column \d+/);
    expect(() => editTomlMcp('mcp_servers = 3\n')).toThrow(McpConfigError);
  });

  it('refuses to append after an inline mcp_servers table, which TOML does not let a table extend', () => {
    expect(() => editTomlMcp('mcp_servers = { docs = { command = "docs" } }\n')).toThrow(/inline table/);
  });
});

describe('Claude Code and Cursor mcp.json', () => {
  it('adds the server beside the others and every other key', () => {
    const github = { command: 'npx', args: ['-y', 'gh'] };
    expect(mergeJsonMcp({ inputs: [], mcpServers: { github } })).toEqual({ settings: { inputs: [], mcpServers: { github, specloop: MCP_SERVER } } });
  });

  it('leaves a specloop server alone: ours as present (extra keys allowed), another command as the person\'s own', () => {
    expect(mergeJsonMcp({ mcpServers: { specloop: { type: 'stdio', ...MCP_SERVER } } })).toEqual({ kind: 'present' });
    expect(mergeJsonMcp({ mcpServers: { specloop: { command: 'node', args: ['bin/spec.js', 'mcp'] } } })).toEqual({ kind: 'own' });
  });

  it('refuses mcpServers of another shape instead of replacing it', () => {
    expect(() => mergeJsonMcp({ mcpServers: ['github'] })).toThrow('"mcpServers" is not an object');
  });

  it('adds a package\'s server beside the others, and knows it the second time', () => {
    const e2e = { name: 'specloop-e2e', args: ['--no-install', 'spec', 'mcp', '--cwd', 'packages/e2e'] };
    const added = mergeJsonMcp({ mcpServers: { specloop: MCP_SERVER } }, e2e);
    expect(added).toEqual({ settings: { mcpServers: { specloop: MCP_SERVER, 'specloop-e2e': { command: 'npx', args: e2e.args } } } });
    expect(mergeJsonMcp((added as { settings: Record<string, unknown> }).settings, e2e)).toEqual({ kind: 'present' });
    const toml = editTomlMcp(undefined, e2e);
    expect(toml).toEqual({ kind: 'add', text: '[mcp_servers.specloop-e2e]\ncommand = "npx"\nargs = ["--no-install", "spec", "mcp", "--cwd", "packages/e2e"]\n' });
    expect(editTomlMcp((toml as { text: string }).text, e2e)).toEqual({ kind: 'present' });
  });

  it('knows its server whichever package\'s spec npx runs (--prefix)', () => {
    const bare = { name: 'specloop-e2e', args: ['--no-install', 'spec', 'mcp', '--cwd', 'packages/e2e'] };
    const prefixed = { name: 'specloop-e2e', args: ['--no-install', '--prefix', 'packages/e2e', 'spec', 'mcp', '--cwd', 'packages/e2e'] };
    const added = (mergeJsonMcp({}, bare) as { settings: Record<string, unknown> }).settings;
    expect(mergeJsonMcp(added, prefixed)).toEqual({ kind: 'present' });
    expect(editTomlMcp((editTomlMcp(undefined, prefixed) as { text: string }).text, bare)).toEqual({ kind: 'present' });
  });

  it('names specloop\'s own root server at a workspace root, and no one else\'s', () => {
    const e2e = [{ name: 'specloop-e2e', args: ['--no-install', 'spec', 'mcp', '--cwd', 'packages/e2e'] }];
    expect(rootServerNote('.mcp.json', e2e, { mcpServers: { specloop: MCP_SERVER } })).toContain('remove it (specloop-e2e serve the packages)');
    expect(rootServerNote('.codex/config.toml', e2e, '[mcp_servers.specloop]\ncommand = "npx"\nargs = ["--no-install", "spec", "mcp"]\n')).toContain('finds no spec');
    expect(rootServerNote('.mcp.json', e2e, { mcpServers: { specloop: { command: 'node', args: ['bin/spec.js', 'mcp'] } } })).toBeUndefined();
    expect(rootServerNote('.mcp.json', [{ name: 'specloop', args: MCP_SERVER.args }], { mcpServers: { specloop: MCP_SERVER } })).toBeUndefined();
    expect(rootServerNote('.mcp.json', e2e, undefined)).toBeUndefined();
  });
});

describe('the files a Codex patch names', () => {
  it('reads added, updated, deleted and moved-to files, indented headers too', () => {
    const patch = ['*** Begin Patch', '*** Add File: src/new.ts', '+export {};', '*** Update File: src/old.ts', '*** Move to: src/moved.ts', '@@', '-a', '+b', '  *** Delete File: src/gone.ts', '*** End Patch'].join('\n');
    expect(patchFiles(patch)).toEqual(['src/new.ts', 'src/old.ts', 'src/moved.ts', 'src/gone.ts']);
  });

  it('does not take a changed line that merely contains a header for one', () => {
    expect(patchFiles('*** Begin Patch\n*** Update File: a.ts\n@@\n+// *** Add File: b.ts\n*** End Patch\n')).toEqual(['a.ts']);
  });
});
