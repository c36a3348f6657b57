/**
 * Registering specloop's MCP server (`spec mcp` over stdio) where each agent reads its project's
 * servers: Claude Code `.mcp.json` and Cursor `.cursor/mcp.json` (`mcpServers`, JSON), Codex
 * `.codex/config.toml` (`[mcp_servers.NAME]`, TOML). Pure: init.ts does the file I/O.
 *
 * TOML is appended to as text, never re-serialised: no maintained TOML library for Node writes a
 * document back with the person's comments and layout, and a config the person wrote by hand
 * must come back as it was. smol-toml only parses, to refuse a file that is not TOML and to see
 * whether the server is registered already.
 */
import { isDeepStrictEqual } from 'node:util';
import { parse as parseToml, TomlError } from 'smol-toml';
import { isPlainObject } from '../core/plain-object.js';

export const MCP_SERVER_NAME = 'specloop';
/** What `npx --no-install spec mcp` is, as the agents' configs spell a stdio server. */
export const MCP_SERVER = { command: 'npx', args: ['--no-install', 'spec', 'mcp'] } as const;

/** What registering the server in one file comes to. */
export type McpEdit =
  | { kind: 'add'; text: string }
  | { kind: 'present' }
  /** The file has a specloop server that is not ours: the person's choice, left alone. */
  | { kind: 'own' };

/** Thrown when the file cannot be edited safely as it is; the message says why, with its line. */
export class McpConfigError extends Error {}

/**
 * The `mcpServers` object with specloop's server added; `present` or `own` when it has one.
 * Throws McpConfigError when `mcpServers` is not an object.
 */
export function mergeJsonMcp(settings: Record<string, unknown>): { settings: Record<string, unknown> } | { kind: 'present' | 'own' } {
  const servers = settings.mcpServers;
  if (servers !== undefined && !isPlainObject(servers)) throw new McpConfigError('"mcpServers" is not an object');
  const existing = servers?.[MCP_SERVER_NAME];
  if (existing !== undefined) return { kind: isOurs(existing) ? 'present' : 'own' };
  return { settings: { ...settings, mcpServers: { ...servers, [MCP_SERVER_NAME]: { ...MCP_SERVER, args: [...MCP_SERVER.args] } } } };
}

/** The Codex config with a `[mcp_servers.specloop]` table appended; throws McpConfigError on a file that is not TOML. */
export function editTomlMcp(text: string | undefined): McpEdit {
  const config = text === undefined ? {} : parsedToml(text);
  const servers = config.mcp_servers;
  if (servers !== undefined && !isPlainObject(servers)) throw new McpConfigError('"mcp_servers" is not a table');
  const existing = servers?.[MCP_SERVER_NAME];
  if (existing !== undefined) return { kind: isOurs(existing) ? 'present' : 'own' };
  const table = `[mcp_servers.${MCP_SERVER_NAME}]\ncommand = "${MCP_SERVER.command}"\nargs = [${MCP_SERVER.args.map((a) => `"${a}"`).join(', ')}]\n`;
  if (text === undefined || text.trim() === '') return { kind: 'add', text: table };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const separator = text.endsWith(`${eol}${eol}`) ? '' : text.endsWith(eol) ? eol : `${eol}${eol}`;
  const added = `${text}${separator}${table.replaceAll('\n', eol)}`;
  // An inline `mcp_servers = { … }` cannot take a table after it: say so rather than write a file Codex cannot read.
  try {
    parseToml(added);
  } catch {
    throw new McpConfigError('"mcp_servers" is written as an inline table, which cannot be extended without rewriting it; write it as [mcp_servers.NAME] tables');
  }
  return { kind: 'add', text: added };
}

function parsedToml(text: string): Record<string, unknown> {
  try {
    return parseToml(text) as Record<string, unknown>;
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const reason = error.message.split('\n')[0]!.replace(/^Invalid TOML document: /, '');
    throw new McpConfigError(`not valid TOML (line ${error.line}, column ${error.column}: ${reason})`);
  }
}

/** Ours whatever else the entry carries (a `type`, an `env`): only the command and its arguments say what runs. */
function isOurs(entry: unknown): boolean {
  return isPlainObject(entry) && entry.command === MCP_SERVER.command && isDeepStrictEqual(entry.args, [...MCP_SERVER.args]);
}
