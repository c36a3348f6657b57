import { diffLines } from 'diff';
import { analyzeComplexity, type FunctionComplexity } from './complexity.js';

/** What a line diff between the acked and the current text of one file found. */
export interface LineChanges {
  /** 1-based lines of the current text that were added or changed, blank ones left out. */
  added: number[];
  /** Lines added or changed, blank ones included (the churn figure counts every line). */
  addedCount: number;
  /** Lines of the acked text removed or changed. */
  removedCount: number;
}

/** A line diff; a file absent on one side is wholly added or wholly removed. */
export function lineChanges(before: string | undefined, after: string | undefined): LineChanges {
  const changes: LineChanges = { added: [], addedCount: 0, removedCount: 0 };
  // CRLF against LF, or a newline added at the end, is not a line anybody has to review.
  const parts = diffLines(before ?? '', after ?? '', { stripTrailingCr: true, ignoreNewlineAtEof: true });
  let line = 1;
  for (const part of parts) {
    const count = part.count ?? 0;
    if (part.removed) {
      changes.removedCount += count;
      continue;
    }
    if (part.added) {
      const lines = part.value.split('\n');
      for (let i = 0; i < count; i++) if (lines[i]?.trim()) changes.added.push(line + i);
      changes.addedCount += count;
    }
    line += count;
  }
  return changes;
}

/**
 * What one changed line of a file weighs: the cognitive complexity (own score) of the innermost
 * function it sits in, at least 1; a line in no function weighs 1. At least 1, so a changed line
 * of a straight-line function still counts as something to review.
 */
export function lineWeigher(file: string, text: string): (line: number) => number {
  const functions = safeAnalyze(file, text);
  return (line) => {
    const inner = innermost(functions, line);
    return Math.max(1, inner?.complexity ?? 1);
  };
}

/** The weighted lines added or changed in one file. */
export function weighLines(file: string, text: string, lines: number[]): number {
  if (!lines.length) return 0;
  const weigh = lineWeigher(file, text);
  return lines.reduce((sum, line) => sum + weigh(line), 0);
}

function innermost(functions: FunctionComplexity[], line: number): FunctionComplexity | undefined {
  let best: FunctionComplexity | undefined;
  for (const f of functions) {
    if (f.startLine > line || f.endLine < line) continue;
    if (!best || f.endLine - f.startLine < best.endLine - best.startLine) best = f;
  }
  return best;
}

/** A file TypeScript cannot make functions of still has lines: each then weighs 1. */
function safeAnalyze(file: string, text: string): FunctionComplexity[] {
  try {
    return analyzeComplexity(file, text);
  } catch {
    return [];
  }
}
