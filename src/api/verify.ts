import path from 'node:path';
import { glob } from 'tinyglobby';
import { readObjectProfiles } from '../config/cucumber-profile.js';
import { loadConfig } from '../config/load.js';
import { DEFAULTS } from '../config/defaults.js';
import type { ResolvedConfig, UserConfig } from '../config/schema.js';
import { makeEnvironment, type SpecEnvironment } from '../core/env.js';
import { isSpecloopError, SpecloopError, type SpecProblem } from '../core/errors.js';
import { compileSpecs } from '../spec/compile.js';
import { discoverSpecs } from '../spec/discover.js';
import { RunnerChild, type RunOutcome } from '../run/child.js';
import { resolveGates, runGate } from '../run/gates.js';
import type { RunJob } from '../run/protocol.js';
import type { RunProgress } from '../run/result.js';
import { buildVerdict, loadVerdictTools } from '../report/build-verdict.js';
import type { GateResult, Verdict } from '../report/verdict.js';
import { combineTags, findCucumberConfig, overlayProfile, type ProfileOverlay } from './profile.js';
import { makeExcerpter } from './source-excerpt.js';
import { specloopVersion } from './version.js';

export interface VerifyOptions {
  /** Spec files or folders, optionally `file:line`. Empty: every configured spec. */
  paths?: string[];
  tags?: string;
  names?: string[];
  failFast?: boolean;
  /** Gate names to run after the scenarios; `false` runs none; undefined runs every configured gate. */
  gates?: string[] | false;
  profile?: string;
  configFile?: string;
  /** Overrides on top of the config file. */
  config?: UserConfig;
  signal?: AbortSignal;
  /** Output the steps print, as it happens. */
  onOutput?: (chunk: string) => void;
  onProgress?: (progress: RunProgress) => void;
}

interface Prepared {
  config: ResolvedConfig;
  job: RunJob | undefined;
  problems: SpecProblem[];
  filtered: boolean;
  sourceOf: Map<string, string>;
}

/** The full gate: compile, bind and run the scenarios, then the other gates. Returns the verdict; never prints. */
export async function verify(options: VerifyOptions = {}, environment: Partial<SpecEnvironment> = {}): Promise<Verdict> {
  const env = makeEnvironment(environment);
  const startedAt = new Date();
  const started = performance.now();
  // Forked first: its Node + cucumber start-up overlaps config loading and compiling.
  const child = new RunnerChild(env.cwd, env.env, options.onOutput);
  let prepared: Prepared | undefined;
  let outcome: RunOutcome | undefined;
  const gates: GateResult[] = [];
  const problems: SpecProblem[] = [];
  try {
    prepared = await prepare(options, env, child);
    problems.push(...prepared.problems);
    if (prepared.job) {
      const { config } = prepared;
      outcome = await child.run(prepared.job, limitsFor(config), options.signal, options.onProgress);
    }
    const scenariosFailed = outcome?.kind !== 'result' || !outcome.result.success;
    if (prepared.config && options.gates !== false && !(options.failFast && scenariosFailed)) {
      const { gates: selected, unknown } = resolveGates(prepared.config, options.gates);
      for (const name of unknown) problems.push({ code: 'SPEC_USAGE', message: `unknown gate "${name}"`, hint: `configured gates: ${resolveGates(prepared.config, undefined).gates.map((g) => g.name).join(', ') || 'none'} (or --gate none)` });
      for (const gate of selected) {
        if (options.signal?.aborted) break;
        gates.push(await runGate(env.cwd, gate, env.env, options.signal));
      }
    }
  } catch (error) {
    if (!isSpecloopError(error)) throw error;
    problems.push(error.problem);
  } finally {
    child.kill();
  }
  const sourceOf = prepared?.sourceOf ?? new Map<string, string>();
  return buildVerdict({
    root: env.cwd,
    version: specloopVersion(),
    startedAt,
    durationMs: performance.now() - started,
    problems,
    outcome,
    gates,
    filtered: prepared?.filtered ?? true,
    strict: prepared?.config.strict ?? true,
    sourceOf: (uri) => sourceOf.get(uri) ?? uri,
    excerpt: makeExcerpter(env.cwd),
    tools: await loadVerdictTools(outcome),
  });
}

async function prepare(options: VerifyOptions, env: SpecEnvironment, child: RunnerChild): Promise<Prepared> {
  const config = await loadConfig(env.cwd, options.configFile, { ...options.config, ...(options.profile ? { profile: options.profile } : {}) });
  const overlay = await readProfile(config, env, child);
  const specGlobs = overlay?.specs ?? config.specs;
  const selection = await discoverSpecs(env.cwd, specGlobs, options.paths ?? []);
  const compiled = await compileSpecs(env.cwd, selection.files);
  const problems = [...compiled.problems];
  const runnable = compiled.files.filter((f) => f.problems.length === 0 && f.pickles.length > 0);
  const filtered = selection.filtered || Boolean(options.tags || config.tags || overlay?.tags || options.names?.length || overlay?.names.length);
  const base = { config, problems, filtered, sourceOf: compiled.sourceOf };
  if (compiled.files.length === 0 && problems.length === 0) {
    problems.push({ code: 'SPEC_NO_SPECS', message: `no specs found (looked for ${specGlobs.join(', ')})`, hint: 'write a .feature or Markdown spec under features/ (spec init makes an example), or set "specs" in spec.config' });
  }
  if (runnable.length === 0) return { ...base, job: undefined };
  const paths = runnable.flatMap((f) => {
    const lines = selection.lines.get(f.path);
    const file = path.join(env.cwd, f.runPath);
    return lines ? [`${file}:${lines.join(':')}`] : [file];
  });
  const support = await supportFiles(env.cwd, config, overlay);
  const job: RunJob = {
    paths,
    ...support,
    requireModules: [...config.requireModules, ...(overlay?.requireModules ?? [])],
    module: config.module,
    tagExpression: combineTags(config.tags, overlay?.tags, options.tags),
    names: [...(overlay?.names ?? []), ...(options.names ?? [])],
    failFast: options.failFast ?? false,
    retry: overlay?.retry ?? config.retry,
    strict: config.strict,
    timeout: config.timeout,
    worldParameters: { ...overlay?.worldParameters, ...config.worldParameters },
    formatFiles: overlay?.formatFiles ?? {},
  };
  return { ...base, job };
}

async function readProfile(config: ResolvedConfig, env: SpecEnvironment, child: RunnerChild): Promise<ProfileOverlay | undefined> {
  const file = findCucumberConfig(env.cwd);
  if (!file && !config.profile) return undefined;
  const names = config.profile ? [config.profile] : [];
  const profile = (file && readObjectProfiles(env.cwd, file, names)) || (await child.profile(file, names));
  if ('code' in profile) throw new SpecloopError(profile);
  return overlayProfile(profile, config.specs !== DEFAULTS.specs, config.steps !== DEFAULTS.steps);
}

async function supportFiles(root: string, config: ResolvedConfig, overlay: ProfileOverlay | undefined): Promise<Pick<RunJob, 'requirePaths' | 'importPaths'>> {
  const fromProfile = overlay && (overlay.requirePaths.length || overlay.importPaths.length);
  if (fromProfile) {
    const expand = async (globs: string[]) => (await glob(globs, { cwd: root, absolute: true, ignore: ['**/node_modules/**'] })).sort();
    return { requirePaths: await expand(overlay.requirePaths), importPaths: await expand(overlay.importPaths) };
  }
  const files = (await glob(config.steps, { cwd: root, absolute: true, ignore: ['**/node_modules/**', '.spec/**', '**/*.d.ts'] })).sort();
  if (config.module === 'esm') return { requirePaths: [], importPaths: files };
  const esmOnly = (f: string) => f.endsWith('.mjs') || f.endsWith('.mts');
  return { requirePaths: files.filter((f) => !esmOnly(f)), importPaths: files.filter(esmOnly) };
}

function limitsFor(config: ResolvedConfig) {
  return { stepQuietMs: config.timeout + 2_000, loadQuietMs: Math.max(60_000, config.timeout), runTimeoutMs: config.runTimeout };
}
