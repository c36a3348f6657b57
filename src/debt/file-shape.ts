import { analyzeComplexity } from './complexity.js';
import { executableLines } from './executable-lines.js';

/**
 * What line debt needs of a file's text, and nothing of a run: its executable lines and its
 * functions with their own lines. A function of the text alone, so it is cached by content hash.
 */
export interface FileShape {
  lines: number[];
  functions: { name: string; line: number; endLine: number; complexity: number; own: number[] }[];
}

export function fileShape(file: string, text: string): FileShape {
  const { lines, byFunction } = executableLines(file, text);
  const functions = analyzeComplexity(file, text).map((fn) => ({ name: fn.name, line: fn.startLine, endLine: fn.endLine, complexity: fn.complexity, own: byFunction.get(`${fn.startLine}:${fn.startColumn}`) ?? [] }));
  return { lines, functions };
}
