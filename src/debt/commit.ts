import { execFile } from 'node:child_process';

/** The commit the working tree is on, or null outside git (or when git is missing or slow). */
export function headCommit(root: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile('git', ['-C', root, 'rev-parse', '--verify', '--quiet', 'HEAD'], { timeout: 5_000 }, (error, stdout) => resolve(error ? null : String(stdout).trim() || null));
  });
}
