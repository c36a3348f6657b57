import { isSpecloopError } from '../core/errors.js';
import { PLAIN, renderProblem } from '../report/problem.js';

/** What every tool answers: the data as structured content (validated by the SDK against the tool's output schema) and as text. */
export function answer<T extends object>(data: T, text?: string): { content: { type: 'text'; text: string }[]; structuredContent: T & Record<string, unknown> } {
  return { content: [{ type: 'text', text: text ?? JSON.stringify(data) }], structuredContent: data as T & Record<string, unknown> };
}

/**
 * Bad input (a path outside the project, an unknown gate, no verify to explain) is a tool error with
 * its stable code and fix, not a protocol error and never a crash: the agent reads it and retries.
 * Anything else is a specloop bug, said as one.
 */
export function toolError(error: unknown): { content: { type: 'text'; text: string }[]; isError: true } {
  const text = isSpecloopError(error)
    ? error.problems.map((p) => renderProblem(p, PLAIN, 'spec:')).join('\n')
    : `spec: internal error (SPEC_INTERNAL): ${(error as Error)?.message ?? String(error)}\nPlease report this with the tool call that caused it.`;
  return { content: [{ type: 'text', text }], isError: true };
}
