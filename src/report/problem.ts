import { formatLocation, type SourceLocation } from '../core/errors.js';

/** The colours a problem line uses; chalk fits, and so does PLAIN where a stream gets none. */
export interface Paint {
  bold: (text: string) => string;
  dim: (text: string) => string;
  yellow: (text: string) => string;
}

const same = (text: string) => text;
export const PLAIN: Paint = { bold: same, dim: same, yellow: same };

export interface ProblemLine {
  code: string;
  message: string;
  location?: SourceLocation;
  hint?: string;
}

/**
 * The one way a problem (an error, a warning, a setup failure) reads in a terminal:
 * `LEAD file:line message (CODE)`, then `  → hint` when there is one. The caller names what it is.
 */
export function renderProblem(problem: ProblemLine, c: Paint, lead: string, tone: (text: string) => string = same): string {
  const where = problem.location ? `${c.bold(formatLocation(problem.location))} ` : '';
  const hint = problem.hint ? `\n  ${c.yellow('→')} ${problem.hint}` : '';
  return `${lead} ${where}${tone(problem.message)} ${c.dim(`(${problem.code})`)}${hint}`;
}
