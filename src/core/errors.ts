/**
 * Errors are data first: a stable code, a message, where it happened and what to do.
 * Rendering for a terminal happens in report/, never here.
 */
export type ErrorCode =
  | 'SPEC_USAGE'
  | 'SPEC_CONFIG_NOT_FOUND'
  | 'SPEC_CONFIG_INVALID'
  | 'SPEC_CONFIG_LOAD'
  | 'SPEC_CONFIG_IGNORED'
  | 'SPEC_PARSE'
  | 'SPEC_MARKDOWN'
  | 'SPEC_NO_STEPS'
  | 'SPEC_TABLE_NO_DELIMITER'
  | 'SPEC_STEP_NOT_LISTED'
  | 'SPEC_FRONT_MATTER_KEY'
  | 'SPEC_NO_SPECS'
  | 'SPEC_NO_SCENARIOS'
  | 'SPEC_PATH_NOT_FOUND'
  | 'SPEC_PATH_OUTSIDE_PROJECT'
  | 'SPEC_PROJECT_NOT_FOUND'
  | 'SPEC_OPTION_INVALID'
  | 'SPEC_FILTER_INVALID'
  | 'SPEC_CUCUMBER_MISSING'
  | 'SPEC_CUCUMBER_UNSUPPORTED'
  | 'SPEC_PROFILE_REJECTED'
  | 'SPEC_PROFILE_LOADER_DROPPED'
  | 'SPEC_PROFILE_PARALLEL_IGNORED'
  | 'SPEC_SUPPORT_LOAD'
  | 'SPEC_RUN_CRASH'
  | 'SPEC_RUN_TIMEOUT'
  | 'SPEC_CANCELLED'
  | 'SPEC_GATE'
  | 'SPEC_GATE_MISSING'
  | 'SPEC_INIT_EXISTS'
  | 'SPEC_INIT_SETTINGS'
  | 'SPEC_INTERNAL';

export interface SourceLocation {
  /** Project-relative path, forward slashes. */
  file: string;
  line: number;
  column?: number;
}

export interface SpecProblem {
  code: ErrorCode;
  message: string;
  location?: SourceLocation;
  hint?: string;
}

/** Thrown only across API boundaries for input the run cannot proceed with (exit 2). */
export class SpecloopError extends Error {
  readonly problem: SpecProblem;
  /** Every problem found (the first is `problem`): bad input is reported whole, not one at a time. */
  readonly problems: SpecProblem[];
  constructor(problem: SpecProblem, more: SpecProblem[] = []) {
    super(problem.message);
    this.name = 'SpecloopError';
    this.problem = problem;
    this.problems = [problem, ...more];
  }
}

export function isSpecloopError(value: unknown): value is SpecloopError {
  return value instanceof SpecloopError;
}

export function formatLocation(location: SourceLocation | undefined): string {
  if (!location) return '';
  return location.column ? `${location.file}:${location.line}:${location.column}` : `${location.file}:${location.line}`;
}
