/**
 * The commit HEAD is on, as `git rev-parse --verify HEAD` gives it. Every verify and every watch run
 * asks (debt's history line names it): a git process each time is tens of ms of a big process's
 * main thread (fork) on a busy machine. HEAD is read from the repository's files instead, for the
 * layouts whose answer is certain (a `.git` folder or a worktree's `.git` file, a loose or packed
 * branch, a detached HEAD); anything else asks git itself: reftable refs, an unborn branch, no
 * `.git` found, a read that fails, and where git's own discovery could end elsewhere or refuse
 * (a variable that moves the repository, a bare repository on the way up, a filesystem boundary,
 * a repository another user owns: safe.directory).
 */
import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * Variables that move where git finds the repository or which refs it reads: with any of them set,
 * only git itself answers as git would.
 */
const MOVES_REPOSITORY = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_CEILING_DIRECTORIES', 'GIT_DISCOVERY_ACROSS_FILESYSTEM', 'GIT_NAMESPACE'];

/**
 * The commit HEAD is on, or null outside git (or when git is missing, fails or is slow). `env` is
 * the variables git runs with; without it, git is asked with the process's own (which only git,
 * not this module, reads).
 */
export async function headCommit(root: string, env?: Record<string, string | undefined>): Promise<string | null> {
  let read: string | undefined;
  try {
    read = !env || MOVES_REPOSITORY.some((name) => env[name] !== undefined) ? undefined : readHead(root);
  } catch {
    read = undefined;
  }
  return read ?? askGit(root, env);
}

/** HEAD's commit from the files, or undefined when they do not settle it. */
export function readHead(root: string): string | undefined {
  const gitDir = findGitDir(path.resolve(root));
  if (!gitDir) return undefined;
  const head = readFileSync(path.join(gitDir, 'HEAD'), 'utf8').trim();
  if (COMMIT.test(head)) return head;
  const ref = /^ref: (refs\/\S+)$/.exec(head)?.[1];
  if (!ref) return undefined;
  const common = commonDir(gitDir);
  // Per-worktree refs (refs/bisect, refs/worktree) stay in the worktree's own folder.
  for (const dir of new Set([gitDir, common])) {
    const loose = tryRead(path.join(dir, ref))?.trim();
    if (loose !== undefined) return COMMIT.test(loose) ? loose : undefined;
  }
  return packedRef(common, ref);
}

/**
 * The repository folder for a work tree at or above `start`: `.git` itself or where a `.git` file
 * points; undefined where git's discovery might answer otherwise (see the top).
 */
function findGitDir(start: string): string | undefined {
  const uid = process.getuid?.();
  let device: number | undefined;
  for (let dir = start; ; dir = path.dirname(dir)) {
    const here = statSync(dir);
    if ((device ??= here.dev) !== here.dev || looksBare(dir)) return undefined;
    const dotGit = path.join(dir, '.git');
    const stat = statSync(dotGit, { throwIfNoEntry: false });
    if (stat && uid !== undefined && (stat.uid !== uid || here.uid !== uid)) return undefined;
    if (stat?.isDirectory()) return dotGit;
    if (stat?.isFile()) {
      const pointed = /^gitdir: (.+)/.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim();
      return pointed ? path.resolve(dir, pointed) : undefined;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** A folder git would take for a repository itself (a bare one, or a `.git` folder named as the root). */
function looksBare(dir: string): boolean {
  return statSync(path.join(dir, 'HEAD'), { throwIfNoEntry: false })?.isFile() === true && statSync(path.join(dir, 'objects'), { throwIfNoEntry: false })?.isDirectory() === true && statSync(path.join(dir, 'refs'), { throwIfNoEntry: false })?.isDirectory() === true;
}

function commonDir(gitDir: string): string {
  const common = tryRead(path.join(gitDir, 'commondir'))?.trim();
  return common ? path.resolve(gitDir, common) : gitDir;
}

function packedRef(common: string, ref: string): string | undefined {
  const packed = tryRead(path.join(common, 'packed-refs'));
  for (const line of packed?.split('\n') ?? []) {
    const [sha, name] = line.trim().split(' ');
    if (name === ref && sha && COMMIT.test(sha)) return sha;
  }
  return undefined;
}

function tryRead(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function askGit(root: string, env: Record<string, string | undefined> | undefined): Promise<string | null> {
  return new Promise((resolve) => {
    execFile('git', ['-C', root, 'rev-parse', '--verify', '--quiet', 'HEAD'], { timeout: 5_000, ...(env ? { env } : {}) }, (error, stdout) => resolve(error ? null : String(stdout).trim() || null));
  });
}
