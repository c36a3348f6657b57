import parseTagExpression from '@cucumber/tag-expressions';
import type { SpecProblem } from '../core/errors.js';

/** A tag expression or name pattern, and where the user wrote it (named in the message). */
export interface FilterSource {
  tags?: { expression: string | undefined; where: string }[];
  names?: { patterns: readonly string[]; where: string }[];
}

/**
 * Checks the scenario filters before anything runs: cucumber would otherwise reject them mid-run
 * as a failed "pickles:filter" transform, which reads like a broken BeforeAll hook.
 */
export function checkFilters(sources: FilterSource): SpecProblem[] {
  const problems: SpecProblem[] = [];
  for (const { expression, where } of sources.tags ?? []) {
    if (!expression?.trim()) continue;
    try {
      parseTagExpression(expression);
    } catch (error) {
      problems.push({
        code: 'SPEC_FILTER_INVALID',
        message: `${where} "${expression}" is not a valid tag expression: ${syntaxError(error)}`,
        hint: 'write tags joined by and / or / not, with balanced parentheses: e.g. "@smoke and not (@slow or @wip)"',
      });
    }
  }
  for (const { patterns, where } of sources.names ?? []) {
    for (const pattern of patterns) {
      try {
        new RegExp(pattern);
      } catch (error) {
        problems.push({
          code: 'SPEC_FILTER_INVALID',
          message: `${where} "${pattern}" is not a valid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '')}`,
          hint: `${where} takes a regular expression matched against scenario names: escape ( ) [ ] { } . * + ? | \\ with a backslash to match them literally`,
        });
      }
    }
  }
  return problems;
}

function syntaxError(error: unknown): string {
  const message = (error as Error).message;
  return message.match(/syntax error: (.*)$/)?.[1] ?? message;
}
