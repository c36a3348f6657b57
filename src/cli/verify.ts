import path from 'node:path';
import { verify, type VerifyOptions } from '../api/verify.js';
import type { Verdict } from '../report/verdict.js';
import { ensureDir } from '../core/fs.js';
import { SpecloopError } from '../core/errors.js';
import { optionsFromFlags, parseCommandArgs } from './args.js';
import { flagDefinitions, flagsByOption } from '../config/options-table.js';
import { VERIFY_HELP } from './help.js';
import { reporterInfo, type ReporterName } from '../core/reporters.js';
import { loadRenderer, type Render } from '../report/reporters.js';
import { planOutputs, refuseFolder, type Output } from './outputs.js';
import { fromMessages, messagesFileFor, planGithub, takeMessages, unwritten, writeGithubSummary } from './ci-reports.js';
import { enterProject, locate, pickReporter, placeForPaths, withInterrupts } from './shared.js';

export async function runVerify(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('verify', argv, flagDefinitions('verify'));
  if (values.help) {
    process.stdout.write(VERIFY_HELP);
    return 0;
  }
  const place = locate(values.cwd);
  // Every report is checked before anything starts; without one to stdout, the config's reporter decides.
  const outputs = planOutputs({ format: values.format, reporter: values.reporter, json: values.json, outputFile: values['output-file'] }, place.root);
  // Checked before anything starts, like the reports: a bad slice must not cost a whole run first.
  if (values.shard !== undefined) (await import('../spec/shard.js')).parseShard(values.shard);
  const toStdout = outputs.find((o) => o.file === undefined);
  const messagesFile = messagesFileFor(outputs, place.root);
  const github = planGithub(outputs, process.env);
  const target = await placeForPaths(place, positionals, 'verify');
  const flags = optionsFromFlags('verify', values);
  const options: VerifyOptions = {
    ...flags,
    // A config named from where the person stands stays that file when the run moves into a package.
    ...(flags.configFile && target.place !== place ? { configFile: path.resolve(place.base, flags.configFile) } : {}),
    cwd: target.place.base,
    paths: target.paths,
    defaultRunner: 'thread',
    // A report drawn from the message stream is not one the run config knows (it names verdict reporters).
    reporter: toStdout && !fromMessages(toStdout) ? toStdout.name : undefined,
    ...(messagesFile ? { messagesFile } : {}),
  };
  if (values['print-config']) {
    const [{ inspectConfig }, { renderConfig, flagsOf }] = await Promise.all([import('../api/config.js'), import('./print-config.js')]);
    // The CLI's own runner choice (a thread) is, to someone at the terminal, specloop's default.
    const flagOf = flagsOf({ ...flagsByOption('verify'), ...(toStdout ? { reporter: toStdout.flag.split(' ')[0]! } : {}) }, ['defaultRunner']);
    process.stdout.write(await renderConfig(await inspectConfig(options), flagOf, values.json));
    return 0;
  }
  const files = outputs.filter((o): o is Output & { file: string } => o.file !== undefined);
  // Checked before the run: a report that can't be written must not cost a whole run first.
  for (const output of files) prepareOutputFile(output);
  enterProject(target.place.root);
  // Reporters load while the run goes on: neither on the path to starting it nor after it.
  const colorLevel = import('../report/color.js').then((m) => m.colorLevel(process.stdout, process.env));
  // The reporter comes from the resolved config (flag, else spec.config's "reporter", else
  // detection), told before any scenario runs: it decides where step output goes.
  let reporter: ReporterName | undefined;
  let renderer: ((messages: string | undefined) => Promise<Render | undefined>) | undefined;
  const choose = (requested: ReporterName | undefined) => {
    reporter = pickReporter(requested, process.env);
    const name = reporter;
    if (reporterInfo(name).messages) return void (renderer = async (messages) => (messages === undefined ? undefined : loadRenderer(name, { to: 'stdout', colorLevel: 0, messages })));
    const loading = colorLevel.then((level) => loadRenderer(name, { to: 'stdout', colorLevel: level }));
    renderer = () => loading;
  };
  if (toStdout && fromMessages(toStdout)) choose(toStdout.name);
  const fromVerdict = files.filter((o) => !fromMessages(o));
  const fileRenderers = Promise.all(fromVerdict.map((output) => loadRenderer(output.name, { to: 'file', colorLevel: 0 })));
  const verdict = await withInterrupts((signal) =>
    verify({
      ...options,
      signal,
      onConfig: (run) => {
        if (renderer === undefined) choose(run.values.reporter.value);
      },
      // Step output goes to stderr so stdout stays the report. Under a machine reporter (json) it is
      // dropped: harnesses often read both streams as one, and the JSON must parse.
      onOutput: (chunk) => {
        if (reporter === undefined || !reporterInfo(reporter).machine) process.stderr.write(chunk);
      },
    }),
  );
  // A config that did not load never told its reporter: the flag's, else detection, reports that.
  if (renderer === undefined) choose(toStdout?.name);
  const messages = takeMessages(messagesFile);
  await writeReports(fromVerdict, await fileRenderers, verdict);
  const fromRun = files.filter(fromMessages);
  if (messages === undefined) for (const output of fromRun) process.stderr.write(unwritten(output, verdict));
  else await writeReports(fromRun, await Promise.all(fromRun.map((output) => loadRenderer(output.name, { to: 'file', colorLevel: 0, messages }))), verdict);
  const render = await renderer!(messages);
  if (render) process.stdout.write(render(verdict));
  else process.stderr.write(unwritten(toStdout!, verdict));
  // On GitHub Actions the failures are annotated besides the chosen report; stderr when stdout is a machine's.
  if (github.annotate) (reporterInfo(reporter!).machine ? process.stderr : process.stdout).write((await import('../report/github.js')).githubAnnotations(verdict));
  if (github.summary) process.stderr.write(await writeGithubSummary(github.summary, verdict));
  (await import('../core/timing.js')).mark('spec', 'printed');
  return verdict.exitCode;
}

/** What a report of each kind is usually called, for the example when a folder was named. */
const EXAMPLE_FILE: Partial<Record<ReporterName, string>> = { json: 'verdict.json', junit: 'junit.xml', html: 'report.html', messages: 'messages.ndjson' };

function prepareOutputFile(output: Output & { file: string }): void {
  refuseFolder(output.file, output.flag, EXAMPLE_FILE[output.name] ?? `${output.name}.txt`);
  try {
    ensureDir(path.dirname(output.file));
  } catch (error) {
    throw new SpecloopError({ code: 'SPEC_OUTPUT_UNWRITABLE', message: `cannot write ${output.flag}: ${(error as Error).message}`, hint: 'pass a path in a folder you can write to' });
  }
}

/** Each file whole or not at all (a temp file renamed over it): a reader never sees half a report. */
async function writeReports(files: (Output & { file: string })[], renderers: Render[], verdict: Verdict): Promise<void> {
  if (files.length === 0) return;
  const { default: writeFileAtomic } = await import('write-file-atomic');
  for (const [index, output] of files.entries()) {
    const text = renderers[index]!(verdict);
    try {
      await writeFileAtomic(output.file, text);
    } catch (error) {
      throw new SpecloopError({ code: 'SPEC_OUTPUT_UNWRITABLE', message: `cannot write ${output.flag}: ${(error as Error).message}`, hint: 'pass a path you can write to' });
    }
  }
}
