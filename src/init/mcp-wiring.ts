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

/** One server to register: its name in the agent's config and its arguments to npx. */
export interface McpServerEntry {
  name: string;
  args: readonly string[];
}

const PROJECT_SERVER: McpServerEntry = { name: MCP_SERVER_NAME, args: MCP_SERVER.args };

/**
 * The servers a project registers: one for the project, or at a workspace root one per package
 * with a suite (`spec mcp --cwd packages/e2e`), since the root's own server would find no spec.
 * Named after the package's folder (the whole path where two folders share a name).
 */
export function mcpServersFor(suites: readonly string[], from?: string): McpServerEntry[] {
  if (!suites.length) return [PROJECT_SERVER];
  const slug = (text: string) => text.replace(/[^A-Za-z0-9_-]+/g, '-');
  const base = (suite: string) => slug(suite.split('/').pop()!);
  return suites.map((suite) => {
    const shared = suites.filter((other) => base(other) === base(suite)).length > 1;
    // npx --prefix PACKAGE: the root's node_modules has no spec (pnpm), that package's has.
    const args = from === undefined ? MCP_SERVER.args : ['--no-install', '--prefix', from, 'spec', 'mcp'];
    return { name: `${MCP_SERVER_NAME}-${shared ? slug(suite) : base(suite)}`, args: [...args, '--cwd', suite] };
  });
}

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
export function mergeJsonMcp(settings: Record<string, unknown>, server: McpServerEntry = PROJECT_SERVER): { settings: Record<string, unknown> } | { kind: 'present' | 'own' } {
  const servers = settings.mcpServers;
  if (servers !== undefined && !isPlainObject(servers)) throw new McpConfigError('"mcpServers" is not an object');
  const existing = servers?.[server.name];
  if (existing !== undefined) return { kind: isOurs(existing, server) ? 'present' : 'own' };
  return { settings: { ...settings, mcpServers: { ...servers, [server.name]: { command: MCP_SERVER.command, args: [...server.args] } } } };
}

/** The Codex config with a `[mcp_servers.specloop]` table appended; throws McpConfigError on a file that is not TOML. */
export function editTomlMcp(text: string | undefined, server: McpServerEntry = PROJECT_SERVER): McpEdit {
  const config = text === undefined ? {} : parsedToml(text);
  const servers = config.mcp_servers;
  if (servers !== undefined && !isPlainObject(servers)) throw new McpConfigError('"mcp_servers" is not a table');
  const existing = servers?.[server.name];
  if (existing !== undefined) return { kind: isOurs(existing, server) ? 'present' : 'own' };
  const table = `[mcp_servers.${server.name}]\ncommand = "${MCP_SERVER.command}"\nargs = [${server.args.map((a) => JSON.stringify(a)).join(', ')}]\n`;
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
function isOurs(entry: unknown, server: McpServerEntry): boolean {
  return isPlainObject(entry) && entry.command === MCP_SERVER.command && Array.isArray(entry.args) && isDeepStrictEqual(withoutPrefix(entry.args), withoutPrefix(server.args));
}

/** Whichever package's spec npx runs (`--prefix`), it is the same server: a re-run of init keeps it. */
function withoutPrefix(args: readonly unknown[]): unknown[] {
  const at = args.indexOf('--prefix');
  return at === -1 ? [...args] : [...args.slice(0, at), ...args.slice(at + 2)];
}

/**
 * At a workspace root, specloop's own project server registered there before (by an older init)
 * finds no spec: said, never removed (the file is the person's).
 */
export function rootServerNote(file: string, servers: readonly McpServerEntry[], registered: Record<string, unknown> | string | undefined): string | undefined {
  if (servers.some((server) => server.name === MCP_SERVER_NAME) || registered === undefined) return undefined;
  const config = typeof registered === 'string' ? parsedToml(registered).mcp_servers : registered.mcpServers;
  const entry = isPlainObject(config) ? config[MCP_SERVER_NAME] : undefined;
  if (!isOurs(entry, PROJECT_SERVER)) return undefined;
  return `${file} also registers the ${MCP_SERVER_NAME} server at this workspace root, where it finds no spec: remove it (${servers.map((server) => server.name).join(', ')} serve the packages)`;
}
