import type { SpecProblem } from '../core/errors.js';
import type { RunProgress, RunResult } from './result.js';

/** One scenario run, as the parent asks the runner child for it. Paths are absolute. */
export interface RunJob {
  paths: string[];
  requirePaths: string[];
  importPaths: string[];
  requireModules: string[];
  module: 'cjs' | 'esm';
  tagExpression: string;
  names: string[];
  failFast: boolean;
  retry: number;
  strict: boolean;
  timeout: number;
  worldParameters: Record<string, unknown>;
  formatFiles: Record<string, string>;
}

/** What a cucumber.js profile contributes, read by the child with cucumber's own loader. */
export interface ProfileConfig {
  paths: string[];
  require: string[];
  import: string[];
  requireModule: string[];
  tags: string;
  name: string[];
  worldParameters: Record<string, unknown>;
  retry: number;
  strict: boolean;
  format: string[];
}

export type ParentMessage =
  | { type: 'run'; job: RunJob }
  | { type: 'profile'; file: string | undefined; profiles: string[] };

export type ChildMessage =
  | { type: 'ready'; cucumberVersion: string }
  | { type: 'progress'; progress: RunProgress }
  | { type: 'profile'; config: ProfileConfig }
  | { type: 'result'; result: RunResult }
  | { type: 'fatal'; problem: SpecProblem; stack?: string };
