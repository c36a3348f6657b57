import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { StdioServerTransport } from '@modelcontextprotocol/server/stdio';
import { locateProject } from '../config/project-root.js';
import { makeEnvironment } from '../core/env.js';
import { isSpecloopError } from '../core/errors.js';
import { configureTiming } from '../core/timing.js';
import { PLAIN, renderProblem } from '../report/problem.js';
import { createSpecServer, SpecTools } from './server.js';

export const MCP_HELP = `spec mcp [--cwd DIR]

Serve the project's specs to an agent over the Model Context Protocol (stdio): tools verify,
list_specs, explain_failure, steps and debt. stdout carries only the protocol; logs go to stderr.
The server ends when its client closes stdin.
`;

/**
 * `spec mcp`: the MCP front end. Resolves when the client has gone and every runner is stopped;
 * the exit code is 0 then, 2 for bad arguments or no project.
 */
export async function runMcp(argv: string[]): Promise<number> {
  try {
    return await serve(argv);
  } catch (error) {
    process.stderr.write(`spec: internal error (SPEC_INTERNAL): ${(error as Error).stack ?? String(error)}\nPlease report this with the command you ran.\n`);
    return 1;
  }
}

async function serve(argv: string[]): Promise<number> {
  configureTiming(process.env, process.stderr);
  let cwd: string | undefined;
  try {
    const { values } = parseArgs({ args: argv, options: { cwd: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
    if (values.help) return void process.stdout.write(MCP_HELP), 0;
    cwd = values.cwd;
  } catch (error) {
    process.stderr.write(`spec: mcp: ${(error as Error).message} (SPEC_USAGE)\n  → usage: spec mcp [--cwd DIR]\n`);
    return 2;
  }
  let place;
  try {
    place = locateProject(cwd ?? process.cwd());
  } catch (error) {
    if (!isSpecloopError(error)) throw error;
    process.stderr.write(`${error.problems.map((p) => renderProblem(p, PLAIN, 'spec:')).join('\n')}\n`);
    return 2;
  }
  const protocol = claimStdout();
  const env = makeEnvironment({ cwd: place.root, stdout: process.stderr });
  const tools = new SpecTools(place, env);
  const server = createSpecServer(tools);
  tools.runs.start();
  const closed = new Promise<void>((resolve) => {
    const stop = () => {
      tools.runs.stop();
      resolve();
    };
    server.server.onclose = stop;
    process.stdin.once('end', stop);
    process.once('SIGTERM', stop).once('SIGINT', stop).once('SIGHUP', stop);
  });
  await server.connect(new StdioServerTransport(process.stdin, protocol));
  await closed;
  await server.close().catch(() => undefined);
  await tools.runs.release();
  return 0;
}

/**
 * stdout belongs to the protocol: the transport gets the real stream, and everything else that
 * writes to process.stdout (a library's console.log, a stray print) lands on stderr instead.
 */
function claimStdout(): Writable {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      write(chunk, (error) => done(error ?? undefined));
    },
  });
}
