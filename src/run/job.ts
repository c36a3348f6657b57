import path from 'node:path';
import type { ResolvedConfig } from '../config/schema.js';
import type { SupportFiles } from '../bind/support-files.js';
import type { SpecFile } from '../spec/model.js';
import { compactPaths } from './compact-paths.js';
import type { RunJob, SupportJob } from './protocol.js';
import type { RunLimits } from './runner.js';
import { HANG_GRACE_MS } from './hang-limit.js';


/** What a cucumber profile adds to the jobs, when one is read (its filters and settings are resolved before). */
export interface ProfileRunParts {
  requireModules: string[];
  loaders: string[];
  names: string[];
  worldParameters: Record<string, unknown>;
  formatFiles: Record<string, string>;
  snippetInterface: string | undefined;
  snippetSyntax: string | undefined;
  language: string | undefined;
  order: string | undefined;
}

/** Everything a run needs besides the runner: the support code to load, the job, its limits and files. */
export interface RunPlan {
  support: SupportJob;
  job: RunJob;
  limits: RunLimits;
  /** The files the job runs, with the user's line filters. */
  files: SpecFile[];
  lines: Map<string, number[]>;
}

export function limitsFor(config: ResolvedConfig): RunLimits {
  return { hangAfterMs: config.timeout + HANG_GRACE_MS, loadTimeoutMs: Math.max(60_000, config.timeout), runTimeoutMs: config.runTimeout };
}

/** The support code a runner loads; `invalidate` names the files a long-lived runner must re-read. */
export function supportJob(config: ResolvedConfig, resolved: { requireModules: string[]; loaders: string[]; coverage: boolean; lines?: boolean }, files: SupportFiles, invalidate: string[] | undefined): SupportJob {
  return { requirePaths: compactPaths(files.requirePaths), importPaths: compactPaths(files.importPaths), requireModules: resolved.requireModules, ...(resolved.loaders.length ? { loaders: resolved.loaders } : {}), module: config.module, timeout: config.timeout, coverage: resolved.coverage, ...(resolved.coverage && resolved.lines ? { lines: true } : {}), ...(invalidate ? { invalidate } : {}) };
}

export interface JobRequest {
  root: string;
  config: ResolvedConfig;
  profile: ProfileRunParts | undefined;
  support: SupportJob;
  files: SpecFile[];
  lines: Map<string, number[]>;
  /** The config's, the profile's and the command's tags, combined. */
  tagExpression: string;
  /** The profile's and the command's name patterns. */
  names: string[];
  /** The profile's world parameters under spec.config's. */
  worldParameters: Record<string, unknown>;
  failFast: boolean;
  retry: number;
  /** Which scenarios a retry applies to ('' for every one). */
  retryTagFilter?: string;
  strict: boolean;
  /** cucumber's workers; 0: one runner. */
  parallel?: number;
  /** Keep the runner alive after the run (watch), where its modules can be reloaded. */
  keepRunner: boolean;
  /** Bind the steps without running them (cucumber's dry run). */
  dryRun?: boolean;
  /** Where the runner records cucumber's message stream (absolute). */
  messagesFile?: string;
}

export function planRun(request: JobRequest): RunPlan {
  const { config, profile, support, lines } = request;
  const paths = request.files.map((f) => {
    const only = lines.get(f.path);
    const file = path.join(request.root, f.runPath);
    return only ? `${file}:${only.join(':')}` : file;
  });
  const job: RunJob = {
    paths: compactPaths(paths),
    tagExpression: request.tagExpression,
    names: request.names,
    failFast: request.failFast,
    retry: request.retry,
    ...(request.retryTagFilter ? { retryTagFilter: request.retryTagFilter } : {}),
    strict: request.strict,
    ...(request.parallel ? { parallel: request.parallel } : {}),
    worldParameters: request.worldParameters,
    formatFiles: profile?.formatFiles ?? {},
    ...(profile?.snippetSyntax ? { snippetOptions: { snippetSyntax: profile.snippetSyntax, ...(profile.snippetInterface ? { snippetInterface: profile.snippetInterface } : {}) } } : {}),
    ...(profile?.language ? { language: profile.language } : {}),
    ...(profile?.order ? { order: profile.order } : {}),
    hangAfterMs: config.timeout + HANG_GRACE_MS,
    // ES modules reload under new URLs (run/fresh-esm-hooks.ts); loaders the profile names are
    // registered again by every load and may cache what they compiled: those runs get a fresh runner.
    persistent: request.keepRunner && !support.loaders?.length,
    ...(request.dryRun ? { dryRun: true } : {}),
    ...(request.messagesFile ? { messagesFile: request.messagesFile } : {}),
  };
  return { support, job, limits: limitsFor(config), files: request.files, lines };
}
