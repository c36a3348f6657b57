/**
 * The CLI's entry (bin/spec.js): switches on Node's compile cache for the project before the CLI's
 * modules load, so that they load from it (core/compile-cache.ts says when it is on), then runs the
 * command. The project is found as the commands find it (at or above --cwd, else here); a command
 * that finds none gets its usual error from main(). Under npx, "here" is where the person stood.
 */
import { enableCompileCache } from '../core/compile-cache.js';
import { findProjectRoot } from '../config/project-root.js';
import { folderPersonStoodIn } from './npm-exec.js';

export async function run(argv: string[]): Promise<number> {
  // Every path argument, --cwd included, is from where the person stood (cli/npm-exec.ts).
  const stood = folderPersonStoodIn(process.env, process.cwd());
  if (stood !== undefined) process.chdir(stood);
  const root = findProjectRoot(cwdArgument(argv) ?? process.cwd());
  if (root !== undefined) enableCompileCache(root);
  return (await import('./main.js')).main(argv);
}

/** --cwd's value, read before the command's own parser runs; a malformed one is left for that parser to report. */
function cwdArgument(argv: string[]): string | undefined {
  for (const [index, arg] of argv.entries()) {
    if (arg === '--') return undefined;
    if (arg === '--cwd') return argv[index + 1];
    if (arg.startsWith('--cwd=')) return arg.slice('--cwd='.length);
  }
  return undefined;
}
