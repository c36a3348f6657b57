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
}

export function makeEnvironment(partial: Partial<SpecEnvironment> = {}): SpecEnvironment {
  return {
    cwd: path.resolve(partial.cwd ?? process.cwd()),
    env: partial.env ?? process.env,
    stdout: partial.stdout ?? process.stdout,
    stderr: partial.stderr ?? process.stderr,
  };
}

/** Project-relative, forward-slash path: how every location in a verdict is written. */
export function relativePath(root: string, file: string): string {
  const rel = path.relative(root, path.resolve(root, file));
  return rel.split(path.sep).join('/');
}
