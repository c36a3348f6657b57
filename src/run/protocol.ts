import type { SpecProblem } from '../core/errors.js';
import type { ProfileConfig } from '../config/cucumber-profile.js';
import type { RunResult } from '../core/run-result.js';

/** Support code to load, sent as soon as config is known so loading overlaps spec compilation. */
export interface SupportJob {
  requirePaths: string[];
  importPaths: string[];
  requireModules: string[];
  /** ESM loaders the profile names (module.register), TypeScript loaders already left out. */
  loaders?: string[];
  module: 'cjs' | 'esm';
  /** Default step timeout, ms (used unless the support code sets its own). */
  timeout: number;
  /** A reload in a long-lived runner: files edited since the last load (absolute). */
  invalidate?: string[];
  /** Record which project files each scenario runs code in (V8 coverage; costs ≈ 1–2 ms a scenario). */
  coverage?: boolean;
  /** With coverage: also count blocks and send the run's executed source lines (a run of every scenario). */
  lines?: boolean;
}

/** Whether the steps load as ES modules (import:, or spec.config's module: 'esm'), not through require. */
export function loadsEsModules(support: Pick<SupportJob, 'module' | 'importPaths'>): boolean {
  return support.module === 'esm' || support.importPaths.length > 0;
}

/** One scenario run. Paths are absolute, optionally with :line filters. */
export interface RunJob {
  paths: string[];
  tagExpression: string;
  names: string[];
  failFast: boolean;
  retry: number;
  /** Only the scenarios this tag expression matches are retried ('' or absent: every one). */
  retryTagFilter?: string;
  strict: boolean;
  /** cucumber's own workers (runtime.parallel); 0 or absent: every scenario in this runner. */
  parallel?: number;
  worldParameters: Record<string, unknown>;
  formatFiles: Record<string, string>;
  /** cucumber's formatOptions snippet settings, for the snippets cucumber suggests (snippetSyntax). */
  snippetOptions?: { snippetInterface?: string; snippetSyntax?: string };
  /** A step still running after this long has blocked the event loop: the child names it and dies. */
  hangAfterMs: number;
  /** Stay alive after the result for further load + run pairs (watch's long-lived runner). */
  persistent?: boolean;
  /** The Gherkin language of specs without a `# language:` line (the profile's `language`); absent: en. */
  language?: string;
  /** cucumber's pickle order (the profile's `order`: random, random:SEED); absent: defined. */
  order?: string;
  /** cucumber's dry run: steps bind (undefined, ambiguous, which definition) but nothing executes (spec steps). */
  dryRun?: boolean;
  /** Record every cucumber message of the run here, one JSON envelope a line (absolute). */
  messagesFile?: string;
}

export type ParentMessage =
  | { type: 'load'; support: SupportJob }
  | { type: 'run'; job: RunJob }
  /** The run is being cancelled: send what finished so far. */
  | { type: 'partial' }
  | { type: 'profile'; file: string | undefined; profiles: string[] }
  /** A thread runner that is no longer needed ends itself (run/thread.ts says why not terminate()). */
  | { type: 'stop' }
  /** A thread started before the CLI knew its project (run/prestart.ts) may load it now. */
  | { type: 'go' };

export type ChildMessage =
  | { type: 'ready'; cucumberVersion: string }
  | { type: 'loaded' }
  | { type: 'profile'; config: ProfileConfig }
  | { type: 'result'; result: RunResult; rss: number }
  /** The scenarios that finished before a cancel; no result when no run was under way. */
  | { type: 'partial'; result?: RunResult }
  | { type: 'fatal'; problem: SpecProblem; stack?: string };

/** A process a step started: killed with the runner, with everything it started, even if it left the group. */
export interface SpawnedMessage {
  type: 'spawned';
  pid: number;
  /** It has exited: its pid may be reused by an unrelated process and must not be killed. */
  exited?: boolean;
}
