import type { UserConfig } from '../config/schema.js';
import type { RunnerKind } from './runner.js';

// The options of one run, as the library's verify() takes them and as a watch pass extends them.
// Kept here, below watch/ and api/, so the watch session builds them without importing api/ (which
// re-exports VerifyOptions as the library's type).

export interface VerifyOptions {
  /**
   * The folder to run from (default: the current one). The project is the nearest folder at or
   * above it with a spec.config.*, a cucumber config or a package.json; `paths`, `configFile` and
   * `changedFiles` are relative to `cwd`, and the verdict names files relative to the project.
   */
  cwd?: string;
  /** Spec files or folders, optionally `file:line`. Empty: every configured spec. */
  paths?: string[];
  tags?: string;
  names?: string[];
  failFast?: boolean;
  /** A run that selects no scenario passes (by default it fails); overrides config "passWithNoScenarios". */
  passWithNoScenarios?: boolean;
  /** Gate names to run after the scenarios; `false` runs none; undefined runs every configured gate. */
  gates?: string[] | false;
  profile?: string;
  configFile?: string;
  /** Run only the scenarios that files changed in git reach (uncommitted, or since `since`). */
  changed?: boolean;
  since?: string;
  /**
   * With `changed`: files known to have changed besides what git reports (an agent hook's edited
   * file, which git no longer lists once the agent committed it). Absolute or relative to `cwd`;
   * paths outside the project are ignored.
   */
  changedFiles?: string[];
  /** Overrides on top of the config file. */
  config?: UserConfig;
  signal?: AbortSignal;
  /** Where the scenarios run; overrides config "runner". */
  runner?: RunnerKind;
  /**
   * Where they run when neither `runner` nor the config says. The CLI asks for a thread (it owns
   * its process); the default for an embedding host is a child process, because a thread shares
   * the host's process: cutting a step stuck in execSync kills the children started meanwhile.
   */
  defaultRunner?: RunnerKind;
  /** Output the steps print, as it happens. */
  onOutput?: (chunk: string) => void;
}

/** What watch needs beyond verify's options: the step files to load (those the selection binds to). */
export interface RunOptions extends VerifyOptions {
  stepFiles?: string[];
  /** Keep the first runner alive after the run (watch's long-lived runner; CommonJS steps only). */
  keepRunner?: boolean;
  /** Files edited since the runner last loaded support code (absolute), for a long-lived runner. */
  invalidate?: string[];
  /** The paths come from impact selection, not a person: a stale file:line just runs nothing. */
  selected?: boolean;
  /** Parse every spec here, before the run (after cucumber reported a spec it cannot parse). */
  parseSpecsHere?: boolean;
  /** Told, before the run starts, the files it will write itself (the profile's report files), absolute. */
  onOutputs?: (files: string[]) => void;
}
