import { SpecloopError } from '../core/errors.js';
import { reporterInfo } from '../core/reporters.js';
import { loadRenderer } from '../report/reporters.js';
import type { Verdict } from '../report/verdict.js';
import { parseCommandArgs } from './args.js';
import { planGithub, writeGithubSummary } from './ci-reports.js';
import { MERGE_HELP } from './help.js';
import { planOutputs, refuseFolder, type Output } from './outputs.js';
import { pickReporter } from './shared.js';

const FLAGS = {
  format: { type: 'string', multiple: true, short: 'f' },
  reporter: { type: 'string', short: 'r' },
  json: { type: 'boolean' },
  'output-file': { type: 'string', short: 'o' },
  messages: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `spec merge VERDICT…`: the shards' verdicts as one, printed and written as verify's would be; exit code as one machine's. */
export async function runMerge(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('merge', argv, FLAGS);
  if (values.help) {
    process.stdout.write(MERGE_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new SpecloopError({ code: 'SPEC_USAGE', message: 'spec merge: no verdict files given', hint: 'spec merge shard-1.json shard-2.json … (what each spec verify --shard I/N --format json:FILE wrote)' });
  const outputs = planOutputs({ format: values.format, reporter: values.reporter, json: values.json, outputFile: values['output-file'] }, process.cwd());
  const messages = await mergedMessages(positionals, values.messages ?? [], outputs);
  const [{ mergeVerdicts }, github] = [await import('../api/merge.js'), planGithub(outputs, process.env)];
  const verdict = await mergeVerdicts(positionals);
  await recordDurations(verdict);
  for (const output of outputs.filter((o): o is Output & { file: string } => o.file !== undefined)) await writeReport(output, verdict, messages);
  const toStdout = pickReporter(outputs.find((o) => o.file === undefined)?.name, process.env);
  const { colorLevel } = await import('../report/color.js');
  process.stdout.write((await loadRenderer(toStdout, { to: 'stdout', colorLevel: colorLevel(process.stdout, process.env), ...(messages === undefined ? {} : { messages }) }))(verdict));
  if (github.annotate) (reporterInfo(toStdout).machine ? process.stderr : process.stdout).write((await import('../report/github.js')).githubAnnotations(verdict));
  if (github.summary) process.stderr.write(await writeGithubSummary(github.summary, verdict));
  return verdict.exitCode;
}

/** The whole run's durations, for the next run's slices, when merge runs in a project (a cache: never fails the merge). */
async function recordDurations(verdict: Verdict): Promise<void> {
  const [{ locateProject }, durations] = await Promise.all([import('../config/project-root.js'), import('../impact/durations.js')]);
  let root: string;
  try {
    root = locateProject(process.cwd()).root;
  } catch {
    return;
  }
  await durations.recordDurations(root, verdict.scenarios);
}

/**
 * The whole run's message stream, joined from the shards' (--messages), when a report drawn from
 * it is asked for; joined and checked before the verdicts are merged, so a refused stream leaves
 * nothing recorded. Without --messages such a report is refused rather than written of nothing.
 */
async function mergedMessages(verdicts: string[], streams: string[], outputs: Output[]): Promise<string | undefined> {
  const drawn = outputs.find((o) => reporterInfo(o.name).messages);
  if (drawn && streams.length === 0) throw new SpecloopError({ code: 'SPEC_USAGE', message: `spec merge: ${drawn.flag}: the ${drawn.name} report is drawn from cucumber's message stream, which only the shards' runs have`, hint: `write the stream in each shard (spec verify --shard I/N --format messages:FILE) and pass them all: spec merge VERDICT… --messages 'reports/messages-*.ndjson' ${drawn.flag}` });
  if (streams.length === 0) return undefined;
  return (await import('../api/merge-messages.js')).mergeMessages(verdicts, streams);
}

async function writeReport(output: Output & { file: string }, verdict: Verdict, messages: string | undefined): Promise<void> {
  const [{ default: writeFileAtomic }, { ensureDir }, path] = await Promise.all([import('write-file-atomic'), import('../core/fs.js'), import('node:path')]);
  refuseFolder(output.file, output.flag, `${output.name}.out`);
  try {
    ensureDir(path.dirname(output.file));
    await writeFileAtomic(output.file, (await loadRenderer(output.name, { to: 'file', colorLevel: 0, ...(messages === undefined ? {} : { messages }) }))(verdict));
  } catch (error) {
    throw new SpecloopError({ code: 'SPEC_OUTPUT_UNWRITABLE', message: `cannot write ${output.flag}: ${(error as Error).message}`, hint: 'pass a path you can write to' });
  }
}
