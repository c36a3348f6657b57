import type { TableOptions } from '../config/options-table.js';
import type { SpecProblem } from '../core/errors.js';

// The options of one run, as the library's verify() takes them and as a watch pass extends them.
// Kept here, below watch/ and api/, so the watch session builds them without importing api/ (which
// re-exports VerifyOptions as the library's type).

/** verify()'s options, typed from the one options table (config/options-table.ts, which says what each means). */
export type VerifyOptions = TableOptions<'verify'>;

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
  /** With `changed`: select first, then load only the step files the selection binds to (a warm runner's pass, as watch's). */
  stepsOfSelection?: boolean;
  /** Bind the steps without running them (cucumber's dry run): what `spec steps` reads. */
  dryRun?: boolean;
  /** What the debt history records the run as (watch's passes say 'watch'). */
  runKind?: 'verify' | 'watch';
  /** Found while selecting from the edits (watch): what keeps this run from checking them, e.g. a stale build. */
  changeProblems?: SpecProblem[];
  /** Told, before the run starts, the files it will write itself (the profile's report files), absolute. */
  onOutputs?: (files: string[]) => void;
}
