/**
 * Errors are data first: a stable code, a message, where it happened and what to do.
 * Rendering for a terminal happens in report/, never here.
 */
import type { ErrorCode } from './error-codes.js';

export type { ErrorCode } from './error-codes.js';

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
