/**
 * A cucumber profile as cucumber itself reads it (loadConfiguration), for profiles specloop cannot
 * read alone; loaded only when one is asked for.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ProfileConfig } from '../config/cucumber-profile.js';
import { unknownProfileKeys } from '../config/profile-keys.js';
import type { SpecProblem } from '../core/errors.js';
import { readTextIfExists } from '../core/fs.js';
import type { CucumberApi } from './load-cucumber.js';
import { send } from './runner-channel.js';

export interface RunnerProcess {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stderr: NodeJS.WriteStream;
}

/** `runner` is the runner process's own (its folder, variables and stderr), handed in by the runner entry. */
export async function resolveProfile(api: CucumberApi, version: string, file: string | undefined, profiles: string[], runner: RunnerProcess): Promise<void> {
  const said = captureStderr(runner.stderr);
  try {
    const { useConfiguration: c } = await api.loadConfiguration({ ...(file ? { file } : {}), profiles }, { cwd: runner.cwd, env: runner.env }).finally(said.stop);
    const config: ProfileConfig = {
      paths: c.paths, require: c.require, import: c.import, requireModule: c.requireModule, loader: c.loader ?? [], tags: c.tags, name: c.name,
      worldParameters: c.worldParameters as Record<string, unknown>, retry: c.retry, retryTagFilter: c.retryTagFilter ?? '', strict: c.strict,
      format: c.format.map((f) => (Array.isArray(f) ? f.filter(Boolean).join(':') : f)),
      parallel: c.parallel ?? 0,
      ...(c.language ? { language: c.language } : {}),
      ...(c.order ? { order: String(c.order) } : {}),
      ...(c.dryRun ? { dryRun: true } : {}),
      ...snippetSettings(c.formatOptions as Record<string, unknown> | undefined),
      // cucumber keeps the keys it does not know in what it returns, and ignores them.
      unknownKeys: unknownProfileKeys(Object.keys(c)),
    };
    await send({ type: 'profile', config });
  } catch (error) {
    const problem = rejectedProfile(file ?? 'the cucumber profile', version, said.text(), error as Error, runner.cwd);
    const missing = /Requested profile "([^"]*)" doesn't exist/.exec((error as Error).message)?.[1];
    const names = missing !== undefined && file ? await profileNames(path.resolve(runner.cwd, file)) : undefined;
    if (names) problem.hint = names.length ? `the profiles in ${file}: ${names.join(', ')}` : `${file} defines no profile`;
    await send({ type: 'fatal', problem });
  }
}

/** The profile names a config file defines, read as cucumber reads it; undefined when it cannot be read here. */
async function profileNames(file: string): Promise<string[] | undefined> {
  try {
    const { readFile } = await import('node:fs/promises');
    if (/\.json$/.test(file)) return Object.keys(JSON.parse(await readFile(file, 'utf8')) as object);
    if (/\.ya?ml$/.test(file)) return Object.keys(((await import('yaml')).parse(await readFile(file, 'utf8')) ?? {}) as object);
    const loaded = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const definitions = (loaded.default && typeof loaded.default === 'object' ? loaded.default : loaded) as object;
    return Object.keys(definitions).filter((name) => name !== 'default' || definitions === loaded.default);
  } catch {
    return undefined;
  }
}

/**
 * cucumber parses profile strings with commander, which prints what it rejects to stderr and
 * calls process.exit: the printed line is the cause, the exit only how it ended.
 */
function captureStderr(stderr: NodeJS.WriteStream): { text: () => string; stop: () => void } {
  const write = stderr.write;
  let text = '';
  stderr.write = ((chunk: string | Uint8Array) => ((text += chunk.toString()), true)) as typeof stderr.write;
  return { text: () => text, stop: () => void (stderr.write = write) };
}

function rejectedProfile(file: string, version: string, stderr: string, error: Error, cwd: string): SpecProblem {
  const said = stderr.split('\n').map((l) => l.trim()).find((l) => l.startsWith('error:'))?.replace(/^error:\s*/, '');
  const option = said?.match(/^unknown option '([^']+)'/)?.[1];
  if (option) return { code: 'SPEC_PROFILE_REJECTED', message: `cucumber rejected option ${option} in ${file}: remove it`, hint: `remove ${option} from the profile in ${file}: cucumber ${version} does not know it` };
  const cause = loadCause(error, path.resolve(cwd, file), file);
  const where = cause?.line ? { location: { file, line: cause.line } } : {};
  return { code: 'SPEC_PROFILE_REJECTED', message: `cucumber rejected the profile in ${file}: ${said ?? error.message}${cause ? `: ${cause.text}` : ''}`, hint: `fix it in ${file}${cause?.line ? ` at line ${cause.line}` : ''}, or pick another profile with --profile`, ...where };
}

/**
 * cucumber wraps what loading the config file threw ("failed to load/parse") and keeps it as the
 * cause: a syntax error or the error the file threw, whose stack names the file's line.
 */
function loadCause(error: Error, file: string, named: string): { text: string; line: number | undefined } | undefined {
  const cause = (error as Error & { cause?: unknown }).cause;
  if (!(cause instanceof Error)) return undefined;
  const stack = cause.stack ?? '';
  const at = stack.split('\n').map((l) => l.replace(/file:\/\//, '')).find((l) => l.includes(`${file}:`));
  const line = at ? Number(at.slice(at.indexOf(`${file}:`) + file.length + 1).match(/^\d+/)?.[0]) || undefined : lineInMessage(cause.message, file);
  // The project-relative name, as everywhere else in the verdict (tsx's transform errors print the absolute one).
  return { text: `${cause.name}: ${cause.message.split(file).join(named)}`, line };
}

/** A parser's own position: YAML's and Node 22's JSON "line 3", Node 20's JSON "at position 462" (counted in the file's text). */
function lineInMessage(message: string, file: string): number | undefined {
  const line = message.match(/\bline (\d+)/)?.[1];
  if (line) return Number(line);
  const offset = message.match(/at position (\d+)/)?.[1];
  const text = offset === undefined ? undefined : readTextIfExists(file);
  return text === undefined ? undefined : text.slice(0, Number(offset)).split('\n').length;
}

function snippetSettings(options: Record<string, unknown> | undefined): Pick<ProfileConfig, 'snippetInterface' | 'snippetSyntax'> {
  const { snippetInterface, snippetSyntax } = options ?? {};
  return { ...(typeof snippetInterface === 'string' ? { snippetInterface } : {}), ...(typeof snippetSyntax === 'string' ? { snippetSyntax } : {}) };
}
