import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { verify } from '../api/verify.js';
import type { Verdict } from '../report/verdict.js';
import { ensureDir } from '../core/fs.js';
import { SpecloopError } from '../core/errors.js';
import { loadConfig } from '../config/load.js';
import { fromBase, type ProjectPlace } from '../config/project-root.js';
import { parseCommandArgs, splitList } from './args.js';
import { VERIFY_HELP } from './help.js';
import { enterProject, locate, pickReporter, withInterrupts, type Reporter } from './shared.js';

export async function runVerify(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('verify', argv, {
    tags: { type: 'string', short: 't' },
    name: { type: 'string', short: 'n', multiple: true },
    'fail-fast': { type: 'boolean' },
    'pass-with-no-scenarios': { type: 'boolean' },
    gate: { type: 'string', short: 'g', multiple: true },
    profile: { type: 'string', short: 'p' },
    config: { type: 'string', short: 'c' },
    cwd: { type: 'string' },
    json: { type: 'boolean' },
    reporter: { type: 'string', short: 'r' },
    'output-file': { type: 'string', short: 'o' },
    changed: { type: 'boolean' },
    since: { type: 'string' },
    coverage: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(VERIFY_HELP);
    return 0;
  }
  const flagged = values.json ? 'json' : values.reporter;
  // A bad --reporter is refused before anything starts; without one, the config's reporter decides.
  if (flagged !== undefined) pickReporter(flagged, process.env);
  const gates = splitList(values.gate);
  const place = locate(values.cwd);
  // Read beside the run, not before it: the runner's start-up overlaps it.
  const choice = flagged !== undefined ? Promise.resolve(flagged) : configuredReporter(place, values.config);
  const picked = choice.then((chosen) => pickReporter(chosen, process.env));
  let reporter: Reporter | undefined;
  void picked.then((r) => (reporter = r));
  const outputFile = values['output-file'] ? path.resolve(values['output-file']) : undefined;
  // Checked before the run: a report that can't be written must not cost a whole run first.
  if (outputFile) prepareOutputFile(outputFile);
  enterProject(place.root);
  const renderer = picked.then(loadRenderer);
  const verdict = await withInterrupts((signal) =>
    verify(
      {
        cwd: place.base,
        paths: positionals,
        tags: values.tags,
        names: values.name,
        failFast: values['fail-fast'],
        passWithNoScenarios: values['pass-with-no-scenarios'],
        gates: gates && gates.length === 1 && gates[0] === 'none' ? false : gates,
        profile: values.profile,
        configFile: values.config,
        changed: values.changed,
        since: values.since,
        defaultRunner: 'thread',
        ...(values.coverage ? { config: { coverage: true } } : {}),
        signal,
        // Step output goes to stderr so stdout stays the report (and pure JSON under --json).
        onOutput: (chunk) => {
          if (reporter !== 'json') process.stderr.write(chunk);
        },
      },
    ),
  );
  // What an agent reads as JSON is checked against the published schema first.
  if (outputFile || (await picked) === 'json') (await import('../report/verdict.js')).VerdictSchema.parse(verdict);
  if (outputFile) writeJson(outputFile, verdict);
  process.stdout.write((await renderer)(verdict));
  (await import('../core/timing.js')).mark('spec', 'printed');
  return verdict.exitCode;
}

/**
 * The config's "reporter", read before the run because the reporter decides where step output
 * goes. A config that does not load is left to verify, which reports it (in the default reporter).
 */
async function configuredReporter(place: ProjectPlace, configFile: string | undefined): Promise<Reporter | undefined> {
  try {
    return (await loadConfig(place.root, configFile ? fromBase(place, configFile) : undefined)).reporter;
  } catch {
    return undefined;
  }
}

/** Reporters load while the run goes on: neither on the path to starting it nor after it. */
async function loadRenderer(reporter: 'human' | 'json' | 'agent'): Promise<(verdict: Verdict) => string> {
  if (reporter === 'json') return (verdict) => `${JSON.stringify(verdict)}\n`;
  if (reporter === 'agent') return (await import('../report/agent.js')).renderAgent;
  const [{ renderTerminal }, { colorFor }] = await Promise.all([import('../report/terminal.js'), import('../report/color.js')]);
  const color = colorFor(process.stdout, process.env);
  return (verdict) => renderTerminal(verdict, color);
}

function prepareOutputFile(file: string): void {
  try {
    ensureDir(path.dirname(file));
  } catch (error) {
    throw new SpecloopError({ code: 'SPEC_OUTPUT_UNWRITABLE', message: `cannot write --output-file ${file}: ${(error as Error).message}`, hint: 'pass a path in a folder you can write to' });
  }
}

function writeJson(file: string, verdict: Verdict): void {
  try {
    writeFileSync(file, `${JSON.stringify(verdict, null, 2)}\n`);
  } catch (error) {
    throw new SpecloopError({ code: 'SPEC_OUTPUT_UNWRITABLE', message: `cannot write --output-file ${file}: ${(error as Error).message}`, hint: 'pass a path you can write to' });
  }
}
