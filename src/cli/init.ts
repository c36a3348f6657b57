import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { init } from '../api/init.js';
import { colorFor } from '../report/color.js';
import { renderProblem } from '../report/problem.js';
import { parseCommandArgs } from './args.js';
import { INIT_HELP } from './help.js';
import { SpecloopError } from '../core/errors.js';
import { AGENTS, type AgentName } from '../init/agent-wiring.js';

export async function runInit(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('init', argv, {
    cwd: { type: 'string' },
    agent: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(INIT_HELP);
    return 0;
  }
  const cwd = path.resolve(values.cwd ?? positionals[0] ?? process.cwd());
  const agent = values.agent;
  if (agent !== undefined && !(AGENTS as readonly string[]).includes(agent)) {
    throw new SpecloopError({ code: 'SPEC_USAGE', message: `init: --agent takes ${AGENTS.join(', ')}, not "${agent}"`, hint: 'e.g. spec init --agent claude' });
  }
  // A folder named on the command line is the one to set up, so it may be new.
  try {
    mkdirSync(cwd, { recursive: true });
  } catch (error) {
    throw new SpecloopError({ code: 'SPEC_OUTPUT_UNWRITABLE', message: `init: cannot create ${cwd}: ${(error as Error).message}`, hint: 'name a folder you can create, or an existing one' });
  }
  const report = await init({ cwd, ...(agent ? { agent: agent as AgentName } : {}) });
  // Exit 2 (bad input) when wiring was refused: a settings file the person must fix first.
  const exitCode = report.notDone.length ? 2 : 0;
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return exitCode;
  }
  const c = colorFor(process.stdout, process.env);
  const lines = [
    ...existingSuiteLines(report.existingSuite, c.dim),
    ...report.created.map((f) => `${c.green('created')} ${f}`),
    ...report.updated.map((f) => `${c.green('updated')} ${f} ${c.dim('(specloop section, hooks or MCP server added; nothing else changed)')}`),
    ...report.kept.map((f) => `${c.dim('kept   ')} ${f} ${c.dim('(exists, not touched)')}`),
    ...report.hints.map((h) => `${c.yellow('→')} ${h}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const e = colorFor(process.stderr, process.env);
  for (const problem of report.notDone) {
    process.stderr.write(`${renderProblem({ ...problem, message: `${problem.file}: ${problem.message}` }, e, e.red('not done'))}\n`);
  }
  return exitCode;
}

function existingSuiteLines(found: string[], dim: (text: string) => string): string[] {
  if (!found.length) return [];
  return [`found an existing suite: ${found.join(', ')}`, `wrote no example ${dim('(this project has its own suite; an example config would shadow it)')}`];
}
