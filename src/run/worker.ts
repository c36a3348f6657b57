/**
 * The runner child: loads the user's own @cucumber/cucumber (a peer dependency, resolved from the
 * project so step definitions register with the runner we drive), runs one job, reports, exits.
 * A child, not in-process, so a step that blocks the event loop can be cut and nothing the user's
 * code starts outlives the run.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Envelope } from '@cucumber/messages';
import type { SpecProblem } from '../core/errors.js';
import { captureStepErrors } from './capture-errors.js';
import { RunCollector } from './collect.js';
import type { ChildMessage, ParentMessage, ProfileConfig, RunJob } from './protocol.js';

type CucumberApi = typeof import('@cucumber/cucumber/api');

const ownRequire = createRequire(import.meta.url);
const projectRequire = createRequire(path.join(process.cwd(), 'package.json'));

function send(message: ChildMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });
}

function loadCucumber(): { api: CucumberApi; version: string } | SpecProblem {
  try {
    const api = projectRequire('@cucumber/cucumber/api') as CucumberApi;
    const version = (projectRequire('@cucumber/cucumber/package.json') as { version: string }).version;
    return { api, version };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') {
      return { code: 'SPEC_CUCUMBER_MISSING', message: `@cucumber/cucumber failed to load: ${(error as Error).message}` };
    }
    return {
      code: 'SPEC_CUCUMBER_MISSING',
      message: '@cucumber/cucumber is not installed in this project',
      hint: 'run: npm install --save-dev @cucumber/cucumber   (specloop drives your project\'s own copy, so your steps and the runner share it)',
    };
  }
}

let cjsRegistered = false;

/** tsx's require hooks go in at boot (they only affect require); ESM hooks only when a job imports. */
function registerCommonJs(): void {
  if (cjsRegistered) return;
  (ownRequire('tsx/cjs/api') as { register: () => void }).register();
  cjsRegistered = true;
}

async function registerTypeScript(job: RunJob): Promise<void> {
  registerCommonJs();
  if (job.module === 'esm' || job.importPaths.length > 0) {
    const { register } = (await import('tsx/esm/api')) as { register: () => void };
    register();
  }
}

const nullStream = new Writable({ write: (_chunk, _encoding, done) => done() });

async function run(api: CucumberApi, job: RunJob): Promise<void> {
  await registerTypeScript(job);
  const sources = { paths: job.paths, defaultDialect: 'en', names: job.names, tagExpression: job.tagExpression, order: 'defined' as const };
  const environment = { cwd: process.cwd(), stdout: nullStream, stderr: process.stderr, env: process.env };
  let library: Awaited<ReturnType<CucumberApi['loadSupport']>>;
  try {
    library = await api.loadSupport({ sources, support: { requireModules: job.requireModules, requirePaths: job.requirePaths, importPaths: job.importPaths, loaders: [] } }, environment);
  } catch (error) {
    return send({ type: 'fatal', problem: supportLoadProblem(error), stack: (error as Error).stack });
  }
  const internal = library as unknown as { defaultTimeout: number; stepDefinitions: { code: (...args: unknown[]) => unknown }[] };
  // 5000 is cucumber's own default: anything else means the user's support code chose a timeout.
  if (internal.defaultTimeout === 5000) internal.defaultTimeout = job.timeout;
  const collector = new RunCollector(captureStepErrors(internal.stepDefinitions));
  const onMessage = (envelope: Envelope) => {
    const progress = collector.onEnvelope(envelope);
    if (progress) void send({ type: 'progress', progress });
  };
  // cucumber rejects when a BeforeAll/AfterAll hook throws; what ran before it is still a result.
  await api.runCucumber(
    {
      sources,
      support: library,
      runtime: { dryRun: false, failFast: job.failFast, filterStacktraces: true, parallel: 0, retry: job.retry, retryTagFilter: '', strict: job.strict, worldParameters: job.worldParameters as never },
      formats: { stdout: 'summary', files: job.formatFiles, publish: false, options: {} },
    },
    environment,
    onMessage,
  ).catch((error: Error) => collector.runError({ type: error.name, message: error.message, stack: error.stack }));
  await send({ type: 'result', result: collector.finish() });
}

function supportLoadProblem(error: unknown): SpecProblem {
  const err = error as Error;
  const frame = firstUserFrame(err.stack ?? '');
  return {
    code: 'SPEC_SUPPORT_LOAD',
    message: `loading step definitions failed: ${err.message.split('\n')[0]}`,
    ...(frame ? { location: frame } : {}),
    hint: 'fix the error where the step file is imported; the file must load without throwing',
  };
}

function firstUserFrame(stack: string): { file: string; line: number; column?: number } | undefined {
  for (const match of stack.matchAll(/\(?((?:file:\/\/)?\/[^\s():]+):(\d+):(\d+)\)?/g)) {
    const file = match[1]!.replace(/^file:\/\//, '');
    if (file.includes('/node_modules/') || file.startsWith('node:')) continue;
    return { file: path.relative(process.cwd(), file).split(path.sep).join('/'), line: Number(match[2]), column: Number(match[3]) };
  }
  return undefined;
}

async function resolveProfile(api: CucumberApi, file: string | undefined, profiles: string[]): Promise<void> {
  try {
    const { useConfiguration: c } = await api.loadConfiguration({ ...(file ? { file } : {}), profiles }, { cwd: process.cwd(), env: process.env });
    const config: ProfileConfig = {
      paths: c.paths, require: c.require, import: c.import, requireModule: c.requireModule, tags: c.tags, name: c.name,
      worldParameters: c.worldParameters as Record<string, unknown>, retry: c.retry, strict: c.strict,
      format: c.format.map((f) => (Array.isArray(f) ? f.filter(Boolean).join(':') : f)),
    };
    await send({ type: 'profile', config });
  } catch (error) {
    await send({
      type: 'fatal',
      problem: { code: 'SPEC_CONFIG_INVALID', message: `cucumber profile: ${(error as Error).message}`, hint: 'fix the profile in your cucumber config file, or pick another with --profile' },
    });
  }
}

async function main(): Promise<void> {
  // A parent that dies must not leave this process (or what the steps started) behind.
  process.on('disconnect', () => process.exit(0));
  const loaded = loadCucumber();
  if (!('api' in loaded)) {
    await send({ type: 'fatal', problem: loaded });
    process.exit(0);
  }
  registerCommonJs();
  process.on('message', (message: ParentMessage) => {
    const work = message.type === 'run' ? run(loaded.api, message.job) : resolveProfile(loaded.api, message.file, message.profiles);
    work.then(
      () => message.type === 'run' && process.exit(0),
      async (error: Error) => {
        await send({ type: 'fatal', problem: { code: 'SPEC_RUN_CRASH', message: error.message }, stack: error.stack });
        process.exit(0);
      },
    );
  });
  await send({ type: 'ready', cucumberVersion: loaded.version });
}

void main();
