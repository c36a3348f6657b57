/**
 * The one boundary between specloop and the process it runs in. Below cli/, this is the only
 * module that reads process.cwd(), process.env, process.stdout and process.stderr: makeEnvironment
 * supplies them as the defaults for a library caller who passes none. Everything else takes the
 * SpecEnvironment it is given, so the API, the MCP server and tests run in-process on any folder,
 * variables and streams. The exceptions are the process's own entries: cli/ (the command line)
 * and run/worker.ts (the runner's own thread or child). test/process-access.test.ts checks it.
 */
import path from 'node:path';

export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/**
 * The injected environment: everything below cli/ reads cwd, env and streams from here,
 * so the API, the MCP server and tests can run in-process.
 */
export interface SpecEnvironment {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: OutputStream;
  stderr: OutputStream;
  /**
   * The folder this process stands in, whatever `cwd` names. A runner thread shares it (a thread
   * cannot change folder), so the scenarios may run in a thread only when it is the project's.
   */
  processCwd: string;
}

/** What a library caller may pass: processCwd is a fact about the process, not a choice. */
export type EnvironmentInput = Partial<Omit<SpecEnvironment, 'processCwd'>>;

export function makeEnvironment(partial: Partial<SpecEnvironment> = {}): SpecEnvironment {
  const processCwd = partial.processCwd ?? process.cwd();
  return {
    cwd: path.resolve(processCwd, partial.cwd ?? processCwd),
    env: partial.env ?? process.env,
    stdout: partial.stdout ?? process.stdout,
    stderr: partial.stderr ?? process.stderr,
    processCwd,
  };
}

/** Project-relative, forward-slash path: how every location in a verdict is written. */
export function relativePath(root: string, file: string): string {
  const rel = path.relative(root, path.resolve(root, file));
  return rel.split(path.sep).join('/');
}
