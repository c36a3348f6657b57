/** A support file that failed to load, as a problem located in the user's own file. Pure. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SpecProblem } from '../core/errors.js';

/** specloop's own compiled files: never the place to point a user at. */
export const OWN_DIST = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export function supportLoadProblem(error: unknown, cwd: string): SpecProblem {
  const err = error as Error;
  const root = `${cwd}${path.sep}`;
  // A syntax error (esbuild via tsx) names its file:line:column in the message; a throw, in the stack.
  const frame = firstUserFrame(err.message, cwd) ?? firstUserFrame(err.stack ?? '', cwd);
  const detail = err.message.split('\n').filter((l) => l.trim()).slice(0, 8).join('\n').split(root).join('');
  return {
    code: 'SPEC_SUPPORT_LOAD',
    message: `loading step definitions failed: ${detail}`,
    ...(frame ? { location: frame } : {}),
    hint: 'fix the error where the step file is imported; the file must load without throwing',
  };
}

function firstUserFrame(stack: string, cwd: string): { file: string; line: number; column?: number } | undefined {
  for (const match of stack.matchAll(/\(?((?:file:\/\/)?\/[^\s():]+):(\d+):(\d+)\)?/g)) {
    const file = match[1]!.replace(/^file:\/\//, '');
    if (file.includes('/node_modules/') || file.startsWith('node:') || file.startsWith(OWN_DIST)) continue;
    return { file: path.relative(cwd, file).split(path.sep).join('/'), line: Number(match[2]), column: Number(match[3]) };
  }
  return undefined;
}
